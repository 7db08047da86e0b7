import { GangwayError } from '../../shared/errors';
import { parseDocName, readAuditDoc, readVesselDoc } from '../../shared/sync';
import type { Db } from '../store/database';
import { loadDoc } from './docStore';

export type ApplyResult = { doc: string; applied: boolean; reason?: string };

const now = (): string => new Date().toISOString();

/**
 * Writes a merged document back into the relational tables, in one
 * transaction. Called by the sync client after remote updates were logged.
 * Findings are inserted when missing (both sides are append-only); checklist
 * items and audit fields take the document's value, because the merged
 * document is the agreed state (every local row change was mirrored into it
 * in the same transaction, so it already contains ours).
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

function applyVessel(db: Db, name: string, doc: import('yjs').Doc): ApplyResult {
  const v = readVesselDoc(doc);
  if (!v) return { doc: name, applied: false, reason: 'the registry entry is incomplete' };
  const row = {
    id: v.id, name: v.name, flag: v.flag ?? null, imo: v.imo ?? null, mmsi: v.mmsi ?? null, callSign: v.callSign ?? null,
    registrationNo: v.registrationNo ?? null, gear: v.gear ?? null, owner: v.owner ?? null, homePort: v.homePort ?? null,
    createdAt: v.createdAt, updatedAt: v.updatedAt,
  };
  try {
    db.prepare(
      `INSERT INTO vessels (id, name, flag, imo, mmsi, call_sign, registration_no, gear, owner, home_port, created_at, updated_at)
       VALUES (@id, @name, @flag, @imo, @mmsi, @callSign, @registrationNo, @gear, @owner, @homePort, @createdAt, @updatedAt)
       ON CONFLICT (id) DO UPDATE SET name = @name, flag = @flag, imo = @imo, mmsi = @mmsi, call_sign = @callSign,
         registration_no = @registrationNo, gear = @gear, owner = @owner, home_port = @homePort, updated_at = @updatedAt`,
    ).run(row);
  } catch (e) {
    if ((e as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') {
      throw new GangwayError('CONFLICT', `The hub's registry entry for ${v.name} has an IMO or MMSI that another vessel on this device already uses. Merge the two vessels, then sync again.`);
    }
    throw e;
  }
  return { doc: name, applied: true };
}

function applyAudit(db: Db, name: string, auditId: string, doc: import('yjs').Doc): ApplyResult {
  const view = readAuditDoc(doc);
  const meta = view.meta;
  if (!meta || meta.auditId !== auditId) return { doc: name, applied: false, reason: 'the audit document has no complete meta yet' };
  const vessel = db.prepare('SELECT id FROM vessels WHERE id = ?').get(meta.vesselId);
  if (!vessel) return { doc: name, applied: false, reason: `waiting for vessel ${meta.vesselId}` };
  db.prepare(
    `INSERT INTO audits (id, vessel_id, place, date, inspector, status, created_at, updated_at)
     VALUES (@auditId, @vesselId, @place, @date, @inspector, @status, @createdAt, @updatedAt)
     ON CONFLICT (id) DO UPDATE SET place = @place, date = @date, inspector = @inspector, status = @status, updated_at = @updatedAt`,
  ).run(meta);
  const upsertItem = db.prepare(
    `INSERT INTO checklist_items (audit_id, code, result, note, updated_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (audit_id, code) DO UPDATE SET result = excluded.result, note = excluded.note, updated_at = excluded.updated_at`,
  );
  for (const [code, item] of Object.entries(view.checklist)) upsertItem.run(auditId, code, item.result, item.note ?? null, item.updatedAt);
  const addEvidence = db.prepare(
    `INSERT INTO evidence (sha256, size, media_type, encrypted, created_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (sha256) DO NOTHING`,
  );
  for (const e of view.evidence) addEvidence.run(e.sha256, e.size, e.mediaType, e.encrypted ? 1 : 0, e.addedAt);
  const hasFinding = db.prepare('SELECT 1 FROM findings WHERE id = ?');
  const addFinding = db.prepare(
    `INSERT INTO findings (id, audit_id, title, description, severity, checklist_code, indicator, amends, created_at)
     VALUES (@id, @auditId, @title, @description, @severity, @checklistCode, @indicator, @amends, @createdAt)`,
  );
  const link = db.prepare('INSERT INTO finding_evidence (finding_id, sha256) VALUES (?, ?) ON CONFLICT DO NOTHING');
  const hasEvidence = db.prepare('SELECT 1 FROM evidence WHERE sha256 = ?');
  // An amendment may arrive before what it amends in array order; insert the amended first.
  const pending = view.findings.filter((f) => f.auditId === auditId && !hasFinding.get(f.id));
  const ids = new Set(pending.map((f) => f.id));
  const ordered = [...pending].sort((a, b) => (a.amends && ids.has(a.amends) ? 1 : 0) - (b.amends && ids.has(b.amends) ? 1 : 0) || a.createdAt.localeCompare(b.createdAt));
  for (const f of ordered) {
    addFinding.run({ ...f, checklistCode: f.checklistCode ?? null, indicator: f.indicator ?? null, amends: f.amends && hasFinding.get(f.amends) ? f.amends : null });
    for (const sha of f.evidence) {
      if (!hasEvidence.get(sha)) addEvidence.run(sha, 0, 'application/octet-stream', 0, now());
      link.run(f.id, sha);
    }
  }
  return { doc: name, applied: true };
}
