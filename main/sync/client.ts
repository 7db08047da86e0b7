import { GangwayError } from '../../shared/errors';
import type { ConnectionState, DocStatus, SyncStatus } from '../../shared/sync';
import type { Db } from '../store/database';
import { applyDocToTables } from './applyToTables';
import { backoffDelay } from './backoff';
import { runBlobPass } from './blobPass';
import { witnessAtHub } from '../evidence-log/witnessing';
import { getEnrolment } from './device';
import { exchangeDoc, type ExchangeOutcome } from './docExchange';
import { setRemoteClock } from './docStore';
import { HubConnection } from './hubConnection';
import { manifestClockOf, recordRoundDone, recordRoundFailed } from './hubRecord';
import { LiveEdits } from './liveEdits';
import { MAX_OPEN_DOCS, OpenDocuments, refusalOf } from './openDocs';
import { batchesOf, DEFAULT_BATCH, planRound } from './roundPlanner';
import { syncStatusView } from './statusView';

export { DEFAULT_BATCH } from './roundPlanner';
export { MAX_OPEN_DOCS } from './openDocs';
export { DEFAULT_DOC_TIMEOUT_MS } from './docExchange';
/** How often an idle client asks the hub's manifest again. */
export const IDLE_INTERVAL_MS = 30_000;
/** Batches a burst of edits (a form saved field by field) into one round. */
export const LOCAL_CHANGE_DELAY_MS = 1000;

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

/**
 * The device's sync client. A round asks the hub's manifest, syncs only
 * documents changed on either side since the last acknowledged clocks, in
 * batches, then uploads evidence blobs. Any interruption is retried with
 * jittered back-off; what was acknowledged stays acknowledged. Between
 * rounds the documents of the last rounds stay open, so a local edit goes
 * out at once. The parts: hubConnection.ts (socket, HTTP, token),
 * openDocs.ts (open-document cache), liveEdits.ts (edits between rounds),
 * roundPlanner.ts, docExchange.ts (one document both ways), blobPass.ts,
 * statusView.ts.
 */
export class SyncClient {
  private readonly connection: HubConnection;
  private readonly docs: OpenDocuments;
  private docState = new Map<string, { state: DocStatus['state']; message?: string }>();
  private connectionState: ConnectionState = 'offline';
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
  /** A local change arrived while a round ran: push it right after, not at the next idle round. */
  private dirty = false;
  private readonly live: LiveEdits;

  constructor(private readonly options: SyncClientOptions) {
    this.connection = new HubConnection({
      db: options.db,
      ...(options.fetcher ? { fetcher: options.fetcher } : {}),
      ...(options.tokenLifetimeS !== undefined ? { tokenLifetimeS: options.tokenLifetimeS } : {}),
      beforeClose: () => this.docs.closeAll(),
    });
    this.docs = new OpenDocuments(options.db, this.connection, {
      // Between rounds another device's change arrives here; the round writes its own documents to the tables.
      onRemoteUpdate: (name) => {
        if (this.docState.get(name)?.state !== 'syncing') this.live.applySoon(name);
      },
      onAcknowledged: (moved) => {
        if (moved) this.emit();
        this.live.settle();
      },
      onRefused: (hub, name, reason) => {
        // The hub keeps a document it closed on us closed for the life of the socket.
        this.socketStale = true;
        if (this.docState.get(name)?.state !== 'syncing') this.recordRefusal(hub, name, reason);
        this.live.settle();
      },
    });
    this.live = new LiveEdits(options.db, this.docs, { needRound: () => this.nudge(), changed: () => this.emit(), log: (line) => this.log(line) });
  }

  /** Bytes on the wire both ways since the client was made. */
  get bytes(): { sent: number; received: number } {
    return this.connection.bytes;
  }

  /** Resolves once the hub acknowledged every edit sent on open documents (for tests and the benchmark). */
  whenSent(): Promise<void> {
    return this.live.whenSent();
  }

  /** Names of the documents open on the socket now. */
  openDocuments(): string[] {
    return this.docs.names();
  }

