import type { OwnFix } from '../../shared/api/methods/ingest';

/** The rate is averaged over this many seconds: long enough to smooth a 1 Hz GPS, short enough to show a pulled cable. */
const WINDOW_S = 5;

/** Counters for the live view, kept in memory (the store has the durable ones per session). */
export class LiveStats {
  lines = 0;
  rejected = 0;
  readonly rejects = new Map<string, number>();
  lastFix: OwnFix | null = null;
  /** The GNSS time of the newest fix from a live receiver (never from an imported file). */
  lastLiveFixT: number | null = null;
  private readonly buckets = new Array<number>(WINDOW_S + 1).fill(0);
  private bucketSecond = 0;

  countLine(at = Date.now()): void {
    this.lines++;
    this.roll(at);
    this.buckets[this.bucketSecond % this.buckets.length]!++;
  }

  countReject(reason: string, n = 1): void {
    this.rejected += n;
    this.rejects.set(reason, (this.rejects.get(reason) ?? 0) + n);
  }

  /** Lines per second over the last WINDOW_S whole seconds. */
  rate(at = Date.now()): number {
    this.roll(at);
    let sum = 0;
    for (let i = 1; i <= WINDOW_S; i++) sum += this.buckets[(this.bucketSecond - i + this.buckets.length * 2) % this.buckets.length]!;
    return sum / WINDOW_S;
  }

  private roll(at: number): void {
    const second = Math.floor(at / 1000);
    if (second === this.bucketSecond) return;
    const steps = Math.min(second - this.bucketSecond, this.buckets.length);
    for (let i = 1; i <= steps; i++) this.buckets[(this.bucketSecond + i) % this.buckets.length] = 0;
    this.bucketSecond = second;
  }
}
