import { f, rows, seq, spare, type MessageTable } from '../field';
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

/** Type 9: standard SAR aircraft position report (speed in whole knots). */
export const sarAircraft: MessageTable = { title: 'SAR aircraft position report', bits: 168, minBits: 168, maxBits: Infinity, fields };
