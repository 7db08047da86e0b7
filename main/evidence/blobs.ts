import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { GangwayError } from '../../shared/errors';
import { EvidenceMeta } from '../../shared/domain/audit';
import { inTransaction, type Db } from '../store/database';
import { logRecord } from '../evidence-log/record';
import { mkdirPrivate, PRIVATE_FILE_MODE } from '../store/private-files';
import { now, nullToUndefined } from '../store/repos/rows';

/** Where a blob with this hash lives: blobs/ab/abcdef… (content-addressed, like git). */
export function blobPath(dataDir: string, sha256: string): string {
  return path.join(dataDir, 'blobs', sha256.slice(0, 2), sha256);
}

export interface PutBlob {
  bytes: Uint8Array;
  mediaType: string;
  filename?: string;
  note?: string;
  /** True when `bytes` is already ciphertext (interviews, identities). */
  encrypted?: boolean;
}

/**
 * Stores bytes as evidence. Writes to a temporary file, fsyncs, then renames,
 * so a crash never leaves a blob whose content does not match its name.
 * Storing the same bytes twice adds nothing.
 */
/**
 * How a blob enters the evidence log. A derived copy (a redacted or resized
 * photo) is a new blob naming its original's hash: originals are never altered.
 */
export interface BlobLogging {
  auditId?: string | null;
  original?: string;
  action?: string;
}

export function putBlob(db: Db, dataDir: string, blob: PutBlob, log: BlobLogging = {}): EvidenceMeta {
  if (log.original && !getBlobMeta(db, log.original)) throw new GangwayError('NOT_FOUND', `The original ${log.original.slice(0, 12)}… of this copy is not stored on this device; store the original first.`);
  const sha256 = crypto.createHash('sha256').update(blob.bytes).digest('hex');
  const target = blobPath(dataDir, sha256);
  if (!fs.existsSync(target)) {
    mkdirPrivate(path.dirname(target));
    const tmp = `${target}.${process.pid}.tmp`;
    try {
      const fd = fs.openSync(tmp, 'w', PRIVATE_FILE_MODE);
      try {
        fs.writeSync(fd, blob.bytes);
        fs.fsyncSync(fd);
      } finally {
        fs.closeSync(fd);
      }
      fs.renameSync(tmp, target);
    } catch (e) {
      // A full disk must not leave a half-written file behind to fill it further.
      fs.rmSync(tmp, { force: true });
      throw e;
    }
  }
  inTransaction(db, () => {
    const added = db.prepare(
      `INSERT INTO evidence (sha256, size, media_type, filename, note, encrypted, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (sha256) DO NOTHING`,
    ).run(sha256, blob.bytes.byteLength, blob.mediaType, blob.filename ?? null, blob.note ?? null, blob.encrypted ? 1 : 0, now());
    // The log names the bytes by their hash only (ciphertext for sealed evidence), never their content or file name.
    if (added.changes === 1) logRecord(db, { kind: 'evidence', auditId: log.auditId ?? null, subject: sha256, contentHash: sha256, original: log.original ?? null, action: log.action ?? (blob.encrypted ? 'sealed' : null) });
  });
  return getBlobMeta(db, sha256)!;
}

export function getBlobMeta(db: Db, sha256: string): EvidenceMeta | undefined {
  const row = db.prepare(`SELECT sha256, size, media_type AS mediaType, filename, note, encrypted, created_at AS createdAt FROM evidence WHERE sha256 = ?`).get(sha256) as Record<string, unknown> | undefined;
  return row ? EvidenceMeta.parse({ ...nullToUndefined(row), encrypted: row.encrypted === 1 }) : undefined;
}

/** Reads a blob back and checks it still hashes to its name. */
export function readBlob(dataDir: string, sha256: string): Buffer {
  const bytes = fs.readFileSync(blobPath(dataDir, sha256));
  const actual = crypto.createHash('sha256').update(bytes).digest('hex');
  if (actual !== sha256) throw new Error(`Evidence blob ${sha256} is damaged (its content hashes to ${actual}).`);
  return bytes;
}

/**
 * Records a blob another device referenced in a shared document, so the
 * reference resolves here; the bytes arrive separately (or never, on a device
 * that only reads). A blob already recorded is left as it is.
 */
export function recordEvidenceRef(db: Db, ref: { sha256: string; size: number; mediaType: string; encrypted: boolean; addedAt: string }): void {
  db.prepare(`INSERT INTO evidence (sha256, size, media_type, encrypted, created_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (sha256) DO NOTHING`).run(
    ref.sha256,
    ref.size,
    ref.mediaType,
    ref.encrypted ? 1 : 0,
    ref.addedAt,
  );
}
