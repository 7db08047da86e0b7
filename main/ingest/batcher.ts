import { createHash } from 'node:crypto';
import zlib from 'node:zlib';
import type { MarineWriter } from '../store/repos/marine-writer';
import { emptyBatch, emptyDelta, type AisPositionRow, type FileCheckpoint, type AisStaticRow, type MarineBatch, type OutageRow, type OwnPositionRow, type ReadingRow, type SessionDelta } from '../store/repos/marine-rows';

export interface BatcherOptions {
  /** Commit once this many rows (lines + positions + readings) are waiting. */
  maxRows?: number;
  /** Commit at most this long after the first row of a batch arrived: the most a crash can lose. */
  maxMs?: number;
  onError?: (e: unknown) => void;
}

interface OpenChunk {
  parts: string[];
  firstAt: number;
  lastAt: number;
}

/**
 * Collects what the sources deliver and commits it in time- and size-bounded
 * transactions: at most `maxMs` (500 ms) or `maxRows` (5000) of data is ever
 * uncommitted, and every commit is whole (positions, archive, counters and the
 * file offset together). A commit never splits a line: rows that fill a batch in
 * the middle of a line wait for its end (`lineStart`/`lineEnd`), so a file's
 * checkpoint always sits between lines, with every row of the lines before it.
 */
export class IngestBatcher {
  private batch: MarineBatch = emptyBatch();
  private chunks = new Map<number, OpenChunk>();
  private rows = 0;
  private timer: NodeJS.Timeout | undefined;
  private readonly maxRows: number;
  private readonly maxMs: number;
  /** Lines being processed (nested sources never overlap, but a count is as cheap as a flag). */
  private inLine = 0;
  private readonly files = new Map<string, () => FileCheckpoint>();
  /** Commits the store refused so far; a file import stops at the first so its offset never passes lost rows. */
  failures = 0;
  lastFailure: unknown;

  constructor(
    private readonly writer: MarineWriter,
    private readonly options: BatcherOptions = {},
  ) {
    this.maxRows = options.maxRows ?? 5000;
    this.maxMs = options.maxMs ?? 500;
  }

  delta(sessionId: number): SessionDelta {
    let d = this.batch.sessions.get(sessionId);
    if (!d) {
      d = emptyDelta();
      this.batch.sessions.set(sessionId, d);
    }
    return d;
  }

  /** Every line goes to the evidence archive exactly as received, with its receive time. */
  archive(sessionId: number, line: string, at: number): void {
    let c = this.chunks.get(sessionId);
    if (!c) {
      c = { parts: [], firstAt: at, lastAt: at };
      this.chunks.set(sessionId, c);
    }
    c.parts.push(`${at}\t${line}`);
    if (at > c.lastAt) c.lastAt = at;
    if (at < c.firstAt) c.firstAt = at;
    this.added();
  }

  own(row: OwnPositionRow): void {
    this.batch.own.push(row);
    this.added();
  }
  ais(row: AisPositionRow): void {
    this.batch.ais.push(row);
    this.added();
  }
  static(row: AisStaticRow): void {
    this.batch.statics.push(row);
    this.added();
  }
  reading(row: ReadingRow): void {
    this.batch.readings.push(row);
    this.added();
  }
  outage(row: OutageRow): void {
    this.batch.outages.push(row);
    this.added();
  }
  fileOffset(sha256: string, offset: number): void {
    this.batch.fileOffsets.set(sha256, { offset, state: null });
  }

  /**
   * A file being imported: every commit asks it where it stands (the offset just
   * past its last line, and the pipeline's state there), so that checkpoint is
   * written with exactly the rows of the lines before it.
   */
  trackFile(sha256: string, checkpoint: () => FileCheckpoint): void {
    this.files.set(sha256, checkpoint);
  }

  untrackFile(sha256: string): void {
    this.files.delete(sha256);
  }

  /** Rows added between these two go into one commit: a batch that fills mid-line commits at the line's end. */
  lineStart(): void {
    this.inLine++;
  }

  lineEnd(): void {
    if (--this.inLine === 0 && this.rows >= this.maxRows) this.flush();
  }

  /** Commits what is waiting; returns false when the store refused it (the error went to onError). */
  flush(): boolean {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.rows === 0 && this.batch.sessions.size === 0 && this.batch.fileOffsets.size === 0) return true;
    const batch = this.batch;
    for (const [sha, checkpoint] of this.files) batch.fileOffsets.set(sha, checkpoint());
    for (const [sessionId, c] of this.chunks) batch.chunks.push(compressChunk(sessionId, c));
    this.batch = emptyBatch();
    this.chunks = new Map();
    this.rows = 0;
    try {
      this.writer.write(batch);
      return true;
    } catch (e) {
      this.failures++;
      this.lastFailure = e;
      this.options.onError?.(e);
      return false;
    }
  }

  private added(): void {
    this.rows++;
    if (this.rows >= this.maxRows) {
      if (this.inLine === 0) this.flush();
    } else if (!this.timer) this.timer = setTimeout(() => this.flush(), this.maxMs);
  }
}

/** One archive chunk: gzip of "<ms>\t<line>\n" lines; the hash is over the uncompressed text so it can be checked after decompression. */
export function compressChunk(sessionId: number, c: OpenChunk) {
  const text = Buffer.from(c.parts.join('\n') + '\n', 'latin1');
  return {
    sessionId,
    firstAt: c.firstAt,
    lastAt: c.lastAt,
    lineCount: c.parts.length,
    sha256: createHash('sha256').update(text).digest('hex'),
    // Level 1: the archive is written at line rate; the ratio on NMEA text is still ~4:1.
    data: zlib.gzipSync(text, { level: 1 }),
  };
}
