import { f, rows, seq } from '../field';
import type { BinaryTable } from './table';

/** 8/200/24: Inland AIS water levels: a country code and up to four gauges (id, level in cm, signed); exactly 168 bits. */
seq(56);
const fields = rows(f('country', 12, 't'));
seq(0);
const gauge = rows(f('id', 11, 'u'), f('level', 14, 'i'));
export const inlandWaterLevel: BinaryTable = {
  title: 'Inland: water level',
  bits: 168,
  fields,
  arrays: [{ name: 'gauges', base: 68, size: 25, fields: gauge, count: (bits) => Math.max(0, Math.ceil((bits - 68) / 25)) }],
  accept: (bits) => bits === 168,
};
