import { randomUUID } from 'node:crypto';
import { GangwayError } from '../../../shared/errors';
import { Finding, FindingInput } from '../../../shared/domain/audit';
import type { Db } from '../database';
import { inTransaction } from '../database';
import { now, nullToUndefined } from './rows';
import { mirrorAuditFromTables } from '../../sync/mirror';
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
    mirrorAuditFromTables(db, f.auditId);
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
