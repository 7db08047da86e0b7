import type { Sentence } from '../framing';
import { faaMode, num, put, type Fix } from './fix';

/**
 * VTG, course and speed over ground. Since NMEA 2.0 each value is followed by
 * its unit letter (T, M, N, K); older receivers send just the four numbers.
 */
export function parseVtg(s: Sentence): Fix | null {
  const f = s.fields;
  const fix: Fix = { talker: s.talker, sentence: 'VTG' };
  if (f.length >= 8 && f[1] === 'T') {
    put(fix, 'courseDeg', num(f[0]));
    put(fix, 'speedKn', num(f[4]));
    put(fix, 'mode', faaMode(f[8]));
    if (fix.mode === 'not_valid') fix.valid = false;
    return fix;
  }
  if (f.length === 4) {
    put(fix, 'courseDeg', num(f[0]));
    put(fix, 'speedKn', num(f[2]));
    return fix;
  }
  return null;
}
