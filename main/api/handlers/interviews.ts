import { interviewMethods } from '../../../shared/api/methods/interviews';
import { referralsFor } from '../../../shared/forms/referrals';
import { importXlsForm } from '../../forms/xlsform';
import { getForm, listForms, saveForm } from '../../forms/repository';
import { addCrewMember, getIdentity, listCrew } from '../../interviews/crew';
import { exportInterviews } from '../../interviews/exports';
import { auditCrewProfile, crewMemberProfile } from '../../interviews/profiles';
import { abortRecording, addChunk, beginRecording, finishRecording, readRecording } from '../../interviews/recordings';
import { finishInterview, listInterviews, pauseInterview, resumeInterview, saveAnswer, setRepeatCount, startInterview } from '../../interviews/sessions';
import { inTransaction } from '../../store/database';
import { recordInterviewConditions } from '../../store/repos/auditDraws';
import { vaultFor } from '../../vault/vault';
import type { CoreContext } from '../context';
import { afterwards, publishAuditSummary } from '../../impact/publish';
import type { Handlers } from '../types';

type InterviewMethods = keyof typeof interviewMethods;

const vault = (ctx: CoreContext) => vaultFor(ctx.store.db);

export const interviewHandlers: Handlers<InterviewMethods> = {
  'vault.status': (_i, ctx) => vault(ctx).status(),
  'vault.setup': async ({ passphrase, idleLockSeconds }, ctx) => {
    await vault(ctx).create(passphrase, idleLockSeconds);
    return vault(ctx).status();
  },
  'vault.unlock': async ({ passphrase }, ctx) => {
    await vault(ctx).unlock(passphrase);
    return vault(ctx).status();
  },
  'vault.changePassphrase': async ({ current, next }, ctx) => {
    await vault(ctx).changePassphrase(current, next);
    return vault(ctx).status();
  },
  'vault.lock': (_i, ctx) => {
    vault(ctx).lock();
    return vault(ctx).status();
  },
  'vault.setIdleLock': ({ seconds }, ctx) => {
    vault(ctx).setIdleLock(seconds);
    return vault(ctx).status();
  },

  'forms.list': (_i, ctx) => listForms(ctx.store.db),
  'forms.get': ({ id, version }, ctx) => getForm(ctx.store.db, id, version),
  'forms.import': async ({ filename, base64 }, ctx) => {
    const result = await importXlsForm(Buffer.from(base64, 'base64'), filename);
    if (result.form) saveForm(ctx.store.db, result.form, filename);
    return result;
  },

  'interviews.crew.add': (input, ctx) => addCrewMember(ctx.store.db, vault(ctx), input),
  'interviews.crew.list': ({ vesselId }, ctx) => listCrew(ctx.store.db, vesselId),
  'interviews.identity.get': ({ crewMemberId }, ctx) => getIdentity(ctx.store.db, vault(ctx), crewMemberId),

  // Randomly selected, and without the captain or officers in the room: facts the impact figures count.
  'interviews.start': (input, ctx) =>
    inTransaction(ctx.store.db, () => {
      const state = startInterview(ctx.store.db, vault(ctx), input);
      recordInterviewConditions(ctx.store.db, { id: state.interview.id, auditId: input.auditId, crewMemberId: input.crewMemberId }, input.safety.present ?? []);
      return state;
    }),
  'interviews.answer': ({ interviewId, path, value }, ctx) => saveAnswer(ctx.store.db, vault(ctx), interviewId, path, value),
  'interviews.setRepeatCount': ({ interviewId, path, count }, ctx) => setRepeatCount(ctx.store.db, vault(ctx), interviewId, path, count),
  'interviews.resume': ({ interviewId }, ctx) => resumeInterview(ctx.store.db, vault(ctx), interviewId),
  'interviews.pause': ({ interviewId }, ctx) => pauseInterview(ctx.store.db, interviewId),
  'interviews.finish': ({ interviewId, stopped, portCountry }, ctx) => {
    const result = finishInterview(ctx.store.db, interviewId, stopped, portCountry);
    // The vault is open now (the answers were just given): the audit's signals can be counted.
    afterwards(() => publishAuditSummary(ctx.store, result.interview.auditId));
    return result;
  },
  'interviews.list': ({ auditId }, ctx) => listInterviews(ctx.store.db, auditId),
  'interviews.referrals': ({ country }) => referralsFor(country),

  'interviews.audio.begin': ({ interviewId, mediaType }, ctx) => beginRecording(ctx.store, interviewId, mediaType),
  'interviews.audio.chunk': ({ uploadId, index, base64 }) => addChunk(uploadId, index, base64),
  'interviews.audio.finish': ({ uploadId }, ctx) => finishRecording(ctx.store, vault(ctx), uploadId),
  'interviews.audio.abort': ({ uploadId }) => {
    abortRecording(uploadId);
    return { uploadId };
  },
  'interviews.audio.get': ({ interviewId, sha256 }, ctx) => {
    const r = readRecording(ctx.store, vault(ctx), interviewId, sha256);
    return { mediaType: r.mediaType, base64: r.bytes.toString('base64') };
  },

  'interviews.profile': ({ crewMemberId, auditId }, ctx) => crewMemberProfile(ctx.store.db, vault(ctx), crewMemberId, auditId),
  'interviews.auditProfile': ({ auditId }, ctx) => auditCrewProfile(ctx.store.db, vault(ctx), auditId),
  'interviews.export': (input, ctx) => exportInterviews(ctx.store.db, vault(ctx), input),
};
