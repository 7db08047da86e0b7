import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createDecoder } from '../../../shared/nmea/decoder';
import { parseSentence } from '../../../shared/nmea/framing';
import { Fix, parseGnss } from '../../../shared/nmea/gnss';

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/nmea');
const lines = (name: string) => readFileSync(path.join(FIXTURES, name), 'utf8').split('\n').filter((l) => l && !l.startsWith('#'));

/** Builds a sentence with its checksum, computed independently of the code under test. */
function withSum(body: string): string {
  let x = 0;
  for (const ch of body.slice(1)) x ^= ch.charCodeAt(0);
  return `${body}*${x.toString(16).toUpperCase().padStart(2, '0')}`;
}

function fix(line: string): Fix {
  const r = parseSentence(line);
  if (!r.ok) throw new Error(r.reason);
  const f = parseGnss(r.sentence);
  if (!f) throw new Error('not a fix');
  return Fix.parse(f);
}

describe('GNSS sentences into fixes', () => {
  it('RMC: time, date, position, speed and mode of a u-blox fix', () => {
    const f = fix('$GNRMC,223745.00,A,3806.62964,N,12237.61382,W,0.040,,110720,,,D,V*0E');
    expect(f).toMatchObject({ talker: 'GN', sentence: 'RMC', valid: true, date: '2020-07-11', speedKn: 0.04, mode: 'differential' });
    expect(f.lat).toBeCloseTo(38 + 6.62964 / 60, 9);
    expect(f.lon).toBeCloseTo(-(122 + 37.61382 / 60), 9);
    expect(new Date(f.time!).toISOString()).toBe('2020-07-11T22:37:45.000Z');
    expect(f.courseDeg).toBeUndefined();
  });

  it('GGA: quality, satellites, HDOP, altitude and geoid separation', () => {
    const f = fix('$GNGGA,223745.00,3806.62964,N,12237.61382,W,2,12,0.54,83.1,M,-29.5,M,,0000*44');
    expect(f).toMatchObject({ quality: 'dgps', satellites: 12, hdop: 0.54, altitudeM: 83.1, geoidSeparationM: -29.5, timeOfDay: 81_465_000 });
  });

  it('GST, ZDA, GSA, VTG and GLL give their part of the fix', () => {
    expect(fix('$GNGST,223745.00,228650,2.5,2.4,126,0.98,1.0,3.1*41')).toMatchObject({ latErrorM: 0.98, lonErrorM: 1.0, altErrorM: 3.1 });
    expect(fix('$GNZDA,055234.000,05,08,2026,00,00*46')).toMatchObject({ date: '2026-08-05', time: Date.UTC(2026, 7, 5, 5, 52, 34) });
    expect(fix('$GNGSA,A,3,02,07,14,15,17,20,22,30,,,,,1.5,0.9,1.2,1*3C')).toMatchObject({ fixType: '3d', satellitesUsed: [2, 7, 14, 15, 17, 20, 22, 30], pdop: 1.5, hdop: 0.9, vdop: 1.2 });
    expect(fix('$GPVTG,,T,,M,0.020,N,0.038,K,A*2A')).toMatchObject({ speedKn: 0.02, mode: 'autonomous' });
    expect(fix('$GPGLL,5250.53669,N,00542.34920,E,213950.00,A,A*67')).toMatchObject({ valid: true, timeOfDay: 77_990_000 });
  });

  it('HDT: true heading', () => {
    expect(fix(withSum('$HEHDT,274.07,T'))).toMatchObject({ talker: 'HE', headingDeg: 274.07 });
  });

  it('a void RMC is a fix marked invalid, not a position', () => {
    const f = fix(withSum('$GPRMC,000000.00,V,,,,,,,,,,N'));
    expect(f).toMatchObject({ valid: false, mode: 'not_valid' });
    expect(f.lat).toBeUndefined();
  });

  it('minutes of 60 or more are nonsense, not a position', () => {
    const r = parseSentence(withSum('$GPGLL,5260.00000,N,00542.34920,E,213950.00,A,A'));
    expect(r.ok).toBe(true);
    if (r.ok) expect(parseGnss(r.sentence)).toBeNull();
  });
});

