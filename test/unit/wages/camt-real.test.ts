import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseWageFile } from '../../../main/wages/parse-file';

/** Real camt files from genkgo/camt's tests (MIT, test/fixtures/wages/camt/genkgo/LICENSE). */
const GENKGO = path.join(__dirname, '../../fixtures/wages/camt/genkgo');
const parse = (name: string) => parseWageFile({ kind: 'statement', bytes: fs.readFileSync(path.join(GENKGO, name)), filename: name });

describe('camt files from real parser libraries', () => {
  it('reads amounts with three decimals (8.850), as ISO 20022 allows up to five', async () => {
    const r = await parse('camt053.v2.five.decimals.xml');
    expect(r.issues).toEqual([]);
    expect(r.transactions.map((t) => t.amount)).toContain(885);
  });

  it('says a camt file without a statement has none, instead of the CSV header error', async () => {
    const r = await parse('camt053.v2.wrong.xml');
    expect(r.format).toBe('camt.053');
    expect(r.issues).toEqual([expect.objectContaining({ code: 'CAMT_EMPTY', message: expect.stringMatching(/has a header \(BkToCstmrStmt\) but no statement inside/) })]);
  });

  it('reads camt.052 reports and camt.054 notifications, importing booked entries (Sts/Cd BOOK, version 08) and not pending ones', async () => {
    const pending = await parse('camt052.v4.xml');
    expect(pending.format).toBe('camt.052');
    // its one entry is <Sts>PDNG</Sts>: not money on the account yet
    expect(pending.transactions).toEqual([]);
    expect(pending.issues).toEqual([]);
    const booked = await parse('camt052.v8.xml');
    expect(booked.format).toBe('camt.052');
    expect(booked.transactions[0]).toMatchObject({ amount: -20000000, currency: 'SEK' });
    const ntf = await parse('camt054.v8.xml');
    expect(ntf.format).toBe('camt.054');
    expect(ntf.transactions[0]).toMatchObject({ amount: -20000000, currency: 'SEK' });
  });
});
