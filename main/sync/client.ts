import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { GangwayError } from '../../shared/errors';
import { parseDocName, type ConnectionState, type DocStatus, type SyncStatus } from '../../shared/sync';
import type { Db } from '../store/database';
import { applyDocToTables } from './applyToTables';
import { backoffDelay } from './backoff';
import { blobsToUpload, uploadBlob } from './blobUpload';
import { getEnrolment, httpUrlOf, signDeviceToken, unreachable } from './device';
import { appendUpdate, compactDoc, docClock, docClocks, docsToPush, docsToRepull, getRemoteClock, loadDoc, localUpdatesAfter, onLocalChange, remoteClocks, setRemoteClock } from './docStore';

/** Hocuspocus refuses to load more than a few hundred documents per connection at once; 20 keeps well clear and the pipe full. */
export const DEFAULT_BATCH = 20;
/** A document that has not finished syncing after this long counts as an interrupted transfer. */
export const DEFAULT_DOC_TIMEOUT_MS = 30_000;
/** How often an idle client asks the hub's manifest again. */
export const IDLE_INTERVAL_MS = 30_000;
/** Batches a burst of edits (a form saved field by field) into one round. */
export const LOCAL_CHANGE_DELAY_MS = 1000;
/**
 * Documents kept open on the socket after a round, least recently used closed
 * first. An open document sends a later local edit as one Yjs update message
 * (about 150 B with the hub's acknowledgement) instead of a new token and
 * handshake (about 1.5 KB). With a round's batch on top this stays far below
 * the few hundred documents Hocuspocus lets one connection hold.
 */
export const MAX_OPEN_DOCS = 20;

export interface SyncClientOptions {
  db: Db;
  dataDir: string;
  batchSize?: number;
  docTimeoutMs?: number;
  fetcher?: typeof fetch;
  tokenLifetimeS?: number;
  /** Called whenever the status changes, for the Sync page's progress events. */
  onStatus?: (status: SyncStatus) => void;
  log?: (line: string) => void;
}

export interface RoundResult {
  documents: number;
  synced: number;
  refused: number;
  blobsSent: number;
  bytesSent: number;
  bytesReceived: number;
}

interface Manifest {
  clock: number;
  documents: { name: string; clock: number }[];
}

const RESET_PREFIX = 'gangway:reset:';
const REFUSED_PREFIX = 'gangway:refused:';
/** Origin of local updates copied into an open document: the provider sends them, the remote log skips them. */
const LOCAL_ORIGIN = Symbol('gangway-local');

/** A document open on the socket: its provider, its Y.Doc, and how much of the local log it holds. */
interface OpenDoc {
  name: string;
  hub: string;
  ydoc: Y.Doc;
  provider: HocuspocusProvider;
  /** The newest local update (log seq) copied into `ydoc`. */
  local: number;
  /** The newest log seq of this document `ydoc` is known to hold; a smaller clock in the log means it was reset. */
  seen: number;
  /** Set when the hub closed or refused it; the next round records why. */
  refused: string | null;
}

/**
 * The device's sync client: one WebSocket per device (HocuspocusProviderWebsocket)
 * carrying every document, no awareness. A round asks the hub's manifest,
 * syncs only documents changed on either side since the last acknowledged
 * clocks, in batches, then uploads evidence blobs. Any interruption is
 * retried with jittered back-off; what was acknowledged stays acknowledged.
 */
export class SyncClient {
  private socket: HocuspocusProviderWebsocket | null = null;
  private socketHub: string | null = null;
  private docState = new Map<string, { state: DocStatus['state']; message?: string }>();
  private connection: ConnectionState = 'offline';
  private lastError: string | null = null;
  private nextAttemptAt: string | null = null;
  private progress = { done: 0, total: 0 };
  private blobs = { pending: 0, uploadedBytes: 0, totalBytes: 0 };
  private timer: NodeJS.Timeout | null = null;
  private running = false;
  private attempt = 0;
  private round: Promise<RoundResult> | null = null;
  /** The hub keeps a document it closed on us closed for the life of the socket: start a fresh one. */
  private socketStale = false;
  readonly bytes = { sent: 0, received: 0 };

