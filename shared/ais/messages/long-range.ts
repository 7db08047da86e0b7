import { f, rows, seq, type MessageTable } from '../field';
import { NAV_STATUS } from '../legends';

seq(38);
const fields = rows(
  f('accuracy', 1, 'b'),
  f('raim', 1, 'b'),
  f('status', 4, 'u', { legend: { values: NAV_STATUS, fallback: 'INVALID STATUS', style: 'text' }, na: 15 }),
  f('lon', 18, 'i', { scale: 600, digits: 1, na: 181 * 600 }),
  f('lat', 17, 'i', { scale: 600, digits: 1, na: 91 * 600 }),
  f('speed', 6, 'u', { na: 63 }),
  f('course', 9, 'u', { na: 511 }),
  f('gnss', 1, 'b'),
);

/** Type 27: long-range broadcast for satellite reception (1/10 minute, whole knots and degrees). */
export const longRange: MessageTable = {
  title: 'Long range AIS broadcast',
  bits: 96,
  minBits: 96,
  maxBits: 168,
  fields,
  jsonOrder: ['status', 'accuracy', 'lon', 'lat', 'speed', 'course', 'raim', 'gnss'],
};
