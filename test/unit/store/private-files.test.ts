import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEnrolmentCode } from '../../../hub/enrolment';
import { startHub } from '../../../hub/server';
import { putBlob } from '../../../main/evidence/blobs';
import { writeServeInfo } from '../../../main/server/server';
import { openStore } from '../../../main/store/database';
import { MIGRATIONS } from '../../../main/store/migrations';
import { uploadBlob } from '../../../main/sync/blobUpload';
import { enrolDevice, signDeviceToken } from '../../../main/sync/device';
import { tempDir } from '../../support/tmp';

const mode = (p: string) => fs.statSync(p).mode & 0o777;

/** Every folder and file under `dir`, with its permission bits. */
function modes(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (p: string) => {
    out[path.relative(dir, p) || '.'] = mode(p).toString(8);
    if (fs.statSync(p).isDirectory()) for (const e of fs.readdirSync(p)) walk(path.join(p, e));
  };
  walk(dir);
  return out;
}

const onlyOwner = (dir: string) => Object.entries(modes(dir)).filter(([, m]) => m !== '700' && m !== '600');

// The usual desktop umask, under which Gangway used to leave 0755 folders and 0644 files.
let umask: number;
beforeAll(() => {
  umask = process.umask(0o022);
});
afterAll(() => {
  process.umask(umask);
});

describe.skipIf(process.platform === 'win32')('data folders only their owner can read', () => {
  it('a new device data folder, its database with -wal and -shm, blobs and serve.json are owner-only', () => {
    const dir = path.join(tempDir(), 'Gangway');
    const store = openStore(dir);
    store.db.exec('CREATE TABLE t (x INTEGER) STRICT; INSERT INTO t VALUES (1)');
    putBlob(store.db, dir, { bytes: Buffer.from('statement of Ko Aung, account 123-4-56789-0'), mediaType: 'text/csv' });
    writeServeInfo(dir, { url: 'http://127.0.0.1:1', port: 1, token: 'secret' });
    expect(fs.existsSync(`${store.file}-wal`) && fs.existsSync(`${store.file}-shm`)).toBe(true);
    expect(mode(dir)).toBe(0o700);
    expect(mode(store.file)).toBe(0o600);
    expect(onlyOwner(dir)).toEqual([]);
    store.close();
  });

  it('a folder an older Gangway left world-readable is made owner-only at the next start', () => {
    const dir = tempDir();
    const first = openStore(dir);
    putBlob(first.db, dir, { bytes: Buffer.from('interview audio'), mediaType: 'audio/ogg', encrypted: true });
    first.close();
    const all = Object.keys(modes(dir)).map((p) => path.join(dir, p));
    for (const p of all) fs.chmodSync(p, fs.statSync(p).isDirectory() ? 0o755 : 0o644);
    expect(onlyOwner(dir).length).toBe(all.length);

    const again = openStore(dir);
    expect(again.warnings).toEqual([]);
    expect(onlyOwner(dir)).toEqual([]);
    again.close();
  });

  it('the backup taken before a migration is owner-only', () => {
    const dir = tempDir();
    openStore(dir, { migrations: MIGRATIONS.slice(0, 1) }).close();
    const store = openStore(dir);
    expect(store.backups).toHaveLength(1);
    expect(mode(store.backups[0]!)).toBe(0o600);
    expect(mode(path.dirname(store.backups[0]!))).toBe(0o700);
    store.close();
  });

  it("the hub's folder, its database and the evidence devices upload are owner-only", async () => {
    const root = tempDir();
    const hub = await startHub({ dataDir: path.join(root, 'hub'), port: 0, host: '127.0.0.1' });
    const device = openStore(path.join(root, 'device'));
    try {
      const code = createEnrolmentCode(hub.store, { role: 'inspector', agency: 'dof', userName: 'inspector' }, hub.url);
      await enrolDevice(device.db, hub.url, code.code, 'laptop');
      const meta = putBlob(device.db, device.dataDir, { bytes: crypto.randomBytes(3000), mediaType: 'image/jpeg' });
      await uploadBlob(device.db, device.dataDir, hub.url, meta.sha256, () => signDeviceToken(device.db), { chunkSize: 1024 });
      expect(fs.existsSync(path.join(root, 'hub', 'blobs', meta.sha256.slice(0, 2), meta.sha256))).toBe(true);
      expect(onlyOwner(path.join(root, 'hub'))).toEqual([]);
    } finally {
      device.close();
      await hub.close();
    }
  });
});
