import type { Sentence } from '../framing';
import { FixQuality, int, latLon, num, put, timeOfDay, type Fix } from './fix';

/** GGA, fix data: time, position, quality, satellites in use, HDOP, altitude, geoid separation. */
export function parseGga(s: Sentence): Fix | null {
  const f = s.fields;
  if (f.length < 10) return null;
  const t = timeOfDay(f[0]);
  const lat = latLon(f[1], f[2], true);
  const lon = latLon(f[3], f[4], false);
  if (t === null || lat === null || lon === null) return null;
  const fix: Fix = { talker: s.talker, sentence: 'GGA' };
  put(fix, 'timeOfDay', t);
  put(fix, 'lat', lat);
  put(fix, 'lon', lon);
  const q = int(f[5]);
  if (q !== undefined) {
    const quality = FixQuality.options[q];
    if (quality === undefined) return null;
    fix.quality = quality;
    fix.valid = q !== 0;
  }
  put(fix, 'satellites', int(f[6]));
  put(fix, 'hdop', num(f[7]));
  put(fix, 'altitudeM', num(f[8]));
  put(fix, 'geoidSeparationM', num(f[10]));
  return fix;
}
