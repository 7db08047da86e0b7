import { randomUUID } from 'node:crypto';
import { openDeviceStore } from '../../../main/device-store';
import { inTransaction, type Store } from '../../../main/store/database';
import { createVessel } from '../../../main/store/repos/vessels';
import { createAudit } from '../../../main/store/repos/audits';
import { addFinding, listFindings } from '../../../main/store/repos/findings';
import { setChecklistItem, listChecklist } from '../../../main/store/repos/checklist';
import { mirrorAuditFromTables, mirrorVesselFromTables, recordAuditChange } from '../../../main/sync/mirror';
import { loadDoc } from '../../../main/sync/docStore';
import { readAuditDoc, auditDocName, setNotes, auditParts } from '../../../shared/sync';

/**
 * What a device does in the sync tests, written the way the integrator's
 * repos will: every row change and its document change in one transaction.
 */
export function openDevice(dataDir: string): Store {
  return openDeviceStore(dataDir);
}

export function createVesselAndAudit(db: Store['db'], name = 'Sea Falcon 7'): { vesselId: string; auditId: string } {
  return inTransaction(db, () => {
    const vessel = createVessel(db, { name });
    mirrorVesselFromTables(db, vessel.id);
    const audit = createAudit(db, { vesselId: vessel.id, place: 'Songkhla', date: '2026-11-20', inspector: 'K. Somchai' });
    mirrorAuditFromTables(db, audit.id);
    return { vesselId: vessel.id, auditId: audit.id };
  });
}

export function addFindingMirrored(db: Store['db'], auditId: string, title: string): string {
  return inTransaction(db, () => {
    const f = addFinding(db, { auditId, title, severity: 'high', description: `observed: ${title}` });
    mirrorAuditFromTables(db, auditId);
    return f.id;
  });
}

export function setChecklistMirrored(db: Store['db'], auditId: string, code: string, result: 'compliant' | 'non_compliant'): void {
  inTransaction(db, () => {
    setChecklistItem(db, { auditId, code, result });
    mirrorAuditFromTables(db, auditId);
  });
}

export function appendNote(db: Store['db'], auditId: string, text: string): void {
  recordAuditChange(db, auditId, (doc) => setNotes(doc, auditParts(doc).notes.toString() + text));
}

/** A device's view of an audit: the document and the tables, for convergence checks. */
export function dumpAudit(db: Store['db'], auditId: string) {
  const doc = loadDoc(db, auditDocName(auditId));
  const view = readAuditDoc(doc);
  doc.destroy();
  let rows: { findings: string[]; checklist: Record<string, string> } | null = null;
  try {
    rows = {
      findings: listFindings(db, auditId).map((f) => f.id).sort(),
      checklist: Object.fromEntries(listChecklist(db, auditId).map((c) => [c.code, c.result])),
    };
  } catch {
    rows = null;
  }
  return {
    findings: view.findings.map((f) => f.id).sort(),
    findingTitles: view.findings.map((f) => f.title).sort(),
    checklist: Object.fromEntries(Object.entries(view.checklist).map(([k, v]) => [k, v.result])),
    notes: view.notes,
    meta: view.meta,
    rows,
  };
}

export const newId = () => randomUUID();
