import { parseAmount } from '../money';
import { parseDate } from '../dates';
import { contentHash } from '../identity';
import type { Contract, ImportIssue } from '../schemas';
import { cell, findHeader, isBlankRow, unknownLayout, type ColumnAliases, type Grid } from './grid';

type Key = 'crew' | 'vessel' | 'account' | 'wage' | 'currency' | 'start' | 'end' | 'deductions' | 'advance' | 'repayment';

const ALIASES: ColumnAliases<Key> = {
  crew: ['crew', 'pseudonym', 'crew member', 'crew id', 'ลูกเรือ'],
  vessel: ['vessel', 'vessel name', 'เรือ'],
  account: ['account', 'bank account', 'account no', 'เลขที่บัญชี'],
  wage: ['monthly wage', 'wage', 'ค่าจ้างต่อเดือน'],
  currency: ['currency', 'สกุลเงิน'],
  start: ['start', 'from', 'start date', 'วันเริ่ม'],
  end: ['end', 'to', 'end date', 'วันสิ้นสุด'],
  deductions: ['deductions', 'agreed deductions', 'รายการหัก'],
  advance: ['advance', 'recruitment debt', 'เงินล่วงหน้า'],
  repayment: ['advance repayment', 'monthly repayment', 'ผ่อนต่อเดือน'],
};

export interface ContractsParse {
  contracts: Contract[];
  issues: ImportIssue[];
}

/** "food=500; bunk=300" → [{label:'food', amount:50000}, …] */
function parseDeductions(text: string, line: number, column: string, issues: ImportIssue[]): Contract['deductions'] {
  const out: Contract['deductions'] = [];
  for (const part of text.split(/[;|]/).map((p) => p.trim()).filter(Boolean)) {
    const m = /^(.+?)\s*[=:]\s*(.+)$/.exec(part);
    const a = m ? parseAmount(m[2]!) : undefined;
    if (!m || !a?.ok) {
      issues.push({ line, column, code: 'CONTRACT_DEDUCTION', message: `Deduction "${part}" should read label=amount, e.g. food=500` });
      continue;
    }
    out.push({ label: m[1]!.trim(), amount: Math.abs(a.value) });
  }
  return out;
}

/**
 * Contracts, one row each: agreed monthly wage, currency, start and end,
 * agreed deductions and the recruitment advance. Two contracts for the same
 * crew member covering the same month are refused: which wage applies would be a guess.
 */
export function parseContractsGrid(grid: Grid): ContractsParse {
  const header = findHeader(grid, ALIASES, ['crew', 'wage', 'start']);
  if (!header) return { contracts: [], issues: [unknownLayout(grid, 'a contracts list', '"crew", "monthly wage" and "start"')] };
  const headerRow = grid.rows[header.index]!;
  const colName = (k: Key) => (headerRow[header.columns[k] ?? -1] ?? k).trim();
  const contracts: Contract[] = [];
  const issues: ImportIssue[] = [];
  for (let r = header.index + 1; r < grid.rows.length; r++) {
    const row = grid.rows[r]!;
    const line = grid.lines[r]!;
    if (isBlankRow(row)) continue;
    const rowIssues: ImportIssue[] = [];
    const crew = cell(row, header.columns.crew);
    if (crew === '') rowIssues.push({ line, column: colName('crew'), code: 'CONTRACT_CREW', message: 'No crew member on this row' });
    const amount = (k: Key): number => {
      const t = cell(row, header.columns[k]);
      if (t === '') return 0;
      const a = parseAmount(t);
      if (!a.ok) rowIssues.push({ line, column: colName(k), code: 'CONTRACT_AMOUNT', message: `${colName(k)} ${a.reason}` });
      else if (a.value < 0) rowIssues.push({ line, column: colName(k), code: 'CONTRACT_AMOUNT', message: `${colName(k)} cannot be negative` });
      return a.ok ? a.value : 0;
    };
    const wageText = cell(row, header.columns.wage);
    if (wageText === '') rowIssues.push({ line, column: colName('wage'), code: 'CONTRACT_AMOUNT', message: 'No monthly wage on this row' });
    const monthlyWage = amount('wage');
    const advance = amount('advance');
    const advanceRepayment = amount('repayment');
    const start = parseDate(cell(row, header.columns.start));
    if (!start.ok) rowIssues.push({ line, column: colName('start'), code: 'CONTRACT_DATE', message: `Start ${start.reason}` });
    const endText = cell(row, header.columns.end);
    const end = endText === '' ? undefined : parseDate(endText);
    if (end && !end.ok) rowIssues.push({ line, column: colName('end'), code: 'CONTRACT_DATE', message: `End ${end.reason}` });
    if (start.ok && end?.ok && end.value < start.value) rowIssues.push({ line, column: colName('end'), code: 'CONTRACT_DATE', message: `The contract ends (${end.value}) before it starts (${start.value})` });
    const deductions = parseDeductions(cell(row, header.columns.deductions), line, colName('deductions'), rowIssues);
    const currency = (cell(row, header.columns.currency) || 'THB').toUpperCase();
    if (!/^[A-Z]{3}$/.test(currency)) rowIssues.push({ line, column: colName('currency'), code: 'CONTRACT_CURRENCY', message: `"${currency}" is not a currency code like THB` });
    if (rowIssues.length > 0 || !start.ok) {
      issues.push(...rowIssues);
      continue;
    }
    const endValue = end?.ok ? end.value : undefined;
    // Compared by month: reconciliation is per crew-month, so two contracts may not even share a month.
    const startMonth = start.value.slice(0, 7);
    const endMonth = (endValue ?? '9999-12').slice(0, 7);
    const clash = contracts.find((c) => c.crew === crew && c.start.slice(0, 7) <= endMonth && startMonth <= (c.end ?? '9999-12').slice(0, 7));
    if (clash) {
      const overlapFrom = clash.start.slice(0, 7) > startMonth ? clash.start.slice(0, 7) : startMonth;
      issues.push({ line, column: colName('start'), code: 'CONTRACT_OVERLAP', message: `${crew} already has a contract (line ${clash.line}) covering ${overlapFrom}; a month cannot have two contracts. Merge them, or let this one start the month after the other ends.` });
      continue;
    }
    const account = cell(row, header.columns.account).replace(/[-\s]/g, '') || undefined;
    contracts.push({
      identity: `contract:${contentHash([crew, start.value])}`,
      crew,
      vessel: cell(row, header.columns.vessel),
      account,
      monthlyWage,
      currency,
      start: start.value,
      end: endValue,
      deductions,
      advance,
      advanceRepayment,
      line,
    });
  }
  return { contracts, issues };
}
