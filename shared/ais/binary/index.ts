import { atonMonitoring } from './aton-monitoring';
import { dangerousCargo236, tidalWindow236, tidalWindow289 } from './imo236';
import { clearanceTime, textAddressed } from './imo289';
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
  ['8:1:11', metHydro236],
  ['8:1:31', metHydro289],
  ['8:200:10', inlandStatic],
]);

export function binaryTable(type: number, dac: number, fid: number): BinaryTable | undefined {
  return BINARY_TABLES.get(`${type}:${dac}:${fid}`);
}
