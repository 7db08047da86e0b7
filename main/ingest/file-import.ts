import fs from 'node:fs';
import path from 'node:path';
import type { ImportResult } from '../../shared/api/methods/ingest';
import { GangwayError } from '../../shared/errors';
import { loggerPrefix } from '../../shared/nmea/logger-prefix';
import { gzipDamage, isGzip, readFileLines, sha256File } from '../../native/file/file-lines';
import type { Db } from '../store/database';
import { endSession, getFile, getSession, openSession, recordFile } from '../store/repos/marine-sessions';
import type { IngestBatcher } from './batcher';
import type { LiveStats } from './live-stats';
import { PipelineStateSchema, SessionPipeline, type PipelineState } from './session-pipeline';

export interface ImportProgress {
  bytesRead: number;
  totalBytes: number;
  lines: number;
}

/**
 * How many of the first lines must be NMEA before we call a file a log. A log opens
 * mid-sentence sometimes, so one bad first line is not enough to refuse it.
 */
const SNIFF_LINES = 50;

/** Files being imported right now, per database: the same file twice at once would add its lines twice. */
const inProgress = new WeakMap<Db, Set<string>>();

/**
 * Imports a plain or gzip NMEA/AIS log. The file's SHA-256 is its identity: a file
 * imported to the end adds nothing the second time, and an import cut short (crash,
 * closed laptop) resumes at the byte offset of its last committed batch, because the
 * offset is written in the same transaction as the rows (see IngestBatcher).
 */
export async function importFile(
  db: Db,
  batcher: IngestBatcher,
  stats: LiveStats,
  filePath: string,
  onProgress?: (p: ImportProgress) => void,
): Promise<ImportResult> {
  const abs = path.resolve(filePath);
  let size: number;
  try {
    const st = fs.statSync(abs);
    if (!st.isFile()) throw new Error('not a file');
    size = st.size;
  } catch {
    throw new GangwayError('IMPORT', `There is no file ${abs} to import. Check the path.`);
  }
  const sha256 = await sha256File(abs);
  const busy = inProgress.get(db) ?? new Set<string>();
  inProgress.set(db, busy);
  if (busy.has(sha256)) throw new GangwayError('CONFLICT', `${path.basename(abs)} is already being imported. Wait for that import to finish.`);
  busy.add(sha256);
  try {
    return await importKnownFile(db, batcher, stats, abs, size, sha256, onProgress);
  } finally {
    busy.delete(sha256);
  }
}

