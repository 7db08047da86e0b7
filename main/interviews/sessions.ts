import crypto from 'node:crypto';
import { GangwayError } from '../../shared/errors';
import { answerProblem } from '../../shared/forms/answerCheck';
import { evaluateForm } from '../../shared/forms/evaluator';
import { z } from 'zod';
import { AnswerValue, RepeatCounts, type Answers, type Form } from '../../shared/forms/model';
import { referralsFor, type Referral } from '../../shared/forms/referrals';
import { Consent, SafetyChecklist, safetyWarnings, type SafetyWarning } from '../../shared/forms/safety';
import { InterviewStart, InterviewSummary, type InterviewState, type InterviewStatus, type Progress } from '../../shared/forms/session';
import { getForm } from '../forms/repository';
import { inTransaction, type Db } from '../store/database';
import { auditExists } from '../store/repos/audits';
import { now } from '../store/repos/rows';
import type { Vault } from '../vault/vault';
import { logRecord } from '../evidence-log/record';

/**
 * A running interview. Every answer is sealed and written the moment it is
 * given (autosave), so a crash, a flat battery or a crew member called away
 * loses nothing: `resume` rebuilds the state and says where to go on.
 */

export const answerContext = (interviewId: string, slot: string) => `answer:${interviewId}:${slot}`;
const safetyContext = (interviewId: string) => `safety:${interviewId}`;
const repeatsContext = (interviewId: string) => `repeats:${interviewId}`;
const slotOf = (vault: Vault, interviewId: string, path: string) => vault.blindIndex(`answer:${interviewId}:${path}`);

const SealedAnswer = z.object({ path: z.string(), value: AnswerValue });

interface InterviewRow {
  id: string;
  audit_id: string;
  crew_member_id: string;
  pseudonym: string;
  form_id: string;
  form_version: string;
  crew_language: string;
  inspector_language: string;
  status: InterviewStatus;
  safety_envelope: Buffer;
  warnings: string;
  consent_agreed: number;
  recording_agreed: number;
  repeat_counts_envelope: Buffer;
  started_at: string;
  updated_at: string;
  finished_at: string | null;
  answered: number;
}

const SELECT = `SELECT i.*, c.pseudonym, (SELECT COUNT(*) FROM interview_answers a WHERE a.interview_id = i.id) AS answered
  FROM interviews i JOIN crew_members c ON c.id = i.crew_member_id`;

function row(db: Db, id: string): InterviewRow {
  const r = db.prepare(`${SELECT} WHERE i.id = ?`).get(id) as InterviewRow | undefined;
  if (!r) throw new GangwayError('NOT_FOUND', 'That interview does not exist.');
  return r;
}

function summary(r: InterviewRow): InterviewSummary {
  const warnings = JSON.parse(r.warnings) as SafetyWarning[];
  return InterviewSummary.parse({
    id: r.id,
    auditId: r.audit_id,
    crewMemberId: r.crew_member_id,
    pseudonym: r.pseudonym,
    formId: r.form_id,
    formVersion: r.form_version,
    crewLanguage: r.crew_language,
    inspectorLanguage: r.inspector_language,
    status: r.status,
    warnings,
    consentAgreed: r.consent_agreed === 1,
    recordingAgreed: r.recording_agreed === 1,
    answeredCount: r.answered,
    startedAt: r.started_at,
    updatedAt: r.updated_at,
    finishedAt: r.finished_at ?? undefined,
  });
}

function loadAnswers(db: Db, vault: Vault, interviewId: string): Answers {
  const rows = db.prepare('SELECT slot, envelope FROM interview_answers WHERE interview_id = ?').all(interviewId) as { slot: string; envelope: Buffer }[];
  const out: Answers = {};
  for (const r of rows) {
    const { path, value } = SealedAnswer.parse(vault.openJson(r.envelope, answerContext(interviewId, r.slot)));
    out[path] = value;
  }
  return out;
}

function loadRepeatCounts(vault: Vault, r: InterviewRow): RepeatCounts {
  return RepeatCounts.parse(vault.openJson(r.repeat_counts_envelope, repeatsContext(r.id)));
}

