import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../main/cli';
import { WageReport } from '../../../shared/wages/schemas';
import { CREW, FLOOR, camt053, contractsCsv, payrollXlsx, thaiStatementBytes } from '../../fixtures/wages/scenario';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (t: string) => void out.push(t), err: (t: string) => void err.push(t), stdin: process.stdin }, out, err };
}

describe('gangway wages check', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gangway-wages-cli-'));
  const f = (name: string) => path.join(dir, name);
  beforeAll(async () => {
    fs.writeFileSync(f('contracts.csv'), contractsCsv());
    for (const c of CREW.slice(0, 17)) fs.writeFileSync(f(`${c}.csv`), thaiStatementBytes(c));
    fs.writeFileSync(f('others.xml'), camt053());
    fs.writeFileSync(f('payroll.xlsx'), await payrollXlsx());
    fs.writeFileSync(f('floor.json'), JSON.stringify(FLOOR));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const statements = () => [...CREW.slice(0, 17).map((c) => f(`${c}.csv`)), f('others.xml')];

  it('prints the same totals as the app, as JSON of the documented shape', async () => {
    const c = capture();
    const code = await main(['wages', 'check', '--contracts', f('contracts.csv'), '--statements', ...statements(), '--payroll', f('payroll.xlsx'), '--floor', f('floor.json'), '--json'], c.io);
    expect(c.err).toEqual([]);
    expect(code).toBe(0);
    const report = WageReport.parse(JSON.parse(c.out.join('')));
    expect(report.totals).toEqual([expect.objectContaining({ vessel: 'Sea Star 7', currency: 'THB', totalWithheld: 7_054_000, totalSuspectedDiverted: 52_800_000, crewCount: 20, months: 240 })]);
    expect(report.months.find((m) => m.crew === 'C12' && m.month === '2024-07')).toMatchObject({ paid: 0, shortfall: 1_150_000 });
  });

  it('counts a statement given twice only once', async () => {
    const c = capture();
    await main(['wages', 'check', '--contracts', f('contracts.csv'), '--statements', ...statements(), f('C14.csv'), '--payroll', f('payroll.xlsx'), '--floor', f('floor.json'), '--json'], c.io);
    expect(WageReport.parse(JSON.parse(c.out.join(''))).totals[0]!.totalSuspectedDiverted).toBe(52_800_000);
  });

  it('without a floor table checks the contract only, and says so', async () => {
    const c = capture();
    await main(['wages', 'check', '--contracts', f('contracts.csv'), '--statements', ...statements(), '--payroll', f('payroll.xlsx')], c.io);
    const text = c.out.join('\n');
    // 70,540 less the 890 a month C18–C20 are owed only because of the floor (3 × 12 × 890 = 32,040).
    expect(text).toMatch(/total withheld 38,500\.00 THB, total suspected diverted 528,000\.00 THB/);
    expect(text).toMatch(/No legal-floor table was given/);
  });

  it('refuses a bad statement with the file, line and reason, and exit code 1', async () => {
    fs.writeFileSync(f('bad.csv'), 'Account,1234567\nDate,Description,Debit,Credit,Balance\n01/13/2024,x,,5.00,5.00\n');
    const c = capture();
    const code = await main(['wages', 'check', '--contracts', f('contracts.csv'), '--statements', f('bad.csv')], c.io);
    expect(code).toBe(1);
    expect(c.err.join('\n')).toMatch(/bad\.csv was not imported: line 3, column Date: Date "01\/13\/2024" has no month 13/);
  });

  it('reads a statement in the layout of a saved profile file', async () => {
    fs.writeFileSync(f('profile.json'), JSON.stringify({ name: 'coop-bank', headerMatch: ['Posted', 'Value'], columns: { date: 'Posted', amount: 'Value', account: 'Acct' }, dateOrder: 'ymd' }));
    fs.writeFileSync(f('coop.csv'), 'Acct;Posted;Value\n100-0-00001-0;2567/01/28;11500.00\n');
    fs.writeFileSync(f('one.csv'), 'crew,account,monthly wage,start,end\nC01,100-0-00001-0,"12,000",01/01/2567,31/01/2567\n');
    const c = capture();
    expect(await main(['wages', 'check', '--contracts', f('one.csv'), '--statements', f('coop.csv'), '--profile', f('profile.json'), '--json'], c.io)).toBe(0);
    const report = WageReport.parse(JSON.parse(c.out.join('')));
    expect(report.months).toEqual([expect.objectContaining({ crew: 'C01', month: '2024-01', paid: 1_150_000, shortfall: 50_000 })]);
  });

  it('explains a missing --contracts', async () => {
    const c = capture();
    expect(await main(['wages', 'check', '--statements', f('C01.csv')], c.io)).toBe(1);
    expect(c.err.join('\n')).toMatch(/--contracts FILE is required/);
  });
});
