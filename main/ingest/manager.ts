import type { ImportResult, IngestStatus, NearbyVessel, SourceInfo, SourceSpec } from '../../shared/api/methods/ingest';
import type { EventName, EventPayload } from '../../shared/api/events';
import { GangwayError } from '../../shared/errors';
import type { EnvironmentReading } from '../../native/ble/environment-source';
import type { LineSource, SourceState } from '../../native/source';
import type { Store } from '../store/database';
import { lastOwnFix, nearbyVessels } from '../store/repos/marine-queries';
import { createMarineWriter } from '../store/repos/marine-writer';
import { endSession, noteSessionError, openSession } from '../store/repos/marine-sessions';
import { IngestBatcher, type BatcherOptions } from './batcher';
import { importFile, type ImportProgress } from './file-import';
import { LiveStats } from './live-stats';
import { createSource, sourceIdFor } from './open-source';
import { SessionPipeline } from './session-pipeline';
import { recordGnssTime } from '../evidence-log/gnss-clock';

type Emit = <K extends EventName>(event: K, payload: EventPayload<K>) => void;

interface Running {
  source: LineSource;
  pipeline: SessionPipeline;
  detail: string | undefined;
  lines: number;
  outages: number;
  place: string;
}

/** How often the live view is told the status while anything is open: once a second reads as "live". */
const STATUS_EVERY_MS = 1000;

/**
 * Owns the open sources of one store: each gets an ingest session and a pipeline;
 * all share one batcher so a commit holds everything that arrived together. A source
 * that fails or vanishes changes its own state only; the others keep running.
 */
export class IngestManager {
  readonly stats = new LiveStats();
  readonly batcher: IngestBatcher;
  private readonly running = new Map<string, Running>();
  private readonly closed = new Map<string, SourceInfo>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly store: Store,
    private readonly emit: Emit = () => undefined,
    batch: BatcherOptions = {},
    private readonly makeSource: typeof createSource = createSource,
  ) {
    this.batcher = new IngestBatcher(createMarineWriter(store.db), { onError: (e) => this.storeFailed(e), ...batch });
    this.stats.lastFix = lastOwnFix(store.db);
  }

  async open(spec: SourceSpec): Promise<SourceInfo> {
    const id = sourceIdFor(spec);
    const existing = this.running.get(id);
    if (existing) return this.info(existing);
    const place = spec.kind === 'ble' ? spec.place : '';
    // Readings can only arrive after start(), by which time `r` below exists.
    const holder: { run?: Running } = {};
    const source = this.makeSource(spec, (reading) => holder.run && this.reading(holder.run, reading));
    const sessionId = openSession(this.store.db, source);
    const pipeline = new SessionPipeline(sessionId, this.batcher, this.stats);
    const r: Running = { source, pipeline, detail: undefined, lines: 0, outages: 0, place };
    holder.run = r;
    source.on('line', (l) => {
      r.lines++;
      pipeline.line(l.line, l.receivedAt);
    });
    source.on('outage', (o) => {
      r.outages++;
      this.batcher.outage({ sessionId, from: o.from, to: o.to, reason: o.reason });
    });
    source.on('state', (_s: SourceState, detail?: string) => {
      r.detail = detail;
      this.publish();
    });
    source.on('problem', (e) => {
      r.detail = e.message;
      if (this.store.db.open) noteSessionError(this.store.db, sessionId, e.message);
    });
    this.running.set(id, r);
    this.closed.delete(id);
    try {
      await source.start();
    } catch (e) {
      this.running.delete(id);
      pipeline.finish();
      this.batcher.flush();
      const message = (e as Error).message;
      endSession(this.store.db, sessionId, Date.now(), message);
      this.closed.set(id, { ...this.info(r), state: 'failed', detail: message });
      this.publish();
      throw e instanceof GangwayError ? e : new GangwayError('DEVICE', message, undefined, { cause: e });
    }
    this.ensureTimer();
    this.publish();
    return this.info(r);
  }

  async close(id: string): Promise<SourceInfo> {
    const r = this.running.get(id);
    if (!r) {
      const known = this.closed.get(id);
      if (known) return known;
      throw new GangwayError('NOT_FOUND', `No source "${id}" is open.`);
    }
    await r.source.stop();
    this.running.delete(id);
    r.pipeline.finish();
    this.batcher.flush();
    endSession(this.store.db, r.pipeline.sessionId);
    const info = this.info(r);
    this.closed.set(id, info);
    if (this.running.size === 0) this.stopTimer();
    this.publish();
    return info;
  }

  sources(): SourceInfo[] {
    return [...[...this.running.values()].map((r) => this.info(r)), ...this.closed.values()];
  }

  status(): IngestStatus {
    const now = Date.now();
    return {
      at: now,
      sources: this.sources(),
      messagesPerSecond: this.stats.rate(now),
      lines: this.stats.lines,
      rejected: this.stats.rejected,
      rejects: Object.fromEntries(this.stats.rejects),
      lastFix: this.stats.lastFix,
    };
  }

  nearby(sinceMinutes: number, limit: number): NearbyVessel[] {
    this.batcher.flush();
    return nearbyVessels(this.store.db, Date.now() - sinceMinutes * 60_000, this.stats.lastFix, limit);
  }

  importFile(path: string, onProgress?: (p: ImportProgress) => void): Promise<ImportResult> {
    return importFile(this.store.db, this.batcher, this.stats, path, onProgress);
  }

  /** Closes every source and commits what is waiting (app quit, tests). */
  async shutdown(): Promise<void> {
    for (const id of [...this.running.keys()]) await this.close(id);
    this.stopTimer();
    this.batcher.flush();
  }

  private reading(r: Running, reading: EnvironmentReading): void {
    const fix = this.stats.lastFix;
    // A position older than an hour says little about where a reading was taken.
    const fresh = fix && Math.abs(reading.at - fix.t) < 3_600_000 ? fix : null;
    this.batcher.delta(r.pipeline.sessionId).readings++;
    this.batcher.reading({
      sessionId: r.pipeline.sessionId,
      t: reading.at,
      sensor: reading.sensor,
      place: r.place,
      quantity: reading.quantity,
      value: reading.value,
      unit: reading.unit,
      lat: fresh?.lat ?? null,
      lon: fresh?.lon ?? null,
    });
  }

  private info(r: Running): SourceInfo {
    const s = r.source;
    const out: SourceInfo = {
      id: s.id,
      kind: s.kind,
      label: s.label,
      state: s.state,
      sessionId: r.pipeline.sessionId,
      lines: r.lines,
      rejected: r.pipeline.rejected,
      outages: r.outages,
    };
    if (r.detail) out.detail = r.detail;
    return out;
  }

  private storeFailed(e: unknown): void {
    const message = `Gangway could not save incoming data: ${(e as Error).message}. Free disk space; the sources stay open.`;
    for (const r of this.running.values()) r.detail = message;
    this.publish();
  }

  private publish(): void {
    this.emit('ingest.status', this.status());
  }

  private gnssNoted: number | null = null;

  /** The evidence log's GNSS clock follows the live receiver (main/evidence-log/gnss-clock.ts). */
  private noteGnssTime(): void {
    const t = this.stats.lastLiveFixT;
    if (t === null || t === this.gnssNoted || !this.store.db.open) return;
    this.gnssNoted = t;
    recordGnssTime(this.store.db, t);
  }

  private ensureTimer(): void {
    if (this.timer) return;
    this.timer = setInterval(() => {
      this.publish();
      this.noteGnssTime();
    }, STATUS_EVERY_MS);
    this.timer.unref();
  }

  private stopTimer(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }
}
