import { atonMonitoring } from './aton-monitoring';
import { dangerousCargo236, tidalWindow236, tidalWindow289 } from './imo236';
import { airDraught } from './air-draught';
import { clearanceTime, textAddressed, textBroadcast } from './imo289';
import { inlandPersons } from './inland-persons';
import { inlandWaterLevel } from './inland-water-level';
import { inlandStatic } from './inland';
import { metHydro236, metHydro289 } from './met-hydro';
import type { BinaryTable } from './table';

export type { BinaryTable } from './table';

/** Decoded application payloads of types 6 and 8, keyed "type:dac:fid". Others keep their raw data. */
export const BINARY_TABLES: ReadonlyMap<string, BinaryTable> = new Map([
  ['6:235:10', atonMonitoring],
  ['6:250:10', atonMonitoring],
  ['6:1:12', dangerousCargo236],
  ['6:1:14', tidalWindow236],
  ['6:1:18', clearanceTime],
  ['6:1:30', textAddressed],
  ['6:1:32', tidalWindow289],
  ['8:1:15', airDraught],
  ['6:200:55', inlandPersons],
  ['8:1:29', textBroadcast],
  ['8:200:24', inlandWaterLevel],
  ['8:1:11', metHydro236],
  ['8:1:31', metHydro289],
  ['8:200:10', inlandStatic],
]);

/** The same tables by a numeric key, so the hot path builds no strings. */
const BY_NUMBER = new Map<number, BinaryTable>([...BINARY_TABLES].map(([key, table]) => {
  const [type, dac, fid] = key.split(':').map(Number) as [number, number, number];
  return [numericKey(type, dac, fid), table];
}));

function numericKey(type: number, dac: number, fid: number): number {
  return (type * 1024 + dac) * 64 + fid; // DAC is 10 bits, FID 6
}

export function binaryTable(type: number, dac: number, fid: number): BinaryTable | undefined {
  return BY_NUMBER.get(numericKey(type, dac, fid));
}
