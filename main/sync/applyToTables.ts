import type * as Y from 'yjs';
import { parseDocName, readAuditDoc, readVesselDoc } from '../../shared/sync';
import { recordEvidenceRef } from '../evidence/blobs';
import type { Db } from '../store/database';
import { writeAuditFromDocument } from '../store/repos/audits';
import { writeChecklistFromDocument } from '../store/repos/checklist';
import { addFindingsFromDocument } from '../store/repos/findings';
import { vesselExists, writeVesselFromDocument } from '../store/repos/vessels';
import { loadDoc } from './docStore';

export type ApplyResult = { doc: string; applied: boolean; reason?: string };

/**
 * Writes a merged document back into the relational tables, in one
 * transaction, through the repos that own them. Called by the sync client
 * after remote updates were logged. Findings are inserted when missing (both
 * sides are append-only); checklist items and audit fields take the
 * document's value, because the merged document is the agreed state (every
 * local row change was mirrored into it in the same transaction, so it
 * already contains ours).
 */
export function applyDocToTables(db: Db, name: string): ApplyResult {
  const parsed = parseDocName(name);
  if (!parsed || (parsed.kind !== 'vessel' && parsed.kind !== 'audit')) return { doc: name, applied: false, reason: 'not a table-backed document' };
  const doc = loadDoc(db, name);
  try {
    return db.transaction(() => (parsed.kind === 'vessel' ? applyVessel(db, name, doc) : applyAudit(db, name, parsed.key, doc)))();
  } finally {
    doc.destroy();
  }
}

function applyVessel(db: Db, name: string, doc: Y.Doc): ApplyResult {
  const v = readVesselDoc(doc);
  if (!v) return { doc: name, applied: false, reason: 'the registry entry is incomplete' };
  writeVesselFromDocument(db, v);
  return { doc: name, applied: true };
}

function applyAudit(db: Db, name: string, auditId: string, doc: Y.Doc): ApplyResult {
  const view = readAuditDoc(doc);
  const meta = view.meta;
  if (!meta || meta.auditId !== auditId) return { doc: name, applied: false, reason: 'the audit document has no complete meta yet' };
  if (!vesselExists(db, meta.vesselId)) return { doc: name, applied: false, reason: `waiting for vessel ${meta.vesselId}` };
  writeAuditFromDocument(db, meta);
  writeChecklistFromDocument(db, auditId, view.checklist);
  for (const e of view.evidence) recordEvidenceRef(db, e);
  addFindingsFromDocument(db, auditId, view.findings);
  return { doc: name, applied: true };
}
