import { f } from '../field';
import type { BinaryTable } from './table';

/**
 * 8/1/15: IMO 236 extended ship static data, the air draught in 0.1 m, at the
 * start of the payload (bit 56). The addressed 6/1/15 is left undecoded: gpsd
 * reads it at bit 56 too, which for type 6 lies inside the destination MMSI.
 */
export const airDraught: BinaryTable = {
  title: 'Extended ship static data: air draught (IMO 236)',
  bits: 72,
  fields: [{ ...f('airdraught', 11, 'u'), start: 56 }],
};
