import type * as Y from 'yjs';
import {
  appendEvidence,
  appendFinding,
  auditDocName,
  auditParts,
  indexDocName,
  readAuditMeta,
  setIndexEntry,
  setChecklistEntry,
  vesselDocName,
  writeAuditMeta,
  writeVesselDoc,
  type AuditMeta,
  type Confidentiality,
  type EvidenceKind,
} from '../../shared/sync';
import type { Db } from '../store/database';
import { auditRowFor } from '../store/repos/audits';
import { checklistRowsOf } from '../store/repos/checklist';
import { evidenceOfFindings, findingsOf } from '../store/repos/findings';
import { findVessel } from '../store/repos/vessels';
import { onRowChange } from '../store/rowHooks';
import { forgetDoc, loadDoc, mutateDoc } from './docStore';

/**
 * The shared documents, written from the rows (device side). The repos own
 * the rows and report each change (main/store/rowHooks.ts); the hook
 * registered here changes the document inside the repo's transaction, so a
 * row and its document change commit together or not at all.
 */

/** Low-level: change an audit's document in the caller's transaction. */
export function recordAuditChange(db: Db, auditId: string, mutate: (doc: Y.Doc) => void): Uint8Array | null {
  return mutateDoc(db, auditDocName(auditId), mutate);
}

export function recordVesselChange(db: Db, vesselId: string, mutate: (doc: Y.Doc) => void): Uint8Array | null {
  return mutateDoc(db, vesselDocName(vesselId), mutate);
}

/** The agency and role this device was enrolled with; an unenrolled device writes as agency "local". */
export function deviceIdentity(db: Db): { agency: string; role: string | null } {
  const row = db.prepare('SELECT agency, role FROM sync_device WHERE id = 1').get() as { agency: string; role: string } | undefined;
  return row ?? { agency: 'local', role: null };
}

function mediaKind(mediaType: string, encrypted: boolean): EvidenceKind {
  if (mediaType.startsWith('audio/')) return encrypted ? 'interview_audio' : 'other';
  if (mediaType.startsWith('image/')) return 'photo';
  if (mediaType.includes('nmea')) return 'nmea_archive';
  if (mediaType.includes('csv') || mediaType.includes('spreadsheet') || mediaType.includes('ofx')) return 'bank_file';
  return encrypted ? 'interview_notes' : 'document';
}

/**
 * Brings the audit's document up to date with its rows: meta, every checklist
 * item, every finding not yet in the document (findings are append-only on
 * both sides) and their evidence references. Idempotent: calling it twice
 * logs nothing the second time.
 */
export function mirrorAuditFromTables(db: Db, auditId: string, options: { confidentiality?: Confidentiality } = {}): Uint8Array | null {
  const audit = auditRowFor(db, auditId);
  if (!audit) return null;
  const checklist = checklistRowsOf(db, auditId);
  const findings = findingsOf(db, auditId);
  const links = evidenceOfFindings(db, auditId);
  const { agency, role } = deviceIdentity(db);
  let owner = agency;
  const update = recordAuditChange(db, auditId, (doc) => {
    const existing = readAuditMeta(doc);
    const rawMeta = auditParts(doc).meta;
    const meta: AuditMeta = {
      auditId,
      vesselId: audit.vesselId,
      vesselName: audit.vesselName,
      place: audit.place,
      date: audit.date,
      inspector: audit.inspector,
      status: audit.status,
      agency: (rawMeta.get('agency') as string | undefined) ?? agency,
      confidentiality: existing?.confidentiality ?? options.confidentiality ?? (role === 'union_rep' ? 'union' : 'agency'),
      sharedWith: existing?.sharedWith ?? [],
      createdAt: audit.createdAt,
      updatedAt: audit.updatedAt,
    };
    owner = meta.agency;
    writeAuditMeta(doc, meta);
    const inDoc = auditParts(doc).checklist;
    for (const item of checklist) {
      const entry = { result: item.result, updatedAt: item.updatedAt, ...(item.note ? { note: item.note } : {}) };
      if (JSON.stringify(inDoc.get(item.code)) !== JSON.stringify(entry)) setChecklistEntry(doc, item.code, entry);
    }
    for (const finding of findings) appendFinding(doc, finding);
    for (const l of links) {
      const encrypted = l.encrypted;
      appendEvidence(doc, { sha256: l.sha256, size: l.size, mediaType: l.mediaType, kind: mediaKind(l.mediaType, encrypted), encrypted, findingId: l.findingId, addedAt: l.createdAt });
    }
  });
  // The agency's small index: one line per audit, so a newly enrolled device can list audits before pulling them.
  // Only the owning agency keeps it; a device reading another agency's shared audit leaves it alone.
  if (owner !== agency) return update;
  mutateDoc(db, indexDocName(owner), (doc) =>
    setIndexEntry(doc, auditId, { vesselId: audit.vesselId, vesselName: audit.vesselName, date: audit.date, status: audit.status }),
  );
  return update;
}

