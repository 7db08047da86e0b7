import { f, rows, seq, spare } from '../field';
import { hidden, monthDayTime } from '../messages/common';
import type { BinaryTable } from './table';

/** 6/1/18: IMO 289 clearance time to enter port. */
seq(88);
const fid18Fields = rows(
  f('linkage', 10, 'u'),
  hidden('month', 4),
  hidden('day', 5),
  hidden('hour', 5),
  hidden('minute', 6),
  f('portname', 120, 't'),
  f('destination', 30, 't'),
  f('lon', 25, 'i', { scale: 60_000, digits: 4 }),
  f('lat', 24, 'i', { scale: 60_000, digits: 4 }),
  spare(43),
);
export const clearanceTime: BinaryTable = {
  title: 'Clearance time to enter port (IMO 289)',
  bits: 360,
  fields: fid18Fields,
  composites: [monthDayTime('arrival', 'linkage')],
};

/** 6/1/30: IMO 289 addressed text description. */
seq(88);
const fid30Fields = rows(f('linkage', 10, 'u'), f('text', 0, 't', { toEnd: true }));
export const textAddressed: BinaryTable = { title: 'Text description, addressed (IMO 289)', bits: 98 + 6 * 10, fields: fid30Fields };

/** 8/1/29: IMO 289 broadcast text description. */
seq(56);
const fid29Fields = rows(f('linkage', 10, 'u'), f('text', 0, 't', { toEnd: true }));
export const textBroadcast: BinaryTable = { title: 'Text description, broadcast (IMO 289)', bits: 66 + 6 * 10, fields: fid29Fields };
