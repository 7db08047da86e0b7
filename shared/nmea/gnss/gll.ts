import type { Sentence } from '../framing';
import { faaMode, latLon, put, timeOfDay, type Fix } from './fix';

/** GLL, geographic position: position, time, status, mode. */
export function parseGll(s: Sentence): Fix | null {
  const f = s.fields;
  if (f.length < 4) return null;
  const lat = latLon(f[0], f[1], true);
  const lon = latLon(f[2], f[3], false);
  const t = timeOfDay(f[4]);
  if (t === null || lat === null || lon === null) return null;
  const fix: Fix = { talker: s.talker, sentence: 'GLL' };
  put(fix, 'timeOfDay', t);
  put(fix, 'lat', lat);
  put(fix, 'lon', lon);
  if (f[5] === 'A' || f[5] === 'V') fix.valid = f[5] === 'A';
  put(fix, 'mode', faaMode(f[6]));
  if (fix.mode === 'not_valid') fix.valid = false;
  return fix;
}
