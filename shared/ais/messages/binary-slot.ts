import { f, type Composite, type MessageTable } from '../field';

const header = [
  { ...f('addressed', 1, 'b'), start: 38 },
  { ...f('structured', 1, 'b'), start: 39 },
  { ...f('dest_mmsi', 30, 'u', { ifFlag: { name: 'addressed', value: true } }), start: 40 },
];

/**
 * Types 25 and 26: binary messages in one or several slots. The destination
 * (30 bits) and application id (16 bits) are present only when flagged, so
 * the payload's start moves; decode.ts computes it and type 26's trailing
 * 20-bit radio status.
 */
const composites: Composite[] = [{ name: 'app_id', after: 'dest_mmsi', render: (m) => Number(m.app_id ?? 0) }];
export const binarySingleSlot: MessageTable = { title: 'Single slot binary message', bits: 168, minBits: 40, maxBits: 168, fields: header, composites, dataFrom: 40 };
export const binaryMultiSlot: MessageTable = { title: 'Multiple slot binary message', bits: 168, minBits: 60, maxBits: 1004, fields: header, composites, dataFrom: 40 };
