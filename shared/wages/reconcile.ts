import { addDays, daysInMonth, monthsBetween } from './dates';
import { floorDue, floorOn, THAI_SEA_FISHERY, type FloorEntry, type WageRule } from './floor';
import { FLAG_INDICATOR } from './indicators';
import { formatMinor } from './money';
import { cardControlSignals, type CrewAccount } from './rules/card-control';
import { checkDeductions } from './rules/deductions';
import type { Contract, CrewMonth, Flag, Payslip, Transaction, WageReport, WageTotals } from './schemas';
import { WageSettings, type AtSeaInterval, type WageSettings as WageSettingsInput } from './settings';

export interface WageInput {
  contracts: readonly Contract[];
  transactions: readonly Transaction[];
  payslips?: readonly Payslip[];
  floor?: readonly FloorEntry[];
  rule?: WageRule;
  settings?: WageSettingsInput;
  /** Per vessel (as named in the contracts), stretches at sea from the vessel's track. */
  atSea?: Readonly<Record<string, readonly AtSeaInterval[]>>;
}

const cmp = (a: Transaction, b: Transaction) => (a.bookedAt < b.bookedAt ? -1 : a.bookedAt > b.bookedAt ? 1 : a.line - b.line);

/** Days of `month` covered by [start, end]. */
function daysCovered(month: string, start: string, end: string | undefined): number {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  const dim = daysInMonth(y, m);
  const first = `${month}-01`;
  const last = `${month}-${String(dim).padStart(2, '0')}`;
  const from = start > first ? start : first;
  const to = end && end < last ? end : last;
  if (from > to) return 0;
  return Number(to.slice(8, 10)) - Number(from.slice(8, 10)) + 1;
}

function latestMonth(input: WageInput): string {
  let latest = '0000-00';
  for (const t of input.transactions) if (t.bookedAt.slice(0, 7) > latest) latest = t.bookedAt.slice(0, 7);
  for (const s of input.payslips ?? []) if (s.period > latest) latest = s.period;
  for (const c of input.contracts) {
    const m = (c.end ?? c.start).slice(0, 7);
    if (m > latest) latest = m;
  }
  return latest;
}

/**
 * Per crew member and month on board: what was owed (the larger of contract
 * and legal floor), what reached the account, what was deducted, what a
 * card-control signal suggests was taken by someone else, and the shortfall;
 * then totals per vessel and currency.
 */
