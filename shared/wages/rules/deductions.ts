import type { Contract, Flag, Payslip } from '../schemas';
import { formatMinor } from '../money';

/** Agreed deductions by label, read once per contract rather than once per month. */
const AGREED = new WeakMap<Contract, Map<string, number>>();

export interface DeductionCheck {
  total: number;
  lawful: number;
  debtRepaid: number;
  flags: Flag[];
}

/**
 * Which of a month's deductions the fisher agreed to, and how much of them the
 * law lets stand. Without a payslip we assume the agreed deductions were taken
 * (the most favourable reading for the employer), so a shortfall is never inflated.
 */
export function checkDeductions(
  contract: Contract,
  slip: Payslip | undefined,
  debtLeft: number,
  expected: number,
  maxShare: number,
  debtLabel: RegExp,
  crew: string,
  month: string,
): DeductionCheck {
  const flags: Flag[] = [];
  let agreed = AGREED.get(contract);
  if (!agreed) AGREED.set(contract, (agreed = new Map(contract.deductions.map((d) => [d.label.trim().toLowerCase(), d.amount]))));
  let total = 0;
  let lawful = 0;
  let debtRepaid = 0;
  if (!slip) {
    for (const d of contract.deductions) lawful += d.amount;
    debtRepaid = Math.min(contract.advanceRepayment, debtLeft);
    lawful += debtRepaid;
  } else {
    for (const d of slip.deductions) {
      total += d.amount;
      const label = d.label.trim().toLowerCase();
      const allowed = agreed.get(label);
      if (allowed !== undefined) {
        lawful += Math.min(d.amount, allowed);
        if (d.amount > allowed) flags.push(flag('deduction_not_in_contract', 'medium', `Deduction "${d.label}" of ${formatMinor(d.amount)} is more than the ${formatMinor(allowed)} agreed`, d.amount - allowed));
      } else if (debtLabel.test(label) && contract.advance > 0) {
        const ok = Math.min(d.amount, contract.advanceRepayment || d.amount, debtLeft);
        lawful += ok;
        debtRepaid += Math.min(d.amount, debtLeft);
        if (d.amount > ok) flags.push(flag('deduction_not_in_contract', 'medium', `Debt repayment of ${formatMinor(d.amount)} is more than the ${formatMinor(ok)} the contract and the remaining debt allow`, d.amount - ok));
      } else {
        flags.push(flag('deduction_not_in_contract', 'medium', `Deduction "${d.label}" of ${formatMinor(d.amount)} is not in the contract`, d.amount));
      }
    }
  }
  const cap = Math.floor(expected * maxShare);
  const taken = slip ? total : lawful;
  if (taken > cap) {
    flags.push(flag('deduction_above_share', 'medium', `Deductions of ${formatMinor(taken)} exceed ${Math.round(maxShare * 100)}% of the wage (${formatMinor(cap)})`, taken - cap));
  }
  return { total, lawful: Math.min(lawful, cap), debtRepaid, flags };

  function flag(code: Flag['code'], severity: Flag['severity'], message: string, amount: number): Flag {
    return { code, crew, month, severity, message, amount, transactions: [] };
  }
}
