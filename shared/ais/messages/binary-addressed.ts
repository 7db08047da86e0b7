import { f, rows, seq, spare, type MessageTable } from '../field';

seq(38);
const fields = rows(f('seqno', 2, 'u'), f('dest_mmsi', 30, 'u'), f('retransmit', 1, 'b'), spare(1), f('dac', 10, 'u'), f('fid', 6, 'u'));

/** Type 6: addressed binary message; the application payload (DAC/FID) is decoded by binary/. */
export const binaryAddressed: MessageTable = {
  title: 'Addressed binary message',
  bits: 88,
  minBits: 88,
  maxBits: 1008,
  fields,
  dataFrom: 88,
};
