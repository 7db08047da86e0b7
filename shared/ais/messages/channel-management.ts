import { f, type Field, type MessageTable } from '../field';

const area = { name: 'addressed', value: false };
const addressed = { name: 'addressed', value: true };
/** Corners in 1/10 minute; gpsd prints them as quoted strings with six decimals. */
const corner = (name: string, start: number, width: number): Field => ({
  ...f(name, width, 'i', { scale: 600, digits: 6, quoted: true, ifFlag: area }),
  start,
});
const fields: Field[] = [
  { ...f('channel_a', 12, 'u'), start: 40 },
  { ...f('channel_b', 12, 'u'), start: 52 },
  { ...f('txrx', 4, 'u'), start: 64 },
  { ...f('power', 1, 'b'), start: 68 },
  corner('ne_lon', 69, 18),
  corner('ne_lat', 87, 17),
  corner('sw_lon', 104, 18),
  corner('sw_lat', 122, 17),
  { ...f('dest1', 30, 'u', { ifFlag: addressed }), start: 69 },
  { ...f('dest2', 30, 'u', { ifFlag: addressed }), start: 104 },
  { ...f('addressed', 1, 'b'), start: 139 },
  { ...f('band_a', 1, 'b'), start: 140 },
  { ...f('band_b', 1, 'b'), start: 141 },
  { ...f('zonesize', 3, 'u'), start: 142 },
];

/** Type 22: channel management, for an area (corners) or two addressed stations. */
export const channelManagement: MessageTable = { title: 'Channel management', bits: 168, minBits: 168, maxBits: Infinity, fields };
