import { randomUUID } from 'node:crypto';
import { GangwayError } from '../../../shared/errors';
import { Audit, AuditInput, AUDIT_TRANSITIONS, type AuditStatus } from '../../../shared/domain/audit';
import type { AuditMeta } from '../../../shared/sync';
import type { Db } from '../database';
import { inTransaction } from '../database';
import { now } from './rows';
import { rowsChanged } from '../rowHooks';
import { getVessel } from './vessels';
import { checkpointNow, logRecord, recordHash } from '../../evidence-log/record';

const SELECT = `SELECT a.id, a.vessel_id AS vesselId, v.name AS vesselName, a.place, a.date, a.inspector, a.status,
    (SELECT count(*) FROM findings f WHERE f.audit_id = a.id) AS findingCount,
    a.created_at AS createdAt, a.updated_at AS updatedAt
  FROM audits a JOIN vessels v ON v.id = a.vessel_id`;

export function createAudit(db: Db, input: AuditInput): Audit {
  const a = AuditInput.parse(input);
  const id = randomUUID();
  inTransaction(db, () => {
    getVessel(db, a.vesselId);
    const t = now();
    db.prepare(
      `INSERT INTO audits (id, vessel_id, place, date, inspector, status, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, 'in_progress', ?, ?)`,
    ).run(id, a.vesselId, a.place, a.date, a.inspector, t, t);
    rowsChanged(db, { kind: 'audit', auditId: id });
  });
  return getAudit(db, id);
}

export function getAudit(db: Db, id: string): Audit {
  const row = db.prepare(`${SELECT} WHERE a.id = ?`).get(id);
  if (!row) throw new GangwayError('NOT_FOUND', 'That audit does not exist on this device. Open the audit list and pick it again.');
  return Audit.parse(row);
}

export function listAudits(db: Db, filter: { vesselId?: string; status?: AuditStatus } = {}): Audit[] {
  const rows = db
    .prepare(
      `${SELECT} WHERE (@vesselId IS NULL OR a.vessel_id = @vesselId) AND (@status IS NULL OR a.status = @status)
       ORDER BY a.date DESC, a.created_at DESC`,
    )
    .all({ vesselId: filter.vesselId ?? null, status: filter.status ?? null });
  return rows.map((r) => Audit.parse(r));
}

export function setAuditStatus(db: Db, id: string, status: AuditStatus): Audit {
  return inTransaction(db, () => {
    const audit = getAudit(db, id);
    if (audit.status === status) return audit;
    if (!AUDIT_TRANSITIONS[audit.status].includes(status)) {
      throw new GangwayError('CONFLICT', `An audit that is ${audit.status.replace('_', ' ')} cannot become ${status.replace('_', ' ')}. Allowed next: ${AUDIT_TRANSITIONS[audit.status].join(', ')}.`);
    }
    db.prepare('UPDATE audits SET status = ?, updated_at = ? WHERE id = ?').run(status, now(), id);
    rowsChanged(db, { kind: 'audit', auditId: id });
    const changed = getAudit(db, id);
    logRecord(db, { kind: 'audit', auditId: id, subject: id, contentHash: recordHash(changed), action: status });
    // A completed audit is what gets handed over: the log is signed as it stands at that moment.
    if (status === 'completed') checkpointNow(db, `audit ${id} completed`);
    return changed;
  });
}

export function auditExists(db: Db, id: string): boolean {
  return db.prepare('SELECT 1 FROM audits WHERE id = ?').get(id) !== undefined;
}

/** The audit row as its shared document's meta carries it (with its vessel's name); null when there is no such audit. */
export interface AuditRow {
  id: string;
  vesselId: string;
  vesselName: string;
  place: string;
  date: string;
  inspector: string;
  status: AuditStatus;
  createdAt: string;
  updatedAt: string;
}

export function auditRowFor(db: Db, id: string): AuditRow | null {
  const row = db
    .prepare(
      `SELECT a.id, a.vessel_id AS vesselId, v.name AS vesselName, a.place, a.date, a.inspector, a.status,
              a.created_at AS createdAt, a.updated_at AS updatedAt
       FROM audits a JOIN vessels v ON v.id = a.vessel_id WHERE a.id = ?`,
    )
    .get(id) as AuditRow | undefined;
  return row ?? null;
}

/**
 * Writes an audit's row from its merged shared document's meta. Reports no
 * row change: the document is already the source.
 */
export function writeAuditFromDocument(db: Db, meta: AuditMeta): void {
  db.prepare(
    `INSERT INTO audits (id, vessel_id, place, date, inspector, status, created_at, updated_at)
     VALUES (@auditId, @vesselId, @place, @date, @inspector, @status, @createdAt, @updatedAt)
     ON CONFLICT (id) DO UPDATE SET place = @place, date = @date, inspector = @inspector, status = @status, updated_at = @updatedAt`,
  ).run(meta);
}

/** The ids of every audit on this device, or of one vessel's. */
export function auditIds(db: Db, filter: { vesselId?: string } = {}): string[] {
  return filter.vesselId
    ? (db.prepare('SELECT id FROM audits WHERE vessel_id = ?').pluck().all(filter.vesselId) as string[])
    : (db.prepare('SELECT id FROM audits').pluck().all() as string[]);
}

/** The date of the vessel's latest audit (not cancelled) before `date`, other than `auditId`. */
export function previousAuditDate(db: Db, vesselId: string, auditId: string, date: string): string | null {
  return (db.prepare(`SELECT max(date) AS d FROM audits WHERE vessel_id = ? AND id != ? AND status != 'cancelled' AND date < ?`).get(vesselId, auditId, date) as { d: string | null }).d;
}

/** An audit with its vessel's flag and owner, for the audit's impact summary. */
export function auditWithVesselFacts(db: Db, id: string): { id: string; vesselId: string; place: string; date: string; status: AuditStatus; flag: string | null; owner: string | null } | null {
  const row = db
    .prepare(
      `SELECT a.id, a.vessel_id AS vesselId, a.place, a.date, a.status, v.flag, v.owner
       FROM audits a JOIN vessels v ON v.id = a.vessel_id WHERE a.id = ?`,
    )
    .get(id) as never;
  return row ?? null;
}
