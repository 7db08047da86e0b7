import { z } from 'zod';
import { readHexByte } from './checksum';
import { RejectReason } from './reject';
import { parseTagBlocks, TagBlock } from './tag-block';

export const Sentence = z.object({
  /** `$` for ordinary sentences, `!` for encapsulation (AIS) sentences. */
  start: z.enum(['$', '!']),
  /** Two letters (GP, GN, GL, GA, GB, BD, AI, …), or `P` for proprietary sentences. */
  talker: z.string(),
  /** Sentence formatter (RMC, VDM, …); for proprietary sentences the rest of the address (UBX, GRMZ, …). */
  type: z.string(),
  /** The data fields after the address, split on commas, still as text. */
  fields: z.array(z.string()),
  tagBlock: TagBlock.optional(),
  /**
   * Receive time (Unix ms) when the line itself carries one: the tag block's `c:`
   * or the trailing Unix time of a USCG NAIS line (`…*5D,s28089,d-103,…,1242958962`).
   */
  receivedAt: z.number().optional(),
  /** Receiving station, from the tag block's `s:` or a USCG NAIS `r` field. */
  source: z.string().optional(),
  /** The line as received, without the line ending. */
  raw: z.string(),
});
export type Sentence = z.infer<typeof Sentence>;

export type ParseResult = { ok: true; sentence: Sentence } | { ok: false; reason: RejectReason };

/**
 * NMEA 0183 (IEC 61162-1 §7.3) caps a sentence at 82 characters including the
 * CR LF. Real receivers pass it: RTK receivers (Trimble, u-blox F9P in high
 * precision mode) print 8-decimal positions in GGA/GNS of 90 and more, which
 * gpsd reads (its NMEA_MAX is 102 with CR LF). We accept 100 visible characters,
 * as for encapsulation sentences.
 */
export const MAX_SENTENCE_LENGTH = 100;
/**
 * AIS receivers exceed the limit with long final fragments: the gpsd regression
 * sample has an 84-character type 5 fragment that gpsd decodes. We accept
 * encapsulation (`!`) sentences up to 100 characters; anything longer is not a
 * fragment a transponder could have produced (type 5 and 19 fit in 71 armoured
 * characters per fragment at most in practice).
 */
export const MAX_ENCAPSULATED_LENGTH = 100;

/**
 * Longest raw line we even look at. A serial line at the wrong baud rate can
 * run on for kilobytes without a newline; we reject those without scanning.
 */
export const MAX_LINE_LENGTH = 1024;

const fail = (reason: RejectReason): ParseResult => ({ ok: false, reason });

/** Index just past the last non-whitespace character. */
function trimmedEnd(line: string): number {
  let end = line.length;
  while (end > 0) {
    const c = line.charCodeAt(end - 1);
    if (c === 10 || c === 13 || c === 32 || c === 9) end--;
    else break;
  }
  return end;
}

/**
 * Frames one line: tag block, delimiter, address, fields, checksum. Never throws;
 * a line that is not a valid sentence comes back with the reason.
 */
export function parseSentence(line: string): ParseResult {
  if (line.length > MAX_LINE_LENGTH) {
    return fail(isPrintable(line, 0, MAX_LINE_LENGTH) ? 'too_long' : 'binary_noise');
  }
  let begin = 0;
  let end = trimmedEnd(line);
  while (begin < end && (line.charCodeAt(begin) === 32 || line.charCodeAt(begin) === 9)) begin++;
  if (begin >= end) return fail('empty');
  if (!isPrintable(line, begin, end)) return fail('binary_noise');
  const text = begin === 0 && end === line.length ? line : line.slice(begin, end);
  end = text.length;

  let tagBlock: TagBlock | undefined;
  let at = 0;
  if (text.charCodeAt(0) === 92 /* \ */) {
    const tb = parseTagBlocks(text);
    if (tb === 'bad') return fail('bad_tag_block');
    if (tb) {
      tagBlock = tb.tagBlock;
      at = tb.end;
    }
  }
  const delimiter = text.charCodeAt(at);
  if (delimiter !== 36 /* $ */ && delimiter !== 33 /* ! */) return fail(at < end ? 'not_nmea' : 'truncated');

  // Find the checksum and compute the XOR in the same pass.
  let sum = 0;
  let star = -1;
  for (let i = at + 1; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 42 /* * */) {
      star = i;
      break;
    }
    if (c === 36 || c === 33) return fail('truncated'); // a new sentence began before this one ended
    sum ^= c;
  }
  if (star < 0) return fail(end - at > MAX_ENCAPSULATED_LENGTH ? 'too_long' : 'truncated');
  const limit = delimiter === 33 ? MAX_ENCAPSULATED_LENGTH : MAX_SENTENCE_LENGTH;
  if (star + 3 - at > limit) return fail('too_long');
  const expected = readHexByte(text, star + 1);
  if (expected < 0) return fail('truncated');
  if (expected !== sum) return fail('bad_checksum');

  // Address: up to the first comma (or the checksum, for a sentence without fields).
  let comma = text.indexOf(',', at + 1);
  if (comma < 0 || comma > star) comma = star;
  const address = text.slice(at + 1, comma);
  let talker: string;
  let type: string;
  if (address.length >= 2 && address.charCodeAt(0) === 80 /* P */ && isUpperAlnum(address, 1)) {
    talker = 'P';
    type = address.slice(1);
  } else if (address.length === 5 && isUpperAlnum(address, 0)) {
    talker = address.slice(0, 2);
    type = address.slice(2);
  } else {
    return fail('bad_address');
  }
  const fields = comma < star ? text.slice(comma + 1, star).split(',') : [];

  const sentence: Sentence = { start: delimiter === 36 ? '$' : '!', talker, type, fields, raw: text };
  if (tagBlock) {
    sentence.tagBlock = tagBlock;
    if (tagBlock.receivedAt !== undefined) sentence.receivedAt = tagBlock.receivedAt;
    if (tagBlock.source !== undefined) sentence.source = tagBlock.source;
  }
  if (star + 3 < end) readTrailer(text, star + 3, sentence);
  return { ok: true, sentence };
}

/**
 * Text after the checksum. The US Coast Guard's NAIS feed appends
 * `,s<strength>,d<dBm>,T<time>,x<count>,r<station>,<unix seconds>`; anything
 * else after a valid checksum is line noise we ignore, as gpsd does.
 */
function readTrailer(text: string, from: number, sentence: Sentence): void {
  if (text.charCodeAt(from) !== 44 /* , */) return;
  const parts = text.slice(from + 1).split(',');
  const last = parts[parts.length - 1] ?? '';
  if (/^\d{9,10}$/.test(last) && sentence.receivedAt === undefined) sentence.receivedAt = Number(last) * 1000;
  for (const p of parts) {
    if (p.length > 1 && p[0] === 'r' && sentence.source === undefined) sentence.source = p.slice(1);
  }
}

function isPrintable(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c < 32 || c > 126) return false;
  }
  return true;
}

function isUpperAlnum(text: string, from: number): boolean {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!((c >= 65 && c <= 90) || (c >= 48 && c <= 57))) return false;
  }
  return true;
}
