import { limitError, type XlsxLimits } from './limits';
import { readPart } from './parts';
import { unescapeXstring } from './xml';
import type { XlsxCell, XlsxRow } from './workbook';
import type { ZipParts } from './zip-parts';

/**
 * One worksheet's `<sheetData>`, cell by cell as the XML streams past. Only
 * cells that hold a value are kept; everything after the data (data
 * validations over whole columns, conditional formats, merged ranges) is
 * skipped without being expanded.
 */

export interface SheetContext {
  sharedStrings: string[];
  dateStyles: boolean[];
  date1904: boolean;
  limits: XlsxLimits;
  /** rows and cells kept so far over all sheets read, against the caps */
  counts: { rows: number; cells: number };
}

/** `BC12` → 55 */
function columnOf(ref: string): number {
  let col = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i) & ~32;
    if (c < 65 || c > 90) break;
    col = col * 26 + (c - 64);
  }
  return col;
}

const DAY_MS = 86_400_000;
/** Excel's day 0 is 1899-12-31, and it counts a 29 February 1900 that never was (kept from Lotus 1-2-3). */
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);

export function serialToIso(serial: number, date1904: boolean): string {
  const days = !date1904 && serial < 60 ? serial + 1 : serial;
  const ms = Math.round((date1904 ? EPOCH_1904 : EPOCH_1900) + days * DAY_MS);
  const iso = new Date(ms).toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19);
}

export async function readSheet(zip: ZipParts, part: string, ctx: SheetContext): Promise<XlsxRow[]> {
  const { limits, counts } = ctx;
  const rows: XlsxRow[] = [];
  let row: XlsxRow | null = null;
  let lastRow = 0;
  let nextCol = 1;
  // the cell being read
  let inCell = false;
  let type = '';
  let style = 0;
  let col = 0;
  let value: string | null = null;
  let formula = '';
  let inline: string | null = null;
  let capture: 'v' | 'f' | 't' | null = null;
  let inRPh = false;

  const tooLong = () => limitError('cellChars', limits);
  const finishCell = () => {
    let cell: XlsxCell | undefined;
    const f = formula ? { formula } : {};
    if (type === 's') {
      const s = value === null ? undefined : ctx.sharedStrings[Number(value)];
      if (s) cell = { col, t: 's', v: s, ...f };
    } else if (type === 'inlineStr') {
      if (inline) cell = { col, t: 's', v: unescapeXstring(inline), ...f };
    } else if (value === null || value === '') {
      if (formula) cell = { col, t: 'f', v: '', formula };
    } else if (type === 'str') cell = { col, t: 's', v: unescapeXstring(value), ...f };
    else if (type === 'b') cell = { col, t: 'b', v: value.trim() === '1' || value.trim() === 'true', ...f };
    else if (type === 'e') cell = { col, t: 'e', v: value, ...f };
    else if (type === 'd') cell = { col, t: 'd', v: value.trim(), ...f };
    else {
      const n = Number(value);
      if (Number.isFinite(n)) cell = ctx.dateStyles[style] ? { col, t: 'd', v: serialToIso(n, ctx.date1904), ...f } : { col, t: 'n', v: n, ...f };
      else cell = { col, t: 's', v: value, ...f };
    }
    if (!cell || !row) return;
    if (++counts.cells > limits.cells) throw limitError('cells', limits);
    row.cells.push(cell);
  };

  await readPart(zip, part, {
    open(tag, a) {
      if (tag === 'row') {
        const r = a.r ? Number(a.r) : lastRow + 1;
        row = { row: Number.isInteger(r) && r > 0 ? r : lastRow + 1, cells: [] };
        lastRow = row.row;
        nextCol = 1;
      } else if (tag === 'c') {
        inCell = true;
        type = a.t ?? 'n';
        style = a.s ? Number(a.s) : 0;
        col = a.r ? columnOf(a.r) || nextCol : nextCol;
        nextCol = col + 1;
        value = null;
        formula = '';
        inline = null;
      } else if (!inCell) return;
      else if (tag === 'v') {
        capture = 'v';
        value = '';
      } else if (tag === 'f') capture = 'f';
      else if (tag === 'is') inline = '';
      else if (tag === 'rPh') inRPh = true;
      else if (tag === 't' && inline !== null && !inRPh) capture = 't';
    },
    text(t) {
      if (capture === 'v') {
        value += t;
        if (value!.length > limits.cellChars) throw tooLong();
      } else if (capture === 'f') {
        formula += t;
        if (formula.length > limits.cellChars) throw tooLong();
      } else if (capture === 't') {
        inline += t;
        if (inline!.length > limits.cellChars) throw tooLong();
      }
    },
    close(tag) {
      if (tag === 'v' || tag === 'f' || tag === 't') capture = null;
      else if (tag === 'rPh') inRPh = false;
      else if (tag === 'c') {
        finishCell();
        inCell = false;
      } else if (tag === 'row' && row) {
        if (row.cells.length) {
          if (++counts.rows > limits.rows) throw limitError('rows', limits);
          rows.push(row);
        }
        row = null;
      }
    },
  });
  return rows;
}
