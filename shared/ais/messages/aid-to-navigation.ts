import { f, rows, seq, spare, type MessageTable } from '../field';
import { NAVAID_TYPE } from '../legends';
import { dimensions, epfd, lat27, lon28 } from './common';

seq(38);
const fields = rows(
  f('aid_type', 5, 'u', { legend: { values: NAVAID_TYPE, fallback: 'INVALID NAVAID TYPE', style: 'pair' } }),
  f('name', 120, 't'),
  f('accuracy', 1, 'b'),
  lon28(),
  lat27(),
  ...dimensions(),
  epfd(),
  f('second', 6, 'u', { na: 60 }),
  f('off_position', 1, 'b'),
  f('regional', 8, 'u'),
  f('raim', 1, 'b'),
  f('virtual_aid', 1, 'b'),
  f('assigned', 1, 'b', { hidden: true }),
  spare(1),
);

/**
 * Type 21: aid-to-navigation report. A name longer than 20 characters goes on
 * in an extension after bit 272 (M.1371-5 Table 72); decode.ts joins the two.
 */
export const aidToNavigation: MessageTable = {
  title: 'Aid-to-navigation report',
  bits: 272,
  minBits: 272,
  maxBits: 368,
  fields,
  jsonOrder: ['lon', 'lat', 'accuracy', 'to_bow', 'to_stern', 'to_port', 'to_starboard', 'epfd', 'second', 'regional', 'off_position'],
};
