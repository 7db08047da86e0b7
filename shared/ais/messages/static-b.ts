import { f, rows, seq, type MessageTable } from '../field';
import { dimensions, shiptype } from './common';

seq(38);
const partAFields = rows(f('partno', 2, 'u', { hidden: true }), f('shipname', 120, 't'));

seq(38);
const head = rows(f('partno', 2, 'u', { hidden: true }), shiptype());
// M.1371-4 cut model and serial out of the 7-character vendor id; gpsd reads
// it both ways (overlapping), so old and new transponders both make sense.
const vendor = [
  { ...f('vendorid', 42, 't'), start: 48 },
  { ...f('model', 4, 'u'), start: 66 },
  { ...f('serial', 20, 'u'), start: 70 },
  { ...f('callsign', 42, 't'), start: 90 },
];
/** Auxiliary craft (MMSI 98MIDxxxx, ITU-R M.585-7 §4) send their mother ship's MMSI instead of dimensions. */
const ofMothership = { name: 'auxiliary', value: true };
const ofOwnHull = { name: 'auxiliary', value: false };
seq(132);
const dims = dimensions().map((d) => ({ ...d, ifFlag: ofOwnHull }));
const mothership = { ...f('mothership_mmsi', 30, 'u', { ifFlag: ofMothership }), start: 132 };
const partBFields = [...head, ...vendor, ...dims, mothership];

export function isAuxiliaryCraft(mmsi: number): boolean {
  return Math.floor(mmsi / 10_000_000) === 98;
}

/**
 * Type 24: Class B static data, sent as part A (name) and part B (type, vendor,
 * call sign, dimensions). gpsd prints a type 24 only once it can join B to A.
 */
export const staticPartA: MessageTable = { title: 'Static data report, part A', bits: 168, minBits: 160, maxBits: 168, fields: partAFields };
export const staticPartB: MessageTable = { title: 'Static data report, part B', bits: 168, minBits: 168, maxBits: Infinity, fields: partBFields };
