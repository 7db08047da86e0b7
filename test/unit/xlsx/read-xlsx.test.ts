import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readXlsx } from '../../../main/xlsx/read-xlsx';
import { cellText } from '../../../main/xlsx/workbook';
import { workbookWith } from '../../support/xlsx-zip';

const rowsOf = async (bytes: Uint8Array, name?: string) => {
  const wb = await readXlsx(bytes, name ? { sheets: { names: [name] } } : {});
  return wb.sheets[0]!.rows.map((r) => ({ row: r.row, text: r.cells.map((c) => `${c.col}:${cellText(c)}`) }));
};

describe('capped XLSX reader', () => {
  it('reads what Excel shows: shared and inline strings, numbers, dates, booleans, cached formula results', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Pay');
    ws.addRow(['Name', 'Paid', 'On', 'Ok', 'Sum']);
    ws.addRow(['Ko Aung & <crew>', 8850.5, new Date(Date.UTC(2024, 1, 29)), true, { formula: 'B2*2', result: 17701 }]);
    ws.getCell('A4').value = { richText: [{ text: 'Two ' }, { font: { bold: true }, text: 'runs' }] };
    ws.getCell('C4').value = 0.1 + 0.2;
    const rows = await rowsOf(new Uint8Array(await wb.xlsx.writeBuffer()));
    expect(rows).toEqual([
      { row: 1, text: ['1:Name', '2:Paid', '3:On', '4:Ok', '5:Sum'] },
      { row: 2, text: ['1:Ko Aung & <crew>', '2:8850.5', '3:2024-02-29', '4:TRUE', '5:17701'] },
      { row: 4, text: ['1:Two runs', '3:0.3'] },
    ]);
  });

  it('keeps a formula without a cached result, and reads prefixed tags and _xHHHH_ escapes', async () => {
    const bytes = workbookWith({
      survey: '<x:sheetData xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:row r="2"><x:c r="B2"><x:f>FALSE()</x:f></x:c><x:c r="C2" t="inlineStr"><x:is><x:t>line_x000D_two</x:t></x:is></x:c><x:c r="D2" t="b"><x:f>TRUE()</x:f><x:v>1</x:v></x:c></x:row></x:sheetData>',
    });
    const wb = await readXlsx(bytes);
    expect(wb.sheets[0]!.rows).toEqual([
      {
        row: 2,
        cells: [
          { col: 2, t: 'f', v: '', formula: 'FALSE()' },
          { col: 3, t: 's', v: 'line\rtwo' },
          { col: 4, t: 'b', v: true, formula: 'TRUE()' },
        ],
      },
    ]);
  });

  it('reads a form with data validations over whole columns without expanding them', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('survey');
    ws.addRows([
      ['type', 'name', 'label'],
      ['integer', 'age', 'Age'],
    ]);
    // exceljs writes the range as given (its types omit dataValidations); reading it back is what expanded it.
    const validations = (ws as unknown as { dataValidations: { add(range: string, rule: object): void } }).dataValidations;
    for (const col of ['A', 'B', 'C', 'D', 'E', 'F']) validations.add(`${col}2:${col}1048576`, { type: 'list', allowBlank: true, formulae: ['"integer,text,select_one yn"'] });
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    expect((await rowsOf(bytes, 'survey')).map((r) => r.row)).toEqual([1, 2]);
  });

  it('refuses a zip bomb with a sentence naming the limit, and the app reads the next file', async () => {
    // 300 MB of empty formatted rows (what a "format the whole column" sheet looks like) in a few hundred KB.
    const bomb = workbookWith({ data: { before: '<sheetData>', repeat: '<row s="1" customFormat="1" ht="15"/>'.repeat(1000), times: 8_200, after: '</sheetData>' } });
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    await expect(readXlsx(bomb)).rejects.toThrow(/unpacks to more than 256 MB of spreadsheet data.*cannot exhaust the memory/);
    const ok = workbookWith({ data: '<sheetData><row r="1"><c r="A1"><v>7</v></c></row></sheetData>' });
    expect(await rowsOf(ok)).toEqual([{ row: 1, text: ['1:7'] }]);
  });

  it('refuses more rows or cells than the caps allow', async () => {
    const rows = workbookWith({ data: { before: '<sheetData>', repeat: '<row><c t="inlineStr"><is><t>x</t></is></c><c><v>1</v></c></row>', times: 1_000, after: '</sheetData>' } });
    await expect(readXlsx(rows, { limits: { rows: 999 } })).rejects.toThrow('The sheets hold more than 999 rows with values.');
    await expect(readXlsx(rows, { limits: { cells: 1_500 } })).rejects.toThrow('The sheets hold more than 1,500 cells with values.');
    expect((await readXlsx(rows, { limits: { rows: 1_000, cells: 2_000 } })).sheets[0]!.rows).toHaveLength(1_000);
  });

  it('stops a worker that outgrows its memory limit, not the app', async () => {
    // 2 million distinct shared strings: small on disk, far more than 16 MB as strings in memory.
    const si = Array.from({ length: 1000 }, (_, i) => `<si><t>s${i}</t></si>`).join('');
    const bytes = workbookWith(
      { data: '<sheetData/>' },
      {
        'xl/sharedStrings.xml': { before: '<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">', repeat: si, times: 2_000, after: '</sst>' },
        'xl/_rels/workbook.xml.rels': '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
      },
    );
    await expect(readXlsx(bytes, { limits: { memoryMb: 16 } })).rejects.toThrow('Reading the workbook needed more than 16 MB of memory.');
  });

  it('says what is wrong with a file that is not a workbook, and with one over the time limit', async () => {
    await expect(readXlsx(Buffer.from('PK\u0003\u0004 not really a zip'))).rejects.toThrow(/not a readable \.xlsx workbook.*Save it again from Excel or LibreOffice/);
    const { zipParts } = await import('../../support/xlsx-zip');
    await expect(readXlsx(zipParts({ 'hello.txt': 'hi' }))).rejects.toThrow(/it has no workbook part/);
    const ok = workbookWith({ data: '<sheetData/>' });
    await expect(readXlsx(ok, { limits: { timeMs: 1 } })).rejects.toThrow('Reading the workbook took longer than 1 ms.');
  });
});
