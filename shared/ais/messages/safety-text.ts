import { f, rows, seq, spare, type MessageTable } from '../field';

seq(38);
const addressedFields = rows(f('seqno', 2, 'u'), f('dest_mmsi', 30, 'u'), f('retransmit', 1, 'b'), spare(1), f('text', 0, 't', { toEnd: true }));
seq(38);
const broadcastFields = rows(spare(2), f('text', 0, 't', { toEnd: true }));

/** Type 12: addressed safety related message (text). */
export const safetyAddressed: MessageTable = { title: 'Addressed safety related message', bits: 72, minBits: 72, maxBits: 1008, fields: addressedFields };
/** Type 14: safety related broadcast message (text). */
export const safetyBroadcast: MessageTable = { title: 'Safety related broadcast message', bits: 40, minBits: 40, maxBits: 1008, fields: broadcastFields };
