import { z } from 'zod';

/**
 * Why a line was not accepted. Every rejected line is counted under exactly one
 * of these, so an ingest session can say "1,204 lines had a bad checksum".
 */
export const RejectReason = z.enum([
  'empty', // nothing but whitespace
  'binary_noise', // bytes outside printable ASCII: wrong baud rate, or a binary protocol on the wire
  'not_nmea', // printable, but does not start with `$` or `!` (after an optional tag block)
  'too_long', // longer than a sentence may be (see framing.ts)
  'truncated', // no `*hh` checksum at the end: the line was cut short
  'bad_checksum', // the XOR checksum does not match
  'bad_tag_block', // an NMEA 4.x tag block that is malformed or fails its own checksum
  'bad_address', // the address field is not a talker + sentence type
  'bad_fields', // a known sentence whose fields do not make sense (e.g. an AIS fragment numbered 3 of 2)
  'bad_payload', // an AIS payload with characters outside the 6-bit armour, or too short for its type
  'unsupported', // well-formed, but an AIS message type we do not decode
  'incomplete', // an AIS fragment whose message never completed (the rest never came, or was superseded)
  'undated', // a position in a log before the log gave any time (no dated RMC/ZDA, no tag block c:): it cannot be placed in time
]);
export type RejectReason = z.infer<typeof RejectReason>;

export type RejectCounts = Record<RejectReason, number>;

export function emptyRejectCounts(): RejectCounts {
  const counts = {} as RejectCounts;
  for (const r of RejectReason.options) counts[r] = 0;
  return counts;
}
