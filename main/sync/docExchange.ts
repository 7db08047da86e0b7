import { GangwayError } from '../../shared/errors';
import type { Db } from '../store/database';
import { applyDocToTables } from './applyToTables';
import { compactDoc, docClock, getRemoteClock, setRemoteClock } from './docStore';
import type { OpenDocuments } from './openDocs';

/** A document that has not finished syncing after this long counts as an interrupted transfer. */
export const DEFAULT_DOC_TIMEOUT_MS = 30_000;

/**
 * 'synced' when the hub acknowledged everything we sent; 'read-only' when the
 * hub only lets us read it; 'refused' when the hub closed it for us;
 * 'waiting' when its rows wait for a vessel not yet here.
 */
export type ExchangeOutcome = 'synced' | 'read-only' | 'refused' | 'waiting';

export interface ExchangeHooks {
  timeoutMs?: number | undefined;
  /** The document is open and its exchange begins. */
  onStart(): void;
  /** The hub acknowledged the exchange; its clocks are recorded, its rows not yet written. */
  onDone(): void;
  /** The hub closed or refused the document, for this reason (a close reason of shared/sync/wire.ts). */
  onRefused(reason: string): void;
}

/**
 * Syncs one document both ways over the shared socket, records what the hub
 * acknowledged, then writes the merged document to the tables and compacts
 * its log. A failure closes the document, so the next round opens it afresh.
 */
export async function exchangeDoc(db: Db, docs: OpenDocuments, hub: string, name: string, hubClock: number, hooks: ExchangeHooks): Promise<ExchangeOutcome> {
  docs.useHub(hub);
  const refused = docs.get(name)?.refused;
  if (refused) {
    // Closed by the hub on this socket (an edit sent while connected): it stays closed until the round ends with a fresh socket.
    hooks.onRefused(refused);
    return 'refused';
  }
  // A document reset on this device is pulled into a fresh Y.Doc, not one still holding the old history.
  if (getRemoteClock(db, hub, name)?.state === 'reset') docs.close(name);
  // A read-only document's acknowledgement never comes for what we hold and the hub refuses; ask afresh.
  if (docs.get(name)?.provider.authorizedScope === 'readonly') docs.close(name);
  const { open, fresh } = docs.open(hub, name);
  const { provider } = open;
  hooks.onStart();
  // Already open: copy in what was written since (by another process, say), let what is on its way be
  // acknowledged, then exchange state vectors again; once that exchange is acknowledged, the hub's answer
  // (sent before the acknowledgement on the same socket) has been logged here.
  if (!fresh && !docs.copyLocalUpdates(open)) return exchangeDoc(db, docs, hub, name, hubClock, hooks);
  let exchanged = fresh;
  const cleanup: (() => void)[] = [];
  const listen = <A>(event: string, fn: (arg: A) => void) => {
    provider.on(event, fn);
    cleanup.push(() => provider.off(event, fn));
  };
  try {
    const outcome = await new Promise<'synced' | 'read-only' | { refused: string }>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new GangwayError('DEVICE', `The hub did not finish syncing ${name} in time; Gangway will resume.`)),
        hooks.timeoutMs ?? DEFAULT_DOC_TIMEOUT_MS,
      );
      cleanup.push(() => clearTimeout(timer));
      const check = () => {
        if (open.refused) return resolve({ refused: open.refused });
        if (!provider.isSynced) return;
        if (provider.authorizedScope === 'readonly') return resolve('read-only');
        if (provider.unsyncedChanges !== 0) return;
        if (exchanged) return resolve('synced');
        exchanged = true;
        provider.forceSync();
      };
      listen('synced', check);
      listen('unsyncedChanges', check);
      listen('authenticationFailed', check);
      listen('close', check);
      check();
    });
    if (typeof outcome === 'object') {
      hooks.onRefused(outcome.refused);
      return 'refused';
    }
    if (outcome === 'read-only') {
      setRemoteClock(db, hub, name, { pulled: hubClock, state: 'synced', message: (docClock(db, name)?.localClock ?? 0) > (getRemoteClock(db, hub, name)?.pushed ?? 0) ? 'read-only: your changes to this document stay on this device' : null });
    } else {
      setRemoteClock(db, hub, name, { pushed: open.local, pulled: hubClock, state: 'synced', message: null });
    }
    hooks.onDone();
    const applied = applyDocToTables(db, name);
    compactDoc(db, name);
    return applied.reason?.startsWith('waiting') ? 'waiting' : outcome;
  } catch (e) {
    docs.close(name);
    throw e;
  } finally {
    for (const undo of cleanup) undo();
  }
}
