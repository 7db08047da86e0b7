import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyWageImport, previewWageImport } from '../../../main/wages/import';
import { isGangwayError, type GangwayError } from '../../../shared/errors';
import { contractsCsv, thaiStatementBytes, thaiStatementCsv } from '../../fixtures/wages/scenario';
import { scenarioStore, utf8 } from './helpers';

async function rejection(p: Promise<unknown>): Promise<GangwayError> {
  try {
    await p;
  } catch (e) {
    if (isGangwayError(e)) return e;
    throw e;
  }
  throw new Error('expected the import to be refused');
}

const count = (env: ReturnType<typeof scenarioStore>, table: string) => env.store.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;

describe('bad wage files are refused at the row, and nothing is half-imported', () => {
  let env: ReturnType<typeof scenarioStore>;
  beforeEach(async () => {
    env = scenarioStore();
    await applyWageImport(env.store, { vesselId: env.vesselId, kind: 'contracts', filename: 'contracts.csv' }, utf8(contractsCsv()));
    await applyWageImport(env.store, { vesselId: env.vesselId, kind: 'statement', filename: 'C01.csv' }, thaiStatementBytes('C01'));
  });
  afterEach(() => env.cleanup());

  it('a file in an unknown layout names the line it looked at', async () => {
    const bytes = utf8('Report generated 2024-12-31\nfoo,bar,baz\n1,2,3\n');
    const preview = await previewWageImport(env.store, { vesselId: env.vesselId, kind: 'statement', filename: 'x.csv' }, bytes);
    expect(preview.issues).toEqual([expect.objectContaining({ line: 1, code: 'UNKNOWN_LAYOUT' })]);
    const err = await rejection(applyWageImport(env.store, { vesselId: env.vesselId, kind: 'statement', filename: 'x.csv' }, bytes));
    expect(err.code).toBe('IMPORT');
    expect(err.message).toMatch(/x\.csv was not imported: line 1: This does not look like a bank statement/);
  });

  it('a Windows-874 file read as UTF-8 is refused at its first Thai line', async () => {
    const err = await rejection(applyWageImport(env.store, { vesselId: env.vesselId, kind: 'statement', filename: 'C02.csv', encoding: 'utf-8' }, thaiStatementBytes('C02')));
    expect(err.issues?.[0]).toEqual({ path: 'line 1', message: expect.stringMatching(/not UTF-8; the file is probably Windows-874/) });
  });

  it('a UTF-8 file read as Windows-874 is refused instead of storing garbled Thai', async () => {
    const preview = await previewWageImport(env.store, { vesselId: env.vesselId, kind: 'statement', encoding: 'windows-874' }, utf8(thaiStatementCsv('C02')));
    expect(preview.issues[0]).toMatchObject({ code: 'WRONG_ENCODING', line: 1 });
    expect(preview.issues[0]!.message).toMatch(/is UTF-8, not windows-874/);
  });

  it('the same statement saved as UTF-16 (Excel "Unicode text") is read like the original', async () => {
    const utf16 = new Uint8Array(iconv.encode(thaiStatementCsv('C01'), 'utf-16le', { addBOM: true }));
    const preview = await previewWageImport(env.store, { vesselId: env.vesselId, kind: 'statement' }, utf16);
    expect(preview).toMatchObject({ encoding: 'utf-16le', rows: 12, alreadyStored: 12, issues: [] });
  });

  it('a duplicated row is refused with both line numbers', async () => {
    const csv = thaiStatementCsv('C02').split('\r\n');
    csv.splice(8, 0, csv[7]!); // line 8 repeated as line 9
    const bytes = new Uint8Array(iconv.encode(csv.join('\r\n'), 'windows-874'));
    const preview = await previewWageImport(env.store, { vesselId: env.vesselId, kind: 'statement' }, bytes);
    expect(preview.issues).toEqual([expect.objectContaining({ line: 9, code: 'DUPLICATE_ROW', message: expect.stringContaining('repeats line 8') })]);
  });

  it('a negative balance is refused at its row and column, and the good rows before it are not stored', async () => {
    const before = count(env, 'wage_transactions');
    const imports = count(env, 'wage_imports');
    const evidence = count(env, 'evidence');
    const bytes = thaiStatementBytes('C02', ['31/12/2567,10:00,ถอนเงินสด ATM,"20,000.00",,"(5,000.00)",ATM,ATM-1,ตลาด']);
    const err = await rejection(applyWageImport(env.store, { vesselId: env.vesselId, kind: 'statement', filename: 'C02.csv' }, bytes));
    expect(err.issues).toEqual([{ path: 'line 19, column ยอดคงเหลือ', message: expect.stringContaining('is negative') }]);
    expect(count(env, 'wage_transactions')).toBe(before);
    expect(count(env, 'wage_imports')).toBe(imports);
    expect(count(env, 'evidence')).toBe(evidence);
  });

  it('a date that does not exist is reported at its row and column', async () => {
    const bytes = thaiStatementBytes('C02', ['31/02/2567,10:00,รับโอน,,"1.00","1.00",โอนเงิน,,']);
    const preview = await previewWageImport(env.store, { vesselId: env.vesselId, kind: 'statement' }, bytes);
    expect(preview.issues).toEqual([expect.objectContaining({ line: 19, column: 'วันที่', code: 'CSV_DATE', message: 'Date "31/02/2567" does not exist' })]);
  });

  it('a month with two contracts is refused, within one file and against stored contracts', async () => {
    const inFile = 'crew,account,monthly wage,start,end\nC01,111111,"12,000",01/01/2567,15/03/2567\nC01,111111,"13,000",20/03/2567,31/12/2567\n';
    const a = await previewWageImport(env.store, { vesselId: env.vesselId, kind: 'contracts' }, utf8(inFile.replace(/C01/g, 'C02')));
    expect(a.issues).toContainEqual(expect.objectContaining({ line: 3, code: 'CONTRACT_OVERLAP', message: expect.stringContaining('(line 2) covering 2024-03') }));
    const stored = 'crew,account,monthly wage,start,end\nC03,111111,"13,000",01/06/2567,31/12/2567\n';
    const b = await previewWageImport(env.store, { vesselId: env.vesselId, kind: 'contracts' }, utf8(stored));
    expect(b.issues).toEqual([expect.objectContaining({ line: 2, code: 'CONTRACT_OVERLAP' })]);
  });

  it('a contract already stored with other terms is refused, not silently replaced', async () => {
    const changed = contractsCsv().replace('C02,Sea Star 7,100-0-00002-0,"12,000.00"', 'C02,Sea Star 7,100-0-00002-0,"9,000.00"');
    const preview = await previewWageImport(env.store, { vesselId: env.vesselId, kind: 'contracts' }, utf8(changed));
    expect(preview.issues).toEqual([expect.objectContaining({ line: 3, code: 'CONFLICT', message: expect.stringContaining('already stored with other terms (wage 12,000.00') })]);
    expect(preview).toMatchObject({ rows: 20, newRows: 0 });
  });

  it('a second, different payslip for a month already stored is refused at its row', async () => {
    const slip = (net: string) => utf8(`crew,period,gross,deduction: food,net,payment date\nC01,2024-01,"12,000",500,"${net}",28/01/2567\n`);
    await applyWageImport(env.store, { vesselId: env.vesselId, kind: 'payroll' }, slip('11,500'));
    const same = await previewWageImport(env.store, { vesselId: env.vesselId, kind: 'payroll' }, slip('11,500'));
    expect(same).toMatchObject({ issues: [], newRows: 0, alreadyStored: 1 });
    const other = await previewWageImport(env.store, { vesselId: env.vesselId, kind: 'payroll' }, slip('9,500'));
    expect(other.issues).toEqual([expect.objectContaining({ line: 2, code: 'CONFLICT', message: expect.stringContaining('net 11,500.00') })]);
  });

  it('a crew member not on the vessel is named at the row', async () => {
    const csv = 'crew,account,monthly wage,start\nC99,111111,"12,000",01/01/2568\n';
    const preview = await previewWageImport(env.store, { vesselId: env.vesselId, kind: 'contracts' }, utf8(csv));
    expect(preview.issues).toEqual([expect.objectContaining({ line: 2, code: 'CREW_UNKNOWN' })]);
  });

  it('an overlapping statement adds only the rows not stored yet', async () => {
    const preview = await previewWageImport(env.store, { vesselId: env.vesselId, kind: 'statement' }, thaiStatementBytes('C01', ['05/01/2568,10:00,รับโอน,,"100.00","11,600.00",โอนเงิน,,']));
    expect(preview).toMatchObject({ rows: 13, newRows: 1, alreadyStored: 12 });
  });
});
