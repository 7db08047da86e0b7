import fs from 'node:fs';
import path from 'node:path';
import type { ImportResult } from '../../shared/api/methods/ingest';
import { GangwayError } from '../../shared/errors';
import { isGzip, readFileLines, sha256File } from '../../native/file/file-lines';
import type { Db } from '../store/database';
import { completeFile, endSession, getFile, getSession, openSession, recordFile } from '../store/repos/marine-sessions';
import type { IngestBatcher } from './batcher';
import type { LiveStats } from './live-stats';
import { SessionPipeline } from './session-pipeline';

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

  const pipeline = new SessionPipeline(sessionId, batcher, stats);
  let lines = 0;
  let nmeaSeen = 0;
  // The first lines wait until we know the file is a log, so a wrong file adds nothing.
  let held: { line: string; end: number }[] | null = resumedFrom === 0 ? [] : null;
  const take = (line: string, end: number) => {
    pipeline.line(line, Date.now());
    lines++;
    batcher.fileOffset(sha256, end);
  };
  const release = () => {
    if (held && nmeaSeen === 0) throw notNmea(abs);
    for (const h of held ?? []) take(h.line, h.end);
    held = null;
  };
  try {
    for await (const chunk of readFileLines(abs, {
      fromOffset: resumedFrom,
      onProgress: (p) => onProgress?.({ ...p, lines }),
    })) {
      for (const { line, offset } of chunk) {
        const end = offset + Buffer.byteLength(line, 'latin1') + 1;
        if (held) {
          if (/^(\\[^\\]*\\)?[$!]/.test(line)) nmeaSeen++;
          held.push({ line, end });
          if (held.length === SNIFF_LINES) release();
          continue;
        }
        // Comment lines are common in shared logs (# Source: …): they are archived and counted as not_nmea.
        take(line, end);
      }
    }
    if (held && held.length > 0) release();
  } catch (e) {
    batcher.flush();
    endSession(db, sessionId, Date.now(), (e as Error).message);
    if (e instanceof GangwayError) throw e;
    const gz = gzip ? ' The gzip data may be damaged.' : '';
    throw new GangwayError('IMPORT', `Reading ${abs} failed after ${lines} lines: ${(e as Error).message}.${gz} Importing it again continues where it stopped.`, undefined, { cause: e });
  }
  if (!batcher.flush()) throw new GangwayError('STORE_READONLY', `The last lines of ${abs} could not be saved. Free disk space and import the file again; it continues where it stopped.`);
  completeFile(db, sha256);
  endSession(db, sessionId);
  const s = getSession(db, sessionId);
  return { sha256, sessionId, alreadyImported: false, resumedFrom, lines: s?.lines ?? lines, accepted: s?.accepted ?? 0, rejected: s?.rejected ?? 0 };
}

function notNmea(file: string): GangwayError {
  return new GangwayError('IMPORT', `${path.basename(file)} does not look like an NMEA or AIS log: none of its first ${SNIFF_LINES} lines starts with $ or !. Nothing was imported.`);
}
