import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, fixtureLines, gangwayJson, gpsdecodeJson, hasGpsdecode, normalise } from './helpers';

const reference = readFileSync(path.join(FIXTURES, 'ais/gpsd-sample.gpsdecode.json'), 'utf8')
  .trim()
  .split('\n')
  .map((l) => JSON.parse(l) as Record<string, unknown>);

describe('gpsd regression sample', () => {
  const ours = gangwayJson(fixtureLines('ais/gpsd-sample.aivdm'));

  it('decodes the same 97 messages gpsd decodes, in the same order', () => {
    expect(reference).toHaveLength(97);
    expect(ours.map((m) => `${m.type}/${m.mmsi}`)).toEqual(reference.map((m) => `${m.type}/${m.mmsi}`));
  });

  it.each(reference.map((m, i) => [i, m.type, m] as const))('message %i (type %i) has gpsd’s field values', (i, _type, expected) => {
    expect(normalise(ours[i])).toEqual(normalise(expected));
  });

  it('covers every AIS message type 1 to 27 that gpsd prints', () => {
    expect(new Set(ours.map((m) => m.type)).size).toBe(27);
  });
});

describe.runIf(hasGpsdecode)('a live AIS receiver log, against the real gpsdecode', () => {
  it('prints what gpsdecode prints for every AIVDM line of ais-nmea.log', () => {
    const lines = fixtureLines('nmea/ais-nmea.log').filter((l) => l.startsWith('!AIVDM'));
    const expected = gpsdecodeJson(lines);
    expect(expected.length).toBeGreaterThan(150);
    expect(normalise(gangwayJson(lines))).toEqual(normalise(expected));
  });
});
