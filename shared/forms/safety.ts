import { z } from 'zod';

/**
 * Who is in the room before a single question. Known failures of real
 * inspections: interviews held in front of the captain, or with the captain
 * interpreting (ILO, "Hard to see, harder to count", 2012; ILO Guidelines on
 * flag State inspection of working and living conditions on board fishing
 * vessels, 2017, §§ on interviews held in private).
 */
export const PresentPerson = z.enum(['captain', 'officer', 'owner', 'recruiter', 'other_crew', 'interpreter', 'other']);
export type PresentPerson = z.infer<typeof PresentPerson>;

/** Whose interpreter: one brought by the vessel side is a risk. */
export const InterpreterOf = z.enum(['inspector', 'ngo', 'crew_member', 'captain', 'officer', 'owner', 'recruiter', 'other']);

export const SafetyChecklist = z.object({
  present: z.array(PresentPerson).default([]),
  interpreter: z.object({ of: InterpreterOf, language: z.string().optional() }).optional(),
  place: z.string().trim().min(1, 'say where the interview is held').max(200),
  /** Can people outside the interview hear the crew member? */
  canBeOverheard: z.boolean(),
});
export type SafetyChecklist = z.infer<typeof SafetyChecklist>;
export type SafetyChecklistInput = z.input<typeof SafetyChecklist>;

export const SafetyWarningCode = z.enum(['captain_present', 'officer_present', 'owner_present', 'recruiter_present', 'interpreter_from_vessel', 'can_be_overheard']);
export const SafetyWarning = z.object({
  code: SafetyWarningCode,
  /** `stop`: move the interview somewhere else or without that person; `caution`: note it and go on carefully */
  level: z.enum(['stop', 'caution']),
});
export type SafetyWarning = z.infer<typeof SafetyWarning>;

const VESSEL_SIDE = new Set(['captain', 'officer', 'owner', 'recruiter']);

export function safetyWarnings(c: SafetyChecklist): SafetyWarning[] {
  const out: SafetyWarning[] = [];
  if (c.present.includes('captain')) out.push({ code: 'captain_present', level: 'stop' });
  if (c.present.includes('officer')) out.push({ code: 'officer_present', level: 'stop' });
  if (c.present.includes('owner')) out.push({ code: 'owner_present', level: 'stop' });
  if (c.present.includes('recruiter')) out.push({ code: 'recruiter_present', level: 'stop' });
  if (c.interpreter && VESSEL_SIDE.has(c.interpreter.of)) out.push({ code: 'interpreter_from_vessel', level: 'stop' });
  if (c.canBeOverheard) out.push({ code: 'can_be_overheard', level: 'caution' });
  return out;
}

/** Informed consent, read to the crew member in his language before anything else. */
export const Consent = z.object({
  language: z.string().regex(/^[a-z]{2,3}$/),
  purposeExplained: z.boolean(),
  useExplained: z.boolean(),
  rightToStopExplained: z.boolean(),
  agreed: z.boolean(),
  /** He may agree to the interview and refuse the recording. */
  recordingAgreed: z.boolean(),
});
export type Consent = z.infer<typeof Consent>;
