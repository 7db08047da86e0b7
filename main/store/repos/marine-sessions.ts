import type { IngestSession } from '../../../shared/api/methods/ingest';
import type { SourceKind } from '../../../native/source';
import type { Db } from '../database';

interface SessionRow {
  id: number;
  source_id: string;
  source_kind: SourceKind;
  label: string;
  started_at: number;
  ended_at: number | null;
  lines: number;
  accepted: number;
  ignored: number;
  rejected: number;
  own_positions: number;
  ais_positions: number;
  readings: number;
  last_error: string | null;
}

export function openSession(db: Db, source: { id: string; kind: SourceKind; label: string }, at = Date.now()): number {
  const r = db.prepare('INSERT INTO ingest_sessions (source_id, source_kind, label, started_at) VALUES (?, ?, ?, ?)').run(source.id, source.kind, source.label, at);
  return Number(r.lastInsertRowid);
}

export function endSession(db: Db, id: number, at = Date.now(), error?: string): void {
  db.prepare('UPDATE ingest_sessions SET ended_at = ?, last_error = coalesce(?, last_error) WHERE id = ?').run(at, error ?? null, id);
}

export function noteSessionError(db: Db, id: number, error: string): void {
  db.prepare('UPDATE ingest_sessions SET last_error = ? WHERE id = ?').run(error, id);
}

function toSession(db: Db, r: SessionRow): IngestSession {
  const rejects = db.prepare('SELECT reason, count, example FROM ingest_rejects WHERE session_id = ? ORDER BY count DESC').all(r.id) as IngestSession['rejects'];
  const outages = db
    .prepare('SELECT started_at AS "from", ended_at AS "to", reason FROM ingest_outages WHERE session_id = ? ORDER BY started_at')
    .all(r.id) as IngestSession['outages'];
  return {
    id: r.id,
    sourceId: r.source_id,
    sourceKind: r.source_kind,
    label: r.label,
    startedAt: r.started_at,
    endedAt: r.ended_at,
    lines: r.lines,
    accepted: r.accepted,
    ignored: r.ignored,
    rejected: r.rejected,
    ownPositions: r.own_positions,
    aisPositions: r.ais_positions,
    readings: r.readings,
    lastError: r.last_error,
    rejects,
    outages,
  };
}

export function getSession(db: Db, id: number): IngestSession | undefined {
  const r = db.prepare('SELECT * FROM ingest_sessions WHERE id = ?').get(id) as SessionRow | undefined;
  return r ? toSession(db, r) : undefined;
}

export function listSessions(db: Db, limit: number): IngestSession[] {
  const rows = db.prepare('SELECT * FROM ingest_sessions ORDER BY id DESC LIMIT ?').all(limit) as SessionRow[];
  return rows.map((r) => toSession(db, r));
}

export interface FileRecord {
  sha256: string;
  path: string;
  size: number;
  gzip: boolean;
  committedOffset: number;
  /** The pipeline's state at committedOffset (JSON), or null: see migration 0008. */
  resumeState: string | null;
  complete: boolean;
  sessionId: number | null;
}

export function getFile(db: Db, sha256: string): FileRecord | undefined {
  const r = db.prepare('SELECT * FROM ingest_files WHERE sha256 = ?').get(sha256) as
    | { sha256: string; path: string; size: number; gzip: number; committed_offset: number; resume_state: string | null; complete: number; session_id: number | null }
    | undefined;
  if (!r) return undefined;
  return { sha256: r.sha256, path: r.path, size: r.size, gzip: r.gzip === 1, committedOffset: r.committed_offset, resumeState: r.resume_state, complete: r.complete === 1, sessionId: r.session_id };
}

export function recordFile(db: Db, f: { sha256: string; path: string; size: number; gzip: boolean; sessionId: number }, at = Date.now()): void {
  db.prepare(
    `INSERT INTO ingest_files (sha256, path, size, gzip, session_id, started_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (sha256) DO UPDATE SET path = excluded.path, session_id = excluded.session_id`,
  ).run(f.sha256, f.path, f.size, f.gzip ? 1 : 0, f.sessionId, at);
}
