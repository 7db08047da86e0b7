import Papa from 'papaparse';
import type { ImportIssue } from '../schemas';

/** A sheet of text cells; `lines[i]` is the 1-based file line (or sheet row) of `rows[i]`. */
export interface Grid {
  rows: string[][];
  lines: number[];
}

export function normalizeHeader(cell: string): string {
  return cell.replace(/^\uFEFF/, '').trim().toLowerCase().replace(/\s+/g, ' ');
}

/** CSV text → grid (papaparse: quotes, embedded delimiters, delimiter detection). Line numbers count embedded newlines. */
export function csvToGrid(text: string): Grid {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: false });
  const rows: string[][] = [];
  const lines: number[] = [];
  let line = 1;
  for (const row of parsed.data) {
    rows.push(row);
    lines.push(line);
    for (const cell of row) for (let i = 0; i < cell.length; i++) if (cell.charCodeAt(i) === 10) line++;
    line++;
  }
  return { rows, lines };
}

/** Where each wanted column sits on a header row, by any of its accepted names. */
export type ColumnAliases<K extends string> = Record<K, readonly string[]>;

export interface HeaderMatch<K extends string> {
  index: number; // row index in the grid
  columns: Partial<Record<K, number>>;
  extra: { name: string; index: number }[];
}

/**
 * Finds the header among the first rows: exports often start with a bank name,
 * account and period before the table. `required` keys must all be present.
 */
export function findHeader<K extends string>(grid: Grid, aliases: ColumnAliases<K>, required: readonly NoInfer<K>[], scan = 40): HeaderMatch<K> | undefined {
  for (let r = 0; r < Math.min(scan, grid.rows.length); r++) {
    const cells = (grid.rows[r] ?? []).map(normalizeHeader);
    const columns: Partial<Record<K, number>> = {};
    for (const key of Object.keys(aliases) as K[]) {
      const names = aliases[key].map(normalizeHeader);
      const at = cells.findIndex((c) => names.includes(c));
      if (at >= 0) columns[key] = at;
    }
    if (required.every((k) => columns[k] !== undefined)) {
      const used = new Set(Object.values(columns) as number[]);
      const extra = cells.map((name, index) => ({ name, index })).filter((c) => !used.has(c.index) && c.name !== '');
      return { index: r, columns, extra };
    }
  }
  return undefined;
}

export function cell(row: readonly string[], index: number | undefined): string {
  return index === undefined ? '' : (row[index] ?? '').trim();
}

export function isBlankRow(row: readonly string[]): boolean {
  return row.every((c) => c.trim() === '');
}

export function unknownLayout(grid: Grid, what: string, expected: string): ImportIssue {
  const firstLine = grid.rows.findIndex((r) => !isBlankRow(r));
  const sample = firstLine >= 0 ? grid.rows[firstLine]!.join(', ').slice(0, 120) : '(empty file)';
  return {
    line: firstLine >= 0 ? grid.lines[firstLine]! : 0,
    code: 'UNKNOWN_LAYOUT',
    message: `This does not look like ${what}: no header row with ${expected} in the first 40 lines (the file starts "${sample}"). Check the file, or save a column mapping for this layout.`,
  };
}

/** The first line that holds U+FFFD, the mark a decoder leaves for bytes it could not read. */
export function firstUndecodableLine(text: string): number | undefined {
  const at = text.indexOf('\uFFFD');
  if (at < 0) return undefined;
  let line = 1;
  for (let i = 0; i < at; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}
