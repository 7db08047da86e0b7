import { f, rows, seq, spare, type ArrayField, type Field } from '../field';
import { hidden, monthDayTime } from '../messages/common';
import type { BinaryTable } from './table';

/** 6/1/12: IMO 236 dangerous cargo indication. */
seq(88);
const fid12Fields = rows(
  f('lastport', 30, 't'),
  hidden('lmonth', 4),
  hidden('lday', 5),
  hidden('lhour', 5),
  hidden('lminute', 6),
  f('nextport', 30, 't'),
  hidden('nmonth', 4),
  hidden('nday', 5),
  hidden('nhour', 5),
  hidden('nminute', 6),
  f('dangerous', 120, 't'),
  f('imdcat', 24, 't'),
  f('unid', 13, 'u'),
  f('amount', 10, 'u'),
  f('unit', 2, 'u'),
  spare(3),
);
export const dangerousCargo236: BinaryTable = {
  title: 'Dangerous cargo indication (IMO 236)',
  bits: 360,
  fields: fid12Fields,
  composites: [monthDayTime('departure', 'lastport', 'l'), monthDayTime('eta', 'nextport', 'n')],
};

/** One tidal window element; positions in 1/1000 minute, current speed in 0.1 kn. */
function tidalElement(latWidth: number, lonWidth: number, latFirst: boolean, cspeedWidth: number): Field[] {
  const lat: Field = { name: 'lat', start: latFirst ? 0 : lonWidth, width: latWidth, kind: 'i', scale: 60_000, digits: 4 };
  const lon: Field = { name: 'lon', start: latFirst ? latWidth : 0, width: lonWidth, kind: 'i', scale: 60_000, digits: 4 };
  seq(latWidth + lonWidth);
  return rows(
    lon,
    lat,
    f('from_hour', 5, 'u'),
    f('from_min', 6, 'u'),
    f('to_hour', 5, 'u'),
    f('to_min', 6, 'u'),
    f('cdir', 9, 'u'),
    f('cspeed', cspeedWidth, 'u', { scale: 10, digits: 1 }),
  );
}

/** gpsd decodes every element whose first bit lies within the message (even a partial last one). */
const tidals = (size: number, fields: Field[]): ArrayField => ({
  name: 'tidals',
  base: 97,
  size,
  fields,
  count: (bits) => (bits >= 97 ? Math.floor((bits - 97) / size) + 1 : 0),
});

seq(88);
const windowHeader = rows(f('month', 4, 'u'), f('day', 5, 'u'));

/** 6/1/14: IMO 236 tidal window (latitude first, 93-bit elements). */
export const tidalWindow236: BinaryTable = {
  title: 'Tidal window (IMO 236)',
  bits: 97 + 93,
  fields: windowHeader,
  arrays: [tidals(93, tidalElement(27, 28, true, 7))],
};

/** 6/1/32: IMO 289 tidal window (longitude first, 88-bit elements). */
export const tidalWindow289: BinaryTable = {
  title: 'Tidal window (IMO 289)',
  bits: 97 + 88,
  fields: windowHeader,
  arrays: [tidals(88, tidalElement(24, 25, false, 8))],
};
