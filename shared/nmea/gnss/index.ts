import type { Sentence } from '../framing';
import type { Fix, FixSentence } from './fix';
import { parseGga } from './gga';
import { parseGll } from './gll';
import { parseGsa } from './gsa';
import { parseGst } from './gst';
import { parseHdt } from './hdt';
import { parseRmc } from './rmc';
import { parseVtg } from './vtg';
import { parseZda } from './zda';

export * from './fix';

/** The GNSS sentences Gangway reads, by formatter. Any talker (GP, GN, GL, GA, GB, BD, …). */
export const GNSS_PARSERS: Record<FixSentence, (s: Sentence) => Fix | null> = {
  RMC: parseRmc,
  GGA: parseGga,
  GLL: parseGll,
  VTG: parseVtg,
  ZDA: parseZda,
  GSA: parseGsa,
  GST: parseGst,
  HDT: parseHdt,
};

export function isGnssSentence(type: string): type is FixSentence {
  return Object.prototype.hasOwnProperty.call(GNSS_PARSERS, type);
}

/**
 * The fix a GNSS sentence carries; `null` when its fields are malformed,
 * `undefined` when it is not a GNSS sentence we read.
 */
export function parseGnss(s: Sentence): Fix | null | undefined {
  return isGnssSentence(s.type) ? GNSS_PARSERS[s.type](s) : undefined;
}
