import { f, rows, seq, spare, type MessageTable } from '../field';
import { STATION_TYPE } from '../legends';
import { shiptype } from './common';

seq(38);
const fields = rows(
  spare(2),
  f('ne_lon', 18, 'i', { scale: 600, digits: 6, quoted: true }),
  f('ne_lat', 17, 'i', { scale: 600, digits: 6, quoted: true }),
  f('sw_lon', 18, 'i', { scale: 600, digits: 6, quoted: true }),
  f('sw_lat', 17, 'i', { scale: 600, digits: 6, quoted: true }),
  f('stationtype', 4, 'u', { legend: { values: STATION_TYPE, fallback: 'INVALID STATION TYPE', style: 'pair' } }),
  shiptype(),
  spare(22),
  f('txrx', 2, 'u', { hidden: true }),
  f('interval', 4, 'u'),
  f('quiet', 4, 'u'),
  spare(6),
);

/** Type 23: group assignment command. */
export const groupAssignment: MessageTable = { title: 'Group assignment command', bits: 160, minBits: 160, maxBits: Infinity, fields };
