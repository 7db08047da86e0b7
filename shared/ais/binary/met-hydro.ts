import { f, rows, seq, spare, type Field } from '../field';
import { hidden, dayTime } from '../messages/common';
import { ICE, PRECIPITATION, TREND } from '../legends';
import type { BinaryTable } from './table';

const trend = (name: string): Field => f(name, 2, 'u', { legend: { values: TREND, fallback: 'N/A', style: 'text' } });

/**
 * 8/1/11: IMO SN.1/Circ.236 meteorological and hydrological data (superseded
 * by 8/1/31 but still broadcast). Offsets and scales are the circular's:
 * air temperature in 0.1 °C from −60, dew point from −20, water level in
 * 0.1 m from −10, pressure in hPa from 800.
 */
seq(56);
const fid11Fields = rows(
  f('lat', 24, 'i', { scale: 60_000, digits: 4 }),
  f('lon', 25, 'i', { scale: 60_000, digits: 4 }),
  hidden('day', 5),
  hidden('hour', 5),
  hidden('minute', 6),
  f('wspeed', 7, 'u', { na: 127 }),
  f('wgust', 7, 'u', { na: 127 }),
  f('wdir', 9, 'u', { na: 511 }),
  f('wgustdir', 9, 'u', { na: 511 }),
  f('airtemp', 11, 'u', { scale: 10, offset: -60, digits: 1, na: 2047 }),
  f('humidity', 7, 'u', { na: 127 }),
  f('dewpoint', 10, 'u', { scale: 10, offset: -20, digits: 1, na: 1023 }),
  f('pressure', 9, 'u', { offset: 800, na: 511 }),
  trend('pressuretend'),
  f('visibility', 8, 'u', { scale: 10, digits: 1, na: 255 }),
  f('waterlevel', 9, 'u', { scale: 10, offset: -10, digits: 1, na: 511 }),
  trend('leveltrend'),
  f('cspeed', 8, 'u', { scale: 10, digits: 1, na: 255 }),
  f('cdir', 9, 'u', { na: 511 }),
  f('cspeed2', 8, 'u', { scale: 10, digits: 1, na: 255 }),
  f('cdir2', 9, 'u', { na: 511 }),
  f('cdepth2', 5, 'u', { na: 31 }),
  f('cspeed3', 8, 'u', { scale: 10, digits: 1, na: 255 }),
  f('cdir3', 9, 'u', { na: 511 }),
  f('cdepth3', 5, 'u', { na: 31 }),
  f('waveheight', 8, 'u', { scale: 10, digits: 1, na: 255 }),
  f('waveperiod', 6, 'u', { na: 63 }),
  f('wavedir', 9, 'u', { na: 511 }),
  f('swellheight', 8, 'u', { scale: 10, digits: 1, na: 255 }),
  f('swellperiod', 6, 'u', { na: 63 }),
  f('swelldir', 9, 'u', { na: 511 }),
  f('seastate', 4, 'u', { na: 15 }),
  f('watertemp', 10, 'u', { scale: 10, offset: -10, digits: 1, na: 1023 }),
  f('preciptype', 3, 'u', { legend: { values: PRECIPITATION, fallback: 'N/A', style: 'pair' }, na: 7 }),
  f('salinity', 9, 'u', { scale: 10, digits: 1, na: 511 }),
  f('ice', 2, 'u', { legend: { values: ICE, fallback: 'N/A', style: 'pair' }, na: 3 }),
  spare(6),
);
export const metHydro236: BinaryTable = {
  title: 'Meteorological and hydrological data (IMO 236)',
  bits: 352,
  fields: fid11Fields,
  composites: [dayTime('timestamp', 'lon')],
  jsonOrder: ['humidity', 'airtemp'],
};

/**
 * 8/1/31: IMO SN.1/Circ.289 meteorological and hydrological data — the
 * "common" met/hydro message. Temperatures are signed 0.1 °C; pressure is
 * hPa from 799 (0 means 799 or less). Scales follow gpsd's JSON, which the
 * compatibility test checks against gpsdecode.
 */
seq(56);
const fid31Fields = rows(
  f('lon', 25, 'i', { scale: 60_000, digits: 4, na: 181 * 60_000 }),
  f('lat', 24, 'i', { scale: 60_000, digits: 4, na: 91 * 60_000 }),
  f('accuracy', 1, 'b'),
  hidden('day', 5),
  hidden('hour', 5),
  hidden('minute', 6),
  f('wspeed', 7, 'u', { na: 127 }),
  f('wgust', 7, 'u', { na: 127 }),
  f('wdir', 9, 'u', { na: 360 }),
  f('wgustdir', 9, 'u', { na: 360 }),
  f('airtemp', 11, 'i', { scale: 10, digits: 1, na: -1024 }),
  f('humidity', 7, 'u', { na: 101 }),
  f('dewpoint', 10, 'i', { scale: 10, digits: 1, na: 501 }),
  f('pressure', 9, 'u', { offset: 799, na: 511 }),
  trend('pressuretend'),
  f('visgreater', 1, 'b'),
  f('visibility', 7, 'u', { scale: 10, digits: 1, na: 127 }),
  f('waterlevel', 12, 'u', { scale: 100, offset: -10, digits: 1, na: 4001 }),
  trend('leveltrend'),
  f('cspeed', 8, 'u', { scale: 10, digits: 1, na: 255 }),
  f('cdir', 9, 'u', { na: 360 }),
  f('cspeed2', 8, 'u', { scale: 10, digits: 1, na: 255 }),
  f('cdir2', 9, 'u', { na: 360 }),
  f('cdepth2', 5, 'u', { na: 31 }),
  f('cspeed3', 8, 'u', { scale: 10, digits: 1, na: 255 }),
  f('cdir3', 9, 'u', { na: 360 }),
  f('cdepth3', 5, 'u', { na: 31 }),
  f('waveheight', 8, 'u', { scale: 10, digits: 1, na: 255 }),
  f('waveperiod', 6, 'u', { na: 63 }),
  f('wavedir', 9, 'u', { na: 360 }),
  f('swellheight', 8, 'u', { scale: 10, digits: 1, na: 255 }),
  f('swellperiod', 6, 'u', { na: 63 }),
  f('swelldir', 9, 'u', { na: 360 }),
  f('seastate', 4, 'u', { na: 13 }),
  f('watertemp', 10, 'i', { scale: 10, digits: 1, na: 501 }),
  f('preciptype', 3, 'u', { legend: { values: PRECIPITATION, fallback: 'N/A', style: 'text' }, na: 7 }),
  f('salinity', 9, 'u', { scale: 10, digits: 1, na: 510 }),
  f('ice', 2, 'u', { legend: { values: ICE, fallback: 'N/A', style: 'text' }, na: 3 }),
  spare(10),
);
export const metHydro289: BinaryTable = {
  title: 'Meteorological and hydrological data (IMO 289)',
  bits: 360,
  fields: fid31Fields,
  composites: [dayTime('timestamp', 'accuracy')],
  jsonOrder: ['lat', 'lon', 'accuracy', 'timestamp', 'wspeed', 'wgust', 'wdir', 'wgustdir', 'humidity', 'airtemp'],
};
