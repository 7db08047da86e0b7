import crypto from 'node:crypto';
import fs from 'node:fs';
import { execFileSync } from 'node:child_process';
import http from 'node:http';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createEnrolmentCode } from '../../../hub/enrolment';
import { startHub, type RunningHub } from '../../../hub/server';
import { putBlob } from '../../../main/evidence/blobs';
import { openDeviceStore } from '../../../main/device-store';
import { inTransaction, type Store } from '../../../main/store/database';
import { createAudit } from '../../../main/store/repos/audits';
import { addFinding } from '../../../main/store/repos/findings';
import { createVessel } from '../../../main/store/repos/vessels';
import { SyncClient } from '../../../main/sync/client';
import { enrolDevice } from '../../../main/sync/device';
import { docsToPush } from '../../../main/sync/docStore';
import { mirrorAuditFromTables, mirrorVesselFromTables } from '../../../main/sync/mirror';

const dirs: string[] = [];
const closers: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  while (closers.length) await closers.pop()!();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function tmp(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'gangway-backlog-'));
  dirs.push(d);
  return d;
}

describe('a month at sea, then port', () => {
  it('200 audits and 50 MB of evidence sync to completion across three forced disconnections', async () => {
    const dir = tmp();
    let hub: RunningHub = await startHub({ dataDir: path.join(dir, 'hub'), port: 0, host: '127.0.0.1' });
    const port = hub.port;
    closers.push(() => hub.close());
    const store: Store = openDeviceStore(path.join(dir, 'device'));
    closers.push(() => store.close());
    const code = createEnrolmentCode(hub.store, { role: 'inspector', agency: 'dof', userName: 'inspector' }, hub.url);
    await enrolDevice(store.db, hub.url, code.code, 'laptop');
    const blobs: string[] = [];
    inTransaction(store.db, () => {
      const vessels = Array.from({ length: 50 }, (_, i) => createVessel(store.db, { name: `Vessel ${i}` }).id);
      vessels.forEach((v) => mirrorVesselFromTables(store.db, v));
      for (let i = 0; i < 200; i++) {
        const a = createAudit(store.db, { vesselId: vessels[i % 50]!, place: 'at sea', date: '2026-10-28', inspector: 'inspector' });
        const evidence: string[] = [];
        if (i % 8 === 0) {
          // 25 recordings of 2 MB: 50 MB in all.
          const sha = putBlob(store.db, store.dataDir, { bytes: crypto.randomBytes(2 * 1024 * 1024), mediaType: 'audio/ogg', encrypted: true }).sha256;
          evidence.push(sha);
          blobs.push(sha);
        }
        addFinding(store.db, { auditId: a.id, title: `day ${i % 30} finding`, severity: 'medium', evidence });
        mirrorAuditFromTables(store.db, a.id);
      }
    });
    expect(blobs).toHaveLength(25);

    let drops = 0;
    let restarting: Promise<void> | null = null;
    const client = new SyncClient({
      db: store.db,
      dataDir: store.dataDir,
      docTimeoutMs: 4000,
      onStatus: (s) => {
        // Pull the plug at three points: early in the documents, late in the documents, during the evidence upload.
        const due = (drops === 0 && s.progress.done >= 40) || (drops === 1 && s.progress.done >= 200) || (drops === 2 && s.blobs.uploadedBytes >= 20 * 1024 * 1024);
        if (due && !restarting) {
          drops++;
          restarting = (async () => {
            await hub.close();
            await new Promise((r) => setTimeout(r, 300));
            hub = await startHub({ dataDir: path.join(dir, 'hub'), port, host: '127.0.0.1' });
            restarting = null;
          })();
        }
      },
    });
    closers.push(() => client.stop());
    let rounds = 0;
    let failures = 0;
    for (;;) {
      rounds++;
      try {
        await client.syncNow();
        if (drops >= 3 && !restarting) break;
      } catch {
        failures++;
        await (restarting ?? new Promise((r) => setTimeout(r, 200)));
      }
      expect(rounds).toBeLessThan(30);
    }
    expect(drops).toBe(3);
    expect(failures).toBeGreaterThan(0);
    expect(docsToPush(store.db, hub.url)).toEqual([]);
    // 50 vessels, 200 audits and the agency's index.
    expect(hub.store.db.prepare('SELECT count(*) AS n FROM hub_docs').get()).toEqual({ n: 251 });
    for (const sha of blobs) {
      const file = path.join(dir, 'hub', 'blobs', sha.slice(0, 2), sha);
      expect(crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex')).toBe(sha);
    }
  }, 180_000);
});

describe('bad hub addresses', () => {
  it('a hub at the wrong address gives a clear message and the device keeps its work', async () => {
    const store = openDeviceStore(tmp());
    closers.push(() => store.close());
    const server = http.createServer((_req, res) => res.end('hello'));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const port = (server.address() as { port: number }).port;
    closers.push(() => new Promise<void>((r) => server.close(() => r())));
    await expect(enrolDevice(store.db, `127.0.0.1:${port}`, 'ABCD-EFGH-JKMN', 'laptop')).rejects.toThrow(/refused the enrolment/);
    await expect(enrolDevice(store.db, '127.0.0.1:1', 'ABCD-EFGH-JKMN', 'laptop')).rejects.toThrow(/No hub answers at ws:\/\/127.0.0.1:1/);
    await expect(enrolDevice(store.db, 'ftp://hub', 'ABCD-EFGH-JKMN', 'laptop')).rejects.toThrow(/ws:\/\/ or wss:\/\//);

    // Enrolled at a real hub that later moved: the round fails with a sentence and nothing local is lost.
    const hubDir = tmp();
    const hub = await startHub({ dataDir: hubDir, port: 0, host: '127.0.0.1' });
    const code = createEnrolmentCode(hub.store, { role: 'inspector', agency: 'dof', userName: 'x' }, hub.url);
    await enrolDevice(store.db, hub.url, code.code, 'laptop');
    await hub.close();
    inTransaction(store.db, () => {
      const v = createVessel(store.db, { name: 'Offline' });
      mirrorVesselFromTables(store.db, v.id);
    });
    const client = new SyncClient({ db: store.db, dataDir: store.dataDir });
    closers.push(() => client.stop());
    await expect(client.syncNow()).rejects.toThrow(/No hub answers/);
    expect(client.status().connection).toBe('offline');
    expect(client.status().documents.map((d) => d.state)).toEqual(['pending']);
    store.db.prepare('UPDATE sync_device SET hub = ?').run(`ws://127.0.0.1:${port}`);
    store.db.prepare('INSERT INTO sync_hubs (hub) VALUES (?) ON CONFLICT DO NOTHING').run(`ws://127.0.0.1:${port}`);
    await expect(client.syncNow()).rejects.toThrow(/is not a Gangway hub/);
    expect(docsToPush(store.db, `ws://127.0.0.1:${port}`)).toHaveLength(1);
  });

  it('a hub whose certificate does not verify is named as such, and nothing is sent', async () => {
    const d = tmp();
    // A self-signed certificate made for this test, as a misconfigured or impostor hub would present.
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', path.join(d, 'key.pem'), '-out', path.join(d, 'cert.pem'), '-days', '1', '-subj', '/CN=127.0.0.1'], { stdio: 'ignore' });
    const server = https.createServer({ key: fs.readFileSync(path.join(d, 'key.pem')), cert: fs.readFileSync(path.join(d, 'cert.pem')) }, (_req, res) => res.end('{}'));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    closers.push(() => new Promise<void>((r) => server.close(() => r())));
    const store = openDeviceStore(tmp());
    closers.push(() => store.close());
    const port = (server.address() as { port: number }).port;
    await expect(enrolDevice(store.db, `wss://127.0.0.1:${port}`, 'ABCD-EFGH-JKMN', 'laptop')).rejects.toThrow(/certificate this device does not trust/);
    expect(store.db.prepare('SELECT count(*) AS n FROM sync_device').get()).toEqual({ n: 0 });
  });
});
