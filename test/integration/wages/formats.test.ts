import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parseWageFile } from '../../../main/wages/parse-file';

const utf8 = (s: string) => new TextEncoder().encode(s);

describe('statement formats', () => {
  it('reads an XLSX statement with date cells, numeric amounts and a title row above the header', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Statement');
    ws.addRow(['Account number', '987-6-54321-0']);
    ws.addRow([]);
    ws.addRow(['Date', 'Time', 'Description', 'Amount', 'Balance', 'Terminal']);
    ws.addRow([new Date('2024-03-28T00:00:00Z'), '09:00', 'Salary', 11500, 11500, null]);
    ws.addRow([new Date('2024-03-28T00:00:00Z'), '10:30', 'ATM withdrawal', -11000.5, 499.5, 'ATM-7']);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const r = await parseWageFile({ kind: 'statement', bytes });
    expect(r).toMatchObject({ format: 'xlsx', profile: 'generic-english', issues: [] });
    expect(r.transactions.map((t) => [t.account, t.bookedAt, t.amount, t.balance, t.kind, t.line])).toEqual([
      ['9876543210', '2024-03-28T09:00:00', 1150000, 1150000, 'deposit', 4],
      ['9876543210', '2024-03-28T10:30:00', -1100050, 49950, 'withdrawal', 5],
    ]);
  });

  it('says so when camt XML is cut off', async () => {
    const r = await parseWageFile({ kind: 'statement', bytes: utf8('<?xml version="1.0"?><Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt><Stmt><Ntry><Amt Ccy="THB">1.00</Amt>') });
    expect(r.issues).toEqual([expect.objectContaining({ code: 'XML', line: 1, message: expect.stringContaining('cut off') })]);
  });

  it('detects UTF-16 without a byte-order mark', async () => {
    const text = 'Account,Date,Credit,Balance\n5550001,01/02/2567,100.00,100.00\n';
    const bytes = new Uint8Array(text.length * 2);
    for (let i = 0; i < text.length; i++) bytes[i * 2] = text.charCodeAt(i);
    const r = await parseWageFile({ kind: 'statement', bytes });
    expect(r).toMatchObject({ encoding: 'utf-16le', issues: [] });
    expect(r.transactions[0]).toMatchObject({ account: '5550001', bookedAt: '2024-02-01T00:00:00', amount: 10000 });
  });

  it('a spreadsheet that is not one is refused with a sentence, not a crash', async () => {
    const bytes = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5]);
    const r = await parseWageFile({ kind: 'payroll', bytes });
    expect(r.issues[0]).toMatchObject({ code: 'XLSX', line: 0 });
  });
});
