import { z } from 'zod';
import { IsoDate } from '../domain/ids';
import { Currency, Minor } from './schemas';

/**
 * The legal floor is data: one row per jurisdiction, sector, (region) and
 * effective date, entered by the user with its source (a gazette, a port
 * authority registry) and later synced. No figure lives in the code.
 */
export const FloorEntry = z.object({
  jurisdiction: z.string().regex(/^[A-Z]{2}$/, 'jurisdiction must be a two-letter ISO 3166 code, e.g. TH'),
  sector: z.string().min(1).default('sea-fishery'),
  region: z.string().optional(),
  effectiveFrom: IsoDate,
  /** Daily minimum wage, minor units. */
  dailyMinimum: Minor.nonnegative().optional(),
  /** A monthly minimum where the law states one directly. */
  monthlyMinimum: Minor.nonnegative().optional(),
  currency: Currency,
  source: z.string().min(1, 'say where the figure comes from (gazette, notification, registry)'),
}).refine((e) => e.dailyMinimum !== undefined || e.monthlyMinimum !== undefined, { message: 'give a daily or a monthly minimum' });
export type FloorEntry = z.infer<typeof FloorEntry>;

/** How a jurisdiction's sector rule turns the figures into a monthly floor and what else it requires. */
export const WageRule = z.object({
  jurisdiction: z.string(),
  sector: z.string(),
  name: z.string(),
  source: z.string(),
  /** Monthly floor = daily minimum × this many days (for a full month on board). */
  floorDays: z.number().int().positive(),
  /** Longest gap allowed between payments; 'monthly' means every calendar month on board. */
  frequency: z.enum(['monthly']),
  byBankTransfer: z.boolean(),
  employerPaysFees: z.boolean(),
  /** Days after the end of a wage period by which the payment must be made. */
  maxPaymentDelayDays: z.number().int().nonnegative(),
  /** Share of the wage the deductions together may not exceed. */
  maxDeductionShare: z.number().min(0).max(1),
});
export type WageRule = z.infer<typeof WageRule>;

/**
 * Thailand, sea fishery: Ministerial Regulation on Labour Protection in Sea
 * Fishery Work B.E. 2557 (2014) as amended (No. 2) B.E. 2561 (2018): wages at
 * least monthly, by transfer into the fisher's own bank account, employer
 * bears the transfer fees, monthly wage not below the daily minimum wage × 30.
 * Deductions are capped at one fifth of the wage by the Labour Protection Act
 * B.E. 2541 (1998), section 76. The payment delay allowance (3 days after the
 * period for the transfer to land) is our default and editable.
 */
export const THAI_SEA_FISHERY: WageRule = {
  jurisdiction: 'TH',
  sector: 'sea-fishery',
  name: 'Thai sea-fishery wage rule',
  source: 'Ministerial Regulation on Labour Protection in Sea Fishery Work B.E. 2557, amended B.E. 2561; Labour Protection Act B.E. 2541 s.76',
  floorDays: 30,
  frequency: 'monthly',
  byBankTransfer: true,
  employerPaysFees: true,
  maxPaymentDelayDays: 3,
  maxDeductionShare: 0.2,
};

export const WAGE_RULES: readonly WageRule[] = [THAI_SEA_FISHERY];

export const FloorTable = z.array(FloorEntry);

/** The entry in force on `date` (the latest effectiveFrom not after it), for a jurisdiction and sector. */
export function floorOn(table: readonly FloorEntry[], date: string, jurisdiction: string, sector = 'sea-fishery', region?: string): FloorEntry | undefined {
  let best: FloorEntry | undefined;
  for (const e of table) {
    if (e.jurisdiction !== jurisdiction || e.sector !== sector || e.effectiveFrom > date) continue;
    if (e.region !== undefined && e.region !== region) continue;
    if (!best || e.effectiveFrom > best.effectiveFrom || (e.effectiveFrom === best.effectiveFrom && e.region !== undefined)) best = e;
  }
  return best;
}

/**
 * The floor owed for `days` on board in a month of `daysInMonth` days: a full
 * month owes daily × rule.floorDays (or the monthly minimum if larger); a part
 * month owes daily × days (or the monthly minimum pro rata).
 */
export function floorDue(entry: FloorEntry | undefined, rule: WageRule, days: number, daysInMonth: number): number {
  if (!entry || days <= 0) return 0;
  const full = days >= daysInMonth;
  const byDay = entry.dailyMinimum !== undefined ? entry.dailyMinimum * (full ? rule.floorDays : days) : 0;
  const byMonth = entry.monthlyMinimum !== undefined ? Math.round((entry.monthlyMinimum * days) / daysInMonth) : 0;
  return Math.max(byDay, byMonth);
}
