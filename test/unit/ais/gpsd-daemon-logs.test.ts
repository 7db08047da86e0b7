import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../../main/cli';
import type { CliIo } from '../../../main/cli/command';
import { IngestManager } from '../../../main/ingest/manager';
import { tempStore } from '../../integration/ingest/helpers';
import { FIXTURES, GPSDECODE, hasGpsdecode } from './helpers';

const DAEMON = path.join(FIXTURES, 'gpsd-daemon');
const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

async function decodeText(file: string): Promise<string> {
  let out = '';
  const io: CliIo = { out: (t) => (out += t.endsWith('\n') ? t : t + '\n'), err: () => undefined, stdin: Readable.from(['']) };
  expect(await main(['decode', file], io)).toBe(0);
  return out;
}

describe("gpsd's own daemon test logs", () => {
  it.skipIf(!hasGpsdecode)('gangway decode prints exactly what the real gpsdecode -j prints (needs Debian gpsd-clients)', async () => {
    for (const name of ['ais-18-27.log', 'ais-raw-messages.log']) {
      const file = path.join(DAEMON, name);
      const reference = execFileSync(GPSDECODE, ['-j'], { input: fs.readFileSync(file), encoding: 'latin1' });
      expect(reference.length).toBeGreaterThan(1000);
      expect(await decodeText(file)).toBe(reference);
    }
  });

  it("a Trimble RTK log (GGA/RMC over 82 characters) becomes positions with their 8 decimals", async () => {
    const t = tempStore();
    cleanups.push(t.cleanup);
    const result = await new IngestManager(t.store, () => undefined).importFile(path.join(DAEMON, 'nmea-rtk.log'));
    const rejects = t.store.db.prepare('SELECT reason, count FROM ingest_rejects WHERE session_id = ? ORDER BY reason').all(result.sessionId);
    // The comment lines, and the first GGA, which comes before any RMC gave a date: nothing too long.
    expect(rejects).toEqual([
      { reason: 'not_nmea', count: 9 },
      { reason: 'undated', count: 1 },
    ]);
    const rows = t.store.db.prepare('SELECT lat, lon FROM own_positions ORDER BY id').all() as { lat: number; lon: number }[];
    expect(rows.length).toBeGreaterThan(50);
    // $GNGGA,132819.70,4134.49795443,N,09345.03431421,W,…
    expect(rows.some((r) => Math.abs(r.lat - (41 + 34.49795443 / 60)) < 1e-10 && Math.abs(r.lon + (93 + 45.03431421 / 60)) < 1e-10)).toBe(true);
  });
});
