import { INDICATORS } from '../domain/indicators';
import type { Cell, ImpactResults } from './aggregate';

/**
 * The public export: one row per published or withheld figure, in the
 * documented shape of docs/impact-export.md, so a ministry or a buyer can
 * publish it as it is. Withheld figures carry their reason and no number.
 */
export const CSV_COLUMNS = ['table', 'port', 'month', 'quarter', 'flag', 'owner', 'period', 'measure', 'audits', 'n', 'count', 'value', 'lo', 'hi', 'unreliable', 'suppressed', 'reason'] as const;

type Row = Record<(typeof CSV_COLUMNS)[number], string | number | boolean | null>;

function rowsOf(table: string, cell: Cell): Row[] {
  const base = { table, port: null, month: null, quarter: null, flag: null, owner: null, period: null, ...cell.key, audits: cell.audits } as Row;
  const rows: Row[] = [];
  const p = cell.prevalence;
  const measures = ['forced_labour', ...INDICATORS.map((i) => `indicator:${i}`), 'interviewed_without_officers'];
  for (const measure of measures) {
    if (p.suppressed) {
      rows.push({ ...base, measure, n: null, count: null, value: null, lo: null, hi: null, unreliable: null, suppressed: true, reason: p.reason });
      continue;
    }
    const s = measure === 'forced_labour' ? p.forcedLabour : measure === 'interviewed_without_officers' ? p.withoutOfficers : p.indicators.find((i) => `indicator:${i.indicator}` === measure)!;
    if (!s) continue;
    rows.push({ ...base, measure, n: s.n, count: s.x, value: s.share, lo: s.lo, hi: s.hi, unreliable: s.n < 30, suppressed: false, reason: null });
  }
  for (const m of cell.money) {
    const measure = `money:${m.currency}:${m.category}:${m.basis}`;
    if (m.suppressed) rows.push({ ...base, measure, n: null, count: null, value: null, lo: null, hi: null, unreliable: null, suppressed: true, reason: m.reason });
    else rows.push({ ...base, measure, n: m.crew, count: m.amount, value: m.perCrew, lo: m.lo, hi: m.hi, unreliable: m.crew < 30, suppressed: false, reason: null });
  }
  return rows;
}

export function exportRows(results: ImpactResults): Row[] {
  return [
    ...results.cells.flatMap((c) => rowsOf('cell', c)),
    ...results.margins.flatMap((c) => rowsOf('margin', c)),
    ...rowsOf('total', results.total),
    ...(results.comparison ? [...rowsOf('period', results.comparison.before), ...rowsOf('period', results.comparison.after)] : []),
  ];
}

/** RFC 4180 CSV; a text cell starting with = + - @ is prefixed with ' so spreadsheets do not run it. */
export function toCsv(results: ImpactResults): string {
  const text = (v: string | number | boolean | null) => {
    if (v === null) return '';
    if (typeof v !== 'string') return String(v);
    const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
    return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  return [CSV_COLUMNS.join(','), ...exportRows(results).map((r) => CSV_COLUMNS.map((c) => text(r[c])).join(','))].join('\r\n') + '\r\n';
}
