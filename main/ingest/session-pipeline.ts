import { z } from 'zod';
import { DecoderStateSchema } from '../../shared/nmea/decoder-state';
import { RejectReason } from '../../shared/nmea/reject';
import type { OwnPositionRow } from '../store/repos/marine-rows';
import type { IngestBatcher } from './batcher';
import { LineDecoder } from './line-decoder';
import type { LiveStats } from './live-stats';

/**
 * Lines travel as latin1 so the archive keeps their exact bytes; an example shown to a
 * person reads better as UTF-8 when it is valid UTF-8 (a log's comment in Cyrillic, say).
 */
function readable(latin1: string): string {
  const utf8 = Buffer.from(latin1, 'latin1').toString('utf8');
  return utf8.includes('\uFFFD') ? latin1 : utf8;
}

const OwnRowSchema = z.object({
  sessionId: z.number().int(),
  t: z.number(),
  lat: z.number(),
  lon: z.number(),
  sogKn: z.number().nullable(),
  cogDeg: z.number().nullable(),
  headingDeg: z.number().nullable(),
  quality: z.string().nullable(),
  satellites: z.number().nullable(),
  hdop: z.number().nullable(),
});

/** What a pipeline knows beyond the line in hand: its decoder's state and the fix of the epoch still open. */
export const PipelineStateSchema = z.object({ decoder: DecoderStateSchema, open: OwnRowSchema.nullable(), clock: z.number().nullable().default(null) });
export type PipelineState = z.infer<typeof PipelineStateSchema>;

/** Keep the first example of each reject reason short: it is shown to a person, not replayed. */
const EXAMPLE_MAX = 120;
const REASONS = RejectReason.options;

/**
 * The path of one line of one session: archive it, decode it, count it, and hand
 * what it carried to the batcher. Counting follows the codec's own counters, so every
 * line is counted exactly once: accepted (a fix, or a sentence of a decoded AIS
 * message), ignored (valid but unused, like GSV), rejected with a reason, or still
 * pending as an AIS fragment (counted `incomplete` if its message never completes).
 * Nothing here throws on bad input.
 */
export class SessionPipeline {
  private readonly decoder: LineDecoder;
  private readonly seen: Record<string, number> = {};
  private ignoredSeen = 0;
  /** Lines of this session rejected so far (for the source list). */
  rejected = 0;
  /**
   * RMC, GGA and GLL of one epoch describe one position: the later ones fill gaps
   * instead of adding rows. The epoch's row is stored once the next epoch begins (or
   * the source closes), so no sentence of it is lost to a commit in between.
   */
  private lastRow: OwnPositionRow | undefined;
  private readonly live: boolean;

  constructor(
    readonly sessionId: number,
    private readonly batcher: IngestBatcher,
    private readonly stats: LiveStats,
    resume?: PipelineState,
    options: { fromLog?: boolean } = {},
  ) {
    for (const r of REASONS) this.seen[r] = 0;
    this.live = !options.fromLog;
    this.decoder = new LineDecoder(resume?.decoder, { fromLog: options.fromLog, clock: resume?.clock });
    if (resume?.open) this.lastRow = { ...resume.open, sessionId };
  }

  /** Where this pipeline stands, as plain data a later pipeline can continue from. */
  snapshot(): PipelineState {
    return { decoder: this.decoder.codec.snapshot(), open: this.lastRow ? { ...this.lastRow } : null, clock: this.decoder.clock ?? null };
  }

  line(line: string, receivedAt: number): void {
    this.batcher.lineStart();
    this.decodeLine(line, receivedAt);
    this.batcher.lineEnd();
  }