  /** A local change arrived while a round ran: push it right after, not at the next idle round. */
  private dirty = false;
  /** Open documents, least recently used first. */
  private openDocs = new Map<string, OpenDoc>();
  /** Documents changed locally in the current tick, sent once the writer's transaction has ended. */
  private changed = new Set<string>();
  /** Documents with remote updates waiting to be written to the tables. */
  private toApply = new Set<string>();
  private liveWaiters: (() => void)[] = [];

  constructor(private readonly options: SyncClientOptions) {
    // Lives as long as the client (and its database); does nothing while no document is open and the client is stopped.
    onLocalChange(options.db, (doc) => {
      if (this.changed.size === 0) setImmediate(() => this.flushLocalChanges());
      this.changed.add(doc);
    });
  }

  /**
   * Local changes, after their transaction ended (a rolled-back one left
   * nothing in the log to send): an open document sends them at once as one
   * update; any other starts a round within a second.
   */
  private flushLocalChanges(): void {
    const docs = [...this.changed];
    this.changed.clear();
    let needRound = false;
    for (const name of docs) {
      const open = this.openDocs.get(name);
      if (!open || open.refused || open.provider.authorizedScope === 'readonly' || !this.copyLocalUpdates(open)) needRound = true;
    }
    if (needRound) this.nudge();
    this.settleLive();
  }

  /**
   * Copies committed local updates the open document does not hold yet into
   * it; the provider sends them as update messages. False when the document
   * must be reopened (its log was compacted past what it holds, or reset).
   */
  private copyLocalUpdates(open: OpenDoc): boolean {
    if (!this.db.open) return false;
    const clock = docClock(this.db, open.name);
    const rows = clock && clock.clock >= open.seen ? localUpdatesAfter(this.db, open.name, open.local) : null;
    if (!rows) {
      this.close(open.name);
      return false;
    }
    if (rows.length === 0) return true;
    this.touch(open);
    Y.applyUpdate(open.ydoc, Y.mergeUpdates(rows.map((r) => r.data)), LOCAL_ORIGIN);
    open.local = rows[rows.length - 1]!.seq;
    open.seen = Math.max(open.seen, open.local);
    return true;
  }

  /** Whether the hub has acknowledged every local change sent on an open document. */
  private liveSettled(): boolean {
    for (const open of this.openDocs.values()) if (!open.refused && open.provider.authorizedScope !== 'readonly' && open.provider.hasUnsyncedChanges) return false;
    return true;
  }

  private settleLive(): void {
    if (!this.liveSettled()) return;
    for (const resolve of this.liveWaiters.splice(0)) resolve();
  }

  /** Resolves once the hub acknowledged every edit sent on open documents (for tests and the benchmark). */
  whenSent(): Promise<void> {
    return new Promise((resolve) => {
      if (this.changed.size === 0 && this.liveSettled()) resolve();
      else this.liveWaiters.push(resolve);
    });
  }

  /** Names of the documents open on the socket now. */
  openDocuments(): string[] {
    return [...this.openDocs.keys()];
  }

  private touch(open: OpenDoc): void {
    this.openDocs.delete(open.name);
    this.openDocs.set(open.name, open);
  }

