import type { Db } from '../store/database';
import { blobsToUpload, uploadBlob } from './blobUpload';

export interface BlobPassProgress {
  pending: number;
  uploadedBytes: number;
  totalBytes: number;
}

/**
 * The evidence half of a round, after the documents: uploads every stored
 * blob the hub does not have yet, one after the other, reporting progress
 * after each. Returns how many blobs and bytes were actually sent.
 */
export async function runBlobPass(
  db: Db,
  dataDir: string,
  hub: string,
  token: () => Promise<string>,
  options: { fetcher?: typeof fetch | undefined; onProgress: (p: BlobPassProgress) => void },
): Promise<{ blobsSent: number; bytesSent: number }> {
  const blobs = blobsToUpload(db, dataDir, hub);
  const progress: BlobPassProgress = { pending: blobs.length, uploadedBytes: 0, totalBytes: blobs.reduce((s, b) => s + b.size, 0) };
  options.onProgress({ ...progress });
  const result = { blobsSent: 0, bytesSent: 0 };
  for (const b of blobs) {
    const sent = await uploadBlob(db, dataDir, hub, b.sha256, token, options.fetcher ? { fetcher: options.fetcher } : {});
    result.blobsSent += sent > 0 ? 1 : 0;
    result.bytesSent += sent;
    progress.pending--;
    progress.uploadedBytes += b.size;
    options.onProgress({ ...progress });
  }
  return result;
}
