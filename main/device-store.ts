import { openStore, type OpenOptions, type Store } from './store/database';
import { mirrorRowChanges } from './sync/mirror';

/**
 * Opens this device's store with its shared documents kept beside the rows:
 * every repo write of a vessel, audit, checklist item or finding changes the
 * document in the same transaction, enrolled or not, so the documents are
 * there to sync once the device is. Every device-side opener goes through
 * here; `openStore` alone is for the hub's own database and for migration tests.
 */
export function openDeviceStore(dataDir: string, options: OpenOptions = {}): Store {
  const store = openStore(dataDir, options);
  mirrorRowChanges(store.db);
  return store;
}
