import { f, rows, seq, type MessageTable } from '../field';
import { dimensions, epfd, lat27, lon28, shiptype } from './common';

seq(38);
const fields = rows(
  f('reserved', 8, 'u'),
  f('speed', 10, 'u', { scale: 10, digits: 1, na: 1023 }),
  f('accuracy', 1, 'b'),
  lon28(),
  lat27(),
  f('course', 12, 'u', { scale: 10, digits: 1, na: 3600 }),
  f('heading', 9, 'u', { na: 511 }),
  f('second', 6, 'u', { na: 60 }),
  f('regional', 2, 'u'),
  f('cs', 1, 'b'),
  f('display', 1, 'b'),
  f('dsc', 1, 'b'),
  f('band', 1, 'b'),
  f('msg22', 1, 'b'),
  f('assigned', 1, 'b', { hidden: true }),
  f('raim', 1, 'b'),
  f('radio', 20, 'u'),
);

/** Type 18: standard Class B position report. */
export const classB: MessageTable = { title: 'Class B position report', bits: 168, minBits: 168, maxBits: Infinity, fields };

seq(38);
const extendedFields = rows(
  f('reserved', 8, 'u'),
  f('speed', 10, 'u', { scale: 10, digits: 1, na: 1023 }),
  f('accuracy', 1, 'b'),
  lon28(),
  lat27(),
  f('course', 12, 'u', { scale: 10, digits: 1, na: 3600 }),
  f('heading', 9, 'u', { na: 511 }),
  f('second', 6, 'u', { na: 60 }),
  f('regional', 4, 'u'),
  f('shipname', 120, 't'),
  shiptype(),
  ...dimensions(),
  epfd(),
  f('raim', 1, 'b'),
  f('dte', 1, 'u'),
  f('assigned', 1, 'b'),
);

/** Type 19: extended Class B position report (adds name, type, dimensions). */
export const classBExtended: MessageTable = { title: 'Extended Class B position report', bits: 312, minBits: 312, maxBits: Infinity, fields: extendedFields };
