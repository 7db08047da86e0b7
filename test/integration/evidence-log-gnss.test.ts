import { afterEach, describe, expect, it } from 'vitest';
import { IngestBatcher } from '../../main/ingest/batcher';
import { LiveStats } from '../../main/ingest/live-stats';
import { SessionPipeline } from '../../main/ingest/session-pipeline';
import { StoredGnssClock, recordGnssTime } from '../../main/evidence-log/gnss-clock';
import { EvidenceLog, sha256Hex } from '../../main/evidence-log/log';
import { openStore, type Store } from '../../main/store/database';
import { openSession } from '../../main/store/repos/marine-sessions';
import { createMarineWriter } from '../../main/store/repos/marine-writer';
import { tempDir } from '../support/tmp';

let store: Store | undefined;
afterEach(() => store?.close());

// A dated fix from a real receiver's kind of sentence (checksum computed below).
const withChecksum = (body: string): string => {
  let x = 0;
  for (const c of body) x ^= c.charCodeAt(0);
  return `$${body}*${x.toString(16).toUpperCase().padStart(2, '0')}`;
};
const RMC = withChecksum('GPRMC,064512.00,A,0712.3456,N,10036.7890,E,3.2,145.0,030326,,,A');

describe('GNSS time in the evidence log', () => {
  it('comes from a live receiver only, and only while its fix is fresh', () => {
    store = openStore(tempDir('gangway-gnss-'));
    const db = store.db;
    const batcher = new IngestBatcher(createMarineWriter(db), { maxRows: 10, maxMs: 60_000 });
    const stats = new LiveStats();
    const file = new SessionPipeline(openSession(db, { id: 'f', kind: 'file', label: 'old.log' }), batcher, stats, undefined, { fromLog: true });
    file.line(RMC, Date.now());
    expect(stats.lastLiveFixT).toBeNull();
    const live = new SessionPipeline(openSession(db, { id: 's', kind: 'serial', label: '/dev/ttyUSB0' }), batcher, stats);
    live.line(RMC, Date.now());
    expect(stats.lastLiveFixT).toBe(Date.parse('2026-03-03T06:45:12Z'));

    let deviceNow = Date.parse('2026-01-01T00:00:00Z'); // a device clock two months wrong
    recordGnssTime(db, stats.lastLiveFixT!, deviceNow);
    const log = new EvidenceLog(db, { gnss: new StoredGnssClock(db, () => deviceNow), clock: () => new Date(deviceNow) });
    deviceNow += 20_000;
    const fresh = log.append({ kind: 'evidence', subject: 'a', contentHash: sha256Hex('a') }).entry;
    expect(fresh.times).toEqual({ device: '2026-01-01T00:00:20.000Z', gnss: '2026-03-03T06:45:32.000Z' });
    deviceNow += 60_000;
    expect(log.append({ kind: 'evidence', subject: 'b', contentHash: sha256Hex('b') }).entry.times.gnss).toBeNull();
    // The store's own clock is what the app uses by default.
    expect(new StoredGnssClock(db).now()).toBeNull();
  });
});
