import { f, rows, seq, spare } from '../field';
import type { BinaryTable } from './table';

/**
 * ERI ship types (Inland AIS, CCNR/UNECE "ERI ship types" table, as gpsd
 * prints them). Only the codes Gangway has met are named; others print as gpsd's
 * fallback "Unknown code".
 */
const ERI: Record<number, string> = {
  8000: 'Vessel, type unknown',
  8010: 'Motor freighter',
  8020: 'Motor tanker',
  8030: 'Container vessel',
  8040: 'Gas tanker',
  8050: 'Motor freighter, tug',
  8060: 'Motor tanker, tug',
  8070: 'Motor freighter with one or more ships alongside',
  8080: 'Motor freighter with tanker',
  8090: 'Motor freighter pushing one or more freighters',
  8100: 'Motor freighter pushing at least one tank-ship',
  8110: 'Tug, freighter',
  8120: 'Tug, tanker',
  8130: 'Tug freighter, coupled',
  8140: 'Tug, freighter/tanker, coupled',
  8150: 'Freightbarge',
  8160: 'Tankbarge',
  8400: 'Tug, single',
  8410: 'Tug, one or more tows',
  8440: 'Passenger ship',
  8441: 'Ferry',
  8444: 'Passenger ship with cabins',
  8450: 'Service vessel, police patrol, port service',
  8460: 'Vessel, work maintenance craft, floating derrick, cable-ship, buoy-ship, dredge',
  8500: 'Motor tanker, liquid cargo, type N',
  8510: 'Motor tanker, liquid cargo, type C',
  8520: 'Motor tanker, dry cargo as if liquid (e.g. cement)',
};
export const ERI_SHIP_TYPE = ERI;

/** Hazard: number of blue cones/lights (ADN), 5 = B-flag, 4..  per gpsd. */
const HAZARD = ['0 blue cones/lights', '1 blue cone/light', '2 blue cones/lights', '3 blue cones/lights', 'B-Flag', 'Unknown'] as const;
const LOADED = ['N/A', 'Unloaded', 'Loaded', 'Do not use'] as const;

seq(56);
const fields = rows(
  f('vin', 48, 't'),
  f('length', 13, 'u'),
  f('beam', 10, 'u'),
  f('shiptype', 14, 'u'),
  f('hazard', 3, 'u', { legend: { values: HAZARD, fallback: 'INVALID HAZARD', style: 'pair' } }),
  f('draught', 11, 'u'),
  f('loaded', 2, 'u', { legend: { values: LOADED, fallback: 'INVALID LOADED', style: 'pair' } }),
  f('speed_q', 1, 'b'),
  f('course_q', 1, 'b'),
  f('heading_q', 1, 'b'),
  spare(8),
);

/** Hazard codes above 5 do not exist; gpsd takes them as a sign this is not really 8/200/10. */
const HAZARD_MAX = 5;

/** 8/200/10: Inland ship static and voyage related data (exactly 168 bits). */
export const inlandStatic: BinaryTable = {
  title: 'Inland ship static and voyage data',
  bits: 168,
  fields,
  accept: (bits, m) => bits === 168 && Number(m.hazard) <= HAZARD_MAX,
  composites: [
    {
      name: 'shiptype_text',
      after: 'shiptype',
      render: (m) => ERI[Number(m.shiptype)] ?? 'Unknown code',
    },
  ],
};
