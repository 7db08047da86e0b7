import type { Grid } from '../../shared/wages/parse/grid';
import { readXlsx } from '../xlsx/read-xlsx';
import type { XlsxCell } from '../xlsx/workbook';

/**
 * The first worksheet of a wage XLSX as text cells, through the capped reader
 * (main/xlsx). Dates become ISO dates; numbers their plain decimal form (at
 * most two decimals, as before: wage sheets hold money and float noise must
 * not reach the totals); formulas their cached result; errors read as empty.
 */
function cellText(cell: XlsxCell | undefined): string {
  if (!cell) return '';
  switch (cell.t) {
    case 'n':
      return Number.isInteger(cell.v) ? String(cell.v) : cell.v.toFixed(2).replace(/0$/, '').replace(/\.0?$/, '');
    case 'd':
      return cell.v.slice(0, 10);
    case 'b':
      return String(cell.v);
    case 'e':
      return '';
    default:
      return cell.v;
  }
}

export async function xlsxToGrid(bytes: Uint8Array, sheetName?: string): Promise<Grid> {
  const wb = await readXlsx(bytes, { sheets: sheetName ? { names: [sheetName] } : { first: true } });
  const rows: string[][] = [];
  const lines: number[] = [];
  for (const r of wb.sheets[0]?.rows ?? []) {
    const last = Math.max(...r.cells.map((c) => c.col));
    const cells = Array.from({ length: last }, () => '');
    for (const c of r.cells) cells[c.col - 1] = cellText(c);
    rows.push(cells);
    lines.push(r.row);
  }
  return { rows, lines };
}
