import type { EventName, EventPayload } from '../../shared/api/events';
import type { Store } from '../store/database';
import type { SyncClient } from '../sync/client';

/** What every handler gets besides its input: the open store and a way to tell the UIs. */
export interface CoreContext {
  store: Store;
  shell: 'electron' | 'server' | 'hub' | 'test';
  emit<K extends EventName>(event: K, payload: EventPayload<K>): void;
  /** The sync service the core made for this store (main/sync/service.ts); a context built without a core has none. */
  sync?: SyncClient;
}
