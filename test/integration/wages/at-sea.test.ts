import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyWageImport } from '../../../main/wages/import';
import { reconcileVessel } from '../../../main/wages/reconcile-vessel';
import { atSeaIntervals } from '../../../shared/wages/at-sea';
import type { WageReport } from '../../../shared/wages/schemas';
import { contractsCsv, thaiStatementBytes } from '../../fixtures/wages/scenario';
import { scenarioStore, utf8 } from './helpers';

describe('withdrawals while the vessel was at sea, from its AIS track', () => {
  const env = scenarioStore();
  let report: WageReport;
  beforeAll(async () => {
    const { store, vesselId } = env;
    store.db.prepare("UPDATE vessels SET mmsi = '567012345' WHERE id = ?").run(vesselId);
    // Heard every 30 minutes in the middle of the Gulf of Thailand (9.0°N 101.5°E, >100 km from any coast),
    // 5–20 March 2024 UTC; then alongside at Mahachai (13.54°N 100.27°E) on the 21st.
    const insert = store.db.prepare('INSERT INTO ais_positions (session_id, t, mmsi, msg_type, lat, lon) VALUES (1, ?, 567012345, 1, ?, ?)');
    for (let t = Date.UTC(2024, 2, 5); t <= Date.UTC(2024, 2, 20); t += 30 * 60_000) insert.run(t, 9.0 + ((t / 60_000) % 7) * 0.01, 101.5);
    insert.run(Date.UTC(2024, 2, 21, 3), 13.54, 100.27);
    await applyWageImport(store, { vesselId, kind: 'contracts' }, utf8(contractsCsv()));
    const extra = [
      '10/03/2567,14:00,ถอนเงินสด ATM,"5,000.00",,"6,500.00",ATM,ATM-MHC-01,ท่าเรือมหาชัย',
      '22/03/2567,10:00,ถอนเงินสด ATM,"1,000.00",,"5,500.00",ATM,ATM-MHC-01,ท่าเรือมหาชัย',
    ];
    await applyWageImport(store, { vesselId, kind: 'statement' }, thaiStatementBytes('C01', extra));
    report = reconcileVessel(store, vesselId);
  });
  afterAll(() => env.cleanup());

  it('flags the pier withdrawal made while the track puts the vessel far offshore, and only that one', () => {
    const flags = report.months.filter((m) => m.crew === 'C01').flatMap((m) => m.flags).filter((f) => f.code === 'withdrawal_at_sea');
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({ month: '2024-03', amount: 500_000, severity: 'high', indicator: 'withholding_of_wages' });
    expect(flags[0]!.message).toContain('2024-03-05 07:00:00 to 2024-03-20 07:00:00'); // UTC track shown in Thai local time
    expect(report.months.find((m) => m.crew === 'C01' && m.month === '2024-03')!.suspectedDiverted).toBe(500_000);
  });
});

describe('at-sea stretches', () => {
  it('break where the vessel comes within 12 NM of shore or goes unheard for more than six hours', () => {
    const h = 3_600_000;
    const t = [0, 1, 2, 3, 10, 11, 12, 13].map((x) => Date.UTC(2024, 0, 1) + x * h);
    const shore = [50_000, 50_000, 10_000, 50_000, 50_000, 60_000, 60_000, 1_000];
    expect(atSeaIntervals(t, shore, { utcOffsetMinutes: 0 })).toEqual([
      { from: '2024-01-01T00:00:00', to: '2024-01-01T01:00:00' },
      { from: '2024-01-01T10:00:00', to: '2024-01-01T12:00:00' },
    ]);
  });
});
