import { z } from 'zod';
import { AuditStatus } from '../domain/audit';
import { Id, IsoDate, IsoDateTime } from '../domain/ids';
import { Indicator } from '../domain/indicators';
import { Agency } from '../sync/names';
import { Confidentiality } from '../sync/roles';
import { Currency, Minor, Month } from '../wages/schemas';

/**
 * What one audit tells the hub for the impact figures: counts and sums only.
 * No crew identity, no pseudonym, no answer and no free text ever goes in
 * here; the hub and the port authority read it even when the audit itself is
 * union-confidential (when the union lets aggregates be shared).
 *
 * The forced-labour figure follows the statistical definition of the ILO's
 * Guidelines concerning the measurement of forced labour (20th International
 * Conference of Labour Statisticians, Geneva, October 2018), paragraph 7:
 *
 *   "forced labour of adults is defined for statistical purposes as work for
 *   which a person has not offered him or herself voluntarily (criterion of
 *   'involuntariness') and which is performed under coercion (criterion of
 *   'menace of any penalty') applied by an employer or a third party to the
 *   worker. The coercion may take place during the worker's recruitment
 *   process to force him or her to accept the job or, once the person is
 *   working, to force him or her to do tasks that were not part of what was
 *   agreed to at the time of recruitment or to prevent him or her from
 *   leaving the job."
 *
 * The Guidelines count a person in forced labour when both criteria hold for
 * the same job during the reference period. Here the job is the crew
 * member's work on the audited vessel and the reference period is his time
 * on board up to the interview: a crew member is flagged when his answers in
 * this audit support at least one indicator in the involuntariness dimension
 * and at least one in the coercion (menace of penalty) dimension
 * (shared/forms/profile.ts). It is a statistical flag, never a verdict: only a
 * competent authority decides that forced labour took place.
 */
export const FORCED_LABOUR_DEFINITION =
  'Involuntariness and menace of penalty (coercion) in the same job during the reference period (ILO, Guidelines concerning the measurement of forced labour, 20th ICLS, 2018). A statistical flag, not a legal finding.';

/**
 * The money lines, each on its own so a reader can tell withheld pay from a
 * recruitment fee:
 * - withheld_wages: what was owed (the larger of contract and legal floor)
 *   less lawful deductions and less what was paid, not counting the part an
 *   illegal deduction explains;
 * - illegal_deductions: deductions beyond what the contract allows and the
 *   law caps;
 * - withdrawn_while_card_held: cash withdrawals that a card-control signal
 *   (rapid withdrawal, shared terminal, withdrawal while at sea) says someone
 *   else made;
 * - recruitment_fees: repayments of a recruitment debt taken from wages, and
 *   fees crew say they paid (ILO General Principles on Fair Recruitment:
 *   workers pay no recruitment fees or related costs).
 */
export const MoneyCategory = z.enum(['withheld_wages', 'illegal_deductions', 'withdrawn_while_card_held', 'recruitment_fees']);
export type MoneyCategory = z.infer<typeof MoneyCategory>;

/** documented: from wage records (statements, payslips, contracts); reported: from what crew said in interview. */
export const MoneyBasis = z.enum(['documented', 'reported']);
export type MoneyBasis = z.infer<typeof MoneyBasis>;

export const MoneyLine = z.object({
  category: MoneyCategory,
  basis: MoneyBasis,
  currency: Currency,
  amount: Minor.nonnegative(),
  /** Crew the line covers: crew with wage records in the period, or crew who answered. */
  crew: z.number().int().nonnegative(),
});
export type MoneyLine = z.infer<typeof MoneyLine>;

const Count = z.number().int().nonnegative();

export const AuditSummary = z.object({
  version: z.literal(1),
  auditId: Id,
  vesselId: Id,
  date: IsoDate,
  /** Where the audit took place, as the audit says it (the port). */
  port: z.string().max(200),
  flag: z.string().optional(),
  owner: z.string().max(200).optional(),
  agency: Agency,
  confidentiality: Confidentiality,
  status: AuditStatus,
  /**
   * The crew list. null where this device does not record it yet (present,
   * random selection and officers' presence come with the crew list
   * reconciliation of the audit).
   */
  crew: z.object({
    declared: Count.nullable(),
    present: Count.nullable(),
    selectedAtRandom: Count.nullable(),
    interviewed: Count,
    interviewedWithoutOfficers: Count.nullable(),
  }),
  /**
   * From the interviews' indicator profiles; needs the vault open, so it may
   * lag the crew counts. `interviewed` is the denominator of these counts.
   */
  signals: z
    .object({
      interviewed: Count,
      indicators: z.array(z.object({ indicator: Indicator, crewWithSignal: Count })),
      /** Crew meeting the statistical definition above: a flag, never a verdict. */
      forcedLabour: Count,
    })
    .nullable(),
  wageRecords: z.object({ crew: Count, months: Count, from: Month.optional(), to: Month.optional() }),
  money: z.array(MoneyLine),
  computedAt: IsoDateTime,
});
export type AuditSummary = z.infer<typeof AuditSummary>;
