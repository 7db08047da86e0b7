import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyWageImport, previewWageImport } from '../../../main/wages/import';
import { reconcileVessel } from '../../../main/wages/reconcile-vessel';
import * as repo from '../../../main/wages/repository';
import { blobPath } from '../../../main/evidence/blobs';
import type { WageReport } from '../../../shared/wages/schemas';
import fs from 'node:fs';
import { CREW, FLOOR, camt053, contractsCsv, payrollXlsx, thaiStatementBytes } from '../../fixtures/wages/scenario';
import { scenarioStore, utf8 } from './helpers';

/**
 * The whole path a port officer takes: import the contracts, 17 Thai bank
 * statements (Windows-874), one camt.053 and the XLSX payroll into a store,
 * then reconcile. The numbers are worked out by hand from the planted
 * anomalies in test/fixtures/wages/scenario.ts.
 */
describe('a crew of 20 over 2024, imported and reconciled', () => {
  const env = scenarioStore();
  let report: WageReport;
  const month = (crew: string, m: string) => report.months.find((x) => x.crew === crew && x.month === m)!;
  const flags = (crew: string, code: string) => report.months.filter((x) => x.crew === crew).flatMap((x) => x.flags).filter((f) => f.code === code);

  beforeAll(async () => {
    const { store, vesselId } = env;
    for (const e of FLOOR) repo.upsertFloor(store.db, e);
    await applyWageImport(store, { vesselId, kind: 'contracts', filename: 'contracts.csv' }, utf8(contractsCsv()));
    for (const crew of CREW.slice(0, 17)) await applyWageImport(store, { vesselId, kind: 'statement', filename: `${crew}.csv` }, thaiStatementBytes(crew));
    await applyWageImport(store, { vesselId, kind: 'statement', filename: 'others.camt053.xml' }, utf8(camt053()));
    await applyWageImport(store, { vesselId, kind: 'payroll', filename: 'payroll.xlsx' }, await payrollXlsx());
    report = reconcileVessel(store, vesselId);
  });
  afterAll(() => env.cleanup());

  it('covers 20 crew members over 12 months each', () => {
    expect(report.months).toHaveLength(240);
    expect(new Set(report.months.map((m) => m.crew)).size).toBe(20);
    expect(report.notes).toEqual([]);
  });

  it('puts the vessel totals at the hand-computed figures, to the satang', () => {
    expect(report.totals).toEqual([
      expect.objectContaining({
        vessel: 'Sea Star 7',
        currency: 'THB',
        crewCount: 20,
        months: 240,
        expected: 284_004_000, // 17 × 12,000 × 12 + 3 × 10,890 × 12
        paid: 260_900_000,
        totalWithheld: 7_054_000, // 70,540.00 THB
        totalSuspectedDiverted: 52_800_000, // 4 crew × 12 × 11,000
      }),
    ]);
  });

  it('finds each planted shortfall in its crew member and month', () => {
    const withheld = (crew: string) => report.months.filter((m) => m.crew === crew).reduce((s, m) => s + m.shortfall, 0);
    expect(withheld('C03')).toBe(30_000); // fees 25 × 12
    expect(withheld('C10')).toBe(720_000); // 600 × 12 above the one-fifth cap
    expect(withheld('C11')).toBe(750_000);
    expect(month('C11', '2024-04').shortfall).toBe(250_000);
    expect(withheld('C12')).toBe(1_150_000);
    expect(month('C12', '2024-07')).toMatchObject({ paid: 0, shortfall: 1_150_000 });
    expect(withheld('C13')).toBe(1_200_000);
    for (const c of ['C18', 'C19', 'C20']) expect(withheld(c)).toBe(1_068_000); // (10,890 − 500 − 9,500) × 12
    for (const c of ['C01', 'C02', 'C04', 'C05', 'C06', 'C07', 'C08', 'C09', 'C14', 'C15', 'C16', 'C17']) expect(withheld(c)).toBe(0);
  });

  it('raises the floor for contracts below it and says so', () => {
    expect(month('C18', '2024-03')).toMatchObject({ contractDue: 1_000_000, floorDue: 1_089_000, expected: 1_089_000, paid: 950_000 });
    expect(flags('C18', 'below_floor')).toHaveLength(12);
    expect(flags('C01', 'below_floor')).toHaveLength(0);
  });

  it('flags missing, late and short payments, unlisted and excessive deductions, fees and stuck debt', () => {
    expect(flags('C12', 'no_payment').map((f) => f.month)).toEqual(['2024-07']);
    expect(flags('C09', 'late_payment')).toHaveLength(12);
    expect(month('C09', '2024-12').paid).toBe(1_150_000); // paid on 8 January 2025, counted for December
    expect(flags('C09', 'no_payment')).toHaveLength(0);
    expect(flags('C11', 'below_contract').map((f) => f.month)).toEqual(['2024-03', '2024-04', '2024-05']);
    expect(flags('C13', 'deduction_not_in_contract')).toHaveLength(12);
    expect(flags('C10', 'deduction_above_share')).toHaveLength(12);
    expect(flags('C03', 'fee_charged_to_worker')).toHaveLength(12);
    expect(flags('C03', 'fee_charged_to_worker')[0]!.transactions).toHaveLength(1);
    expect(flags('C06', 'debt_not_falling')).toHaveLength(11);
    expect(flags('C05', 'debt_not_falling')).toHaveLength(0);
    expect(flags('C06', 'debt_not_falling')[0]!.indicator).toBe('debt_bondage');
    expect(flags('C12', 'no_payment')[0]!.indicator).toBe('withholding_of_wages');
  });

  it('sees the held cards: rapid withdrawals and one terminal emptying four accounts', () => {
    for (const c of ['C14', 'C15', 'C16', 'C17']) {
      expect(flags(c, 'rapid_withdrawal')).toHaveLength(12);
      expect(flags(c, 'shared_terminal')).toHaveLength(12);
      expect(month(c, '2024-06')).toMatchObject({ paid: 1_150_000, withdrawn: 1_100_000, suspectedDiverted: 1_100_000, receivedByWorker: 50_000 });
    }
    const shared = flags('C14', 'shared_terminal')[0]!;
    expect(shared.transactions).toHaveLength(4); // the four withdrawals, one per account
    const txs = repo.getTransactions(env.store.db, env.vesselId, shared.transactions);
    expect(new Set(txs.map((t) => t.account)).size).toBe(4);
    expect(txs.every((t) => t.terminalId === 'ATM-SKN-0042')).toBe(true);
    expect(flags('C01', 'rapid_withdrawal')).toHaveLength(0);
  });

  it('keeps every original file as a hashed evidence blob', () => {
    const imports = repo.listImports(env.store.db, env.vesselId);
    expect(imports).toHaveLength(20);
    for (const i of imports) expect(fs.existsSync(blobPath(env.dir, i.sha256))).toBe(true);
    const camt = imports.find((i) => i.filename === 'others.camt053.xml')!;
    expect(camt).toMatchObject({ format: 'camt.053', addedCount: 36 });
    expect(imports.find((i) => i.filename === 'C01.csv')).toMatchObject({ format: 'csv', encoding: 'windows-874', profile: 'th-bank-thai-headers', addedCount: 12 });
  });

  it('re-importing the same statement adds nothing', async () => {
    const before = report.totals[0]!;
    const preview = await previewWageImport(env.store, { vesselId: env.vesselId, kind: 'statement', filename: 'C14.csv' }, thaiStatementBytes('C14'));
    expect(preview).toMatchObject({ rows: 24, newRows: 0, alreadyStored: 24, issues: [] });
    const again = await applyWageImport(env.store, { vesselId: env.vesselId, kind: 'statement', filename: 'C14-again.csv' }, thaiStatementBytes('C14'));
    expect(again).toMatchObject({ rows: 24, added: 0, alreadyStored: 24 });
    const payroll = await applyWageImport(env.store, { vesselId: env.vesselId, kind: 'payroll', filename: 'payroll.xlsx' }, await payrollXlsx());
    expect(payroll.added).toBe(0);
    expect(reconcileVessel(env.store, env.vesselId).totals[0]).toEqual(before);
  });
});
