import { f, rows, seq, spare, type MessageTable } from '../field';

seq(38);
const fields = rows(spare(2), f('dac', 10, 'u'), f('fid', 6, 'u'));

/** Type 8: binary broadcast message; the application payload (DAC/FID) is decoded by binary/. */
export const binaryBroadcast: MessageTable = {
  title: 'Binary broadcast message',
  bits: 56,
  minBits: 56,
  maxBits: 1008,
  fields,
  dataFrom: 56,
};
