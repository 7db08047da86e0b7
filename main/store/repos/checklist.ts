import { ChecklistItem } from '../../../shared/domain/audit';
import type { ChecklistResult } from '../../../shared/domain/audit';
import type { Db } from '../database';
import { inTransaction } from '../database';
import { now, nullToUndefined } from './rows';
import { mirrorAuditFromTables } from '../../sync/mirror';
import { getAudit } from './audits';
import { logRecord, recordHash } from '../../evidence-log/record';

const SELECT = `SELECT audit_id AS auditId, code, result, note, updated_at AS updatedAt FROM checklist_items`;

export function setChecklistItem(db: Db, item: { auditId: string; code: string; result: ChecklistResult; note?: string }): ChecklistItem {
  return inTransaction(db, () => {
    getAudit(db, item.auditId);
    const t = now();
    db.prepare(
      `INSERT INTO checklist_items (audit_id, code, result, note, updated_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (audit_id, code) DO UPDATE SET result = excluded.result, note = excluded.note, updated_at = excluded.updated_at`,
    ).run(item.auditId, item.code, item.result, item.note ?? null, t);
    db.prepare('UPDATE audits SET updated_at = ? WHERE id = ?').run(t, item.auditId);
    mirrorAuditFromTables(db, item.auditId);
    const stored = ChecklistItem.parse(nullToUndefined(db.prepare(`${SELECT} WHERE audit_id = ? AND code = ?`).get(item.auditId, item.code) as Record<string, unknown>));
    logRecord(db, { kind: 'checklist', auditId: item.auditId, subject: item.code, contentHash: recordHash(stored), action: stored.result });
    return stored;
  });
}

export function listChecklist(db: Db, auditId: string): ChecklistItem[] {
  getAudit(db, auditId);
  return (db.prepare(`${SELECT} WHERE audit_id = ? ORDER BY code`).all(auditId) as Record<string, unknown>[]).map((r) => ChecklistItem.parse(nullToUndefined(r)));
}
