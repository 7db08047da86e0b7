import type { ConnectionState, DocStatus, SyncStatus } from '../../shared/sync';
import type { Db } from '../store/database';
import { getEnrolment } from './device';
import { docClocks, remoteClocks } from './docStore';
import { lastSyncAtOf } from './hubRecord';

/** What only the running client knows: the round in progress, and documents' states within it. */
export interface LiveSyncState {
  connection: ConnectionState;
  lastError: string | null;
  nextAttemptAt: string | null;
  progress: SyncStatus['progress'];
  blobs: SyncStatus['blobs'];
  /** Documents in or just out of the current round; the others' state comes from what the store remembers. */
  docState: ReadonlyMap<string, { state: DocStatus['state']; message?: string }>;
}

/**
 * The Sync page's view: this device's enrolment, each document's state, and
 * the round's progress. A document's state is the live one during a round,
 * else what the store remembers of the hub's acknowledgements.
 */
export function syncStatusView(db: Db, live: LiveSyncState): SyncStatus {
  const enrolment = getEnrolment(db);
  const hub = enrolment?.hub ?? null;
  const remote = new Map(hub ? remoteClocks(db, hub).map((r) => [r.doc, r]) : []);
  const documents: DocStatus[] = docClocks(db).map((c) => {
    const r = remote.get(c.doc);
    const inRound = live.docState.get(c.doc);
    const pushed = r?.pushed ?? 0;
    const remembered: DocStatus['state'] | undefined = r ? (r.state === 'refused' ? 'refused' : c.localClock > pushed ? 'pending' : 'synced') : undefined;
    const state: DocStatus['state'] = inRound?.state ?? remembered ?? (hub ? 'pending' : 'local-only');
    const message = inRound?.message ?? r?.message ?? undefined;
    return { name: c.doc, state, localClock: c.localClock, pushedClock: pushed, ...(message ? { message } : {}) };
  });
  return {
    hubUrl: hub,
    enrolled: enrolment !== null,
    deviceId: enrolment?.deviceId ?? null,
    role: enrolment?.role ?? null,
    agency: enrolment?.agency ?? null,
    connection: enrolment ? live.connection : 'not-enrolled',
    lastSyncAt: hub ? lastSyncAtOf(db, hub) : null,
    lastError: live.lastError,
    nextAttemptAt: live.nextAttemptAt,
    progress: { ...live.progress },
    blobs: { ...live.blobs },
    documents,
  };
}
