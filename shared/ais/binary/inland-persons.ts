import { f, rows, seq, spare } from '../field';
import type { BinaryTable } from './table';

/** 6/200/55: Inland AIS number of persons on board (crew, passengers, shipboard personnel); gpsd needs exactly 168 bits. */
seq(88);
const fields = rows(f('crew', 8, 'u', { na: 255 }), f('passengers', 13, 'u', { na: 8191 }), f('personnel', 8, 'u', { na: 255 }), spare(51));
export const inlandPersons: BinaryTable = {
  title: 'Inland: persons on board',
  bits: 168,
  fields,
  accept: (bits) => bits === 168,
};
