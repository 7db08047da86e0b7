import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEnrolmentCode } from '../../../hub/enrolment';
import { startHub, type RunningHub } from '../../../hub/server';
import { publishAuditSummary } from '../../../main/impact/publish';
import type { Store } from '../../../main/store/database';
import { SyncClient } from '../../../main/sync/client';
import { enrolDevice } from '../../../main/sync/device';
import { docClock, loadDoc, mutateDoc } from '../../../main/sync/docStore';
import { auditDocName, readSummaryDoc, summaryDocName, summaryMap, type Role } from '../../../shared/sync';
import * as ops from '../sync/deviceOps';

let dir: string;
let hub: RunningHub;
const stores: Store[] = [];
const clients: SyncClient[] = [];

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gangway-summary-'));
  hub = await startHub({ dataDir: path.join(dir, 'hub'), port: 0, host: '127.0.0.1' });
});
afterEach(async () => {
  for (const c of clients.splice(0)) await c.stop();
  for (const s of stores.splice(0)) s.close();
  await hub.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function device(name: string, role: Role, agency: string) {
  const store = ops.openDevice(path.join(dir, name));
  stores.push(store);
  const code = createEnrolmentCode(hub.store, { role, agency, userName: name }, hub.url);
  await enrolDevice(store.db, hub.url, code.code, name);
  const client = new SyncClient({ db: store.db, dataDir: store.dataDir, docTimeoutMs: 5000 });
  clients.push(client);
  return { store, db: store.db, client };
}

describe('audit summaries through the hub', () => {
  it("a union-confidential audit's summary reaches the port authority; the audit itself does not", async () => {
    const union = await device('union', 'union_rep', 'fishers-union');
    const { auditId } = ops.createVesselAndAudit(union.db);
    ops.addFindingMirrored(union.db, auditId, 'passports kept by the skipper');
    expect(publishAuditSummary(union.store, auditId)).toBe('written');
    await union.client.syncNow();
    expect(hub.store.docMeta(summaryDocName(auditId))).toMatchObject({ agency: 'fishers-union' });

    const port = await device('port', 'port_authority', 'port-authority');
    await port.client.syncNow();
    const summary = readSummaryDoc(loadDoc(port.db, summaryDocName(auditId)));
    expect(summary).toMatchObject({ auditId, confidentiality: 'union', agency: 'fishers-union' });
    expect(docClock(port.db, auditDocName(auditId))).toBeUndefined();

    // An inspector of another agency sees neither.
    const other = await device('other', 'inspector', 'dof-songkhla');
    await other.client.syncNow();
    expect(docClock(other.db, summaryDocName(auditId))).toBeUndefined();
  });

  it("the port authority cannot change an audit's summary", async () => {
    const inspector = await device('inspector', 'inspector', 'dof-songkhla');
    const { auditId } = ops.createVesselAndAudit(inspector.db);
    publishAuditSummary(inspector.store, auditId);
    await inspector.client.syncNow();
    const port = await device('port', 'port_authority', 'port-authority');
    await port.client.syncNow();
    const before = hub.store.log(summaryDocName(auditId)).length;
    mutateDoc(port.db, summaryDocName(auditId), (doc) => summaryMap(doc).set('port', 'Nowhere'));
    await port.client.syncNow().catch(() => undefined);
    expect(hub.store.log(summaryDocName(auditId)).length).toBe(before);
  });
});
