import type { Payslip, WageReport } from '../wages/schemas';
import { WageSettings } from '../wages/settings';
import type { MoneyCategory, MoneyLine } from './summary';

/** The wage months an audit answers for: after the vessel's previous audit, up to this one's month. */
export interface Period {
  /** Exclusive: the month of the previous audit ("YYYY-MM"), or none. */
  after?: string;
  /** Inclusive: the month of this audit. */
  until: string;
}

const inPeriod = (month: string, p: Period) => month <= p.until && (p.after === undefined || month > p.after);

/**
 * Illicit profit from wage records, per currency and category, over the
 * audit's period. Each crew month's shortfall is split so nothing is counted
 * twice: the part an illegal deduction explains goes to illegal_deductions,
 * the rest to withheld_wages; card-control withdrawals are money that reached
 * the account and was taken out by someone else, so they are on top of it.
 * Recruitment-debt repayments are read from payslip deductions whose label
 * names the debt (the same pattern the wage rules use).
 */
export function documentedMoney(report: WageReport, payslips: readonly Payslip[], period: Period, debtLabelPattern = WageSettings.parse({}).debtLabelPattern): { lines: MoneyLine[]; crew: number; months: number; from?: string; to?: string } {
  const months = report.months.filter((m) => inPeriod(m.month, period));
  const sums = new Map<string, { category: MoneyCategory; currency: string; amount: number }>();
  const crewByCurrency = new Map<string, Set<string>>();
  const add = (category: MoneyCategory, currency: string, amount: number) => {
    const key = `${category}\u001f${currency}`;
    let s = sums.get(key);
    if (!s) sums.set(key, (s = { category, currency, amount: 0 }));
    s.amount += amount;
  };
  for (const m of months) {
    let set = crewByCurrency.get(m.currency);
    if (!set) crewByCurrency.set(m.currency, (set = new Set()));
    set.add(m.crew);
    const illegal = Math.min(m.shortfall, Math.max(0, m.deductions - m.lawfulDeductions));
    add('withheld_wages', m.currency, m.shortfall - illegal);
    add('illegal_deductions', m.currency, illegal);
    add('withdrawn_while_card_held', m.currency, m.suspectedDiverted);
  }
  const debt = new RegExp(debtLabelPattern, 'i');
  const onBoard = new Set(months.map((m) => `${m.crew}\u001f${m.month}`));
  for (const slip of payslips) {
    if (!inPeriod(slip.period, period) || !onBoard.has(`${slip.crew}\u001f${slip.period}`)) continue;
    for (const d of slip.deductions) if (d.amount > 0 && debt.test(d.label)) add('recruitment_fees', slip.currency, d.amount);
  }
  const lines: MoneyLine[] = [...sums.values()]
    .map((s) => ({ category: s.category, basis: 'documented' as const, currency: s.currency, amount: s.amount, crew: crewByCurrency.get(s.currency)?.size ?? 0 }))
    .sort((a, b) => a.currency.localeCompare(b.currency) || a.category.localeCompare(b.category));
  const sorted = months.map((m) => m.month).sort();
  return { lines, crew: new Set(months.map((m) => m.crew)).size, months: new Set(months.map((m) => `${m.crew}\u001f${m.month}`)).size, from: sorted[0], to: sorted.at(-1) };
}

/** Recruitment fees crew said they paid, per currency: `amounts` is one entry per crew member who answered. */
export function reportedFees(amounts: readonly { amount: number; currency: string }[]): MoneyLine[] {
  const byCurrency = new Map<string, { amount: number; crew: number }>();
  for (const a of amounts) {
    if (!(a.amount > 0)) continue;
    const s = byCurrency.get(a.currency) ?? { amount: 0, crew: 0 };
    s.amount += a.amount;
    s.crew++;
    byCurrency.set(a.currency, s);
  }
  return [...byCurrency].map(([currency, s]) => ({ category: 'recruitment_fees' as const, basis: 'reported' as const, currency, amount: s.amount, crew: s.crew })).sort((a, b) => a.currency.localeCompare(b.currency));
}
