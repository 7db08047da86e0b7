import type { EventName, EventPayload } from '../shared/api/events';
import { GangwayError, isGangwayError } from '../shared/errors';
import type { CoreContext } from './api/context';
import { dispatch, type Answer, type Logger } from './api/dispatch';
import { handlers as allHandlers } from './api/handlers';
import { createSyncService, startIfEnrolled } from './sync/service';
import { startSummaryPublisher } from './impact/publish';
import { startDailyCheckpoints } from './evidence-log/daily';
import { shutdownIngest } from './ingest/registry';
import type { Handlers } from './api/types';
import { openDeviceStore } from './device-store';
import type { Store } from './store/database';

export type EventListener = (event: string, payload: unknown) => void;

export interface Core {
  dataDir: string;
  /** Set when the store could not be opened; every call then answers with it. */
  storeError: GangwayError | undefined;
  invoke(method: string, input: unknown): Promise<Answer>;
  subscribe(listener: EventListener): () => void;
  emit<K extends EventName>(event: K, payload: EventPayload<K>): void;
  /** The open store and event bus, for a composition root (the hub's office) that wires more than the API. */
  context(): CoreContext | undefined;
  /** Stops background work (sync, ingest) cleanly, then closes the store. */
  shutdown(): Promise<void>;
  close(): void;
}

export interface CoreOptions {
  dataDir: string;
  shell: CoreContext['shell'];
  handlers?: Partial<Handlers>;
  /** Start syncing at once when the device is enrolled (the app and `gangway serve`; tests and the hub's office start it themselves). */
  syncAtStart?: boolean;
  log?: Logger;
}

/**
 * The core both shells wrap: the store, the handler table and the event bus.
 * If the store cannot open (locked, corrupt, read-only folder) the core still
 * starts, so the UI can show the person what is wrong instead of a blank window.
 */
export function createCore(options: CoreOptions): Core {
  const listeners = new Set<EventListener>();
  let store: Store | undefined;
  let storeError: GangwayError | undefined;
  const emit = <K extends EventName>(event: K, payload: EventPayload<K>) => {
    for (const l of listeners) l(event, payload);
  };
  let ctx: CoreContext | undefined;
  let stopSync: (() => Promise<void>) | undefined;
  let stopSummaries: (() => void) | undefined;
  let stopCheckpoints: (() => void) | undefined;
  // Tried at start and again on the next call after a failure, so "Try again"
  // works once the other program lets go of the file or it is restored.
  const open = () => {
    try {
      store = openDeviceStore(options.dataDir);
      for (const w of store.warnings) options.log?.error(w);
      storeError = undefined;
      const sync = createSyncService(store, emit);
      ctx = { store, shell: options.shell, emit, sync };
      stopSync = () => sync.stop();
      // Each audit's impact summary follows its changes (main/impact/publish.ts).
      stopSummaries = startSummaryPublisher(store, (m, e) => options.log?.error(m, e));
      // The evidence log is signed at least daily while it grows (main/evidence-log/daily.ts).
      stopCheckpoints = startDailyCheckpoints(store, (m, e) => options.log?.error(m, e));
      // At port, an enrolled device syncs without anyone pressing a button.
      if (options.syncAtStart) startIfEnrolled(sync, store);
    } catch (e) {
      storeError = isGangwayError(e) ? e : new GangwayError('INTERNAL', `Gangway could not open its data: ${(e as Error).message}`);
      options.log?.error(storeError.message, e);
    }
  };
  open();
  return {
    dataDir: options.dataDir,
    get storeError() {
      return storeError;
    },
    async invoke(method, input) {
      if (!ctx) open();
      if (!ctx) return { ok: false, error: storeError!.toJSON() };
      return dispatch(options.handlers ?? allHandlers, ctx, method, input, options.log);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    emit,
    context: () => ctx,
    async shutdown() {
      stopSummaries?.();
      stopCheckpoints?.();
      await stopSync?.();
      stopSync = undefined;
      // Commits the open ingest batch and closes its sessions: nothing received is lost on quit.
      if (store) await shutdownIngest(store);
      listeners.clear();
      store?.close();
    },
    /** Immediate close (tests, a failed start): background sync is told to stop and finds the store closed. */
    close() {
      stopSummaries?.();
      stopCheckpoints?.();
      void stopSync?.();
      stopSync = undefined;
      listeners.clear();
      store?.close();
    },
  };
}