  private decodeLine(line: string, receivedAt: number): void {
    const { sessionId, batcher, stats } = this;
    batcher.archive(sessionId, line, receivedAt);
    stats.countLine(receivedAt);
    const d = batcher.delta(sessionId);
    d.lines++;
    const out = this.decoder.decode(line, receivedAt);
    this.countRejects(line);
    if (out.kind === 'none') {
      const ignored = this.decoder.codec.counts.ignored;
      if (ignored !== this.ignoredSeen) {
        d.ignored += ignored - this.ignoredSeen;
        this.ignoredSeen = ignored;
      }
      return;
    }
    if (out.kind === 'ais') {
      if (out.undated && !out.static) {
        this.reject(d, 'undated', out.lines, line);
        return;
      }
      d.accepted += out.lines;
      if (out.static) batcher.static(out.static);
      const p = out.position;
      if (!p) return;
      if (out.own) {
        this.own({ sessionId, t: p.t, lat: p.lat, lon: p.lon, sogKn: p.sogKn, cogDeg: p.cogDeg, headingDeg: p.headingDeg, quality: null, satellites: null, hdop: null });
        return;
      }
      d.aisPositions++;
      batcher.ais({ sessionId, ...p });
      return;
    }
    const f = out.fix;
    const t = out.t;
    if (t === undefined && f.lat !== undefined && f.lon !== undefined && f.valid !== false) {
      this.reject(d, 'undated', 1, line);
      return;
    }
    d.accepted++;
    if (t === undefined || f.lat === undefined || f.lon === undefined || f.valid === false) return;
    this.own({
      sessionId,
      t,
      lat: f.lat,
      lon: f.lon,
      sogKn: f.speedKn ?? null,
      cogDeg: f.courseDeg ?? null,
      headingDeg: f.headingDeg ?? null,
      quality: f.quality ?? null,
      satellites: f.satellites ?? null,
      hdop: f.hdop ?? null,
    });
  }

  /** When the source closes, fragments still waiting will never complete. */
  finish(): void {
    if (this.lastRow) this.store(this.lastRow);
    this.lastRow = undefined;
    const pending = this.decoder.codec.pendingFragments;
    if (pending === 0) return;
    const d = this.batcher.delta(this.sessionId);
    this.reject(d, 'incomplete', pending, '(fragments still waiting when the source closed)');
  }

  private own(row: OwnPositionRow): void {
    const last = this.lastRow;
    if (last && last.t === row.t && Math.abs(last.lat - row.lat) < 1e-6 && Math.abs(last.lon - row.lon) < 1e-6) {
      last.sogKn ??= row.sogKn;
      last.cogDeg ??= row.cogDeg;
      last.headingDeg ??= row.headingDeg;
      last.quality ??= row.quality;
      last.satellites ??= row.satellites;
      last.hdop ??= row.hdop;
      return;
    }
    if (last) this.store(last);
    this.lastRow = row;
    const fix = this.stats.lastFix;
    if (!fix || row.t >= fix.t) this.stats.lastFix = { t: row.t, lat: row.lat, lon: row.lon, sogKn: row.sogKn, cogDeg: row.cogDeg };
    if (this.live) this.stats.lastLiveFixT = row.t;
  }

  private store(row: OwnPositionRow): void {
    this.batcher.delta(this.sessionId).ownPositions++;
    this.batcher.own(row);
  }

  /** Rejects come from the codec's counters; a multi-part message can reject several lines at once. */
  private countRejects(line: string): void {
    const counts = this.decoder.codec.counts.rejects;
    for (const r of REASONS) {
      const n = counts[r];
      if (n === this.seen[r]) continue;
      const delta = n - this.seen[r]!;
      this.seen[r] = n;
      this.reject(this.batcher.delta(this.sessionId), r, delta, r === 'incomplete' ? '(fragments of an AIS message that never completed)' : line);
    }
  }

  private reject(d: ReturnType<IngestBatcher['delta']>, reason: string, n: number, example: string): void {
    d.rejected += n;
    this.rejected += n;
    this.stats.countReject(reason, n);
    const r = d.rejects.get(reason);
    if (r) r.count += n;
    else d.rejects.set(reason, { count: n, example: readable(example.slice(0, EXAMPLE_MAX)) });
  }
}
