import ExcelJS from 'exceljs';
import type { Grid } from '../../shared/wages/parse/grid';

/**
 * Reads the first worksheet of an XLSX file into text cells (exceljs, a kept
 * library; hand-parsing OOXML is a trap). Dates become ISO dates, numbers
 * their plain decimal form, formulas their cached result.
 */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : value.toFixed(2).replace(/0$/, '').replace(/\.0?$/, '');
  if (typeof value === 'string' || typeof value === 'boolean') return String(value);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('text' in value) return String(value.text);
    if ('error' in value) return '';
  }
  return String(value);
}

export async function xlsxToGrid(bytes: Uint8Array, sheetName?: string): Promise<Grid> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
  const sheet = sheetName ? wb.getWorksheet(sheetName) : wb.worksheets[0];
  const rows: string[][] = [];
  const lines: number[] = [];
  if (!sheet) return { rows, lines };
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    for (let c = 1; c <= row.cellCount; c++) cells.push(cellText(row.getCell(c).value));
    rows.push(cells);
    lines.push(rowNumber);
  });
  return { rows, lines };
}
