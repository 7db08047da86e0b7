import type { Sentence } from '../framing';
import { faaMode, fullYear, instant, isoDate, latLon, num, put, timeOfDay, type Fix } from './fix';

/** RMC, recommended minimum: time, status, position, speed, course, date, variation, mode. */
export function parseRmc(s: Sentence): Fix | null {
  const f = s.fields;
  if (f.length < 9) return null;
  const fix: Fix = { talker: s.talker, sentence: 'RMC' };
  const t = timeOfDay(f[0]);
  const lat = latLon(f[2], f[3], true);
  const lon = latLon(f[4], f[5], false);
  if (t === null || lat === null || lon === null) return null;
  put(fix, 'timeOfDay', t);
  if (f[1] === 'A' || f[1] === 'V') fix.valid = f[1] === 'A';
  put(fix, 'lat', lat);
  put(fix, 'lon', lon);
  put(fix, 'speedKn', num(f[6]));
  put(fix, 'courseDeg', num(f[7]));
  const d = f[8] ?? '';
  if (d.length === 6) {
    const date = isoDate(fullYear(Number(d.slice(4, 6))), Number(d.slice(2, 4)), Number(d.slice(0, 2)));
    if (date === null) return null;
    fix.date = date;
    if (t !== undefined) fix.time = instant(date, t);
  } else if (d !== '') return null;
  const variation = num(f[9]);
  if (variation !== undefined) fix.magneticVariationDeg = f[10] === 'W' ? -variation : variation;
  put(fix, 'mode', faaMode(f[11]));
  if (fix.mode === 'not_valid') fix.valid = false;
  return fix;
}
