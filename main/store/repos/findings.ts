import { randomUUID } from 'node:crypto';
import { GangwayError } from '../../../shared/errors';
import { Finding, FindingInput } from '../../../shared/domain/audit';
import type { Db } from '../database';
import { inTransaction } from '../database';
import { now, nullToUndefined } from './rows';
import { rowsChanged } from '../rowHooks';
import { getAudit } from './audits';
import { logRecord, recordHash } from '../../evidence-log/record';

export function addFinding(db: Db, input: FindingInput): Finding {
  const f = FindingInput.parse(input);
  const id = randomUUID();
  inTransaction(db, () => {
    const audit = getAudit(db, f.auditId);
    if (audit.status === 'completed' || audit.status === 'cancelled') {
      throw new GangwayError('CONFLICT', `This audit is ${audit.status}; reopen it before adding findings.`);
    }
    if (f.amends) {
      const target = db.prepare('SELECT audit_id FROM findings WHERE id = ?').get(f.amends) as { audit_id: string } | undefined;
      if (!target || target.audit_id !== f.auditId) throw new GangwayError('VALIDATION', 'A finding can only amend another finding of the same audit.', [{ path: 'amends', message: 'not a finding of this audit' }]);
    }
    for (const sha of f.evidence) {
      if (!db.prepare('SELECT 1 FROM evidence WHERE sha256 = ?').get(sha)) {
        throw new GangwayError('VALIDATION', `Evidence ${sha.slice(0, 12)}… is not stored on this device. Attach the file first.`, [{ path: 'evidence', message: 'unknown evidence' }]);
      }
    }
    db.prepare(
      `INSERT INTO findings (id, audit_id, title, description, severity, checklist_code, indicator, amends, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(id, f.auditId, f.title, f.description, f.severity, f.checklistCode ?? null, f.indicator ?? null, f.amends ?? null, now());
    const link = db.prepare('INSERT INTO finding_evidence (finding_id, sha256) VALUES (?, ?)');
    for (const sha of new Set(f.evidence)) link.run(id, sha);
    db.prepare('UPDATE audits SET updated_at = ? WHERE id = ?').run(now(), f.auditId);
    rowsChanged(db, { kind: 'audit', auditId: f.auditId });
    const stored = getFinding(db, id);
    logRecord(db, { kind: 'finding', auditId: f.auditId, subject: id, contentHash: recordHash(stored), original: null, action: stored.amends ? 'amends a finding' : null });
  });
  return getFinding(db, id);
}

function hydrate(db: Db, row: Record<string, unknown>): Finding {
  const evidence = (db.prepare('SELECT sha256 FROM finding_evidence WHERE finding_id = ? ORDER BY sha256').all(row.id) as { sha256: string }[]).map((r) => r.sha256);
  return Finding.parse({ ...nullToUndefined(row), evidence });
}

const SELECT = `SELECT id, audit_id AS auditId, title, description, severity, checklist_code AS checklistCode,
  indicator, amends, created_at AS createdAt FROM findings`;

export function getFinding(db: Db, id: string): Finding {
  const row = db.prepare(`${SELECT} WHERE id = ?`).get(id) as Record<string, unknown> | undefined;
  if (!row) throw new GangwayError('NOT_FOUND', 'That finding does not exist on this device.');
  return hydrate(db, row);
}

export function listFindings(db: Db, auditId: string): Finding[] {
  getAudit(db, auditId);
  const rows = db.prepare(`${SELECT} WHERE audit_id = ? ORDER BY created_at, rowid`).all(auditId) as Record<string, unknown>[];
  return rows.map((r) => hydrate(db, r));
}

/** An audit's findings with their evidence, oldest first, for its shared document (no check that the audit exists). */
export function findingsOf(db: Db, auditId: string): Finding[] {
  const rows = db
    .prepare(
      `SELECT id, audit_id AS auditId, title, description, severity, checklist_code AS checklistCode, indicator, amends, created_at AS createdAt
       FROM findings WHERE audit_id = ? ORDER BY created_at, id`,
    )
    .all(auditId) as Record<string, unknown>[];
  const links = evidenceOfFindings(db, auditId);
  return rows.map((row) => Finding.parse({ ...nullToUndefined(row), evidence: links.filter((l) => l.findingId === row['id']).map((l) => l.sha256) }));
}

/** The evidence attached to an audit's findings, one entry per finding and blob. */
export function evidenceOfFindings(db: Db, auditId: string): { findingId: string; sha256: string; size: number; mediaType: string; encrypted: boolean; createdAt: string }[] {
  const rows = db
    .prepare(
      `SELECT fe.finding_id AS findingId, e.sha256, e.size, e.media_type AS mediaType, e.encrypted, e.created_at AS createdAt
       FROM finding_evidence fe JOIN evidence e ON e.sha256 = fe.sha256 JOIN findings f ON f.id = fe.finding_id
       WHERE f.audit_id = ? ORDER BY fe.finding_id, e.sha256`,
    )
    .all(auditId) as { findingId: string; sha256: string; size: number; mediaType: string; encrypted: number; createdAt: string }[];
  return rows.map((r) => ({ ...r, encrypted: r.encrypted === 1 }));
}

/**
 * Inserts the findings of a merged shared document that this device does not
 * have yet (findings are append-only on both sides), with their evidence
 * links; a blob known only by its hash gets a placeholder evidence row. An
 * amendment may come before what it amends in the document: the amended is
 * inserted first. Reports no row change: the document is already the source.
 */
export function addFindingsFromDocument(db: Db, auditId: string, findings: readonly Finding[]): void {
  const hasFinding = db.prepare('SELECT 1 FROM findings WHERE id = ?');
  const add = db.prepare(
    `INSERT INTO findings (id, audit_id, title, description, severity, checklist_code, indicator, amends, created_at)
     VALUES (@id, @auditId, @title, @description, @severity, @checklistCode, @indicator, @amends, @createdAt)`,
  );
  const link = db.prepare('INSERT INTO finding_evidence (finding_id, sha256) VALUES (?, ?) ON CONFLICT DO NOTHING');
  const hasEvidence = db.prepare('SELECT 1 FROM evidence WHERE sha256 = ?');
  const placeholder = db.prepare(`INSERT INTO evidence (sha256, size, media_type, encrypted, created_at) VALUES (?, 0, 'application/octet-stream', 0, ?) ON CONFLICT (sha256) DO NOTHING`);
  const pending = findings.filter((f) => f.auditId === auditId && !hasFinding.get(f.id));
  const ids = new Set(pending.map((f) => f.id));
  const ordered = [...pending].sort((a, b) => (a.amends && ids.has(a.amends) ? 1 : 0) - (b.amends && ids.has(b.amends) ? 1 : 0) || a.createdAt.localeCompare(b.createdAt));
  for (const f of ordered) {
    add.run({ ...f, checklistCode: f.checklistCode ?? null, indicator: f.indicator ?? null, amends: f.amends && hasFinding.get(f.amends) ? f.amends : null });
    for (const sha of f.evidence) {
      if (!hasEvidence.get(sha)) placeholder.run(sha, now());
      link.run(f.id, sha);
    }
  }
}
