import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import * as Y from 'yjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { runHubCli } from '../../../hub/cli';
import { HubStore } from '../../../hub/store';
import { ImpactResults } from '../../../shared/impact/aggregate';
import { summaryDocName, writeSummaryDoc } from '../../../shared/sync';
import { impactScenario, PROGRAMME_DATE, SMALL_PORT } from '../../support/impact-scenario';
import { tempDir } from '../../support/tmp';

/** The seeded scenario as a hub holds it: one summary:<auditId> document per audit, as devices push them. */
function seedHub(dir: string): void {
  const hub = new HubStore(dir);
  try {
    for (const s of impactScenario()) {
      const doc = new Y.Doc();
      writeSummaryDoc(doc, s);
      hub.appendUpdate(summaryDocName(s.auditId), 'summary', Y.encodeStateAsUpdate(doc), 'device-1', 'inspector');
      hub.setDocAccess(summaryDocName(s.auditId), 'summary', { agency: s.agency });
    }
  } finally {
    hub.close();
  }
}

async function cli(args: string[]): Promise<{ code: number; out: string }> {
  let out = '';
  const code = await runHubCli(args, { out: (t) => (out += t + '\n'), err: () => {} });
  return { code, out };
}

describe('gangway hub results', () => {
  const dir = tempDir('gangway-hub-results-');
  let results: ImpactResults;

  beforeAll(async () => {
    seedHub(dir);
    const { code, out } = await cli(['results', '--data', dir, '--by', 'port,month', '--programme', PROGRAMME_DATE, '--json']);
    expect(code).toBe(0);
    results = ImpactResults.parse(JSON.parse(out));
  });
  it('lists every published cell with n, share and interval, and every withheld cell with why', () => {
    expect(results.audits).toBe(240);
    expect(results.cells.length).toBeGreaterThan(30);
    for (const c of results.cells) {
      if (c.prevalence.suppressed) {
        expect(Object.keys(c.prevalence).sort()).toEqual(['reason', 'suppressed']);
      } else {
        expect(c.prevalence.n).toBeGreaterThanOrEqual(5);
        expect(c.prevalence.forcedLabour).toEqual(expect.objectContaining({ x: expect.any(Number), n: c.prevalence.n, share: expect.any(Number), lo: expect.any(Number), hi: expect.any(Number) }));
      }
    }
    expect(results.cells.filter((c) => c.key['port'] === SMALL_PORT).every((c) => c.prevalence.suppressed)).toBe(true);
  });

  it('says forced labour fell and withheld wages rose after the programme date', () => {
    expect(results.comparison!.forcedLabour).toMatchObject({ direction: 'fell' });
    expect(results.comparison!.money.find((m) => m.category === 'withheld_wages')!.change).toMatchObject({ direction: 'rose' });
  });

  it('prints the public CSV export and a readable summary, and refuses an unknown dimension with a sentence', async () => {
    const csv = await cli(['results', '--data', dir, '--by', 'port', '--csv']);
    const [header, ...rows] = csv.out.trim().split('\r\n');
    expect(header).toBe('table,port,month,quarter,flag,owner,period,measure,audits,n,count,value,lo,hi,unreliable,suppressed,reason');
    expect(rows.some((r) => r.startsWith(`cell,${SMALL_PORT},`) && r.includes('forced_labour'))).toBe(true);
    const text = await cli(['results', '--data', dir, '--programme', PROGRAMME_DATE]);
    expect(text.out).toMatch(/forced labour fell/);
    await expect(cli(['results', '--data', dir, '--by', 'ship'])).rejects.toThrow(/--by takes port, month, quarter, flag, owner/);
  });

  it('runs as the real command line', async () => {
    const { stdout } = await promisify(execFile)('node', [path.resolve('bin/gangway.js'), 'hub', 'results', '--data', dir, '--by', 'quarter', '--json'], { timeout: 120_000 });
    const r = ImpactResults.parse(JSON.parse(stdout));
    expect(r.cells.map((c) => c.key['quarter'])).toEqual(['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']);
  });
});
