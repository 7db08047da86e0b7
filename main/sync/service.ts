import type { EventName, EventPayload } from '../../shared/api/events';
import type { Store } from '../store/database';
import { SyncClient } from './client';
import { getEnrolment } from './device';

/**
 * The device's sync service, one per open store (the core makes it): a sync
 * client whose status changes reach every UI as progress events.
 * `startIfEnrolled` is for start-up: an enrolled device at port syncs
 * without anyone pressing a button.
 */
export function createSyncService(store: Store, emit: <K extends EventName>(event: K, payload: EventPayload<K>) => void): SyncClient {
  return new SyncClient({
    db: store.db,
    dataDir: store.dataDir,
    onStatus: (s) =>
      emit('progress', {
        task: 'sync',
        label: s.lastError ?? `sync: ${s.connection}`,
        done: s.progress.done,
        total: s.progress.total,
        finished: s.connection === 'idle' || s.connection === 'offline' || s.connection === 'backing-off',
        ...(s.lastError ? { error: s.lastError } : {}),
      }),
  });
}

export function startIfEnrolled(client: SyncClient, store: Store): void {
  if (getEnrolment(store.db)) client.start();
}
