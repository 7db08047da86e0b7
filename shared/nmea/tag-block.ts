import { z } from 'zod';
import { readHexByte, xorChecksum } from './checksum';

/**
 * An NMEA 0183 v4 tag block (`\s:rcvr1,c:1700000000*5B\` before the sentence).
 * Parameter codes are from IEC 61162-1 §7.9: c receive time, s source,
 * d destination, g sentence group, n line count, r relative time, t text.
 */
export const TagBlock = z.object({
  /** Unix time in milliseconds (`c:` is seconds by the standard; values that are plainly milliseconds are taken as such). */
  receivedAt: z.number().optional(),
  source: z.string().optional(),
  destination: z.string().optional(),
  group: z.object({ part: z.number().int(), total: z.number().int(), id: z.number().int() }).optional(),
  lineCount: z.number().int().optional(),
  relativeTime: z.number().optional(),
  text: z.string().optional(),
});
export type TagBlock = z.infer<typeof TagBlock>;

/** Beyond 1e11, a `c:` value is milliseconds: 1e11 seconds is in the year 5138. */
const MILLISECONDS_THRESHOLD = 1e11;

/**
 * Parses the tag blocks at the start of `line`. Returns the tag block and the
 * index where the sentence starts, `null` when there is no tag block, or
 * `'bad'` when one is present but malformed or fails its checksum.
 */
export function parseTagBlocks(line: string): { tagBlock: TagBlock; end: number } | null | 'bad' {
  if (line.charCodeAt(0) !== 92 /* \ */) return null;
  const tag: TagBlock = {};
  let at = 0;
  while (line.charCodeAt(at) === 92) {
    const close = line.indexOf('\\', at + 1);
    if (close < 0) return 'bad';
    const star = line.lastIndexOf('*', close);
    if (star <= at) return 'bad';
    const expected = readHexByte(line, star + 1);
    if (expected < 0 || star + 3 !== close) return 'bad';
    if (xorChecksum(line, at + 1, star) !== expected) return 'bad';
    if (!readParams(line.slice(at + 1, star), tag)) return 'bad';
    at = close + 1;
  }
  return { tagBlock: tag, end: at };
}

function readParams(body: string, tag: TagBlock): boolean {
  for (const param of body.split(',')) {
    const colon = param.indexOf(':');
    if (colon !== 1) return false;
    const value = param.slice(2);
    switch (param[0]) {
      case 'c': {
        const n = Number(value);
        if (!Number.isFinite(n) || value === '') return false;
        tag.receivedAt = n > MILLISECONDS_THRESHOLD ? n : n * 1000;
        break;
      }
      case 's':
        tag.source = value;
        break;
      case 'd':
        tag.destination = value;
        break;
      case 'g': {
        const m = /^(\d+)-(\d+)-(\d+)$/.exec(value);
        if (!m) return false;
        tag.group = { part: Number(m[1]), total: Number(m[2]), id: Number(m[3]) };
        break;
      }
      case 'n': {
        const n = Number(value);
        if (!Number.isInteger(n) || value === '') return false;
        tag.lineCount = n;
        break;
      }
      case 'r': {
        const n = Number(value);
        if (!Number.isFinite(n) || value === '') return false;
        tag.relativeTime = n;
        break;
      }
      case 't':
        tag.text = value;
        break;
      default:
        // Unknown parameter codes are allowed by the standard; keep going.
        break;
    }
  }
  return true;
}
