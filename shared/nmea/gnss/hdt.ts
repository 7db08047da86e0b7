import type { Sentence } from '../framing';
import { num, put, type Fix } from './fix';

/** HDT, true heading from a gyro or a dual-antenna GNSS compass. */
export function parseHdt(s: Sentence): Fix | null {
  const f = s.fields;
  if (f.length < 1) return null;
  const heading = num(f[0]);
  if (f[0] !== '' && heading === undefined) return null;
  const fix: Fix = { talker: s.talker, sentence: 'HDT' };
  put(fix, 'headingDeg', heading);
  return fix;
}
