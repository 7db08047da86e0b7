import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDeviceStore } from '../../../main/device-store';
import { inTransaction, type Store } from '../../../main/store/database';
import { createVessel } from '../../../main/store/repos/vessels';
import { createAudit } from '../../../main/store/repos/audits';
import { addFinding, listFindings } from '../../../main/store/repos/findings';
import { listChecklist, setChecklistItem } from '../../../main/store/repos/checklist';
import { appendUpdate, compactDoc, docsToPush, loadDoc, mutateDoc, setRemoteClock } from '../../../main/sync/docStore';
import { mirrorAuditFromTables, mirrorVesselFromTables } from '../../../main/sync/mirror';
import { applyDocToTables } from '../../../main/sync/applyToTables';
import { appendFinding, auditDocName, indexDocName, readAuditDoc, readIndexDoc, setChecklistEntry, setNotes } from '../../../shared/sync';

let dir: string;
let store: Store;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gangway-docstore-'));
  store = openDeviceStore(dir);
});
afterEach(() => {
  store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const HUB = 'ws://hub.test:1234';
const name = 'audit:0b8f7a52-6c1e-4a3b-9d0e-3f2a1b4c5d6e';

function noteEdits(n: number) {
  for (let i = 0; i < n; i++) mutateDoc(store.db, name, (d) => setNotes(d, d.getText('notes').toString() + `line ${i}\n`));
}

describe('document persistence in SQLite', () => {
  it('every change is one logged update and the document reloads from the log', () => {
    noteEdits(3);
    expect((store.db.prepare('SELECT count(*) AS n FROM sync_updates').get() as { n: number }).n).toBe(3);
    expect(mutateDoc(store.db, name, () => {})).toBeNull();
    expect(loadDoc(store.db, name).getText('notes').toString()).toBe('line 0\nline 1\nline 2\n');
  });

  it('compaction folds only what the hub acknowledged, and the document reads the same after', () => {
    store.db.prepare('INSERT INTO sync_hubs (hub) VALUES (?)').run(HUB);
    noteEdits(5);
    const [pending] = docsToPush(store.db, HUB);
    expect(pending?.localClock).toBe(5);
    setRemoteClock(store.db, HUB, name, { pushed: 3 });
    const before = loadDoc(store.db, name).getText('notes').toString();
    expect(compactDoc(store.db, name).folded).toBe(3);
    expect((store.db.prepare('SELECT count(*) AS n FROM sync_updates').get() as { n: number }).n).toBe(2);
    expect(loadDoc(store.db, name).getText('notes').toString()).toBe(before);
    expect(docsToPush(store.db, HUB)).toHaveLength(1);
  });

  it('without a hub nothing is compacted: unacknowledged updates are never folded away', () => {
    noteEdits(4);
    expect(compactDoc(store.db, name).folded).toBe(0);
  });

  it('a compaction that fails halfway leaves the log and the snapshot exactly as they were', () => {
    store.db.prepare('INSERT INTO sync_hubs (hub) VALUES (?)').run(HUB);
    noteEdits(4);
    setRemoteClock(store.db, HUB, name, { pushed: 4 });
    const before = loadDoc(store.db, name).getText('notes').toString();
    store.db.exec(`CREATE TRIGGER crash BEFORE DELETE ON sync_updates BEGIN SELECT RAISE(ABORT, 'power cut'); END;`);
    expect(() => compactDoc(store.db, name)).toThrow(/power cut/);
    expect(store.db.prepare('SELECT count(*) AS n FROM sync_snapshots').get()).toEqual({ n: 0 });
    expect((store.db.prepare('SELECT count(*) AS n FROM sync_updates').get() as { n: number }).n).toBe(4);
    expect(loadDoc(store.db, name).getText('notes').toString()).toBe(before);
  });
});

describe('tables and documents stay consistent', () => {
  function seed(db: Store['db']) {
    return inTransaction(db, () => {
      const v = createVessel(db, { name: 'Ocean Star' });
      mirrorVesselFromTables(db, v.id);
      const a = createAudit(db, { vesselId: v.id, place: 'Ranong', date: '2026-11-21', inspector: 'P. Wong' });
      mirrorAuditFromTables(db, a.id);
      return a.id;
    });
  }

  it('a finding added through the repository appears in the document, and a rolled-back one in neither', () => {
    const auditId = seed(store.db);
    inTransaction(store.db, () => {
      addFinding(store.db, { auditId, title: 'no rest hours recorded', severity: 'high' });
      mirrorAuditFromTables(store.db, auditId);
    });
    expect(() =>
      inTransaction(store.db, () => {
        addFinding(store.db, { auditId, title: 'never saved', severity: 'low' });
        mirrorAuditFromTables(store.db, auditId);
        throw new Error('the inspector pressed cancel');
      }),
    ).toThrow();
    const view = readAuditDoc(loadDoc(store.db, auditDocName(auditId)));
    expect(view.findings.map((f) => f.title)).toEqual(['no rest hours recorded']);
    expect(listFindings(store.db, auditId).map((f) => f.title)).toEqual(['no rest hours recorded']);
    expect(view.meta?.place).toBe('Ranong');
  });

  it("another device's merged finding and checklist answer land in this device's tables", () => {
    const auditId = seed(store.db);
    const docName = auditDocName(auditId);
    // The other replica starts from our state, edits offline, and its update arrives as a remote update.
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(loadDoc(store.db, docName)));
    const sv = Y.encodeStateVector(other);
    appendFinding(other, { id: '3a1f6f0e-2b7c-4d5e-8f9a-0b1c2d3e4f50', auditId, title: 'wages paid to broker', description: '', severity: 'critical', evidence: [], createdAt: '2026-11-21T10:00:00.000Z' });
    setChecklistEntry(other, 'c188.wage.direct', { result: 'non_compliant', updatedAt: '2026-11-21T10:00:00.000Z' });
    appendUpdate(store.db, docName, Y.encodeStateAsUpdate(other, sv), 'remote');
    expect(applyDocToTables(store.db, docName).applied).toBe(true);
    expect(listFindings(store.db, auditId).map((f) => f.title)).toEqual(['wages paid to broker']);
    expect(listChecklist(store.db, auditId).map((c) => [c.code, c.result])).toEqual([['c188.wage.direct', 'non_compliant']]);
    // Our own later change still mirrors on top of the merged state.
    inTransaction(store.db, () => {
      setChecklistItem(store.db, { auditId, code: 'c188.rest.24h', result: 'compliant' });
      mirrorAuditFromTables(store.db, auditId);
    });
    expect(Object.keys(readAuditDoc(loadDoc(store.db, docName)).checklist).sort()).toEqual(['c188.rest.24h', 'c188.wage.direct']);
  });

  it("the agency index lists each audit once and follows its status", () => {
    const auditId = seed(store.db);
    const index = () => readIndexDoc(loadDoc(store.db, indexDocName('local')));
    expect(index().get(auditId)).toMatchObject({ vesselName: 'Ocean Star', status: 'in_progress' });
    store.db.prepare("UPDATE audits SET status = 'completed' WHERE id = ?").run(auditId);
    mirrorAuditFromTables(store.db, auditId);
    expect(index().get(auditId)?.status).toBe('completed');
    expect(index().size).toBe(1);
  });
});
