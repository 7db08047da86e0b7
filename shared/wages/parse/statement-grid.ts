import { parseAmount } from '../money';
import { parseDate, parseTime } from '../dates';
import { contentHash } from '../identity';
import { StatementProfile, type ImportIssue, type StatementProfileParsed, type Transaction, type TxKind } from '../schemas';
import { cell, isBlankRow, normalizeHeader, unknownLayout, type Grid } from './grid';

export interface StatementParse {
  profile?: string;
  headerLine?: number;
  transactions: Transaction[];
  issues: ImportIssue[];
}

type ColumnKey = keyof StatementProfileParsed['columns'];

function locate(profile: StatementProfileParsed, grid: Grid, scan = 40): { row: number; at: Partial<Record<ColumnKey, number>> } | undefined {
  const wanted = profile.headerMatch.map(normalizeHeader);
  for (let r = 0; r < Math.min(scan, grid.rows.length); r++) {
    const cells = (grid.rows[r] ?? []).map(normalizeHeader);
    if (!wanted.every((w) => cells.includes(w))) continue;
    const at: Partial<Record<ColumnKey, number>> = {};
    for (const [key, name] of Object.entries(profile.columns) as [ColumnKey, string | undefined][]) {
      if (name === undefined) continue;
      const i = cells.indexOf(normalizeHeader(name));
      if (i >= 0) at[key] = i;
    }
    if (at.date === undefined) continue;
    if (at.amount === undefined && at.debit === undefined && at.credit === undefined) continue;
    return { row: r, at };
  }
  return undefined;
}

export function classify(amount: number, text: string, patterns: { fee: RegExp; withdrawal: RegExp }, terminalId: string | undefined): TxKind {
  if (amount > 0) return 'deposit';
  if (amount === 0) return 'other';
  if (patterns.fee.test(text)) return 'fee';
  if (terminalId || patterns.withdrawal.test(text)) return 'withdrawal';
  return 'transfer_out';
}

/** Identity: the bank's reference when there is one, else a hash of what the row says. */
export function transactionIdentity(t: Omit<Transaction, 'identity' | 'line' | 'kind'>): string {
  if (t.reference) return `ref:${t.account}:${t.reference}`;
  return `h:${contentHash([t.account, t.bookedAt, t.amount, t.balance, t.terminalId, t.channel, t.description, t.counterparty])}`;
}

/**
 * Reads a statement grid (CSV or XLSX) with the first profile whose header it finds.
 * Problems are collected per row; the caller imports nothing when any exist.
 */