export function reconcile(input: WageInput): WageReport {
  const rule = input.rule ?? THAI_SEA_FISHERY;
  const settings = WageSettings.parse(input.settings ?? {});
  const maxShare = settings.maxDeductionShare ?? rule.maxDeductionShare;
  const debtLabel = new RegExp(settings.debtLabelPattern, 'i');
  const until = settings.until ?? latestMonth(input);
  const notes: string[] = [];

  const owners = new Map<string, CrewAccount>();
  for (const c of input.contracts) if (c.account) owners.set(c.account, { crew: c.crew, vessel: c.vessel });

  const byAccount = new Map<string, Transaction[]>();
  const orphans = new Map<string, number>();
  for (const t of input.transactions) {
    if (!owners.has(t.account)) orphans.set(t.account, (orphans.get(t.account) ?? 0) + 1);
    const list = byAccount.get(t.account) ?? [];
    list.push(t);
    byAccount.set(t.account, list);
  }
  for (const list of byAccount.values()) list.sort(cmp);
  for (const [account, n] of orphans) notes.push(`${n} transaction${n === 1 ? '' : 's'} in account ${account || '(none)'} belong${n === 1 ? 's' : ''} to no crew member in the contracts; left out.`);

  const card = cardControlSignals(byAccount, owners, settings, input.atSea);
  const cardFlags = new Map<string, Flag[]>();
  for (const f of card.flags) {
    const key = `${f.crew}\u001f${f.month}`;
    const list = cardFlags.get(key);
    if (list) list.push(f);
    else cardFlags.set(key, [f]);
  }

  const slips = new Map<string, Payslip>();
  const slipsByCrew = new Map<string, Payslip[]>();
  for (const s of input.payslips ?? []) {
    slips.set(`${s.crew}\u001f${s.period}`, s);
    if (!s.paymentDate) continue;
    const list = slipsByCrew.get(s.crew);
    if (list) list.push(s);
    else slipsByCrew.set(s.crew, [s]);
  }

  // Per account and month: deposits, withdrawals, suspected withdrawals, fees.
  interface Sums { paid: number; withdrawn: number; diverted: number; fees: number; deposits: string[]; feeIds: string[] }
  const sums = new Map<string, Sums>();
  for (const [account, list] of byAccount) {
    const owner = owners.get(account);
    if (!owner) continue;
    const unmatched = (slipsByCrew.get(owner.crew) ?? []).map((s) => ({
      period: s.period,
      from: addDays(s.paymentDate!, -rule.maxPaymentDelayDays),
      to: addDays(s.paymentDate!, rule.maxPaymentDelayDays),
    }));
    for (const t of list) {
      // A deposit pays the period of the payslip paid that day (± the rule's delay), so a
      // late payment counts for its own month and is flagged late, not as a missing month.
      let period = t.bookedAt.slice(0, 7);
      if (t.kind === 'deposit' && unmatched.length > 0) {
        const day = t.bookedAt.slice(0, 10);
        const at = unmatched.findIndex((s) => s.from <= day && day <= s.to);
        if (at >= 0) period = unmatched.splice(at, 1)[0]!.period;
      }
      const key = `${account}\u001f${t.kind === 'deposit' ? period : t.bookedAt.slice(0, 7)}`;
      let s = sums.get(key);
      if (!s) sums.set(key, (s = { paid: 0, withdrawn: 0, diverted: 0, fees: 0, deposits: [], feeIds: [] }));
      if (t.kind === 'deposit') {
        s.paid += t.amount;
        s.deposits.push(t.identity);
      } else if (t.kind === 'withdrawal') {
        s.withdrawn -= t.amount;
        if (card.suspected.has(t.identity)) s.diverted -= t.amount;
      } else if (t.kind === 'fee') {
        s.fees -= t.amount;
        s.feeIds.push(t.identity);
      }
    }
  }
  const contractsByCrew = new Map<string, Contract[]>();
  for (const c of input.contracts) {
    const list = contractsByCrew.get(c.crew);
    if (list) list.push(c);
    else contractsByCrew.set(c.crew, [c]);
  }

  const slipCrew = new Set((input.payslips ?? []).map((p) => p.crew));
  const unseen = [...contractsByCrew.entries()].filter(([crew, cs]) => !cs.some((c) => c.account && byAccount.has(c.account)) && !slipCrew.has(crew)).map(([crew]) => crew);
  if (unseen.length > 0) {
    notes.push(`${unseen.length} crew member${unseen.length === 1 ? ' has' : 's have'} neither a bank statement nor a payslip (${unseen.slice(0, 10).join(', ')}${unseen.length > 10 ? ', …' : ''}): their months count as unpaid. Add their statements if they exist.`);
  }

  const dueByMonth = new Map<string, string>();
  const months: CrewMonth[] = [];
  for (const [crew, contracts] of contractsByCrew) {
    contracts.sort((a, b) => (a.start < b.start ? -1 : 1));
    let prevDebtBalance: number | undefined;
    for (const contract of contracts) {
      let debtLeft = contract.advance;
      const lastMonth = (contract.end ?? `${until}-01`).slice(0, 7);
      const hasStatements = contract.account !== undefined && byAccount.has(contract.account);
      for (const month of monthsBetween(contract.start.slice(0, 7), lastMonth)) {
        const y = Number(month.slice(0, 4));
        const dim = daysInMonth(y, Number(month.slice(5, 7)));
        const days = daysCovered(month, contract.start, contract.end);
        if (days === 0) continue;
        const flags: Flag[] = [];
        const flag = (code: Flag['code'], severity: Flag['severity'], message: string, amount?: number, transactions: string[] = []) =>
          flags.push({ code, crew, month, severity, message, amount, transactions });
        const contractDue = Math.round((contract.monthlyWage * days) / dim);
        const firstDay = contract.start > `${month}-01` ? contract.start : `${month}-01`;
        const floorEntry = floorOn(input.floor ?? [], firstDay, rule.jurisdiction, rule.sector);
        const floorAmount = floorEntry && floorEntry.currency === contract.currency ? floorDue(floorEntry, rule, days, dim) : 0;
        const expected = Math.max(contractDue, floorAmount);
        const slip = slips.get(`${crew}\u001f${month}`);
        const ded = checkDeductions(contract, slip, debtLeft, expected, maxShare, debtLabel, crew, month);
        flags.push(...ded.flags);
        debtLeft = Math.max(0, debtLeft - ded.debtRepaid);

        const s = contract.account ? sums.get(`${contract.account}\u001f${month}`) : undefined;
        let paid = s?.paid ?? 0;
        if (!hasStatements && slip) {
          // No bank record for this fisher: the payslip is all we have, and the rule wants a transfer.
          paid = slip.net;
          flag('not_by_bank_transfer', 'medium', `No bank statement shows this payment; the payslip says ${formatMinor(slip.net)} was paid${rule.byBankTransfer ? ', but the rule requires a transfer to the fisher\'s own account' : ''}`);
        }
        const fees = s?.fees ?? 0;
        const withdrawn = s?.withdrawn ?? 0;
        const diverted = s?.diverted ?? 0;
        const shortfall = Math.max(0, expected - ded.lawful - paid + fees);

        if (paid === 0 && expected > 0) flag('no_payment', 'high', `Nothing was paid for ${month} although ${crew} was on board ${days} days`, expected - ded.lawful);
        if (floorAmount > 0 && paid + ded.lawful < floorAmount) {
          flag('below_floor', 'high', `Paid ${formatMinor(paid)} plus lawful deductions ${formatMinor(ded.lawful)} is below the legal floor of ${formatMinor(floorAmount)} (${floorEntry!.source})`, floorAmount - paid - ded.lawful, s?.deposits ?? []);
        }
        if (contractDue > 0 && paid + ded.lawful < contractDue) {
          flag('below_contract', 'medium', `Paid ${formatMinor(paid)} plus agreed deductions ${formatMinor(ded.lawful)} is below the contract wage of ${formatMinor(contractDue)}`, contractDue - paid - ded.lawful, s?.deposits ?? []);
        }
        if (slip?.paymentDate) {
          let due = dueByMonth.get(month);
          if (!due) dueByMonth.set(month, (due = addDays(`${month}-${String(dim).padStart(2, '0')}`, rule.maxPaymentDelayDays)));
          if (slip.paymentDate > due) flag('late_payment', 'medium', `Paid on ${slip.paymentDate}, after ${due} (${rule.maxPaymentDelayDays} days after the month ends)`);
        }
        if (fees > 0 && rule.employerPaysFees) {
          flag('fee_charged_to_worker', 'low', `Bank fees of ${formatMinor(fees)} were taken from the fisher's account; the employer must bear them`, fees, s?.feeIds ?? []);
        }
        if (slip?.debtBalance !== undefined) {
          if (prevDebtBalance !== undefined && prevDebtBalance > 0 && slip.debtBalance >= prevDebtBalance) {
            flag('debt_not_falling', 'high', `Recruitment debt stands at ${formatMinor(slip.debtBalance)}, not lower than last month's ${formatMinor(prevDebtBalance)}${ded.total > 0 ? ` although ${formatMinor(ded.total)} was deducted` : ''}`, slip.debtBalance);
          }
          prevDebtBalance = slip.debtBalance;
        }
        flags.push(...(cardFlags.get(`${crew}\u001f${month}`) ?? []));
        for (const f of flags) f.indicator = FLAG_INDICATOR[f.code];
        months.push({
          crew,
          vessel: contract.vessel,
          month,
          currency: contract.currency,
          daysOnBoard: days,
          contractDue,
          floorDue: floorAmount,
          expected,
          lawfulDeductions: ded.lawful,
          deductions: slip ? ded.total : ded.lawful,
          paid,
          withdrawn,
          suspectedDiverted: diverted,
          receivedByWorker: Math.max(0, paid - diverted),
          shortfall,
          flags,
        });
      }
    }
  }
  months.sort((a, b) => (a.vessel < b.vessel ? -1 : a.vessel > b.vessel ? 1 : a.crew < b.crew ? -1 : a.crew > b.crew ? 1 : a.month < b.month ? -1 : 1));
  return { months, totals: totalsOf(months), notes };
}

export function totalsOf(months: readonly CrewMonth[]): WageTotals[] {
  const byKey = new Map<string, WageTotals & { crews: Set<string> }>();
  for (const m of months) {
    const key = `${m.vessel}\u001f${m.currency}`;
    let t = byKey.get(key);
    if (!t) {
      t = { vessel: m.vessel, currency: m.currency, crewCount: 0, months: 0, expected: 0, paid: 0, totalWithheld: 0, totalSuspectedDiverted: 0, flagCount: 0, crews: new Set() };
      byKey.set(key, t);
    }
    t.crews.add(m.crew);
    t.months++;
    t.expected += m.expected;
    t.paid += m.paid;
    t.totalWithheld += m.shortfall;
    t.totalSuspectedDiverted += m.suspectedDiverted;
    t.flagCount += m.flags.length;
  }
  return [...byKey.values()].map(({ crews, ...t }) => ({ ...t, crewCount: crews.size }));
}
