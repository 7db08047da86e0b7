import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEnrolmentCode, revokeDevice } from '../../../hub/enrolment';
import { HubStore } from '../../../hub/store';
import { SyncClient } from '../../../main/sync/client';
import { enrolDevice, getEnrolment, signDeviceToken } from '../../../main/sync/device';
import { docsToPush } from '../../../main/sync/docStore';
import type { Store } from '../../../main/store/database';
import { auditDocName } from '../../../shared/sync';
import * as ops from './deviceOps';
import { HubProcess } from './processes';

let dir: string;
let hub: HubProcess;
let admin: HubStore;
const stores: Store[] = [];
const clients: SyncClient[] = [];

// The hub runs in its own process, so a restart drops every connection as a real one does.
beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gangway-live-'));
  hub = new HubProcess(path.join(dir, 'hub'));
  await hub.start();
  admin = new HubStore(hub.dataDir);
});
afterEach(async () => {
  for (const c of clients.splice(0)) await c.stop();
  for (const s of stores.splice(0)) s.close();
  admin.close();
  await hub.kill();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** An enrolled device whose client runs as in the app (started: a round now, then local changes pushed as they happen). */
async function device(name: string) {
  const store = ops.openDevice(path.join(dir, name));
  stores.push(store);
  const code = createEnrolmentCode(admin, { role: 'inspector', agency: 'dof-songkhla', userName: name }, hub.url);
  await enrolDevice(store.db, hub.url, code.code, name);
  const client = new SyncClient({ db: store.db, dataDir: store.dataDir, docTimeoutMs: 5000 });
  clients.push(client);
  return { store, db: store.db, client };
}

async function until(what: string, check: () => boolean, timeoutMs = 15_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('edits made while connected to the hub', () => {
  it('reach the other device through the hub as one small message, without a new handshake, and keep flowing across a hub restart', async () => {
    const a = await device('a');
    const b = await device('b');
    const { auditId } = ops.createVesselAndAudit(a.db);
    const doc = auditDocName(auditId);
    a.client.start();
    await a.client.syncNow();
    b.client.start();
    await b.client.syncNow();
    expect(ops.dumpAudit(b.db, auditId).meta?.auditId).toBe(auditId);
    expect(a.client.openDocuments()).toContain(doc);
    expect(b.client.openDocuments()).toContain(doc);
    const tokenBytes = (await signDeviceToken(a.db)).length;

    const before = { ...a.client.bytes };
    const logBefore = admin.log(doc).length;
    ops.appendNote(a.db, auditId, 'Crew list shows 14, counted 17 on deck. ');
    await a.client.whenSent();
    // Fewer bytes went out than one device token: the edit travelled on the open document, with no new authentication.
    expect(a.client.bytes.sent - before.sent).toBeLessThan(tokenBytes);
    expect(a.client.bytes.sent - before.sent + (a.client.bytes.received - before.received)).toBeLessThan(1024);
    expect(docsToPush(a.db, hub.url)).toEqual([]);
    expect(admin.log(doc).length).toBe(logBefore + 1);
    // Device b runs no round of its own: the hub hands it the change on its open document.
    await until('b has the note', () => ops.dumpAudit(b.db, auditId).notes === 'Crew list shows 14, counted 17 on deck. ');
    // A finding (audit and index documents) reaches b's tables the same way.
    ops.addFindingMirrored(a.db, auditId, 'wages withheld for three months');
    await until('b lists the finding', () => ops.dumpAudit(b.db, auditId).rows?.findings.length === 1);
    expect(ops.dumpAudit(b.db, auditId).findingTitles).toEqual(['wages withheld for three months']);

    // The hub restarts on the same address; an edit made while it is down is sent once the open documents reconnect.
    await hub.kill();
    ops.addFindingMirrored(a.db, auditId, 'passports kept by the captain');
    ops.setChecklistMirrored(b.db, auditId, 'c188.rest.1', 'non_compliant');
    await hub.start();
    await until('both edits reach both devices', () => {
      const [da, dbv] = [ops.dumpAudit(a.db, auditId), ops.dumpAudit(b.db, auditId)];
      return da.rows?.findings.length === 2 && dbv.rows?.findings.length === 2 && da.rows.checklist['c188.rest.1'] === 'non_compliant';
    });
    await Promise.all([a.client.whenSent(), b.client.whenSent()]);
    expect(docsToPush(a.db, hub.url)).toEqual([]);
    expect(docsToPush(b.db, hub.url)).toEqual([]);
    // The restarted hub's log holds both devices' edits: acknowledged means stored.
    expect(new Set(admin.log(doc).map((l) => l.userName))).toEqual(new Set(['a', 'b']));
    const fresh = await device('fresh');
    await fresh.client.syncNow();
    expect(ops.dumpAudit(fresh.db, auditId).findingTitles).toEqual(['passports kept by the captain', 'wages withheld for three months']);
    expect(ops.dumpAudit(fresh.db, auditId).checklist['c188.rest.1']).toBe('non_compliant');
  });

  it('a device revoked while its documents are open receives no later change', async () => {
    const a = await device('a');
    const b = await device('b');
    const { auditId } = ops.createVesselAndAudit(a.db);
    await a.client.syncNow();
    await b.client.syncNow();
    expect(b.client.openDocuments()).toContain(auditDocName(auditId));
    // As `gangway hub revoke` does it: another process marks the device in the hub's store.
    revokeDevice(admin, getEnrolment(b.db)!.deviceId);
    ops.addFindingMirrored(a.db, auditId, 'forced overtime');
    await a.client.whenSent();
    expect(docsToPush(a.db, hub.url)).toEqual([]);
    await until('b is told it was revoked', () => b.client.status().documents.some((d) => d.state === 'refused' && /revoked/.test(d.message ?? '')));
    expect(ops.dumpAudit(b.db, auditId).findings).toEqual([]);
    expect(b.client.openDocuments()).toEqual([]);
  });
});
