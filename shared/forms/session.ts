import { z } from 'zod';
import { Id, IsoDate, IsoDateTime, Sha256 } from '../domain/ids';
import { AnswerValue, Answers, LanguageCode, RepeatCounts } from './model';
import { Consent, SafetyChecklist, SafetyWarning } from './safety';

/** The shapes of a running interview, as the API carries them. */

export const InterviewStatus = z.enum(['in_progress', 'paused', 'finished', 'stopped', 'consent_refused']);
export type InterviewStatus = z.infer<typeof InterviewStatus>;

export const InterviewStart = z.object({
  auditId: Id,
  crewMemberId: Id,
  formId: z.string().min(1).default('gangway.fisher-interview'),
  formVersion: z.string().optional(),
  crewLanguage: LanguageCode,
  inspectorLanguage: LanguageCode.default('en'),
  safety: SafetyChecklist,
  consent: Consent,
});
export type InterviewStart = z.input<typeof InterviewStart>;

export const InterviewSummary = z.object({
  id: Id,
  auditId: Id,
  crewMemberId: Id,
  pseudonym: z.string(),
  formId: z.string(),
  formVersion: z.string(),
  crewLanguage: z.string(),
  inspectorLanguage: z.string(),
  status: InterviewStatus,
  warnings: z.array(SafetyWarning),
  consentAgreed: z.boolean(),
  recordingAgreed: z.boolean(),
  answeredCount: z.number().int(),
  startedAt: IsoDateTime,
  updatedAt: IsoDateTime,
  finishedAt: IsoDateTime.optional(),
});
export type InterviewSummary = z.infer<typeof InterviewSummary>;

export const RecordingMeta = z.object({ sha256: Sha256, mediaType: z.string(), size: z.number().int(), createdAt: IsoDateTime });

export const Progress = z.object({
  next: z.string().nullable(),
  complete: z.boolean(),
  missing: z.array(z.string()),
  invalid: z.array(z.string()),
  answeredCount: z.number().int(),
});
export type Progress = z.infer<typeof Progress>;

export const InterviewState = z.object({
  interview: InterviewSummary,
  safety: SafetyChecklist,
  answers: Answers,
  repeatCounts: RepeatCounts,
  progress: Progress,
  recordings: z.array(RecordingMeta),
});
export type InterviewState = z.infer<typeof InterviewState>;

export const AnswerInput = z.object({
  interviewId: Id,
  path: z.string().min(1).max(300),
  /** null clears the answer */
  value: AnswerValue.nullable(),
});

export const CrewIdentity = z.object({
  name: z.string().trim().min(1).max(200),
  documentNo: z.string().trim().max(60).optional(), // passport or seafarer ID
  phone: z.string().trim().max(40).optional(),
  /** From the declared crew list: the age check needs it, the vault keeps it. */
  dateOfBirth: IsoDate.optional(),
});
export type CrewIdentity = z.infer<typeof CrewIdentity>;