async function importKnownFile(
  db: Db,
  batcher: IngestBatcher,
  stats: LiveStats,
  abs: string,
  size: number,
  sha256: string,
  onProgress?: (p: ImportProgress) => void,
): Promise<ImportResult> {
  const known = getFile(db, sha256);
  if (known?.complete && known.sessionId !== null) {
    const s = getSession(db, known.sessionId);
    return { sha256, sessionId: known.sessionId, alreadyImported: true, resumedFrom: known.committedOffset, lines: s?.lines ?? 0, accepted: s?.accepted ?? 0, rejected: s?.rejected ?? 0 };
  }
  const gzip = isGzip(abs);
  const sessionId = known?.sessionId ?? openSession(db, { id: `file:${sha256.slice(0, 16)}`, kind: 'file', label: path.basename(abs) });
  if (!known) recordFile(db, { sha256, path: abs, size, gzip, sessionId });
  const resumedFrom = known?.committedOffset ?? 0;

  const pipeline = new SessionPipeline(sessionId, batcher, stats, resumeState(known?.resumeState ?? null), { fromLog: true });
  let lines = 0;
  let nmeaSeen = 0;
  /** The offset just past the last line given to the pipeline: with its state, where a commit lets a later import resume. */
  let at = resumedFrom;
  let done = false;
  batcher.trackFile(sha256, () => ({ offset: at, state: JSON.stringify(pipeline.snapshot()), complete: done }));
  // A commit the store refuses (disk full) loses its rows: stop there, so no later commit moves the offset past them.
  const failuresBefore = batcher.failures;
  const storeOk = () => {
    if (batcher.failures !== failuresBefore) throw storeFailed(abs, batcher.lastFailure);
  };
  // The first lines wait until we know the file is a log, so a wrong file adds nothing.
  let held: { line: string; end: number }[] | null = resumedFrom === 0 ? [] : null;
  const take = (line: string, end: number) => {
    at = end;
    pipeline.line(line, Date.now());
    lines++;
    storeOk();
  };
  const release = () => {
    if (held && nmeaSeen === 0) throw notNmea(abs);
    for (const h of held ?? []) take(h.line, h.end);
    held = null;
  };
  try {
    try {
      for await (const chunk of readFileLines(abs, {
        fromOffset: resumedFrom,
        onProgress: (p) => onProgress?.({ ...p, lines }),
      })) {
        storeOk();
        for (const { line, offset } of chunk) {
          const end = offset + Buffer.byteLength(line, 'latin1') + 1;
          if (held) {
            if (/^(\\[^\\]*\\)?[$!]/.test(line) || loggerPrefix(line)) nmeaSeen++;
            held.push({ line, end });
            if (held.length === SNIFF_LINES) release();
            continue;
          }
          // Comment lines are common in shared logs (# Source: …): they are archived and counted as not_nmea.
          take(line, end);
        }
      }
      if (held && held.length > 0) release();
      // The file's end: the epoch still open is stored, fragments still waiting are counted, and the file is
      // marked complete in that same commit, so a crash cannot count them twice.
      pipeline.finish();
      done = true;
      if (!batcher.flush()) throw storeFailed(abs, batcher.lastFailure);
    } catch (e) {
      done = false;
      if (batcher.failures === failuresBefore) batcher.flush();
      const message = e instanceof GangwayError ? e.message : readFailed(abs, lines, gzip, e);
      try {
        endSession(db, sessionId, Date.now(), message);
      } catch {
        // The store that refused the rows may refuse this note too; the error still reaches the caller.
      }
      if (e instanceof GangwayError) throw e;
      throw new GangwayError('IMPORT', message, undefined, { cause: e });
    }
  } finally {
    batcher.untrackFile(sha256);
  }
  endSession(db, sessionId);
  const s = getSession(db, sessionId);
  return { sha256, sessionId, alreadyImported: false, resumedFrom, lines: s?.lines ?? lines, accepted: s?.accepted ?? 0, rejected: s?.rejected ?? 0 };
}

/** The state committed with the offset; one that does not parse (an older Gangway, a damaged row) means starting fresh there. */
function resumeState(json: string | null): PipelineState | undefined {
  if (json === null) return undefined;
  try {
    const r = PipelineStateSchema.safeParse(JSON.parse(json));
    return r.success ? r.data : undefined;
  } catch {
    return undefined;
  }
}

function readFailed(abs: string, lines: number, gzip: boolean, e: unknown): string {
  const damage = gzip ? gzipDamage(e) : undefined;
  if (damage !== undefined) return `In ${abs}, ${damage} after ${lines} lines; those lines were imported. Import a complete copy of the log to add the rest.`;
  const gz = gzip ? ' The gzip data may be damaged.' : '';
  return `Reading ${abs} failed after ${lines} lines: ${(e as Error).message}.${gz} Importing it again continues where it stopped.`;
}

function storeFailed(abs: string, e: unknown): GangwayError {
  const why = e instanceof Error ? e.message : String(e);
  return new GangwayError(
    'STORE_READONLY',
    `Lines of ${path.basename(abs)} could not be saved (${why}). Free disk space and import the file again; it continues where the last saved line ended.`,
    undefined,
    { cause: e },
  );
}

function notNmea(file: string): GangwayError {
  return new GangwayError('IMPORT', `${path.basename(file)} does not look like an NMEA or AIS log: none of its first ${SNIFF_LINES} lines starts with $ or !. Nothing was imported.`);
}
