import { f, rows, seq, spare, type MessageTable } from '../field';

seq(38);
const fields = rows(spare(2), f('lon', 18, 'i', { scale: 600, digits: 1, na: 181 * 600 }), f('lat', 17, 'i', { scale: 600, digits: 1, na: 91 * 600 }), spare(5));

/** Type 17: DGNSS broadcast binary message (1/10 minute position, then RTCM data). */
export const dgnss: MessageTable = { title: 'DGNSS broadcast', bits: 80, minBits: 80, maxBits: 816, fields, dataFrom: 80 };
