import { f, rows, seq, spare, type MessageTable } from '../field';

seq(38);
const fields = rows(
  spare(2),
  f('mmsi1', 30, 'u'),
  f('type1_1', 6, 'u'),
  f('offset1_1', 12, 'u'),
  spare(2),
  f('type1_2', 6, 'u', { ifLongerThan: 90 }),
  f('offset1_2', 12, 'u', { ifLongerThan: 90 }),
  spare(2),
  f('mmsi2', 30, 'u', { ifLongerThan: 110 }),
  f('type2_1', 6, 'u', { ifLongerThan: 110 }),
  f('offset2_1', 12, 'u', { ifLongerThan: 110 }),
  spare(2),
);

/** Type 15: interrogation; later requests are present only in longer messages. */
export const interrogation: MessageTable = { title: 'Interrogation', bits: 160, minBits: 88, maxBits: 168, fields };
