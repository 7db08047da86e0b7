import fs from 'node:fs';
import { GangwayError } from '../../shared/errors';
import { BLOB_CHUNK_SIZE, type BlobState, type HubErrorBody } from '../../shared/sync';
import { blobPath } from '../evidence/blobs';
import type { Db } from '../store/database';
import { httpUrlOf } from './device';

export interface BlobProgress {
  sha256: string;
  sent: number;
  size: number;
}

async function hubCall(url: string, init: RequestInit, fetcher: typeof fetch): Promise<BlobState> {
  const res = await fetcher(url, { ...init, signal: AbortSignal.timeout(60_000) });
  const body = (await res.json().catch(() => null)) as (BlobState & HubErrorBody) | null;
  if (!res.ok || !body) {
    const code = body?.error?.code === 'UNAUTHORIZED' ? 'UNAUTHORIZED' : body?.error?.code === 'CONFLICT' ? 'CONFLICT' : 'DEVICE';
    throw new GangwayError(code, body?.error?.message ?? `The hub answered HTTP ${res.status} to an evidence upload.`);
  }
  return body;
}

/**
 * Uploads one evidence blob by content hash, resuming where the hub says it
 * stopped. A blob the hub already holds is not sent again. Returns the bytes
 * actually sent.
 */
export async function uploadBlob(
  db: Db,
  dataDir: string,
  hub: string,
  sha256: string,
  token: () => Promise<string>,
  options: { fetcher?: typeof fetch; onProgress?: (p: BlobProgress) => void; chunkSize?: number } = {},
): Promise<number> {
  const fetcher = options.fetcher ?? fetch;
  const chunkSize = options.chunkSize ?? BLOB_CHUNK_SIZE;
  const file = blobPath(dataDir, sha256);
  const size = fs.statSync(file).size;
  const base = `${httpUrlOf(hub)}/blobs/${sha256}`;
  const mark = (sent: number, done: boolean) =>
    db
      .prepare(
        `INSERT INTO sync_blob_uploads (hub, sha256, size, sent, done, updated_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (hub, sha256) DO UPDATE SET sent = excluded.sent, done = excluded.done, updated_at = excluded.updated_at`,
      )
      .run(hub, sha256, size, sent, done ? 1 : 0, new Date().toISOString());
  let state = await hubCall(base, { headers: { Authorization: `Bearer ${await token()}` } }, fetcher);
  if (state.complete) {
    mark(size, true);
    return 0;
  }
  let offset = state.received;
  let sent = 0;
  const fd = fs.openSync(file, 'r');
  try {
    while (offset < size || size === 0) {
      const length = Math.min(chunkSize, size - offset);
      const chunk = Buffer.alloc(length);
      fs.readSync(fd, chunk, 0, length, offset);
      state = await hubCall(
        `${base}?offset=${offset}&size=${size}`,
        { method: 'PUT', headers: { Authorization: `Bearer ${await token()}`, 'Content-Type': 'application/octet-stream' }, body: chunk },
        fetcher,
      );
      sent += length;
      offset = state.resumeAt ?? state.received;
      mark(offset, state.complete);
      options.onProgress?.({ sha256, sent: offset, size });
      if (state.complete) break;
    }
  } finally {
    fs.closeSync(fd);
  }
  return sent;
}

/** Evidence on this device the hub does not have yet: every stored blob not marked done for this hub. */
export function blobsToUpload(db: Db, dataDir: string, hub: string): { sha256: string; size: number }[] {
  const rows = db
    .prepare(
      `SELECT e.sha256, e.size FROM evidence e LEFT JOIN sync_blob_uploads u ON u.sha256 = e.sha256 AND u.hub = ?
       WHERE coalesce(u.done, 0) = 0 ORDER BY e.created_at`,
    )
    .all(hub) as { sha256: string; size: number }[];
  return rows.filter((r) => fs.existsSync(blobPath(dataDir, r.sha256)));
}
