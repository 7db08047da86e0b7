import { EventEmitter } from 'node:events';
import { z } from 'zod';

/** Every source, whatever its wire, hands the pipeline the same thing: one text line. */
export const SourceLine = z.object({
  line: z.string(),
  /** Milliseconds since the epoch, taken when the line's last byte arrived. */
  receivedAt: z.number(),
  sourceId: z.string(),
});
export type SourceLine = z.infer<typeof SourceLine>;

export const SourceKind = z.enum(['serial', 'tcp', 'udp', 'file', 'ble']);
export type SourceKind = z.infer<typeof SourceKind>;

export const SourceState = z.enum(['connecting', 'open', 'reconnecting', 'closed', 'failed']);
export type SourceState = z.infer<typeof SourceState>;

/** A stretch of time the source could not deliver: kept with the session as evidence of gaps. */
export const Outage = z.object({
  from: z.number(),
  to: z.number().nullable(),
  reason: z.string(),
});
export type Outage = z.infer<typeof Outage>;

export interface SourceEvents {
  line: [SourceLine];
  state: [SourceState, string | undefined];
  outage: [Outage];
  /** A problem for a person to read; the source keeps trying unless its state is 'failed'. */
  problem: [Error];
}

/** What the ingest manager needs from any source. */
export interface LineSource {
  readonly id: string;
  readonly kind: SourceKind;
  readonly label: string;
  readonly state: SourceState;
  start(): Promise<void>;
  stop(): Promise<void>;
  on<E extends keyof SourceEvents>(event: E, listener: (...args: SourceEvents[E]) => void): this;
  off<E extends keyof SourceEvents>(event: E, listener: (...args: SourceEvents[E]) => void): this;
}

/** Shared bookkeeping: state changes and outage start/end, so each wire only says what happened. */
export abstract class SourceBase extends EventEmitter<SourceEvents> implements LineSource {
  abstract readonly kind: SourceKind;
  private current: SourceState = 'closed';
  private currentDetail: string | undefined;
  private openOutage: { from: number; reason: string } | null = null;

  constructor(
    readonly id: string,
    readonly label: string,
  ) {
    super();
  }

  get state(): SourceState {
    return this.current;
  }

  abstract start(): Promise<void>;
  abstract stop(): Promise<void>;

  /** Tells listeners when the state or its detail ("listening at 38400 baud") changes. */
  protected setState(state: SourceState, detail?: string): void {
    if (state === this.current && detail === this.currentDetail) return;
    this.current = state;
    this.currentDetail = detail;
    this.emit('state', state, detail);
  }

  protected emitLine(line: string, receivedAt = Date.now()): void {
    this.emit('line', { line, receivedAt, sourceId: this.id });
  }

  /** Called when data stops arriving for a reason; only the first call of an outage counts. */
  protected beginOutage(reason: string, at = Date.now()): void {
    if (this.openOutage) return;
    this.openOutage = { from: at, reason };
  }

  /** Called when data flows again: the outage becomes a record. */
  protected endOutage(at = Date.now()): void {
    if (!this.openOutage) return;
    const outage = { from: this.openOutage.from, to: at, reason: this.openOutage.reason };
    this.openOutage = null;
    this.emit('outage', outage);
  }

  /** On stop, an unfinished outage is still recorded, open-ended. */
  protected flushOutage(): void {
    if (!this.openOutage) return;
    const outage = { from: this.openOutage.from, to: null, reason: this.openOutage.reason };
    this.openOutage = null;
    this.emit('outage', outage);
  }

  protected problem(error: Error): void {
    // An EventEmitter throws on an unheard 'error'; a problem is reported, never thrown.
    if (this.listenerCount('problem') > 0) this.emit('problem', error);
  }
}
