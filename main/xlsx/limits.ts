import { GangwayError } from '../../shared/errors';

/**
 * Caps on what one workbook may cost to read. A 1.3 MB XLSX can inflate to
 * 1.3 GB of XML; a reader that builds every cell (or expands a whole-column
 * validation like C2:C1048576) then exhausts memory. These are far above any
 * questionnaire or payroll a person writes by hand, and far below what hurts.
 */
export interface XlsxLimits {
  /** the .xlsx file itself */
  fileBytes: number;
  /** XML inflated from every part read (workbook, shared strings, styles, sheets) */
  inflatedBytes: number;
  /** files inside the zip */
  entries: number;
  /** rows holding at least one value, over the sheets read */
  rows: number;
  /** cells holding a value, over the sheets read */
  cells: number;
  /** one cell's text; Excel's own limit is 32,767 characters */
  cellChars: number;
  /** heap of the reading worker; beyond it the worker stops, not the app */
  memoryMb: number;
  /** wall time of the reading worker */
  timeMs: number;
}

export const DEFAULT_LIMITS: XlsxLimits = {
  fileBytes: 64 * 1024 * 1024,
  inflatedBytes: 256 * 1024 * 1024,
  entries: 10_000,
  rows: 200_000,
  cells: 2_000_000,
  cellChars: 32_767,
  memoryMb: 512,
  timeMs: 120_000,
};

const mb = (n: number) => `${Math.round(n / (1024 * 1024))} MB`;
const count = (n: number) => n.toLocaleString('en-US');

/** The sentence for each cap, naming the limit and what to do next. */
export function limitError(limit: keyof XlsxLimits, limits: XlsxLimits): GangwayError {
  const tail = 'Gangway stops there so that one file cannot exhaust the memory of the app. Remove unused sheets and empty formatted rows, or split the workbook, and import it again.';
  const what: Record<keyof XlsxLimits, string> = {
    fileBytes: `The workbook is larger than ${mb(limits.fileBytes)}.`,
    inflatedBytes: `The workbook unpacks to more than ${mb(limits.inflatedBytes)} of spreadsheet data (it may be a "zip bomb", or hold huge formatted ranges).`,
    entries: `The workbook holds more than ${count(limits.entries)} files inside.`,
    rows: `The sheets hold more than ${count(limits.rows)} rows with values.`,
    cells: `The sheets hold more than ${count(limits.cells)} cells with values.`,
    cellChars: `A cell holds more than ${count(limits.cellChars)} characters, more than Excel itself allows.`,
    memoryMb: `Reading the workbook needed more than ${limits.memoryMb} MB of memory.`,
    timeMs: `Reading the workbook took longer than ${limits.timeMs >= 1000 ? `${Math.round(limits.timeMs / 1000)} seconds` : `${limits.timeMs} ms`}.`,
  };
  return new GangwayError('IMPORT', `${what[limit]} ${tail}`, [{ path: 'limit', message: limit }]);
}