/** Counts from `grep -c` on each log: the decoder must find every GNSS sentence and reject none. */
describe.each([
  ['ais-nmea.log', { RMC: 164, GGA: 164, GLL: 164, VTG: 164, GSA: 165 }, 492, 183],
  ['ublox-neo-m9n.log', { RMC: 61, GGA: 61, GLL: 61, VTG: 61, GSA: 244, GST: 61, ZDA: 61 }, 793, 0],
  ['quectel-l76k.log', { RMC: 150, GGA: 150, GLL: 150, VTG: 150, GSA: 450, ZDA: 150 }, 1080, 0],
] as const)('the real receiver log %s', (file, perSentence, ignored, aisLines) => {
  const decoder = createDecoder();
  const fixes: Fix[] = [];
  for (const line of lines(file)) {
    const r = decoder.push(line);
    if (r?.kind === 'fix') fixes.push(r.fix);
  }

  it('yields a fix from every GNSS sentence, by type', () => {
    const counts: Record<string, number> = {};
    for (const f of fixes) counts[f.sentence] = (counts[f.sentence] ?? 0) + 1;
    expect(counts).toEqual(perSentence);
  });

  it('rejects nothing, ignores only the sentences Gangway does not use, and decodes the AIS in it', () => {
    expect(Object.values(decoder.counts.rejects).reduce((a, b) => a + b, 0)).toBe(0);
    expect(decoder.counts.ignored).toBe(ignored);
    expect(decoder.counts.aisSentences).toBe(aisLines);
    expect(decoder.pendingFragments).toBe(0);
  });

  it('dates every fix after the first RMC or ZDA, and every fix is valid under the schema', () => {
    const firstDated = fixes.findIndex((f) => f.date !== undefined);
    expect(firstDated).toBeGreaterThanOrEqual(0);
    for (const f of fixes.slice(firstDated)) if (f.timeOfDay !== undefined) expect(f.time).toBeTypeOf('number');
    for (const f of fixes) expect(() => Fix.parse(f)).not.toThrow();
  });

  it('puts every position on the receiver’s own spot (within 200 m of the median)', () => {
    const pos = fixes.filter((f) => f.lat !== undefined && f.lon !== undefined);
    expect(pos.length).toBeGreaterThan(100);
    const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const lat = median(pos.map((f) => f.lat!));
    const lon = median(pos.map((f) => f.lon!));
    for (const f of pos) {
      expect(Math.abs(f.lat! - lat) * 111_000).toBeLessThan(200);
      expect(Math.abs(f.lon! - lon) * 111_000 * Math.cos((lat * Math.PI) / 180)).toBeLessThan(200);
    }
  });
});

describe('dating fixes that carry only a time of day', () => {
  it('gives a GGA the date of the last RMC, and the next day once midnight has passed', () => {
    const d = createDecoder();
    const time = (line: string) => {
      const r = d.push(withSum(line));
      return r?.kind === 'fix' ? r.fix.time : undefined;
    };
    time('$GPRMC,235959.00,A,5250.53669,N,00542.34920,E,0.1,,070420,,,A');
    expect(new Date(time('$GPGGA,235959.50,5250.53669,N,00542.34920,E,1,08,1.0,10.0,M,45.8,M,,')!).toISOString()).toBe('2020-04-07T23:59:59.500Z');
    expect(new Date(time('$GPGGA,000000.50,5250.53669,N,00542.34920,E,1,08,1.0,10.0,M,45.8,M,,')!).toISOString()).toBe('2020-04-08T00:00:00.500Z');
  });

  it('leaves a GGA undated before any RMC or ZDA', () => {
    const r = createDecoder().push(withSum('$GPGGA,120000.00,5250.53669,N,00542.34920,E,1,08,1.0,10.0,M,45.8,M,,'));
    expect(r?.kind === 'fix' && r.fix.time).toBeUndefined();
  });
});