/** Brings the vessel's registry document up to date with its row. */
export function mirrorVesselFromTables(db: Db, vesselId: string): Uint8Array | null {
  const vessel = findVessel(db, vesselId);
  if (!vessel) return null;
  return recordVesselChange(db, vesselId, (doc) => writeVesselDoc(doc, vessel));
}

/**
 * Keeps every shared document up to date with its rows on this device's
 * store: each repo write of a vessel, an audit, a checklist item or a
 * finding changes the document in the same transaction (main/store/rowHooks.ts).
 */
export function mirrorRowChanges(db: Db): () => void {
  return onRowChange(db, (d, change) => {
    if (change.kind === 'vessel') mirrorVesselFromTables(d, change.vesselId);
    else mirrorAuditFromTables(d, change.auditId);
  });
}

/**
 * At enrolment: audits recorded before this device had an agency (agency
 * "local") and never pushed to any hub now belong to the enrolled agency,
 * and a union representative's become union-confidential. Runs inside the
 * enrolment transaction; documents a hub already holds are left alone,
 * because their owner is fixed there.
 */
export function adoptLocalDocuments(db: Db, agency: string, role: string): number {
  const docs = (
    db
      .prepare(
        `SELECT c.doc FROM sync_clocks c WHERE c.doc LIKE 'audit:%'
         AND NOT EXISTS (SELECT 1 FROM sync_remote_clocks r WHERE r.doc = c.doc AND r.pushed > 0)`,
      )
      .all() as { doc: string }[]
  ).map((r) => r.doc);
  let adopted = 0;
  for (const name of docs) {
    const doc = loadDoc(db, name);
    const meta = readAuditMeta(doc);
    doc.destroy();
    if (!meta || meta.agency !== 'local') continue;
    mutateDoc(db, name, (d) => {
      const m = auditParts(d).meta;
      m.set('agency', agency);
      if (role === 'union_rep') m.set('confidentiality', 'union');
    });
    mutateDoc(db, indexDocName(agency), (d) => setIndexEntry(d, meta.auditId, { vesselId: meta.vesselId, vesselName: meta.vesselName, date: meta.date, status: meta.status }));
    adopted++;
  }
  forgetDoc(db, indexDocName('local'));
  return adopted;
}

/** Sets who may read an audit besides its agency; only the owning agency's writers can make this stick on the hub. */
export function setAuditSharing(db: Db, auditId: string, sharing: { confidentiality?: Confidentiality; sharedWith?: AuditMeta['sharedWith'] }): void {
  recordAuditChange(db, auditId, (doc) => {
    const meta = auditParts(doc).meta;
    if (sharing.confidentiality && meta.get('confidentiality') === undefined) meta.set('confidentiality', sharing.confidentiality);
    if (sharing.sharedWith) meta.set('sharedWith', [...sharing.sharedWith]);
  });
}
