/**
 * What the capped XLSX reader hands back: only cells that hold a value, with
 * their type, so each importer decides how a number or a date reads as text.
 * Plain data (no classes), because it crosses from the reading worker by
 * structured clone.
 */

export type XlsxCell = { col: number; formula?: string } & (
  | { t: 's'; v: string }
  | { t: 'n'; v: number }
  | { t: 'b'; v: boolean }
  /** A number formatted as a date or time, as `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM:SS`. */
  | { t: 'd'; v: string }
  /** `#N/A`, `#DIV/0!`, … */
  | { t: 'e'; v: string }
  /** A formula without a cached result (a file written by a program that never calculated it). */
  | { t: 'f'; v: '' }
);

export interface XlsxRow {
  /** 1-based, as Excel shows it */
  row: number;
  cells: XlsxCell[];
}

export interface XlsxSheet {
  name: string;
  rows: XlsxRow[];
}

export interface XlsxWorkbook {
  /** Every sheet's name in workbook order, including those not read. */
  sheetNames: string[];
  /** The sheets asked for that exist, in workbook order. */
  sheets: XlsxSheet[];
}

/** Which sheets to read: the first one, or these names (case and surrounding spaces ignored). */
export type SheetChoice = { first: true } | { names: string[] };

/** A number as Excel shows it in a General cell: at most 15 significant digits, no float noise. */
export function generalNumber(n: number): string {
  return String(Number(n.toPrecision(15)));
}

/** The text a person sees in the cell (General format), for importers that read text. */
export function cellText(cell: XlsxCell | undefined): string {
  if (!cell) return '';
  switch (cell.t) {
    case 'n':
      return generalNumber(cell.v);
    case 'b':
      return cell.v ? 'TRUE' : 'FALSE';
    default:
      return cell.v;
  }
}
