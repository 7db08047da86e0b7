import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { main } from '../../../main/cli';
import type { CliIo } from '../../../main/cli/command';
import { VoyageAnalysis } from '../../../shared/voyage/analyse';

const FIX = path.resolve(__dirname, '../../fixtures/nmea');
const data = fs.mkdtempSync(path.join(os.tmpdir(), 'gangway-voyage-'));

async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = { out: (t) => (out += t + '\n'), err: (t) => (err += t + '\n'), stdin: process.stdin };
  const code = await main(['voyage', ...args, '--data', data], io);
  return { code, out, err };
}

const file = (name: string) => path.join(FIX, name);
const NOVATO = 'Novato,38.1105,-122.6270';

describe('gangway voyage events on real receiver logs', () => {
  it('a u-blox log at its home port is one port visit, open at both ends, with every fix used', async () => {
    const r = await run('events', file('ublox-neo-m9n.log'), '--port', NOVATO, '--json');
    expect(r.code).toBe(0);
    const a = VoyageAnalysis.parse(JSON.parse(r.out));
    expect(a.positions).toBe(61);
    expect(new Date(a.start!).toISOString()).toBe('2020-07-11T22:37:45.000Z');
    expect(new Date(a.end!).toISOString()).toBe('2020-07-11T22:38:45.000Z');
    expect(a.visits).toHaveLength(1);
    expect(a.visits[0]).toMatchObject({ port: 'Novato', open: 'both' });
    expect(a.voyages).toEqual([]);
    expect(a.gaps).toEqual([]);
    expect(a.issues).toEqual([]);
  });

  it('a 5 Hz Quectel log merges GGA, GLL and RMC of one instant into one position', async () => {
    const r = await run('events', file('quectel-l76k.log'), '--json');
    const a = VoyageAnalysis.parse(JSON.parse(r.out));
    expect(a.positions).toBe(151);
    expect(a.issues.filter((i) => i.kind === 'duplicate_time' || i.kind === 'conflicting_duplicate')).toEqual([]);
    expect(a.end! - a.start!).toBe(30_000);
  });

  it('three logs from three places run together: the silences between them are gaps and the order is reported', async () => {
    const r = await run('events', file('ublox-neo-m9n.log'), file('quectel-l76k.log'), file('ais-nmea.log'), '--port', NOVATO);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/376 positions from \d+ lines in 3 file\(s\)/);
    expect(r.out).toMatch(/164 fixes arrived out of time order/);
    // The receiver's own track: its silences are the GNSS's, not AIS gaps.
    expect(r.out).not.toMatch(/AIS gap/);
    const gaps = r.out.split('\n').filter((l) => l.includes('GNSS gap'));
    expect(gaps).toHaveLength(2);
    expect(gaps[0]).toMatch(/^2020-04-07T21:42:33Z {2}2020-07-11T22:37:45Z {2}GNSS gap/);
    // Each log is a receiver near land, so neither silence can be intentional disabling offshore.
    expect(r.out).not.toMatch(/POSSIBLE INTENTIONAL DISABLING/);
  });

  it('analyses a vessel heard on AIS with --vessel, named from its static report, or reported as unnamed', async () => {
    const named = VoyageAnalysis.parse(JSON.parse((await run('events', file('ais-nmea.log'), '--vessel', '371255000', '--json')).out));
    expect(named.vessel).toEqual({ mmsi: '371255000', name: 'SEA ENTERPRISE', nameSource: 'ais' });
    const silent = VoyageAnalysis.parse(JSON.parse((await run('events', file('ais-nmea.log'), '--vessel', '269057061', '--json')).out));
    expect(silent.positions).toBe(17);
    expect(silent.vessel).toEqual({ mmsi: '269057061', nameSource: 'unknown' });
    expect(silent.issues.map((i) => i.kind)).toEqual(['no_static_data']);
  });

  it('counts the other vessels heard on AIS in the log', async () => {
    const r = await run('events', file('ais-nmea.log'));
    expect(r.out).toMatch(/164 positions from 1496 lines in 1 file\(s\); 30 other vessel\(s\) heard on AIS\./);
  });

  it('exports the events as GeoJSON and CSV that cite the same event ids', async () => {
    const g = await run('events', file('ublox-neo-m9n.log'), file('ais-nmea.log'), '--port', NOVATO, '--geojson');
    const fc = JSON.parse(g.out) as { type: string; features: { id: string; geometry: { type: string } | null; properties: { kind: string } }[] };
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.features.map((f) => f.properties.kind).sort()).toEqual(['gap', 'port_visit', 'voyage']);
    expect(fc.features.find((f) => f.properties.kind === 'gap')?.geometry?.type).toBe('LineString');
    const c = await run('events', file('ublox-neo-m9n.log'), file('ais-nmea.log'), '--port', NOVATO, '--csv');
    const lines = c.out.trim().split('\r\n');
    expect(lines[0]).toMatch(/^id,kind,start,end,durationH,lat,lon,port/);
    expect(lines.slice(1).map((l) => l.split(',')[0]).sort()).toEqual(fc.features.map((f) => f.id).sort());
  });

  it('takes ports from a CSV or JSON file, and names the rows it cannot use', async () => {
    const csv = path.join(data, 'ports.csv');
    fs.writeFileSync(csv, 'Name,Lat,Lon\nNovato,38.1105,-122.6270\n');
    const json = path.join(data, 'ports.json');
    fs.writeFileSync(json, JSON.stringify([{ name: 'Novato', lat: 38.1105, lon: -122.627 }]));
    for (const f of [csv, json]) {
      const a = VoyageAnalysis.parse(JSON.parse((await run('events', file('ublox-neo-m9n.log'), '--ports', f, '--json')).out));
      expect(a.visits.map((v) => v.port)).toEqual(['Novato']);
    }
    const bad = path.join(data, 'bad-ports.csv');
    fs.writeFileSync(bad, 'name,lat,lon\nNovato,38.1105,-122.6270\nAtlantis,,\n');
    const r = await run('events', file('ublox-neo-m9n.log'), '--ports', bad);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/1 port\(s\) in .*bad-ports\.csv have no usable name, latitude or longitude/);
    expect(r.err).toMatch(/row 2:/);
  });

  it('reads a gzip log the same as the plain one', async () => {
    const gz = path.join(data, 'ublox.log.gz');
    fs.writeFileSync(gz, zlib.gzipSync(fs.readFileSync(file('ublox-neo-m9n.log'))));
    const plain = JSON.parse((await run('events', file('ublox-neo-m9n.log'), '--port', NOVATO, '--json')).out) as unknown;
    const zipped = JSON.parse((await run('events', gz, '--port', NOVATO, '--json')).out) as unknown;
    expect(zipped).toEqual(plain);
  });

  it('an AIS-only log without --vessel names the vessels heard and how to choose one', async () => {
    const r = await run('events', path.resolve(FIX, '../ais/gpsd-sample.aivdm'));
    expect(r.code).toBe(1);
    expect(r.err).not.toMatch(/No usable positions/);
    expect(r.err).toMatch(/no position of the receiver's own .* AIS positions of \d+ vessel\(s\): \d{9}/);
    expect(r.err).toMatch(/--vessel MMSI/);
  });

  it('a truncated or bit-flipped gzip log is one sentence and exit 1, not a zlib stack trace', async () => {
    const packed = zlib.gzipSync(fs.readFileSync(file('ublox-neo-m9n.log')));
    const truncated = path.join(data, 'truncated.log.gz');
    fs.writeFileSync(truncated, packed.subarray(0, Math.floor(packed.length / 2)));
    const flipped = Buffer.from(packed);
    flipped[Math.floor(flipped.length / 2)]! ^= 0x55;
    const damaged = path.join(data, 'damaged.log.gz');
    fs.writeFileSync(damaged, flipped);
    for (const [gz, what] of [[truncated, /the gzip data ends early \(the file is truncated\) after \d+ lines/], [damaged, /the gzip data (is damaged|ends early)/]] as const) {
      const r = await run('events', gz, '--port', NOVATO);
      expect(r.code).toBe(1);
      expect(r.err).toMatch(what);
      expect(r.err).not.toMatch(/Z_(BUF|DATA)_ERROR|\n\s+at /);
    }
  });

  it('a vessel not heard in the log, a missing file and a bad port are explained, not a crash', async () => {
    const v = await run('events', file('ais-nmea.log'), '--vessel', '123456789');
    expect(v.code).toBe(1);
    expect(v.err).toMatch(/No AIS position of MMSI 123456789/);
    const m = await run('events', file('nope.log'));
    expect(m.code).toBe(1);
    expect(m.err).toMatch(/There is no log file .*nope\.log/);
    const p = await run('events', file('ais-nmea.log'), '--port', 'Nowhere,95,10');
    expect(p.code).toBe(1);
    expect(p.err).toMatch(/should be "Name,lat,lon"/);
  });
});
