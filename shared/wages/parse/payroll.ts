import { parseAmount } from '../money';
import { parseDate, parsePeriod } from '../dates';
import { contentHash } from '../identity';
import type { ImportIssue, Payslip } from '../schemas';
import { cell, findHeader, isBlankRow, unknownLayout, type ColumnAliases, type Grid } from './grid';

type Key = 'crew' | 'period' | 'gross' | 'net' | 'paymentDate' | 'signed' | 'debtBalance' | 'currency';

const ALIASES: ColumnAliases<Key> = {
  crew: ['crew', 'pseudonym', 'crew member', 'worker', 'ลูกเรือ'],
  period: ['period', 'month', 'wage period', 'งวด', 'เดือน'],
  gross: ['gross', 'gross wage', 'ค่าจ้าง', 'ค่าจ้างรวม'],
  net: ['net', 'net pay', 'สุทธิ', 'ค่าจ้างสุทธิ'],
  paymentDate: ['payment date', 'paid on', 'วันที่จ่าย'],
  signed: ['signed', 'signature', 'ลงชื่อ'],
  debtBalance: ['debt balance', 'advance balance', 'หนี้คงเหลือ'],
  currency: ['currency', 'สกุลเงิน'],
};

/** Deduction columns are named "deduction: <label>" (or "หัก: <label>"): one per kind of deduction. */
const DEDUCTION = /^(?:deduction|หัก)\s*[:-]\s*(.+)$/i;

const YES = /^(y|yes|true|1|signed|✓|ลงชื่อแล้ว|มี)$/i;
const NO = /^(n|no|false|0|unsigned|ไม่มี|)$/i;

export interface PayrollParse {
  payslips: Payslip[];
  issues: ImportIssue[];
}

/** Payroll / wage-slip rows (CSV or XLSX): period, gross, each deduction with its label, net, payment date, signed. */
export function parsePayrollGrid(grid: Grid, defaults: { currency?: string } = {}): PayrollParse {
  const header = findHeader(grid, ALIASES, ['crew', 'period', 'gross', 'net']);
  if (!header) return { payslips: [], issues: [unknownLayout(grid, 'a payroll', '"crew", "period", "gross" and "net"')] };
  const headerRow = grid.rows[header.index]!;
  const deductionCols = header.extra
    .map((c) => ({ index: c.index, label: DEDUCTION.exec((headerRow[c.index] ?? '').trim())?.[1]?.trim() }))
    .filter((c): c is { index: number; label: string } => !!c.label);
  const colName = (k: Key) => (headerRow[header.columns[k] ?? -1] ?? k).trim();
  const payslips: Payslip[] = [];
  const issues: ImportIssue[] = [];
  const seen = new Map<string, number>();
  for (let r = header.index + 1; r < grid.rows.length; r++) {
    const row = grid.rows[r]!;
    const line = grid.lines[r]!;
    if (isBlankRow(row)) continue;
    const rowIssues: ImportIssue[] = [];
    const money = (k: Key, required: boolean): number | undefined => {
      const t = cell(row, header.columns[k]);
      if (t === '' && !required) return undefined;
      const a = parseAmount(t);
      if (!a.ok) rowIssues.push({ line, column: colName(k), code: 'PAYROLL_AMOUNT', message: `${colName(k)} ${a.reason}` });
      return a.ok ? a.value : undefined;
    };
    const crew = cell(row, header.columns.crew);
    if (crew === '') rowIssues.push({ line, column: colName('crew'), code: 'PAYROLL_CREW', message: 'No crew member on this row' });
    const period = parsePeriod(cell(row, header.columns.period));
    if (!period.ok) rowIssues.push({ line, column: colName('period'), code: 'PAYROLL_PERIOD', message: `Period ${period.reason}` });
    const gross = money('gross', true);
    const net = money('net', true);
    const debtBalance = money('debtBalance', false);
    const deductions: Payslip['deductions'] = [];
    for (const d of deductionCols) {
      const t = cell(row, d.index);
      if (t === '' || t === '-') continue;
      const a = parseAmount(t);
      if (!a.ok) rowIssues.push({ line, column: (headerRow[d.index] ?? '').trim(), code: 'PAYROLL_AMOUNT', message: `Deduction "${d.label}" ${a.reason}` });
      else if (a.value !== 0) deductions.push({ label: d.label, amount: Math.abs(a.value) });
    }
    let paymentDate: string | undefined;
    const pd = cell(row, header.columns.paymentDate);
    if (pd !== '') {
      const d = parseDate(pd);
      if (d.ok) paymentDate = d.value;
      else rowIssues.push({ line, column: colName('paymentDate'), code: 'PAYROLL_DATE', message: `Payment date ${d.reason}` });
    }
    const signedText = cell(row, header.columns.signed);
    const signed = header.columns.signed === undefined ? undefined : YES.test(signedText) ? true : NO.test(signedText) ? false : undefined;
    const currency = (cell(row, header.columns.currency) || defaults.currency || 'THB').toUpperCase();
    if (rowIssues.length > 0 || !period.ok || gross === undefined || net === undefined) {
      issues.push(...rowIssues);
      continue;
    }
    const key = `${crew}\u001f${period.value}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      issues.push({ line, code: 'DUPLICATE_ROW', message: `${crew} already has a payslip for ${period.value} on line ${earlier}. Keep one; a correction belongs in the later file only.` });
      continue;
    }
    seen.set(key, line);
    payslips.push({
      identity: `slip:${contentHash([crew, period.value])}`,
      crew,
      period: period.value,
      gross,
      deductions,
      net,
      currency,
      paymentDate,
      signed,
      debtBalance,
      line,
    });
  }
  return { payslips, issues };
}
