import { f, rows, seq, spare } from '../field';
import type { BinaryTable } from './table';

/**
 * ERI ship and convoy types (Inland ECDIS / ERI standard, code list "ERI ship
 * types"), spelled as gpsd 3.22 prints them; gpsd names the codes up to 8370
 * and calls every other value "Illegal ship type value.".
 */
export const ERI_SHIP_TYPE: Readonly<Record<number, string>> = {
  8000: 'Vessel, type unknown',
  8010: 'Motor freighter',
  8020: 'Motor tanker',
  8021: 'Motor tanker, liquid cargo, type N',
  8022: 'Motor tanker, liquid cargo, type C',
  8023: 'Motor tanker, dry cargo as if liquid (e.g. cement)',
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
  8161: 'Tankbarge, liquid cargo, type N',
  8162: 'Tankbarge, liquid cargo, type C',
  8163: 'Tankbarge, dry cargo as if liquid (e.g. cement)',
  8170: 'Freightbarge with containers',
  8180: 'Tankbarge, gas',
  8210: 'Pushtow, one cargo barge',
  8220: 'Pushtow, two cargo barges',
  8230: 'Pushtow, three cargo barges',
  8240: 'Pushtow, four cargo barges',
  8250: 'Pushtow, five cargo barges',
  8260: 'Pushtow, six cargo barges',
  8270: 'Pushtow, seven cargo barges',
  8280: 'Pushtow, eigth cargo barges',
  8290: 'Pushtow, nine or more barges',
  8310: 'Pushtow, one tank/gas barge',
  8320: 'Pushtow, two barges at least one tanker or gas barge',
  8330: 'Pushtow, three barges at least one tanker or gas barge',
  8340: 'Pushtow, four barges at least one tanker or gas barge',
  8350: 'Pushtow, five barges at least one tanker or gas barge',
  8360: 'Pushtow, six barges at least one tanker or gas barge',
  8370: 'Pushtow, seven barges at least one tanker or gas barg',
};

/** Hazardous cargo: blue cones or lights shown (ADN 7.1.5.0), 4 = B-flag, 5 = unknown. */
const HAZARD = ['0 blue cones/lights', '1 blue cone/light', '2 blue cones/lights', '3 blue cones/lights', '4 B-Flag', 'Unknown'] as const;
const LOADED = ['N/A (default)', 'Unloaded', 'Loaded', 'INVALID LOAD STATUS'] as const;

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
      render: (m) => ERI_SHIP_TYPE[Number(m.shiptype)] ?? 'Illegal ship type value.',
    },
  ],
};
