import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEnrolmentCode } from '../../../hub/enrolment';
import { startHub, type RunningHub } from '../../../hub/server';
import { putBlob } from '../../../main/evidence/blobs';
import { openDeviceStore } from '../../../main/device-store';
import { type Store } from '../../../main/store/database';
import { blobsToUpload, uploadBlob } from '../../../main/sync/blobUpload';
import { enrolDevice, signDeviceToken } from '../../../main/sync/device';

let dir: string;
let hub: RunningHub;
let store: Store;
const token = () => signDeviceToken(store.db);

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gangway-blob-'));
  hub = await startHub({ dataDir: path.join(dir, 'hub'), port: 0, host: '127.0.0.1' });
  store = openDeviceStore(path.join(dir, 'device'));
  const code = createEnrolmentCode(hub.store, { role: 'inspector', agency: 'dof', userName: 'inspector' }, hub.url);
  await enrolDevice(store.db, hub.url, code.code, 'laptop');
});
afterEach(async () => {
  store.close();
  await hub.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const hubFile = (sha: string) => path.join(dir, 'hub', 'blobs', sha.slice(0, 2), sha);

describe('evidence upload by content hash', () => {
  it('a dropped link mid-upload resumes where the hub stopped, and the hub keeps exactly the bytes', async () => {
    const bytes = crypto.randomBytes(300 * 1024);
    const meta = putBlob(store.db, store.dataDir, { bytes, mediaType: 'audio/ogg', encrypted: true });
    let puts = 0;
    const flaky: typeof fetch = async (input, init) => {
      if (init?.method === 'PUT' && ++puts === 3) throw new TypeError('fetch failed: the port Wi-Fi dropped');
      return fetch(input, init);
    };
    await expect(uploadBlob(store.db, store.dataDir, hub.url, meta.sha256, token, { fetcher: flaky, chunkSize: 64 * 1024 })).rejects.toThrow(/Wi-Fi/);
    expect(blobsToUpload(store.db, store.dataDir, hub.url)).toHaveLength(1);
    const sent = await uploadBlob(store.db, store.dataDir, hub.url, meta.sha256, token, { chunkSize: 64 * 1024 });
    expect(sent).toBe(bytes.length - 2 * 64 * 1024);
    expect(fs.readFileSync(hubFile(meta.sha256)).equals(bytes)).toBe(true);
    expect(blobsToUpload(store.db, store.dataDir, hub.url)).toHaveLength(0);
  });

  it('a blob the hub already holds is not uploaded twice', async () => {
    const meta = putBlob(store.db, store.dataDir, { bytes: crypto.randomBytes(1000), mediaType: 'image/jpeg' });
    expect(await uploadBlob(store.db, store.dataDir, hub.url, meta.sha256, token)).toBe(1000);
    store.db.prepare('DELETE FROM sync_blob_uploads').run();
    expect(await uploadBlob(store.db, store.dataDir, hub.url, meta.sha256, token)).toBe(0);
  });

  it('bytes that do not match their hash are discarded by the hub', async () => {
    const meta = putBlob(store.db, store.dataDir, { bytes: Buffer.from('bank statement, March'), mediaType: 'text/csv' });
    const file = path.join(store.dataDir, 'blobs', meta.sha256.slice(0, 2), meta.sha256);
    fs.writeFileSync(file, 'bank statement, MARCH');
    await expect(uploadBlob(store.db, store.dataDir, hub.url, meta.sha256, token)).rejects.toThrow(/discarded/);
    expect(fs.existsSync(hubFile(meta.sha256))).toBe(false);
  });

  it('an unenrolled caller cannot upload', async () => {
    const res = await fetch(`${hub.httpUrl}/blobs/${'a'.repeat(64)}?offset=0&size=3`, { method: 'PUT', body: 'abc' });
    expect(res.status).toBe(401);
  });
});
