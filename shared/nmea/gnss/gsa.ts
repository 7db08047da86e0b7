import type { Sentence } from '../framing';
import { int, num, put, type Fix } from './fix';

const FIX_TYPES = { 1: 'none', 2: '2d', 3: '3d' } as const;

/** GSA, DOP and active satellites: fix type, the PRNs used, PDOP/HDOP/VDOP. */
export function parseGsa(s: Sentence): Fix | null {
  const f = s.fields;
  if (f.length < 17) return null;
  const fix: Fix = { talker: s.talker, sentence: 'GSA' };
  const type = int(f[1]);
  if (type !== undefined) {
    const fixType = FIX_TYPES[type as 1 | 2 | 3];
    if (!fixType) return null;
    fix.fixType = fixType;
    fix.valid = type !== 1;
  }
  const used: number[] = [];
  for (let i = 2; i < 14; i++) {
    const prn = int(f[i]);
    if (prn !== undefined) used.push(prn);
  }
  fix.satellitesUsed = used;
  put(fix, 'pdop', num(f[14]));
  put(fix, 'hdop', num(f[15]));
  put(fix, 'vdop', num(f[16]));
  return fix;
}