  /**
   * Opens a document on the socket (or returns it if open): loads it from
   * the log, logs every change the hub sends before anything else happens to
   * it, and records the hub's acknowledgement of local changes as they come.
   */
  private openDoc(hub: string, name: string): { open: OpenDoc; fresh: boolean } {
    const existing = this.openDocs.get(name);
    if (existing && existing.hub === hub && !existing.refused) {
      this.touch(existing);
      return { open: existing, fresh: false };
    }
    if (existing) this.close(name);
    const socket = this.ensureSocket(hub);
    const clock = docClock(this.db, name);
    const ydoc = loadDoc(this.db, name);
    const provider = new HocuspocusProvider({ name, document: ydoc, websocketProvider: socket, awareness: null, token: this.token });
    const open: OpenDoc = { name, hub, ydoc, provider, local: clock?.localClock ?? 0, seen: clock?.clock ?? 0, refused: null };
    ydoc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === LOCAL_ORIGIN || !this.db.open) return;
      open.seen = appendUpdate(this.db, name, update, 'remote');
      // Between rounds another device's change arrives here; the round writes its own documents to the tables.
      if (this.docState.get(name)?.state !== 'syncing') this.applySoon(name);
    });
    provider.on('unsyncedChanges', ({ number }: { number: number }) => {
      if (number !== 0 || !provider.isSynced || provider.authorizedScope === 'readonly' || open.refused || !this.db.open) return;
      // Everything copied into the document so far was sent before this acknowledgement: the hub has logged it.
      if (open.local > (getRemoteClock(this.db, hub, name)?.pushed ?? 0)) {
        setRemoteClock(this.db, hub, name, { pushed: open.local });
        compactDoc(this.db, name);
        this.emit();
      }
      this.settleLive();
    });
    const refuse = (reason: string) => {
      if (open.refused) return;
      open.refused = reason;
      // The hub keeps a document it closed on us closed for the life of the socket.
      this.socketStale = true;
      if (this.docState.get(name)?.state !== 'syncing') this.recordRefusal(hub, name, reason);
      this.settleLive();
    };
    provider.on('authenticationFailed', ({ reason }: { reason: string }) => refuse(reason));
    provider.on('close', ({ event }: { event: { reason?: string } }) => {
      const reason = event?.reason ?? '';
      if (reason.startsWith(RESET_PREFIX) || reason.startsWith(REFUSED_PREFIX)) refuse(reason);
    });
    this.openDocs.set(name, open);
    provider.attach();
    return { open, fresh: true };
  }

  private close(name: string): void {
    const open = this.openDocs.get(name);
    if (!open) return;
    this.openDocs.delete(name);
    open.provider.destroy();
    open.ydoc.destroy();
  }

  /** Closes the least recently used documents beyond the limit, keeping those with changes still on their way. */
  private closeLeastRecent(keep: number): void {
    for (const open of [...this.openDocs.values()]) {
      if (this.openDocs.size <= keep) return;
      if (open.provider.hasUnsyncedChanges && !open.refused) continue;
      this.close(open.name);
    }
  }

  private recordRefusal(hub: string, name: string, reason: string): void {
    const reset = reason.startsWith(RESET_PREFIX);
    const message = reason.replace(RESET_PREFIX, '').replace(REFUSED_PREFIX, '');
    if (this.db.open) setRemoteClock(this.db, hub, name, { state: 'refused', message: reset ? `${message} (reset)` : message });
    this.docState.set(name, { state: 'refused', message });
    if (!this.round) {
      // Between rounds: start over on a fresh socket; a round soon sends what the other open documents had on their way.
      this.closeSocket();
      this.socketStale = false;
      this.nudge();
    }
    this.emit();
  }

  private applySoon(name: string): void {
    if (this.toApply.size === 0) {
      setImmediate(() => {
        const names = [...this.toApply];
        this.toApply.clear();
        if (!this.db.open) return;
        for (const n of names) {
          try {
            applyDocToTables(this.db, n);
          } catch (e) {
            // The next round pulls it again (its pulled clock did not move) and reports the problem.
            this.log(`could not write ${n} to the tables: ${(e as Error).message}`);
          }
        }
        this.emit();
      });
    }
    this.toApply.add(name);
  }

  /** A local change: sync it within a second while connected at port, instead of waiting for the idle round. */
  private nudge(): void {
    if (!this.running || this.attempt > 0) return; // backing off: the hub is away, the next attempt takes it
    if (this.round) {
      this.dirty = true;
      return;
    }
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.schedule(LOCAL_CHANGE_DELAY_MS);
  }

  private get db(): Db {
    return this.options.db;
  }

  private log(line: string): void {
    this.options.log?.(line);
  }

  private token = (): Promise<string> => signDeviceToken(this.db, this.options.tokenLifetimeS);

  private emit(): void {
    // The app may be closing its store while a round winds down: nothing left to report then.
    if (!this.db.open) return;
    this.options.onStatus?.(this.status());
  }

  status(): SyncStatus {
    const enrolment = getEnrolment(this.db);
    const hub = enrolment?.hub ?? null;
    const remote = new Map(hub ? remoteClocks(this.db, hub).map((r) => [r.doc, r]) : []);
    const documents: DocStatus[] = docClocks(this.db).map((c) => {
      const r = remote.get(c.doc);
      const live = this.docState.get(c.doc);
      const pushed = r?.pushed ?? 0;
      const remembered: DocStatus['state'] | undefined = r ? (r.state === 'refused' ? 'refused' : c.localClock > pushed ? 'pending' : 'synced') : undefined;
      const state: DocStatus['state'] = live?.state ?? remembered ?? (hub ? 'pending' : 'local-only');
      const message = live?.message ?? r?.message ?? undefined;
      return { name: c.doc, state, localClock: c.localClock, pushedClock: pushed, ...(message ? { message } : {}) };
    });
    const hubRow = hub ? (this.db.prepare('SELECT last_sync_at AS at FROM sync_hubs WHERE hub = ?').get(hub) as { at: string | null } | undefined) : undefined;
    return {
      hubUrl: hub,
      enrolled: enrolment !== null,
      deviceId: enrolment?.deviceId ?? null,
      role: enrolment?.role ?? null,
      agency: enrolment?.agency ?? null,
      connection: enrolment ? this.connection : 'not-enrolled',
      lastSyncAt: hubRow?.at ?? null,
      lastError: this.lastError,
      nextAttemptAt: this.nextAttemptAt,
      progress: { ...this.progress },
      blobs: { ...this.blobs },
      documents,
    };
  }

  /** Starts syncing in the background: a round now, then whenever idle or after back-off. */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.running = false;
    this.dirty = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.round?.catch(() => undefined);
    this.closeSocket();
    this.connection = 'offline';
    this.emit();
  }

  private schedule(delay: number): void {
    if (!this.running) return;
    this.nextAttemptAt = delay > 0 ? new Date(Date.now() + delay).toISOString() : null;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.syncNow()
        .then(() => {
          this.attempt = 0;
          const again = this.dirty;
          this.dirty = false;
          this.schedule(again ? LOCAL_CHANGE_DELAY_MS : IDLE_INTERVAL_MS);
        })
        .catch(() => {
          this.attempt++;
          this.connection = 'backing-off';
          const wait = backoffDelay(this.attempt);
          this.schedule(wait);
          this.emit();
        });
    }, delay);
  }

  /** One round now (or the one already running). */
  syncNow(): Promise<RoundResult> {
    if (!this.round) {
      this.round = this.runRound().finally(() => {
        this.round = null;
      });
    }
    return this.round;
  }

  private closeSocket(): void {
    for (const name of [...this.openDocs.keys()]) this.close(name);
    this.socket?.destroy();
    this.socket = null;
    this.socketHub = null;
  }

  private ensureSocket(hub: string): HocuspocusProviderWebsocket {
    if (this.socket && this.socketHub === hub) return this.socket;
    this.closeSocket();
    const bytes = this.bytes;
    // Counts bytes on the wire both ways, for the Sync page and the benchmark.
    class CountingWebSocket extends WebSocket {
      constructor(address: string, protocols?: string | string[]) {
        super(address, protocols);
        this.on('message', (data: Buffer) => {
          bytes.received += data.byteLength;
        });
      }
      override send(data: Parameters<WebSocket['send']>[0], ...rest: unknown[]): void {
        bytes.sent += (data as Uint8Array).byteLength ?? 0;
        (super.send as (...a: unknown[]) => void)(data, ...rest);
      }
    }
    this.socket = new HocuspocusProviderWebsocket({
      url: hub,
      WebSocketPolyfill: CountingWebSocket,
      // The provider's own reconnect loop, also jittered: it carries a round across a dropped link.
      delay: 500,
      factor: 2,
      jitter: true,
      minDelay: 250,
      maxDelay: 10_000,
      maxAttempts: 0,
      timeout: 10_000,
    });
    this.socketHub = hub;
    return this.socket;
  }

  private async fetchJson<T>(url: string, withToken: boolean): Promise<T> {
    const fetcher = this.options.fetcher ?? fetch;
    let res: Response;
    try {
      res = await fetcher(url, { headers: withToken ? { Authorization: `Bearer ${await this.token()}` } : {}, signal: AbortSignal.timeout(10_000) });
    } catch (e) {
      throw unreachable(new URL(url).host, e);
    }
    const body = (await res.json().catch(() => null)) as (T & { error?: { message?: string } }) | null;
    if (res.status === 401) throw new GangwayError('UNAUTHORIZED', body?.error?.message ?? 'The hub does not accept this device.');
    if (!body) throw new GangwayError('DEVICE', `The server at ${new URL(url).host} is not a Gangway hub (it answered HTTP ${res.status} without hub data). Check the hub address.`);
    if (!res.ok) throw new GangwayError('DEVICE', body.error?.message ?? `The hub answered HTTP ${res.status}.`);
    return body;
  }

  private async runRound(): Promise<RoundResult> {
    const enrolment = getEnrolment(this.db);
    if (!enrolment) throw new GangwayError('UNAUTHORIZED', 'This device is not enrolled with a hub. Enrol it on the Sync page.');
    const hub = enrolment.hub;
    const result: RoundResult = { documents: 0, synced: 0, refused: 0, blobsSent: 0, bytesSent: 0, bytesReceived: 0 };
    const start = { ...this.bytes };
    this.connection = 'connecting';
    this.emit();
    try {
      const health = await this.fetchJson<{ hub?: string }>(`${httpUrlOf(hub)}/health`, false);
      if (health.hub !== 'gangway') throw new GangwayError('DEVICE', `The server at ${hub} is not a Gangway hub. Check the hub address.`);
      const since = (this.db.prepare('SELECT manifest_clock AS c FROM sync_hubs WHERE hub = ?').get(hub) as { c: number } | undefined)?.c ?? 0;
      const manifest = await this.fetchJson<Manifest>(`${httpUrlOf(hub)}/manifest?since=${since}`, true);
      const wanted = new Map<string, number>();
      for (const d of manifest.documents) {
        if ((getRemoteClock(this.db, hub, d.name)?.pulled ?? 0) < d.clock) wanted.set(d.name, d.clock);
      }
      for (const d of docsToPush(this.db, hub)) if (!wanted.has(d.doc)) wanted.set(d.doc, getRemoteClock(this.db, hub, d.doc)?.pulled ?? 0);
      for (const doc of docsToRepull(this.db, hub)) if (!wanted.has(doc)) wanted.set(doc, 0);
      // Vessels before audits: an audit row needs its vessel row.
      const rank = (n: string) => ({ vessel: 0, audit: 1, index: 2 })[parseDocName(n)?.kind ?? 'index'];
      const names = [...wanted.keys()].filter((n) => parseDocName(n)).sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
      result.documents = names.length;
      this.progress = { done: 0, total: names.length };
      this.connection = 'syncing';
      this.emit();
      let failed: unknown = null;
      const batchSize = this.options.batchSize ?? DEFAULT_BATCH;
      const waiting: string[] = [];
      for (let i = 0; i < names.length; i += batchSize) {
        const batch = names.slice(i, i + batchSize);
        const outcomes = await Promise.allSettled(batch.map((n) => this.syncDoc(hub, n, wanted.get(n) ?? 0)));
        outcomes.forEach((o, k) => {
          const name = batch[k]!;
          if (o.status === 'fulfilled') {
            if (o.value === 'refused') result.refused++;
            else result.synced++;
            if (o.value === 'waiting') waiting.push(name);
          } else {
            failed ??= o.reason;
            this.docState.set(name, { state: 'error', message: (o.reason as Error).message });
          }
          this.progress.done++;
        });
        this.closeLeastRecent(MAX_OPEN_DOCS);
        this.emit();
      }
      // Audits that arrived before their vessel: the vessel has been applied by now.
      for (const name of waiting) applyDocToTables(this.db, name);
      if (failed) throw failed;
      const blobs = blobsToUpload(this.db, this.options.dataDir, hub);
      this.blobs = { pending: blobs.length, uploadedBytes: 0, totalBytes: blobs.reduce((s, b) => s + b.size, 0) };
      for (const b of blobs) {
        const sent = await uploadBlob(this.db, this.options.dataDir, hub, b.sha256, this.token, {
          ...(this.options.fetcher ? { fetcher: this.options.fetcher } : {}),
        });
        result.blobsSent += sent > 0 ? 1 : 0;
        result.bytesSent += sent;
        this.blobs.pending--;
        this.blobs.uploadedBytes += b.size;
        this.emit();
      }
      this.db
        .prepare('UPDATE sync_hubs SET manifest_clock = max(manifest_clock, ?), last_sync_at = ?, last_error = NULL WHERE hub = ?')
        .run(manifest.clock, new Date().toISOString(), hub);
      this.lastError = null;
      this.connection = 'idle';
      return result;
    } catch (e) {
      this.lastError = (e as Error).message;
      this.connection = 'offline';
      this.db.prepare('UPDATE sync_hubs SET last_error = ? WHERE hub = ?').run(this.lastError, hub);
      this.log(`sync round failed: ${this.lastError}`);
      // Nothing stays open on a hub that failed us; the next round opens what it needs.
      this.socketStale = true;
      throw e;
    } finally {
      result.bytesSent += this.bytes.sent - start.sent;
      result.bytesReceived = this.bytes.received - start.received;
      if (this.socketStale) {
        this.closeSocket();
        this.socketStale = false;
      }
      this.emit();
    }
  }

  /**
   * Syncs one document both ways over the shared socket. Resolves 'synced'
   * when the hub acknowledged everything we sent; 'read-only' when the hub
   * only lets us read it; 'refused' when the hub closed it for us;
   * 'waiting' when its rows wait for a vessel not yet here.
   */
  private async syncDoc(hub: string, name: string, hubClock: number): Promise<'synced' | 'read-only' | 'refused' | 'waiting'> {
    this.ensureSocket(hub);
    const refused = this.openDocs.get(name)?.refused;
    if (refused) {
      // Closed by the hub on this socket (an edit sent while connected): it stays closed until the round ends with a fresh socket.
      this.recordRefusal(hub, name, refused);
      return 'refused';
    }
    // A document reset on this device is pulled into a fresh Y.Doc, not one still holding the old history.
    if (getRemoteClock(this.db, hub, name)?.state === 'reset') this.close(name);
    // A read-only document's acknowledgement never comes for what we hold and the hub refuses; ask afresh.
    if (this.openDocs.get(name)?.provider.authorizedScope === 'readonly') this.close(name);
    const { open, fresh } = this.openDoc(hub, name);
    const { provider } = open;
    this.docState.set(name, { state: 'syncing' });
    // Already open: copy in what was written since (by another process, say), let what is on its way be
    // acknowledged, then exchange state vectors again; once that exchange is acknowledged, the hub's answer
    // (sent before the acknowledgement on the same socket) has been logged here.
    if (!fresh && !this.copyLocalUpdates(open)) return this.syncDoc(hub, name, hubClock);
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
          this.options.docTimeoutMs ?? DEFAULT_DOC_TIMEOUT_MS,
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
        this.recordRefusal(hub, name, outcome.refused);
        return 'refused';
      }
      if (outcome === 'read-only') {
        setRemoteClock(this.db, hub, name, { pulled: hubClock, state: 'synced', message: (docClock(this.db, name)?.localClock ?? 0) > (getRemoteClock(this.db, hub, name)?.pushed ?? 0) ? 'read-only: your changes to this document stay on this device' : null });
      } else {
        setRemoteClock(this.db, hub, name, { pushed: open.local, pulled: hubClock, state: 'synced', message: null });
      }
      this.docState.delete(name);
      const applied = applyDocToTables(this.db, name);
      compactDoc(this.db, name);
      return applied.reason?.startsWith('waiting') ? 'waiting' : outcome;
    } catch (e) {
      this.close(name);
      throw e;
    } finally {
      for (const undo of cleanup) undo();
    }
  }
}
