import { z } from 'zod';
import { method } from '../contract';
import { EvidenceMeta } from '../../domain/audit';
import { CrewMember, CrewMemberInput } from '../../domain/crew';
import { Id, Sha256 } from '../../domain/ids';
import { Form, FormSummary } from '../../forms/model';
import { AuditProfile, CrewProfile } from '../../forms/profile';
import { Referral } from '../../forms/referrals';
import { AnswerInput, CrewIdentity, InterviewStart, InterviewState, InterviewSummary, Progress } from '../../forms/session';

const VaultStatus = z.object({ initialised: z.boolean(), unlocked: z.boolean(), idleLockSeconds: z.number().int() });
const Passphrase = z.string().min(1, 'type the passphrase').max(1024);
const IdleSeconds = z.number().int().min(30).max(24 * 3600);

/** A chunk of base64 stays well under the server's body limit and Electron's IPC comfort zone. */
const MAX_CHUNK_BASE64 = 1_400_000;

/** `error`: the form is not imported; `ignored`: that cell or column was left out and the rest imported. */
export const ImportProblem = z.object({
  level: z.enum(['error', 'ignored']),
  sheet: z.string(),
  row: z.number().int().optional(),
  column: z.string().optional(),
  message: z.string(),
});

export const interviewMethods = {
  'vault.status': method({ summary: 'Whether the vault has a passphrase and is unlocked', input: z.object({}).default({}), output: VaultStatus }),
  'vault.setup': method({
    summary: 'Choose the passphrase that encrypts interviews (first use only); leaves the vault unlocked',
    input: z.object({ passphrase: Passphrase, idleLockSeconds: IdleSeconds.optional() }),
    output: VaultStatus,
  }),
  'vault.unlock': method({ summary: 'Unlock the vault with the passphrase', input: z.object({ passphrase: Passphrase }), output: VaultStatus }),
  'vault.changePassphrase': method({
    summary: 'Change the passphrase (needs the current one); the data is not re-encrypted, its key is re-wrapped in one step',
    input: z.object({ current: Passphrase, next: Passphrase }),
    output: VaultStatus,
  }),
  'vault.lock': method({ summary: 'Lock the vault now: the key leaves memory', input: z.object({}).default({}), output: VaultStatus }),
  'vault.setIdleLock': method({ summary: 'After how many idle seconds the vault locks itself', input: z.object({ seconds: IdleSeconds }), output: VaultStatus }),

  'forms.list': method({ summary: 'Built-in and imported questionnaires', input: z.object({}).default({}), output: z.array(FormSummary) }),
  'forms.get': method({ summary: 'One questionnaire (newest version unless one is named)', input: z.object({ id: z.string().min(1), version: z.string().optional() }), output: Form }),
  'forms.import': method({
    summary: 'Import an XLSForm workbook (.xlsx, base64); answers with the form or the problems found',
    input: z.object({ filename: z.string().min(1).max(255), base64: z.string().min(1).max(20_000_000) }),
    output: z.object({ form: Form.optional(), problems: z.array(ImportProblem) }),
  }),

  'interviews.crew.add': method({
    summary: 'Add a crew member under a pseudonym; name, document and phone go to the encrypted identity vault',
    input: CrewMemberInput.extend({ identity: CrewIdentity.optional() }),
    output: CrewMember,
  }),
  'interviews.crew.list': method({ summary: "A vessel's crew members (pseudonyms only)", input: z.object({ vesselId: Id }), output: z.array(CrewMember) }),
  'interviews.identity.get': method({
    summary: "A crew member's identity from the vault (needs the vault unlocked)",
    input: z.object({ crewMemberId: Id }),
    output: CrewIdentity.nullable(),
  }),

  'interviews.start': method({
    summary: 'Start an interview: safety checklist and consent first; a refused consent is recorded and nothing else',
    input: InterviewStart,
    output: InterviewState,
  }),
  'interviews.answer': method({ summary: 'Save one answer at once (autosave); null clears it', input: AnswerInput, output: Progress }),
  'interviews.setRepeatCount': method({
    summary: 'How many instances of a repeat group the interview has',
    input: z.object({ interviewId: Id, path: z.string().min(1), count: z.number().int().min(0).max(200) }),
    output: Progress,
  }),
  'interviews.resume': method({ summary: 'Everything needed to continue an interview where it stopped', input: z.object({ interviewId: Id }), output: InterviewState }),
  'interviews.pause': method({ summary: 'Pause an interview to resume later', input: z.object({ interviewId: Id }), output: InterviewSummary }),
  'interviews.finish': method({
    summary: 'End an interview (stopped: the crew member chose to stop) and get the referral list for the port',
    input: z.object({ interviewId: Id, stopped: z.boolean().default(false), portCountry: z.string().length(2).optional() }),
    output: z.object({ interview: InterviewSummary, referrals: z.array(Referral) }),
  }),
  'interviews.list': method({ summary: "An audit's interviews", input: z.object({ auditId: Id }), output: z.array(InterviewSummary) }),
  'interviews.referrals': method({ summary: 'Help lines, shelters and unions for a port country', input: z.object({ country: z.string().length(2).optional() }), output: z.array(Referral) }),

  'interviews.audio.begin': method({
    summary: 'Start uploading a recording of the interview (chunks of base64, kept in memory until encrypted)',
    input: z.object({ interviewId: Id, mediaType: z.string().min(1).max(100) }),
    output: z.object({ uploadId: Id }),
  }),
  'interviews.audio.chunk': method({
    summary: 'One chunk of the recording, in order',
    input: z.object({ uploadId: Id, index: z.number().int().min(0), base64: z.string().max(MAX_CHUNK_BASE64) }),
    output: z.object({ received: z.number().int() }),
  }),
  'interviews.audio.finish': method({
    summary: 'Encrypt the recording and store it as evidence of the interview',
    input: z.object({ uploadId: Id }),
    output: EvidenceMeta,
  }),
  'interviews.audio.abort': method({ summary: 'Drop an unfinished upload', input: z.object({ uploadId: Id }), output: z.object({ uploadId: Id }) }),
  'interviews.audio.get': method({
    summary: 'A recording decrypted, as base64 (needs the vault unlocked)',
    input: z.object({ interviewId: Id, sha256: Sha256 }),
    output: z.object({ mediaType: z.string(), base64: z.string() }),
  }),

  'interviews.profile': method({
    summary: "A crew member's indicator profile from his interviews (signals to follow up, never a verdict)",
    input: z.object({ crewMemberId: Id, auditId: Id.optional() }),
    output: CrewProfile,
  }),
  'interviews.auditProfile': method({ summary: 'Indicator counts across the crew interviewed in an audit', input: z.object({ auditId: Id }), output: AuditProfile }),
  'interviews.export': method({
    summary: 'Export decrypted interview data: an explicit action, logged with who and why',
    input: z.object({
      scope: z.enum(['interview', 'audit']),
      id: Id,
      reason: z.string().trim().min(3, 'say why the data leaves Gangway').max(500),
      exportedBy: z.string().trim().min(1).max(120),
      target: z.string().trim().max(500).default('returned to the caller'),
    }),
    output: z.object({ exportId: Id, interviews: z.array(InterviewState) }),
  }),
};
