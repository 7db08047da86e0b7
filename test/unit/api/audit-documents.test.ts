import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { applyDocToTables } from '../../../main/sync/applyToTables';
import { appendUpdate, loadDoc } from '../../../main/sync/docStore';
import { openDeviceStore } from '../../../main/device-store';
import { appendFinding, auditDocName, readAuditDoc, readVesselDoc, vesselDocName } from '../../../shared/sync';
import { testCore } from '../../support/core';

describe('the tables and the shared documents', () => {
  it('an audit changed through the API appears in its document, and a merged remote finding appears through the API', async () => {
    const { api, dataDir } = testCore();
    const vessel = await api.call('vessels.create', { name: 'Sea Star 7', imo: '9074729' });
    const audit = await api.call('audits.create', { vesselId: vessel.id, place: 'Songkhla', date: '2026-11-27', inspector: 'K' });
    const local = await api.call('findings.add', { auditId: audit.id, title: 'No contract copies', severity: 'high' });
    await api.call('checklist.set', { auditId: audit.id, code: 'c188.contract', result: 'non_compliant' });
    await api.call('audits.setStatus', { id: audit.id, status: 'completed' });

    const store = openDeviceStore(dataDir);
    const view = readAuditDoc(loadDoc(store.db, auditDocName(audit.id)));
    expect(view.meta).toMatchObject({ vesselName: 'Sea Star 7', status: 'completed', place: 'Songkhla' });
    expect(view.findings.map((f) => f.title)).toEqual(['No contract copies']);
    expect(view.checklist['c188.contract']).toMatchObject({ result: 'non_compliant' });
    expect(readVesselDoc(loadDoc(store.db, vesselDocName(vessel.id)))).toMatchObject({ name: 'Sea Star 7', imo: '9074729' });

    // Another device's finding arrives as a Yjs update on the same document.
    const remote = new Y.Doc();
    Y.applyUpdate(remote, Y.encodeStateAsUpdate(loadDoc(store.db, auditDocName(audit.id))));
    const before = Y.encodeStateVector(remote);
    appendFinding(remote, { id: crypto.randomUUID(), auditId: audit.id, title: 'Two crew under 18', description: '', severity: 'critical', evidence: [], createdAt: new Date().toISOString() });
    appendUpdate(store.db, auditDocName(audit.id), Y.encodeStateAsUpdate(remote, before), 'remote');
    expect(applyDocToTables(store.db, auditDocName(audit.id))).toMatchObject({ applied: true });
    store.close();

    const titles = (await api.call('findings.list', { auditId: audit.id })).map((f) => f.title);
    expect(titles).toEqual(expect.arrayContaining([local.title, 'Two crew under 18']));
    expect(titles).toHaveLength(2);
  });
});
