import type { Sentence } from '../framing';
import { num, put, timeOfDay, type Fix } from './fix';

/** GST, pseudorange error statistics: 1-sigma errors of latitude, longitude and altitude. */
export function parseGst(s: Sentence): Fix | null {
  const f = s.fields;
  if (f.length < 8) return null;
  const t = timeOfDay(f[0]);
  if (t === null) return null;
  const fix: Fix = { talker: s.talker, sentence: 'GST' };
  put(fix, 'timeOfDay', t);
  put(fix, 'latErrorM', num(f[5]));
  put(fix, 'lonErrorM', num(f[6]));
  put(fix, 'altErrorM', num(f[7]));
  return fix;
}
