import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CoreContext } from '../../../main/api/context';
import { dispatch } from '../../../main/api/dispatch';
import { voyageHandlers } from '../../../main/api/handlers/voyage';
import { openDeviceStore } from '../../../main/device-store';
import { inTransaction } from '../../../main/store/database';
import { VoyageAnalysis } from '../../../shared/voyage/analyse';
import { HOUR, MIN, Scenario, T0 } from './scenario';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gangway-voyage-api-'));
const store = openDeviceStore(dir);
const ctx: CoreContext = { store, shell: 'test', emit: () => {} };
afterAll(() => {
  store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

// Logged by Gangway: own ship out of Phuket to a carrier 120 nm west, 3 h alongside, home.
const own = new Scenario(7.8, 98.38, T0, MIN).stay(6 * HOUR).sail(260, 120, 10);
const meet = { lat: own.lat, lon: own.lon, t: own.t };
own.stay(3 * HOUR).sail(80, 120, 10).stay(6 * HOUR);
const carrier = new Scenario(meet.lat, meet.lon, meet.t - 6 * HOUR, 30_000, '636000777').stay(15 * HOUR, 0.3);

inTransaction(store.db, () => {
  const session = store.db.prepare("INSERT INTO ingest_sessions (source_id, source_kind, label, started_at) VALUES ('gnss', 'serial', 'GNSS', ?)").run(T0).lastInsertRowid;
  const o = store.db.prepare('INSERT INTO own_positions (session_id, t, lat, lon, sog_kn) VALUES (?, ?, ?, ?, ?)');
  for (const p of own.positions) o.run(session, p.t, p.lat, p.lon, p.sog ?? null);
  const a = store.db.prepare('INSERT INTO ais_positions (session_id, t, mmsi, msg_type, lat, lon, sog_kn) VALUES (?, ?, ?, 1, ?, ?, ?)');
  for (const p of carrier.positions) a.run(session, p.t, 636000777, p.lat, p.lon, p.sog ?? null);
  const at = new Date().toISOString();
  store.db.prepare('INSERT INTO vessels (id, name, mmsi, created_at, updated_at) VALUES (?, ?, ?, ?, ?)').run(crypto.randomUUID(), 'REGISTERED REEFER', '636000777', at, at);
});

const call = (method: string, input: unknown) => dispatch(voyageHandlers, ctx, method, input);

describe('voyage.analyse over what Gangway logged', () => {
  it('finds the encounter in the store and names the carrier from the registry', async () => {
    const r = await call('voyage.analyse', { source: { kind: 'store' }, ports: [{ name: 'Phuket', lat: 7.8, lon: 98.38 }] });
    expect(r.ok).toBe(true);
    const a = VoyageAnalysis.parse(r.ok ? r.value : null);
    expect(a.positions).toBe(own.positions.length);
    expect(a.encounters).toHaveLength(1);
    expect(a.encounters[0]).toMatchObject({ otherMmsi: '636000777', otherName: 'REGISTERED REEFER', nameSource: 'registry', start: meet.t - 90_000 });
    expect(a.visits.map((v) => v.port)).toEqual(['Phuket', 'Phuket']);
    expect(a.voyages.filter((v) => !v.partial)).toHaveLength(1);
    expect(a.track?.of).toBe(own.positions.length);
    expect(fs.existsSync(path.join(dir, 'cache'))).toBe(true); // the coastline grid is cached in the data folder
  });

  it('a time range before the meeting has no encounter', async () => {
    const r = await call('voyage.analyse', { source: { kind: 'store', to: meet.t - 2 * HOUR } });
    const a = VoyageAnalysis.parse(r.ok ? r.value : null);
    expect(a.encounters).toEqual([]);
    expect(a.end).toBeLessThanOrEqual(meet.t - 2 * HOUR);
  });

  it('analyses a vessel heard on AIS by MMSI, with the audited ship left out of its fleet', async () => {
    const r = await call('voyage.analyse', { source: { kind: 'store', mmsi: '636000777' } });
    const a = VoyageAnalysis.parse(r.ok ? r.value : null);
    expect(a.vessel).toEqual({ mmsi: '636000777', name: 'REGISTERED REEFER', nameSource: 'registry' });
    expect(a.positions).toBe(carrier.positions.length);
  });

  it('says plainly when nothing was logged, and refuses a malformed MMSI', async () => {
    const none = await call('voyage.analyse', { source: { kind: 'store', mmsi: '111111111' } });
    expect(none).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(none.ok ? '' : none.error.message).toMatch(/no positions from MMSI 111111111/);
    const bad = await call('voyage.analyse', { source: { kind: 'store', mmsi: '12' } });
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });
});

describe('voyage.restHours', () => {
  it('reports a breach and a declared shore day the track contradicts', async () => {
    const day = 24 * HOUR;
    const r = await call('voyage.restHours', {
      schedules: [{ person: 'crew-7', coverage: { start: T0, end: T0 + day }, work: [{ start: T0, end: T0 + 16 * HOUR }] }],
      declared: [{ label: 'ashore', where: 'in_port', start: T0 + 7 * HOUR, end: T0 + 17 * HOUR }],
      track: { visits: [], voyages: [{ kind: 'voyage', id: 'voyage-x', start: T0 + 6 * HOUR, end: T0 + 30 * HOUR, partial: false, durationH: 24, daysAtSea: 1, calendarDaysAtSea: 2, positions: 10 }] },
    });
    expect(r.ok).toBe(true);
    const v = r.ok ? (r.value as { breaches: { restH: number }[]; conflicts: { evidence: string[] }[] }) : null;
    expect(v?.breaches.map((b) => b.restH)).toEqual([8]);
    expect(v?.conflicts.map((c) => c.evidence)).toEqual([['voyage-x']]);
  });
});
