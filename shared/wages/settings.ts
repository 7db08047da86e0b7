import { z } from 'zod';

/**
 * Thresholds for the card-control signals and the checks. Defaults follow
 * field practice reported by ILO and Thai CSO evaluations of e-payment
 * (employers holding ATM cards withdraw on pay day at the pier's ATM); they
 * are screening thresholds, not legal ones, and the user may change them.
 */
export const WageSettings = z.object({
  /** Most of a deposit withdrawn within this many hours of arriving… */
  rapidWithdrawalHours: z.number().positive().default(6),
  /** …where "most" is this share of the deposit. */
  rapidWithdrawalShare: z.number().min(0).max(1).default(0.8),
  /** Withdrawals from several crew members' accounts at one terminal within this many minutes… */
  sharedTerminalMinutes: z.number().positive().default(15),
  /** …from at least this many different accounts. */
  sharedTerminalMinAccounts: z.number().int().min(2).default(3),
  /** Override the rule's cap on deductions (share of the wage). */
  maxDeductionShare: z.number().min(0).max(1).optional(),
  /** Labels on payslips that mean repayment of the recruitment advance. */
  debtLabelPattern: z.string().default('advance|debt|loan|recruit|หนี้|เงินล่วงหน้า|เงินกู้'),
  /** Last month to reconcile for open-ended contracts ("YYYY-MM"); default the latest month in the data. */
  until: z.string().regex(/^\d{4}-\d{2}$/).optional(),
});
export type WageSettings = z.input<typeof WageSettings>;
export type WageSettingsParsed = z.output<typeof WageSettings>;

/** A stretch the vessel's track (marine ingest) puts at sea, in the statements' local time. */
export const AtSeaInterval = z.object({ from: z.string(), to: z.string() });
export type AtSeaInterval = z.infer<typeof AtSeaInterval>;