  private recordRefusal(hub: string, name: string, reason: string): void {
    const { message, reset } = refusalOf(reason);
    if (this.db.open) setRemoteClock(this.db, hub, name, { state: 'refused', message: reset ? `${message} (reset)` : message });
    this.docState.set(name, { state: 'refused', message });
    if (!this.round) {
      // Between rounds: start over on a fresh socket; a round soon sends what the other open documents had on their way.
      this.connection.close();
      this.socketStale = false;
      this.nudge();
    }
    this.emit();
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

  private emit(): void {
    // The app may be closing its store while a round winds down: nothing left to report then.
    if (!this.db.open) return;
    this.options.onStatus?.(this.status());
  }

  status(): SyncStatus {
    return syncStatusView(this.db, {
      connection: this.connectionState,
      lastError: this.lastError,
      nextAttemptAt: this.nextAttemptAt,
      progress: this.progress,
      blobs: this.blobs,
      docState: this.docState,
    });
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
    this.connection.close();
    this.connectionState = 'offline';
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
          this.connectionState = 'backing-off';
          this.schedule(backoffDelay(this.attempt));
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

  private async runRound(): Promise<RoundResult> {
    const enrolment = getEnrolment(this.db);
    if (!enrolment) throw new GangwayError('UNAUTHORIZED', 'This device is not enrolled with a hub. Enrol it on the Sync page.');
    const hub = enrolment.hub;
    const result: RoundResult = { documents: 0, synced: 0, refused: 0, blobsSent: 0, bytesSent: 0, bytesReceived: 0 };
    const start = { ...this.bytes };
    this.connectionState = 'connecting';
    this.emit();
    try {
      await this.connection.checkHealth(hub);
      const manifest = await this.connection.manifest(hub, manifestClockOf(this.db, hub));
      const plan = planRound(this.db, hub, manifest);
      result.documents = plan.names.length;
      this.progress = { done: 0, total: plan.names.length };
      this.connectionState = 'syncing';
      this.emit();
      let failed: unknown = null;
      const waiting: string[] = [];
      for (const batch of batchesOf(plan.names, this.options.batchSize ?? DEFAULT_BATCH)) {
        const outcomes = await Promise.allSettled(batch.map((n) => this.syncDoc(hub, n, plan.hubClock.get(n) ?? 0)));
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
        this.docs.closeLeastRecent(MAX_OPEN_DOCS);
        this.emit();
      }
      // Audits that arrived before their vessel: the vessel has been applied by now.
      for (const name of waiting) applyDocToTables(this.db, name);
      if (failed) throw failed;
      const sent = await runBlobPass(this.db, this.options.dataDir, hub, this.connection.token, {
        fetcher: this.options.fetcher,
        onProgress: (p) => {
          this.blobs = p;
          this.emit();
        },
      });
      result.blobsSent += sent.blobsSent;
      result.bytesSent += sent.bytesSent;
      // The hub witnesses the evidence log; a failure here is reported, and the sync itself stands.
      await witnessAtHub(this.db, hub, this.connection.token, this.options.fetcher).catch((e) => this.log(`evidence log not witnessed: ${(e as Error).message}`));
      recordRoundDone(this.db, hub, manifest.clock);
      this.lastError = null;
      this.connectionState = 'idle';
      return result;
    } catch (e) {
      this.lastError = (e as Error).message;
      this.connectionState = 'offline';
      recordRoundFailed(this.db, hub, this.lastError);
      this.log(`sync round failed: ${this.lastError}`);
      // Nothing stays open on a hub that failed us; the next round opens what it needs.
      this.socketStale = true;
      throw e;
    } finally {
      result.bytesSent += this.bytes.sent - start.sent;
      result.bytesReceived = this.bytes.received - start.received;
      if (this.socketStale) {
        this.connection.close();
        this.socketStale = false;
      }
      this.emit();
    }
  }

  /** One document both ways in this round; its state shows 'syncing' meanwhile. */
  private async syncDoc(hub: string, name: string, hubClock: number): Promise<ExchangeOutcome> {
    return exchangeDoc(this.db, this.docs, hub, name, hubClock, {
      timeoutMs: this.options.docTimeoutMs,
      onStart: () => this.docState.set(name, { state: 'syncing' }),
      onDone: () => this.docState.delete(name),
      onRefused: (reason) => this.recordRefusal(hub, name, reason),
    });
  }
}
