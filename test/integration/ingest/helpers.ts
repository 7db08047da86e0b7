import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDeviceStore } from '../../../main/device-store';
import { type Store } from '../../../main/store/database';

/** The real receiver logs and gpsd's AIS sample, copied into the repo (test/fixtures/{nmea,ais}). */
export const DATA = path.resolve(__dirname, '../../fixtures');

export function tempStore(): { store: Store; dir: string; cleanup(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gangway-ingest-'));
  const store = openDeviceStore(dir);
  return {
    store,
    dir,
    cleanup() {
      store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function count(store: Store, table: string): number {
  return (store.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
}
