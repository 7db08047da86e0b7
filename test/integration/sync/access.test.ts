import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { HocuspocusProvider } from '@hocuspocus/provider';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEnrolmentCode, revokeDevice } from '../../../hub/enrolment';
import { startHub, type RunningHub } from '../../../hub/server';
import { HubStore } from '../../../hub/store';
import { SyncClient } from '../../../main/sync/client';
import { enrolDevice, getEnrolment, signDeviceToken } from '../../../main/sync/device';
import { docsToPush, loadDoc, resetDoc } from '../../../main/sync/docStore';
import { recordAuditChange, setAuditSharing } from '../../../main/sync/mirror';
import type { Store } from '../../../main/store/database';
import { auditDocName, auditParts, readAuditDoc, type Role } from '../../../shared/sync';
import * as ops from './deviceOps';

let dir: string;
let hub: RunningHub;
const stores: Store[] = [];
const clients: SyncClient[] = [];

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gangway-access-'));
  hub = await startHub({ dataDir: path.join(dir, 'hub'), port: 0, host: '127.0.0.1' });
});
afterEach(async () => {
  for (const c of clients.splice(0)) await c.stop();
  for (const s of stores.splice(0)) s.close();
  await hub.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function device(name: string, role: Role | null, agency = 'dof-songkhla', tokenLifetimeS?: number) {
  const store = ops.openDevice(path.join(dir, name));
  stores.push(store);
  if (role) {
    const code = createEnrolmentCode(hub.store, { role, agency, userName: name }, hub.url);
    await enrolDevice(store.db, hub.url, code.code, name);
  }
  const client = new SyncClient({ db: store.db, dataDir: store.dataDir, docTimeoutMs: 5000, ...(tokenLifetimeS !== undefined ? { tokenLifetimeS } : {}) });
  clients.push(client);
  return { store, db: store.db, client };
}

/** Opens one document on the hub directly, as any Hocuspocus client could, and reports what happened. */
async function rawOpen(docName: string, token: string): Promise<{ outcome: string; doc: Y.Doc }> {
  const doc = new Y.Doc();
  const provider = new HocuspocusProvider({ url: hub.url, name: docName, document: doc, token, awareness: null, WebSocketPolyfill: WebSocket } as never);
  const outcome = await new Promise<string>((resolve) => {
    const t = setTimeout(() => resolve('timeout'), 4000);
    provider.on('authenticationFailed', ({ reason }: { reason: string }) => (clearTimeout(t), resolve(`denied: ${reason}`)));
    provider.on('synced', () => (clearTimeout(t), resolve(provider.authorizedScope === 'readonly' ? 'read-only' : 'read-write')));
  });
  provider.destroy();
  return { outcome, doc };
}

describe('who gets what from the hub', () => {
  it('an unenrolled device gets nothing: no manifest, no documents', async () => {
    const owner = await device('owner', 'inspector');
    const { auditId } = ops.createVesselAndAudit(owner.db);
    ops.addFindingMirrored(owner.db, auditId, 'wages withheld');
    await owner.client.syncNow();

    const stranger = await device('stranger', null);
    await expect(stranger.client.syncNow()).rejects.toThrow(/not enrolled/);
    expect(stranger.client.status().connection).toBe('not-enrolled');
    // A forged token for a device id the hub never registered.
    const forger = await device('forger', 'inspector', 'other-agency');
    const token = await signDeviceToken(forger.db);
    const forgedId = getEnrolment(forger.db)!.deviceId;
    hub.store.db.prepare('UPDATE enrolment_codes SET used_by = NULL WHERE used_by = ?').run(forgedId);
    hub.store.db.prepare('DELETE FROM devices WHERE id = ?').run(forgedId);
    const res = await fetch(`${hub.httpUrl}/manifest`, { headers: { Authorization: `Bearer ${token}` } });
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/not enrolled/);
    const raw = await rawOpen(auditDocName(auditId), token);
    expect(raw.outcome).toMatch(/^denied: .*not enrolled/);
    expect(readAuditDoc(raw.doc).findings).toEqual([]);
  });

  it('a revoked device is refused at once and receives no later changes', async () => {
    const a = await device('a', 'inspector');
    const b = await device('b', 'inspector');
    const { auditId } = ops.createVesselAndAudit(a.db);
    await a.client.syncNow();
    await b.client.syncNow();
    expect(ops.dumpAudit(b.db, auditId).meta?.auditId).toBe(auditId);
    revokeDevice(hub.store, getEnrolment(b.db)!.deviceId);
    ops.addFindingMirrored(a.db, auditId, 'forced overtime');
    await a.client.syncNow();
    await expect(b.client.syncNow()).rejects.toThrow(/revoked/);
    expect(ops.dumpAudit(b.db, auditId).findings).toEqual([]);
    const raw = await rawOpen(auditDocName(auditId), await signDeviceToken(b.db));
    expect(raw.outcome).toMatch(/revoked/);
    expect(readAuditDoc(raw.doc).findings).toEqual([]);
  });

  it('an expired token gets nothing', async () => {
    const a = await device('a', 'inspector');
    const { auditId } = ops.createVesselAndAudit(a.db);
    ops.addFindingMirrored(a.db, auditId, 'debt bondage');
    await a.client.syncNow();
    const late = await device('late', 'inspector', 'dof-songkhla', -120);
    await expect(late.client.syncNow()).rejects.toThrow(/expired/);
    const raw = await rawOpen(auditDocName(auditId), await signDeviceToken(late.db, -120));
    expect(raw.outcome).toMatch(/expired/);
    expect(readAuditDoc(raw.doc).findings).toEqual([]);
  });

  it('a port-authority connection cannot read a union-confidential audit, and sees it only once shared, read-only', async () => {
    const union = await device('union', 'union_rep', 'ituf-thai');
    const port = await device('port', 'port_authority', 'marine-dept');
    const { auditId } = ops.createVesselAndAudit(union.db);
    ops.addFindingMirrored(union.db, auditId, 'confiscated documents');
    await union.client.syncNow();
    expect(ops.dumpAudit(union.db, auditId).meta?.confidentiality).toBe('union');

    await port.client.syncNow();
    expect(ops.dumpAudit(port.db, auditId).findings).toEqual([]);
    const denied = await rawOpen(auditDocName(auditId), await signDeviceToken(port.db));
    expect(denied.outcome).toMatch(/union-confidential/);
    expect(readAuditDoc(denied.doc).findings).toEqual([]);

    setAuditSharing(union.db, auditId, { sharedWith: ['port_authority'] });
    await union.client.syncNow();
    await port.client.syncNow();
    expect(ops.dumpAudit(port.db, auditId).findingTitles).toEqual(['confiscated documents']);
    expect((await rawOpen(auditDocName(auditId), await signDeviceToken(port.db))).outcome).toBe('read-only');
  });

  it("a read-only connection's edits do not persist on the hub or reach anyone else", async () => {
    const inspector = await device('inspector', 'inspector');
    const port = await device('port', 'port_authority', 'marine-dept');
    const { auditId } = ops.createVesselAndAudit(inspector.db);
    setAuditSharing(inspector.db, auditId, { sharedWith: ['port_authority'] });
    await inspector.client.syncNow();
    await port.client.syncNow();
    const before = hub.store.log(auditDocName(auditId)).length;
    ops.appendNote(port.db, auditId, 'port authority scribble');
    ops.addFindingMirrored(port.db, auditId, 'invented by a read-only device');
    const round = await port.client.syncNow();
    expect(round.refused).toBe(0);
    expect(hub.store.log(auditDocName(auditId)).length).toBe(before);
    expect(port.client.status().documents.find((d) => d.name === auditDocName(auditId))?.message).toMatch(/read-only/);
    await hub.close();
    hub = await startHub({ dataDir: path.join(dir, 'hub'), port: 0, host: '127.0.0.1' });
    for (const s of [inspector, port]) s.db.prepare('UPDATE sync_device SET hub = ?').run(hub.url);
    const fresh = await device('fresh', 'inspector');
    await fresh.client.syncNow();
    expect(ops.dumpAudit(fresh.db, auditId).notes).toBe('');
    expect(ops.dumpAudit(fresh.db, auditId).findings).toEqual([]);
  });

  it('an update that deletes a finding is refused, the hub keeps it, and the device can reset from the hub', async () => {
    const a = await device('a', 'inspector');
    const { auditId } = ops.createVesselAndAudit(a.db);
    const findingId = ops.addFindingMirrored(a.db, auditId, 'no drinking water');
    await a.client.syncNow();
    const before = hub.store.log(auditDocName(auditId)).length;
    recordAuditChange(a.db, auditId, (doc) => auditParts(doc).findings.delete(0, 1));
    const round = await a.client.syncNow();
    expect(round.refused).toBe(1);
    const state = a.client.status().documents.find((d) => d.name === auditDocName(auditId));
    expect(state?.state).toBe('refused');
    expect(state?.message).toMatch(/finding was deleted.*Reset this document from the hub/);
    expect(hub.store.log(auditDocName(auditId)).length).toBe(before);
    resetDoc(a.db, auditDocName(auditId));
    await a.client.syncNow();
    const doc = loadDoc(a.db, auditDocName(auditId));
    expect(readAuditDoc(doc).findings.map((f) => f.id)).toEqual([findingId]);
  });

  it('a hub whose disk is full refuses the change with a sentence, and the device keeps it to send later', async () => {
    const a = await device('a', 'inspector');
    const { auditId } = ops.createVesselAndAudit(a.db);
    await a.client.syncNow();
    // SQLite's own ceiling on the file: the next page the hub needs is refused with SQLITE_FULL, as on a full disk.
    const pages = hub.store.db.pragma('page_count', { simple: true }) as number;
    hub.store.db.pragma(`max_page_count = ${pages}`);
    ops.addFindingMirrored(a.db, auditId, 'crew sleep on deck');
    for (let i = 0; i < 20; i++) ops.appendNote(a.db, auditId, 'y'.repeat(4000));
    const round = await a.client.syncNow();
    expect(round.refused).toBeGreaterThan(0);
    const state = a.client.status().documents.find((d) => d.name === auditDocName(auditId));
    expect(state?.message).toMatch(/disk is full.*safe on this device/);
    expect(docsToPush(a.db, hub.url).map((d) => d.doc)).toContain(auditDocName(auditId));
    hub.store.db.pragma('max_page_count = 1073741823');
    await a.client.syncNow();
    expect(docsToPush(a.db, hub.url)).toEqual([]);
    const fresh = await device('fresh', 'inspector');
    await fresh.client.syncNow();
    expect(ops.dumpAudit(fresh.db, auditId).findingTitles[0]).toMatch(/crew sleep on deck/);
  });

  it('a damaged update is refused and nothing of it reaches the hub log', async () => {
    const a = await device('a', 'inspector');
    const { auditId } = ops.createVesselAndAudit(a.db);
    await a.client.syncNow();
    const before = hub.store.log(auditDocName(auditId)).length;
    const doc = new Y.Doc();
    const provider = new HocuspocusProvider({ url: hub.url, name: auditDocName(auditId), document: doc, token: await signDeviceToken(a.db), awareness: null, WebSocketPolyfill: WebSocket } as never);
    await new Promise<void>((resolve) => provider.on('synced', () => resolve()));
    const closed = new Promise<string>((resolve) => provider.on('close', ({ event }: { event: { reason: string } }) => resolve(event.reason)));
    // [document name][Sync][Update][bytes that are not a Yjs update]
    const e = encoding.createEncoder();
    encoding.writeVarString(e, auditDocName(auditId));
    encoding.writeVarUint(e, 0);
    encoding.writeVarUint(e, 2);
    encoding.writeVarUint8Array(e, new Uint8Array([7, 200, 13, 99, 1, 250, 250, 250]));
    provider.configuration.websocketProvider.send(encoding.toUint8Array(e));
    expect(await closed).toMatch(/damaged update/);
    provider.destroy();
    expect(hub.store.log(auditDocName(auditId)).length).toBe(before);
  });

  it('revoking from the command line closes a connection that is open and idle', async () => {
    const a = await device('a', 'inspector');
    const { auditId } = ops.createVesselAndAudit(a.db);
    await a.client.syncNow();
    const provider = new HocuspocusProvider({ url: hub.url, name: auditDocName(auditId), document: new Y.Doc(), token: await signDeviceToken(a.db), awareness: null, WebSocketPolyfill: WebSocket } as never);
    await new Promise<void>((resolve) => provider.on('synced', () => resolve()));
    const closed = new Promise<string>((resolve) => provider.on('close', ({ event }: { event: { reason: string } }) => resolve(event.reason)));
    // What `gangway hub revoke` does: another process opens the hub's store and marks the device.
    const admin = new HubStore(path.join(dir, 'hub'));
    revokeDevice(admin, getEnrolment(a.db)!.deviceId);
    admin.close();
    expect(await closed).toMatch(/revoked/);
    provider.destroy();
  });
});
