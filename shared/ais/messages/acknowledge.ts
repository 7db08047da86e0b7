import { f, type Field, type MessageTable } from '../field';

/** Up to four acknowledged stations; a slot beyond the message's length reads as 0 (gpsd). */
const fields: Field[] = [];
for (let i = 0; i < 4; i++) {
  const start = 40 + 32 * i;
  fields.push({ ...f(`mmsi${i + 1}`, 30, 'u'), start, ifLongerThan: start });
  fields.push({ ...f(`seqno${i + 1}`, 2, 'u', { hidden: true }), start: start + 30, ifLongerThan: start });
}

/** Types 7 (binary acknowledge) and 13 (safety related acknowledge). */
export const acknowledge: MessageTable = {
  title: 'Binary / safety acknowledge',
  bits: 72,
  minBits: 72,
  maxBits: 168,
  fields,
};
