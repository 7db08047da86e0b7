import { ChecklistItem } from '../../../shared/domain/audit';
import type { ChecklistResult } from '../../../shared/domain/audit';
import type { ChecklistEntry } from '../../../shared/sync';
import type { Db } from '../database';
import { inTransaction } from '../database';
import { now, nullToUndefined } from './rows';
import { rowsChanged } from '../rowHooks';
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
    rowsChanged(db, { kind: 'audit', auditId: item.auditId });
    const stored = ChecklistItem.parse(nullToUndefined(db.prepare(`${SELECT} WHERE audit_id = ? AND code = ?`).get(item.auditId, item.code) as Record<string, unknown>));
    logRecord(db, { kind: 'checklist', auditId: item.auditId, subject: item.code, contentHash: recordHash(stored), action: stored.result });
    return stored;
  });
}

export function listChecklist(db: Db, auditId: string): ChecklistItem[] {
  getAudit(db, auditId);
  return (db.prepare(`${SELECT} WHERE audit_id = ? ORDER BY code`).all(auditId) as Record<string, unknown>[]).map((r) => ChecklistItem.parse(nullToUndefined(r)));
}

/** An audit's checklist rows as they are, for its shared document (no check that the audit exists). */
export function checklistRowsOf(db: Db, auditId: string): { code: string; result: ChecklistResult; note: string | null; updatedAt: string }[] {
  return db.prepare('SELECT code, result, note, updated_at AS updatedAt FROM checklist_items WHERE audit_id = ? ORDER BY code').all(auditId) as never;
}

/** Writes an audit's checklist rows from its merged shared document: the document's value wins per item. */
export function writeChecklistFromDocument(db: Db, auditId: string, checklist: Record<string, ChecklistEntry>): void {
  const upsert = db.prepare(
    `INSERT INTO checklist_items (audit_id, code, result, note, updated_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (audit_id, code) DO UPDATE SET result = excluded.result, note = excluded.note, updated_at = excluded.updated_at`,
  );
  for (const [code, item] of Object.entries(checklist)) upsert.run(auditId, code, item.result, item.note ?? null, item.updatedAt);
}
