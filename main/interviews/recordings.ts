import crypto from 'node:crypto';
import type { EvidenceMeta } from '../../shared/domain/audit';
import { GangwayError } from '../../shared/errors';
import { getBlobMeta, putBlob, readBlob } from '../evidence/blobs';
import { inTransaction, type Store } from '../store/database';
import { now } from '../store/repos/rows';
import type { Vault } from '../vault/vault';

/**
 * The whole-interview recording arrives from the renderer in base64 chunks
 * and stays in memory until it is complete: the core encrypts it before a
 * single byte reaches the disk, then stores the ciphertext as a
 * content-addressed evidence blob (main/evidence/blobs.ts).
 */

/** Three hours of Opus at 64 kbit/s is about 90 MB; more than this is not a voice recording. */
export const MAX_RECORDING_BYTES = 200 * 1024 * 1024;

interface Upload {
  startedAt: number;
  interviewId: string;
  mediaType: string;
  chunks: Buffer[];
  bytes: number;
}

const uploads = new Map<string, Upload>();
/** An upload nobody finished in a day belongs to a renderer that is gone: its memory is given back. */
const ABANDONED_MS = 24 * 3600 * 1000;

function dropAbandoned(nowMs: number): void {
  for (const [id, u] of uploads) if (nowMs - u.startedAt > ABANDONED_MS) uploads.delete(id);
}
const audioContext = (interviewId: string) => `audio:${interviewId}`;

export function beginRecording(store: Store, interviewId: string, mediaType: string): { uploadId: string } {
  const r = store.db.prepare('SELECT status, recording_agreed FROM interviews WHERE id = ?').get(interviewId) as { status: string; recording_agreed: number } | undefined;
  if (!r) throw new GangwayError('NOT_FOUND', 'That interview does not exist.');
  if (r.recording_agreed !== 1) throw new GangwayError('FORBIDDEN', 'The crew member did not agree to be recorded: no recording is kept for this interview.');
  dropAbandoned(Date.now());
  const uploadId = crypto.randomUUID();
  uploads.set(uploadId, { startedAt: Date.now(), interviewId, mediaType, chunks: [], bytes: 0 });
  return { uploadId };
}

function upload(uploadId: string): Upload {
  const u = uploads.get(uploadId);
  if (!u) throw new GangwayError('NOT_FOUND', 'That recording upload is unknown or was already saved. Start the upload again.');
  return u;
}

export function addChunk(uploadId: string, index: number, base64: string): { received: number } {
  const u = upload(uploadId);
  const bytes = Buffer.from(base64, 'base64');
  // A chunk sent again after a lost answer is already here: accept it once, unchanged.
  if (index < u.chunks.length && u.chunks[index]!.equals(bytes)) return { received: u.chunks.length };
  if (index !== u.chunks.length) {
    throw new GangwayError('VALIDATION', `Recording chunk ${index} arrived out of order (expected ${u.chunks.length}). Send the chunks in order.`);
  }
  if (u.bytes + bytes.length > MAX_RECORDING_BYTES) {
    throw new GangwayError('VALIDATION', `The recording is larger than ${MAX_RECORDING_BYTES / 1024 / 1024} MB. Stop it and start a new part.`);
  }
  u.chunks.push(bytes);
  u.bytes += bytes.length;
  return { received: u.chunks.length };
}

export function abortRecording(uploadId: string): void {
  uploads.delete(uploadId);
}

/**
 * Seal and store. On a full disk the upload stays in memory and the error
 * says so: the interviewer frees space and finishes again, nothing is lost.
 */
export function finishRecording(store: Store, vault: Vault, uploadId: string): EvidenceMeta {
  const u = upload(uploadId);
  const sealed = vault.seal(Buffer.concat(u.chunks), audioContext(u.interviewId));
  let meta: EvidenceMeta;
  try {
    meta = inTransaction(store.db, () => {
      const m = putBlob(store.db, store.dataDir, { bytes: sealed, mediaType: u.mediaType, note: 'interview recording', encrypted: true });
      store.db
        .prepare('INSERT INTO interview_recordings (interview_id, sha256, media_type, created_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING')
        .run(u.interviewId, m.sha256, u.mediaType, now());
      return m;
    });
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'ENOSPC' || code === 'SQLITE_FULL') {
      throw new GangwayError('STORE_READONLY', 'The disk is full: the recording is not saved yet, but it is kept in memory and the answers are safe. Free some space, then save the recording again.', undefined, { cause: e });
    }
    if (code === 'EACCES' || code === 'EROFS') {
      throw new GangwayError('STORE_READONLY', 'Gangway cannot write to its blobs folder: the recording is kept in memory. Check the data folder permissions, then save again.', undefined, { cause: e });
    }
    throw e;
  }
  uploads.delete(uploadId);
  return meta;
}

export function readRecording(store: Store, vault: Vault, interviewId: string, sha256: string): { mediaType: string; bytes: Buffer } {
  const link = store.db.prepare('SELECT media_type FROM interview_recordings WHERE interview_id = ? AND sha256 = ?').get(interviewId, sha256) as { media_type: string } | undefined;
  if (!link || !getBlobMeta(store.db, sha256)) throw new GangwayError('NOT_FOUND', 'That recording does not belong to this interview.');
  return { mediaType: link.media_type, bytes: vault.open(readBlob(store.dataDir, sha256), audioContext(interviewId)) };
}
