import { f, rows, seq, spare, type MessageTable } from '../field';

seq(38);
const fields = rows(spare(2), f('dest_mmsi', 30, 'u'), spare(2));

/** Type 10: UTC and date inquiry. */
export const utcInquiry: MessageTable = { title: 'UTC/date inquiry', bits: 72, minBits: 72, maxBits: Infinity, fields };
