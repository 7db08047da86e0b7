import { f, type Field, type MessageTable } from '../field';

/** Four slot reservations of 30 bits each (offset, number, timeout, increment). */
const fields: Field[] = [];
for (let i = 1; i <= 4; i++) {
  const start = 40 + 30 * (i - 1);
  fields.push({ ...f(`offset${i}`, 12, 'u'), start });
  fields.push({ ...f(`number${i}`, 4, 'u'), start: start + 12 });
  fields.push({ ...f(`timeout${i}`, 3, 'u'), start: start + 16 });
  fields.push({ ...f(`increment${i}`, 11, 'u'), start: start + 19 });
}

/** Type 20: data link management (slot reservations). */
export const dataLink: MessageTable = { title: 'Data link management', bits: 160, minBits: 72, maxBits: 186, fields };