function progress(form: Form, answers: Answers, repeatCounts: RepeatCounts): Progress {
  const e = evaluateForm(form, { answers, repeatCounts });
  return { next: e.next, complete: e.complete, missing: e.missing, invalid: e.invalid, answeredCount: Object.keys(answers).length };
}

function formOf(db: Db, r: InterviewRow): Form {
  return getForm(db, r.form_id, r.form_version);
}

export function startInterview(db: Db, vault: Vault, raw: InterviewStart): InterviewState {
  const input = InterviewStart.parse(raw);
  const safety = SafetyChecklist.parse(input.safety);
  const consent = Consent.parse(input.consent);
  if (!auditExists(db, input.auditId)) throw new GangwayError('NOT_FOUND', 'That audit does not exist.');
  if (!db.prepare('SELECT 1 FROM crew_members WHERE id = ?').get(input.crewMemberId)) throw new GangwayError('NOT_FOUND', 'That crew member is not recorded.');
  const form = getForm(db, input.formId, input.formVersion);
  if (!form.languages.some((l) => l.language === input.crewLanguage)) {
    throw new GangwayError('VALIDATION', `The form "${form.id}" has no ${input.crewLanguage} text. Choose one of: ${form.languages.map((l) => l.language).join(', ')}.`);
  }
  const id = crypto.randomUUID();
  const at = now();
  const agreed = consent.agreed && consent.purposeExplained && consent.useExplained && consent.rightToStopExplained;
  const status: InterviewStatus = agreed ? 'in_progress' : 'consent_refused';
  db.prepare(
    `INSERT INTO interviews (id, audit_id, crew_member_id, form_id, form_version, crew_language, inspector_language, status, safety_envelope, warnings,
       consent_agreed, recording_agreed, repeat_counts_envelope, started_at, updated_at, finished_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    id,
    input.auditId,
    input.crewMemberId,
    form.id,
    form.version,
    input.crewLanguage,
    input.inspectorLanguage,
    status,
    vault.sealJson(safety, safetyContext(id)),
    JSON.stringify(safetyWarnings(safety)),
    agreed ? 1 : 0,
    agreed && consent.recordingAgreed ? 1 : 0,
    vault.sealJson({}, repeatsContext(id)),
    at,
    at,
    agreed ? null : at,
  );
  return resumeInterview(db, vault, id);
}

export function resumeInterview(db: Db, vault: Vault, interviewId: string): InterviewState {
  const r = row(db, interviewId);
  const form = formOf(db, r);
  const answers = loadAnswers(db, vault, interviewId);
  const repeatCounts = loadRepeatCounts(vault, r);
  const recordings = db
    .prepare(
      `SELECT r.sha256, r.media_type AS mediaType, e.size, r.created_at AS createdAt FROM interview_recordings r JOIN evidence e ON e.sha256 = r.sha256
       WHERE r.interview_id = ? ORDER BY r.created_at`,
    )
    .all(interviewId) as InterviewState['recordings'];
  return {
    interview: summary(r),
    safety: SafetyChecklist.parse(vault.openJson(r.safety_envelope, safetyContext(interviewId))),
    answers,
    repeatCounts,
    progress: progress(form, answers, repeatCounts),
    recordings,
  };
}

function requireOpen(r: InterviewRow): void {
  if (r.status === 'consent_refused') throw new GangwayError('FORBIDDEN', 'The crew member did not consent: this interview takes no answers.');
  if (r.status === 'finished' || r.status === 'stopped') throw new GangwayError('CONFLICT', 'This interview is closed. Start a new one to ask more.');
}

export function saveAnswer(db: Db, vault: Vault, interviewId: string, path: string, value: AnswerValue | null): Progress {
  const r = row(db, interviewId);
  requireOpen(r);
  const form = formOf(db, r);
  const answers = loadAnswers(db, vault, interviewId);
  const repeatCounts = loadRepeatCounts(vault, r);
  if (value !== null) {
    const problem = answerProblem(form, path, value, { answers, repeatCounts }, r.inspector_language);
    if (problem) throw new GangwayError('VALIDATION', `Not saved: ${problem}.`, [{ path, message: problem }]);
  }
  const at = now();
  const slot = slotOf(vault, interviewId, path);
  inTransaction(db, () => {
    if (value === null) {
      db.prepare('DELETE FROM interview_answers WHERE interview_id = ? AND slot = ?').run(interviewId, slot);
      delete answers[path];
    } else {
      db.prepare(
        `INSERT INTO interview_answers (interview_id, slot, envelope, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (interview_id, slot) DO UPDATE SET envelope = excluded.envelope, updated_at = excluded.updated_at`,
      ).run(interviewId, slot, vault.sealJson({ path, value }, answerContext(interviewId, slot)), at);
      answers[path] = value;
    }
    db.prepare(`UPDATE interviews SET updated_at = ?, status = 'in_progress' WHERE id = ?`).run(at, interviewId);
  });
  return progress(form, answers, repeatCounts);
}

export function setRepeatCount(db: Db, vault: Vault, interviewId: string, path: string, count: number): Progress {
  const r = row(db, interviewId);
  requireOpen(r);
  const form = formOf(db, r);
  const answers = loadAnswers(db, vault, interviewId);
  const repeatCounts = { ...loadRepeatCounts(vault, r), [path]: count };
  const known = evaluateForm(form, { answers, repeatCounts }).repeats.some((x) => x.path === path && !x.fixed);
  if (!known) throw new GangwayError('VALIDATION', `"${path}" is not a repeat the interviewer can add to here.`);
  db.prepare('UPDATE interviews SET repeat_counts_envelope = ?, updated_at = ? WHERE id = ?').run(vault.sealJson(repeatCounts, repeatsContext(interviewId)), now(), interviewId);
  return progress(form, answers, repeatCounts);
}

export function pauseInterview(db: Db, interviewId: string): InterviewSummary {
  const r = row(db, interviewId);
  requireOpen(r);
  db.prepare(`UPDATE interviews SET status = 'paused', updated_at = ? WHERE id = ?`).run(now(), interviewId);
  return summary(row(db, interviewId));
}

export function finishInterview(db: Db, interviewId: string, stopped: boolean, portCountry?: string): { interview: InterviewSummary; referrals: Referral[] } {
  const r = row(db, interviewId);
  if (r.status !== 'finished' && r.status !== 'stopped' && r.status !== 'consent_refused') {
    const at = now();
    inTransaction(db, () => {
      db.prepare('UPDATE interviews SET status = ?, updated_at = ?, finished_at = ? WHERE id = ?').run(stopped ? 'stopped' : 'finished', at, at, interviewId);
      // The log holds the hash of the sealed record as it was at the end: the ciphertext, never the answers.
      const sealed = db.prepare('SELECT slot, envelope FROM interview_answers WHERE interview_id = ? ORDER BY slot').all(interviewId) as { slot: string; envelope: Buffer }[];
      const hash = crypto.createHash('sha256');
      for (const a of [{ slot: 'safety', envelope: r.safety_envelope }, ...sealed]) hash.update(a.slot).update(a.envelope);
      logRecord(db, { kind: 'interview', auditId: r.audit_id, subject: interviewId, contentHash: hash.digest('hex'), action: stopped ? 'stopped' : 'finished' });
    });
  }
  // Referral information is given even when he stopped or refused: that is when it matters most.
  return { interview: summary(row(db, interviewId)), referrals: referralsFor(portCountry) };
}

export function listInterviews(db: Db, auditId: string): InterviewSummary[] {
  return (db.prepare(`${SELECT} WHERE i.audit_id = ? ORDER BY i.started_at`).all(auditId) as InterviewRow[]).map(summary);
}

export function interviewIds(db: Db, where: { auditId?: string; crewMemberId?: string }): string[] {
  const rows = db
    .prepare(`SELECT id FROM interviews WHERE (? IS NULL OR audit_id = ?) AND (? IS NULL OR crew_member_id = ?) ORDER BY started_at`)
    .all(where.auditId ?? null, where.auditId ?? null, where.crewMemberId ?? null, where.crewMemberId ?? null) as { id: string }[];
  return rows.map((r) => r.id);
}
