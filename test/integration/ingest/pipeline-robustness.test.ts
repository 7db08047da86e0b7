import fc from 'fast-check';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { encodeSentences } from '../../../shared/ais/encode';
import { IngestBatcher } from '../../../main/ingest/batcher';
import { LiveStats } from '../../../main/ingest/live-stats';
import { SessionPipeline } from '../../../main/ingest/session-pipeline';
import { openDeviceStore } from '../../../main/device-store';
import { getSession, openSession } from '../../../main/store/repos/marine-sessions';
import { createMarineWriter } from '../../../main/store/repos/marine-writer';
import { count, DATA, tempStore } from './helpers';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

/** A Class A position report (type 1), raw values as ITU-R M.1371-5 puts them on the air. */
function classA(mmsi: number, lat: number, lon: number, speedTenths: number, courseTenths: number, heading = 511): string[] {
  return encodeSentences({
    type: 1,
    repeat: 0,
    mmsi,
    values: { status: 0, turn: -128, speed: speedTenths, accuracy: false, lon: Math.round(lon * 600_000), lat: Math.round(lat * 600_000), course: courseTenths, heading, second: 30, maneuver: 0, raim: false, radio: 0 },
  });
}

const real = fs
  .readFileSync(path.join(DATA, 'ais/gpsd-sample.aivdm'), 'latin1')
  .split('\n')
  .map((l) => l.replace(/\r$/, ''))
  .filter((l) => l.startsWith('!'));

describe('the pipeline on bad input', () => {
  it('random bytes, cut and shuffled sentences never crash it, and every line ends up counted once', () => {
    const t = tempStore();
    cleanups.push(t.cleanup);
    const batcher = new IngestBatcher(createMarineWriter(t.store.db), { maxRows: 300, maxMs: 60_000 });
    const junk = fc.oneof(
      fc.uint8Array({ maxLength: 90 }).map((b) => Buffer.from(b).toString('latin1').replace(/[\r\n]/g, '')),
      fc.constantFrom(...real).chain((l) => fc.integer({ min: 0, max: l.length }).map((n) => l.slice(0, n))),
      fc.constantFrom(...real),
    );
    fc.assert(
      fc.property(fc.array(junk, { maxLength: 60 }), (lines) => {
        const id = openSession(t.store.db, { id: 'prop', kind: 'file', label: 'prop' });
        const p = new SessionPipeline(id, batcher, new LiveStats());
        for (const l of lines) p.line(l, Date.now());
        p.finish();
        batcher.flush();
        const s = getSession(t.store.db, id)!;
        expect(s.lines).toBe(lines.length);
        expect(s.accepted + s.ignored + s.rejected).toBe(s.lines);
        expect(s.rejects.reduce((n, r) => n + r.count, 0)).toBe(s.rejected);
      }),
      { numRuns: 150 },
    );
  });

  it('AIS positions are stored in degrees and knots, and "not available" values are left empty', () => {
    const t = tempStore();
    cleanups.push(t.cleanup);
    const batcher = new IngestBatcher(createMarineWriter(t.store.db));
    const id = openSession(t.store.db, { id: 'scale', kind: 'tcp', label: 'scale' });
    const p = new SessionPipeline(id, batcher, new LiveStats());
    // 1/10000 minute (1/600000 degree) is the resolution of the report.
    for (const l of classA(244_123_456, 7.891234, -98.5, 123, 2705, 270)) p.line(l, Date.UTC(2026, 0, 1));
    // speed 1023 and course 3600 mean "not available" (M.1371-5 Table 45).
    for (const l of classA(244_999_999, 8, 99, 1023, 3600)) p.line(l, Date.UTC(2026, 0, 1));
    // lat 91° means "not available": no position row at all.
    for (const l of classA(244_888_888, 91, 181, 10, 10)) p.line(l, Date.UTC(2026, 0, 1));
    batcher.flush();
    const rows = t.store.db.prepare('SELECT mmsi, lat, lon, sog_kn, cog_deg, heading_deg FROM ais_positions ORDER BY mmsi').all();
    expect(rows).toEqual([
      { mmsi: 244_123_456, lat: expect.closeTo(7.891234, 5), lon: -98.5, sog_kn: 12.3, cog_deg: 270.5, heading_deg: 270 },
      { mmsi: 244_999_999, lat: 8, lon: 99, sog_kn: null, cog_deg: null, heading_deg: null },
    ]);
  });

  it('a committed batch survives a crash; only the open batch is lost', () => {
    const t = tempStore();
    cleanups.push(t.cleanup);
    const batcher = new IngestBatcher(createMarineWriter(t.store.db), { maxRows: 50, maxMs: 60_000 });
    const id = openSession(t.store.db, { id: 'crash', kind: 'serial', label: 'crash' });
    const p = new SessionPipeline(id, batcher, new LiveStats());
    const positions = Array.from({ length: 30 }, (_, i) => classA(244_000_000 + i, 7 + i / 100, 98.5, 85, 2700)[0]!);
    for (const l of positions) p.line(l, Date.now());
    // 30 lines + their positions make 50-odd rows: one batch committed, the rest still open when the "crash" comes.
    const committed = count(t.store, 'ais_positions');
    expect(committed).toBeGreaterThan(0);
    expect(committed).toBeLessThan(positions.length);
    t.store.close(); // the process dies here: nothing flushes
    const reopened = openDeviceStore(t.dir);
    expect(count(reopened, 'ais_positions')).toBe(committed);
    expect(getSession(reopened.db, id)!.lines).toBeGreaterThan(0);
    reopened.close();
  });
});
