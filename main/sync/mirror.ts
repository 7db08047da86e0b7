import type * as Y from 'yjs';
import { Finding } from '../../shared/domain/audit';
import { Vessel } from '../../shared/domain/vessel';
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
import { nullToUndefined } from '../store/repos/rows';
import { forgetDoc, loadDoc, mutateDoc } from './docStore';

/**
 * The one place that writes both the relational tables and the shared
 * documents, device side. The repos call these inside their own transaction,
 * right after their INSERT/UPDATE, so a row and its document change commit
 * together or not at all.
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
  const audit = db
    .prepare(
      `SELECT a.id, a.vessel_id AS vesselId, v.name AS vesselName, a.place, a.date, a.inspector, a.status,
              a.created_at AS createdAt, a.updated_at AS updatedAt
       FROM audits a JOIN vessels v ON v.id = a.vessel_id WHERE a.id = ?`,
    )
    .get(auditId) as Record<string, string> | undefined;
  if (!audit) return null;
  const checklist = db.prepare('SELECT code, result, note, updated_at AS updatedAt FROM checklist_items WHERE audit_id = ? ORDER BY code').all(auditId) as Record<string, string | null>[];
  const findingRows = db
    .prepare(
      `SELECT id, audit_id AS auditId, title, description, severity, checklist_code AS checklistCode, indicator, amends, created_at AS createdAt
       FROM findings WHERE audit_id = ? ORDER BY created_at, id`,
    )
    .all(auditId) as Record<string, string | null>[];
  const links = db
    .prepare(
      `SELECT fe.finding_id AS findingId, e.sha256, e.size, e.media_type AS mediaType, e.encrypted, e.created_at AS createdAt
       FROM finding_evidence fe JOIN evidence e ON e.sha256 = fe.sha256 JOIN findings f ON f.id = fe.finding_id
       WHERE f.audit_id = ? ORDER BY fe.finding_id, e.sha256`,
    )
    .all(auditId) as { findingId: string; sha256: string; size: number; mediaType: string; encrypted: number; createdAt: string }[];
  const { agency, role } = deviceIdentity(db);
  let owner = agency;
  const update = recordAuditChange(db, auditId, (doc) => {
    const existing = readAuditMeta(doc);
    const rawMeta = auditParts(doc).meta;
    const meta: AuditMeta = {
      auditId,
      vesselId: audit['vesselId']!,
      vesselName: audit['vesselName']!,
      place: audit['place']!,
      date: audit['date']!,
      inspector: audit['inspector']!,
      status: audit['status'] as AuditMeta['status'],
      agency: (rawMeta.get('agency') as string | undefined) ?? agency,
      confidentiality: existing?.confidentiality ?? options.confidentiality ?? (role === 'union_rep' ? 'union' : 'agency'),
      sharedWith: existing?.sharedWith ?? [],
      createdAt: audit['createdAt']!,
      updatedAt: audit['updatedAt']!,
    };
    owner = meta.agency;
    writeAuditMeta(doc, meta);
    const inDoc = auditParts(doc).checklist;
    for (const item of checklist) {
      const entry = { result: item['result'] as never, updatedAt: item['updatedAt']!, ...(item['note'] ? { note: item['note'] } : {}) };
      if (JSON.stringify(inDoc.get(item['code']!)) !== JSON.stringify(entry)) setChecklistEntry(doc, item['code']!, entry);
    }
    for (const row of findingRows) {
      const evidence = links.filter((l) => l.findingId === row['id']).map((l) => l.sha256);
      appendFinding(doc, Finding.parse({ ...nullToUndefined(row), evidence }));
    }
    for (const l of links) {
      const encrypted = l.encrypted === 1;
      appendEvidence(doc, { sha256: l.sha256, size: l.size, mediaType: l.mediaType, kind: mediaKind(l.mediaType, encrypted), encrypted, findingId: l.findingId, addedAt: l.createdAt });
    }
  });
  // The agency's small index: one line per audit, so a newly enrolled device can list audits before pulling them.
  // Only the owning agency keeps it; a device reading another agency's shared audit leaves it alone.
  if (owner !== agency) return update;
  mutateDoc(db, indexDocName(owner), (doc) =>
    setIndexEntry(doc, auditId, { vesselId: audit['vesselId']!, vesselName: audit['vesselName']!, date: audit['date']!, status: audit['status'] as AuditMeta['status'] }),
  );
  return update;
}

/** Brings the vessel's registry document up to date with its row. */
export function mirrorVesselFromTables(db: Db, vesselId: string): Uint8Array | null {
  const row = db
    .prepare(
      `SELECT id, name, flag, imo, mmsi, call_sign AS callSign, registration_no AS registrationNo, gear, owner, home_port AS homePort,
              created_at AS createdAt, updated_at AS updatedAt FROM vessels WHERE id = ?`,
    )
    .get(vesselId) as Record<string, unknown> | undefined;
  if (!row) return null;
  const vessel = Vessel.parse(nullToUndefined(row));
  return recordVesselChange(db, vesselId, (doc) => writeVesselDoc(doc, vessel));
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
