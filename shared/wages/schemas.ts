import { z } from 'zod';
import { IsoDate } from '../domain/ids';
import { Indicator } from '../domain/indicators';

/** Money is integer minor units (see money.ts); currency is ISO 4217. */
export const Minor = z.number().int();
export const Currency = z.string().regex(/^[A-Z]{3}$/, 'currency must be a three-letter ISO 4217 code, e.g. THB');
export const Month = z.string().regex(/^\d{4}-\d{2}$/, 'must be a month like 2024-01');
/** Local date and time as printed by the bank, "2024-01-28T10:15:00" (statements carry no zone). */
export const LocalDateTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/);

/** One problem at one place in one file: what a person fixes before importing. */
export const ImportIssue = z.object({
  line: z.number().int().nonnegative(), // 1-based line (CSV) or row (XLSX); 0 = the whole file
  column: z.string().optional(),
  code: z.string(), // e.g. CSV_DATE, DUPLICATE_ROW, NEGATIVE_BALANCE
  message: z.string(),
});
export type ImportIssue = z.infer<typeof ImportIssue>;

export const TxKind = z.enum(['deposit', 'withdrawal', 'fee', 'transfer_out', 'other']);
export type TxKind = z.infer<typeof TxKind>;

export const Transaction = z.object({
  /** Bank reference when the bank gives one, else a content hash (identity.ts): re-imports add nothing. */
  identity: z.string(),
  account: z.string(),
  bookedAt: LocalDateTime,
  amount: Minor, // positive into the account
  currency: Currency,
  balance: Minor.optional(),
  reference: z.string().optional(),
  counterparty: z.string().optional(),
  channel: z.string().optional(),
  terminalId: z.string().optional(),
  location: z.string().optional(),
  description: z.string().optional(),
  kind: TxKind,
  line: z.number().int(),
});
export type Transaction = z.infer<typeof Transaction>;

export const ContractDeduction = z.object({ label: z.string().min(1), amount: Minor.nonnegative() });
export type ContractDeduction = z.infer<typeof ContractDeduction>;

export const Contract = z.object({
  identity: z.string(),
  crew: z.string().min(1), // pseudonym (or crew id) as in the contract file
  vessel: z.string().default(''),
  account: z.string().optional(),
  monthlyWage: Minor.nonnegative(),
  currency: Currency,
  start: IsoDate,
  end: IsoDate.optional(),
  /** Deductions the fisher agreed to, per month. */
  deductions: z.array(ContractDeduction).default([]),
  /** Recruitment debt (advance) at the start and how much of it is repaid each month. */
  advance: Minor.nonnegative().default(0),
  advanceRepayment: Minor.nonnegative().default(0),
  line: z.number().int(),
});
export type Contract = z.infer<typeof Contract>;

export const PayslipDeduction = z.object({ label: z.string().min(1), amount: Minor });
export const Payslip = z.object({
  identity: z.string(),
  crew: z.string().min(1),
  period: Month,
  gross: Minor,
  deductions: z.array(PayslipDeduction),
  net: Minor,
  currency: Currency,
  paymentDate: IsoDate.optional(),
  signed: z.boolean().optional(),
  /** Recruitment debt still owed after this slip, as the employer states it. */
  debtBalance: Minor.optional(),
  line: z.number().int(),
});
export type Payslip = z.infer<typeof Payslip>;

/** How a statement CSV or XLSX lays out its columns: saved by name, matched by header. */
export const StatementProfile = z.object({
  name: z.string().min(1),
  /** Header cells (trimmed, case-insensitive) that must all be on the header row. */
  headerMatch: z.array(z.string()).min(1),
  columns: z.object({
    date: z.string(),
    time: z.string().optional(),
    amount: z.string().optional(),
    debit: z.string().optional(),
    credit: z.string().optional(),
    balance: z.string().optional(),
    reference: z.string().optional(),
    counterparty: z.string().optional(),
    channel: z.string().optional(),
    terminalId: z.string().optional(),
    location: z.string().optional(),
    description: z.string().optional(),
    account: z.string().optional(),
  }),
  dateOrder: z.enum(['dmy', 'mdy', 'ymd']).default('dmy'),
  era: z.enum(['auto', 'buddhist', 'gregorian']).default('auto'),
  decimal: z.enum(['.', ',']).default('.'),
  currency: Currency.default('THB'),
  /** Regex over the lines above the header; group 1 is the account number. */
  accountPattern: z.string().optional(),
  /** Regex over channel + description that marks a bank fee. */
  feePattern: z.string().default('fee|ค่าธรรมเนียม|charge'),
  /** Regex over channel + description that marks a cash withdrawal at an ATM or counter. */
  withdrawalPattern: z.string().default('atm|withdraw|ถอน|cash'),
});
export type StatementProfile = z.input<typeof StatementProfile>;
export type StatementProfileParsed = z.output<typeof StatementProfile>;

export const FlagCode = z.enum([
  'below_floor',
  'below_contract',
  'no_payment',
  'late_payment',
  'deduction_not_in_contract',
  'deduction_above_share',
  'debt_not_falling',
  'fee_charged_to_worker',
  'rapid_withdrawal',
  'shared_terminal',
  'withdrawal_at_sea',
  'not_by_bank_transfer',
]);
export type FlagCode = z.infer<typeof FlagCode>;

export const Flag = z.object({
  code: FlagCode,
  crew: z.string(),
  month: Month,
  severity: z.enum(['low', 'medium', 'high']),
  message: z.string(),
  amount: Minor.optional(),
  /** The transactions (identities) behind the flag, so a person can look. */
  transactions: z.array(z.string()),
  /** The ILO forced-labour indicator the flag is evidence for (indicators.ts). */
  indicator: Indicator.optional(),
});
export type Flag = z.infer<typeof Flag>;

export const CrewMonth = z.object({
  crew: z.string(),
  vessel: z.string(),
  month: Month,
  currency: Currency,
  daysOnBoard: z.number().int(),
  contractDue: Minor,
  floorDue: Minor,
  /** max(contract, floor), pro rata for days on board. */
  expected: Minor,
  /** Deductions the contract allows and the law caps. */
  lawfulDeductions: Minor,
  /** All deductions the payslip shows. */
  deductions: Minor,
  paid: Minor,
  withdrawn: Minor,
  /** Withdrawals a card-control signal points at. */
  suspectedDiverted: Minor,
  receivedByWorker: Minor,
  /** expected − lawful deductions − paid, never below zero. */
  shortfall: Minor,
  flags: z.array(Flag),
});
export type CrewMonth = z.infer<typeof CrewMonth>;

export const WageTotals = z.object({
  vessel: z.string(),
  currency: Currency,
  crewCount: z.number().int(),
  months: z.number().int(),
  expected: Minor,
  paid: Minor,
  totalWithheld: Minor,
  totalSuspectedDiverted: Minor,
  flagCount: z.number().int(),
});
export type WageTotals = z.infer<typeof WageTotals>;

export const WageReport = z.object({
  months: z.array(CrewMonth),
  totals: z.array(WageTotals),
  /** Flags not tied to a month on board (e.g. a shared terminal across crews) are still in `months[].flags`. */
  notes: z.array(z.string()),
});
export type WageReport = z.infer<typeof WageReport>;
