import { f, rows, seq, spare, type MessageTable, type RawMessage } from '../field';
import { lat27, lon28 } from './common';

seq(38);
const fields = rows(
  f('alt', 12, 'u', { na: 4095 }),
  f('speed', 10, 'u', { na: 1023 }),
  f('accuracy', 1, 'b'),
  lon28(),
  lat27(),
  f('course', 12, 'u', { scale: 10, digits: 1, na: 3600 }),
  f('second', 6, 'u', { na: 60 }),
  f('regional', 8, 'u'),
  f('dte', 1, 'u'),
  spare(3),
  f('assigned', 1, 'b', { hidden: true }),
  f('raim', 1, 'b'),
  f('radio', 20, 'u'),
);

/** Altitude: 4095 not available, 4094 means 4094 m or higher (M.1371-5 Table 48). */
function alt(m: RawMessage) {
  const a = Number(m.alt);
  return a === 4095 ? 'nan' : a === 4094 ? 'high' : a;
}
/** Speed in whole knots: 1023 not available, 1022 means 1022 knots or faster. */
function speed(m: RawMessage) {
  const s = Number(m.speed);
  return s === 1023 ? 'nan' : s === 1022 ? 'fast' : s;
}

/** Type 9: standard SAR aircraft position report (speed in whole knots). */
export const sarAircraft: MessageTable = {
  title: 'SAR aircraft position report',
  bits: 168,
  minBits: 168,
  maxBits: Infinity,
  fields,
  special: { alt, speed },
};
