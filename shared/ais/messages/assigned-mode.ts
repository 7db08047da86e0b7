import { f, rows, seq, spare, type MessageTable } from '../field';

seq(38);
const fields = rows(
  spare(2),
  f('mmsi1', 30, 'u'),
  f('offset1', 12, 'u'),
  f('increment1', 10, 'u'),
  f('mmsi2', 30, 'u', { ifLongerThan: 143 }),
  f('offset2', 12, 'u', { ifLongerThan: 143 }),
  f('increment2', 10, 'u', { ifLongerThan: 143 }),
);

/** Type 16: assigned mode command, for one station (96 bits) or two (144). */
export const assignedMode: MessageTable = { title: 'Assigned mode command', bits: 144, minBits: 96, maxBits: 168, fields };
