import type { Sentence } from '../framing';
import { instant, int, isoDate, put, timeOfDay, type Fix } from './fix';

/** ZDA, time and date: the only sentence with a four-digit year. */
export function parseZda(s: Sentence): Fix | null {
  const f = s.fields;
  if (f.length < 4) return null;
  const t = timeOfDay(f[0]);
  if (t === null) return null;
  const fix: Fix = { talker: s.talker, sentence: 'ZDA' };
  put(fix, 'timeOfDay', t);
  const day = int(f[1]);
  const month = int(f[2]);
  const year = int(f[3]);
  if (day !== undefined && month !== undefined && year !== undefined) {
    const date = isoDate(year, month, day);
    if (date === null) return null;
    fix.date = date;
    if (t !== undefined) fix.time = instant(date, t);
  }
  return fix;
}
