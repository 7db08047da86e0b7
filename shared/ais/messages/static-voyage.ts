import { f, rows, seq, type MessageTable } from '../field';
import { dimensions, epfd, hidden, monthDayTime, shiptype } from './common';

seq(38);
const fields = rows(
  f('ais_version', 2, 'u'),
  f('imo', 30, 'u', { na: 0 }),
  f('callsign', 42, 't'),
  f('shipname', 120, 't'),
  shiptype(),
  ...dimensions(),
  epfd(),
  hidden('month', 4),
  hidden('day', 5),
  hidden('hour', 5),
  hidden('minute', 6),
  f('draught', 8, 'u', { scale: 10, digits: 1, na: 0 }),
  f('destination', 120, 't'),
  f('dte', 1, 'u'),
);

/**
 * Type 5: static and voyage related data. gpsd accepts 420–424 bits because
 * many transmitters send 420 or 422 (two fill bits short).
 */
export const staticVoyage: MessageTable = {
  title: 'Static and voyage related data',
  bits: 424,
  minBits: 420,
  maxBits: Infinity,
  fields,
  composites: [monthDayTime('eta', 'epfd')],
  jsonOrder: ['imo', 'ais_version'],
};