export function parseStatementGrid(grid: Grid, profiles: readonly StatementProfileParsed[], options: { account?: string } = {}): StatementParse {
  let profile: StatementProfileParsed | undefined;
  let found: ReturnType<typeof locate>;
  for (const p of profiles) {
    found = locate(StatementProfile.parse(p), grid);
    if (found) {
      profile = p;
      break;
    }
  }
  if (!profile || !found) {
    return { transactions: [], issues: [unknownLayout(grid, 'a bank statement Gangway knows', profiles.map((p) => `"${p.headerMatch.join('", "')}"`).join(' or '))] };
  }
  const issues: ImportIssue[] = [];
  const at = found.at;
  const headers = grid.rows[found.row]!;
  const colName = (k: ColumnKey) => (at[k] !== undefined ? (headers[at[k]!] ?? k).trim() : k);

  let fileAccount = options.account;
  if (!fileAccount && profile.accountPattern && at.account === undefined) {
    const re = new RegExp(profile.accountPattern, 'i');
    for (let r = 0; r < found.row && !fileAccount; r++) {
      const m = re.exec((grid.rows[r] ?? []).join(','));
      if (m?.[1]) fileAccount = m[1].replace(/-/g, '');
    }
  }
  if (!fileAccount && at.account === undefined) {
    issues.push({ line: grid.lines[found.row]!, code: 'ACCOUNT_MISSING', message: 'The statement does not say whose account it is: no account number above the header and no account column. Add the account number when importing.' });
  }

  const transactions: Transaction[] = [];
  const seen = new Map<string, number>();
  const patterns = { fee: new RegExp(profile.feePattern, 'i'), withdrawal: new RegExp(profile.withdrawalPattern, 'i') };
  // Statements repeat the same few hundred dates and times: read each text once.
  const dates = new Map<string, ReturnType<typeof parseDate>>();
  const times = new Map<string, ReturnType<typeof parseTime>>();
  const fmt = { decimal: profile.decimal };
  const optional = (row: readonly string[], k: ColumnKey) => cell(row, at[k]) || undefined;
  for (let r = found.row + 1; r < grid.rows.length; r++) {
    const row = grid.rows[r]!;
    const line = grid.lines[r]!;
    if (isBlankRow(row)) continue;
    const dateText = cell(row, at.date);
    const debitText = cell(row, at.debit);
    const creditText = cell(row, at.credit);
    const amountText = cell(row, at.amount);
    // Footers ("Total", "ยอดรวม") have no date; a row with no date and no money is not a transaction.
    if (!/\d/.test(dateText) && !/\d/.test(debitText + creditText + amountText)) continue;
    const rowIssues: ImportIssue[] = [];
    let date = dates.get(dateText);
    if (!date) dates.set(dateText, (date = parseDate(dateText, profile.dateOrder, profile.era)));
    if (!date.ok) rowIssues.push({ line, column: colName('date'), code: 'CSV_DATE', message: `Date ${date.reason}` });
    let time = '00:00:00';
    const timeText = cell(row, at.time);
    if (timeText !== '') {
      let t = times.get(timeText);
      if (!t) times.set(timeText, (t = parseTime(timeText)));
      if (t.ok) time = t.value;
      else rowIssues.push({ line, column: colName('time'), code: 'CSV_TIME', message: `Time ${t.reason}` });
    }
    let amount = 0;
    if (amountText !== '') {
      const a = parseAmount(amountText, fmt);
      if (a.ok) amount = a.value;
      else rowIssues.push({ line, column: colName('amount'), code: 'CSV_AMOUNT', message: `Amount ${a.reason}` });
    } else {
      if (debitText !== '' && debitText !== '-') {
        const a = parseAmount(debitText, fmt);
        if (a.ok) amount -= Math.abs(a.value);
        else rowIssues.push({ line, column: colName('debit'), code: 'CSV_AMOUNT', message: `Amount ${a.reason}` });
      }
      if (creditText !== '' && creditText !== '-') {
        const a = parseAmount(creditText, fmt);
        if (a.ok) amount += Math.abs(a.value);
        else rowIssues.push({ line, column: colName('credit'), code: 'CSV_AMOUNT', message: `Amount ${a.reason}` });
      }
      if (debitText === '' && creditText === '' && rowIssues.length === 0) {
        rowIssues.push({ line, column: colName('credit'), code: 'CSV_AMOUNT', message: 'The row has neither a withdrawal nor a deposit amount' });
      }
    }
    let balance: number | undefined;
    const balanceText = cell(row, at.balance);
    if (balanceText !== '') {
      const b = parseAmount(balanceText, fmt);
      if (!b.ok) rowIssues.push({ line, column: colName('balance'), code: 'CSV_AMOUNT', message: `Balance ${b.reason}` });
      else if (b.value < 0) {
        // A fisher's savings account cannot be overdrawn: a negative balance means a misread column or a doctored file.
        rowIssues.push({ line, column: colName('balance'), code: 'NEGATIVE_BALANCE', message: `Balance ${balanceText} is negative; a savings account cannot go below zero. Check that the columns are mapped right or that the file is the bank's original.` });
      } else balance = b.value;
    }
    const account = (cell(row, at.account) || fileAccount || '').replace(/-/g, '');
    if (rowIssues.length > 0 || !date.ok) {
      issues.push(...rowIssues);
      continue;
    }
    const tx: Transaction = {
      identity: '',
      account,
      bookedAt: `${date.value}T${time}`,
      amount,
      currency: profile.currency,
      balance,
      reference: optional(row, 'reference'),
      counterparty: optional(row, 'counterparty'),
      channel: optional(row, 'channel'),
      terminalId: optional(row, 'terminalId'),
      location: optional(row, 'location'),
      description: optional(row, 'description'),
      kind: 'other',
      line,
    };
    const identity = transactionIdentity(tx);
    const earlier = seen.get(identity);
    if (earlier !== undefined) {
      issues.push({ line, code: 'DUPLICATE_ROW', message: `This row repeats line ${earlier} (same ${tx.reference ? 'bank reference' : 'date, time, amount and balance'}). Remove one copy; if both are real, the bank export is missing a reference or balance column.` });
      continue;
    }
    seen.set(identity, line);
    tx.identity = identity;
    tx.kind = classify(amount, `${tx.channel ?? ''} ${tx.description ?? ''}`, patterns, tx.terminalId);
    transactions.push(tx);
  }
  return { profile: profile.name, headerLine: grid.lines[found.row], transactions, issues };
}
