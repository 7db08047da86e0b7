import crypto from 'node:crypto';
import type { InterviewState } from '../../shared/forms/session';
import { inTransaction, type Db } from '../store/database';
import { now } from '../store/repos/rows';
import type { Vault } from '../vault/vault';
import { interviewIds, resumeInterview } from './sessions';
import { GangwayError } from '../../shared/errors';
import { logRecord, recordHash } from '../evidence-log/record';

const interviewAudit = (db: Db, interviewId: string): string | null =>
  (db.prepare('SELECT audit_id FROM interviews WHERE id = ?').pluck().get(interviewId) as string | undefined) ?? null;

/**
 * Decrypted interview data leaves Gangway only through here: an explicit
 * action that names who and why, written to an append-only log (schema v3)
 * before the data is handed over.
 */
export interface ExportRequest {
  scope: 'interview' | 'audit';
  id: string;
  reason: string;
  exportedBy: string;
  target: string;
}

export function exportInterviews(db: Db, vault: Vault, req: ExportRequest): { exportId: string; interviews: InterviewState[] } {
  const ids = req.scope === 'interview' ? [req.id] : interviewIds(db, { auditId: req.id });
  if (req.scope === 'interview' && !db.prepare('SELECT 1 FROM interviews WHERE id = ?').get(req.id)) throw new GangwayError('NOT_FOUND', 'That interview does not exist.');
  // Decrypt first: a locked vault refuses before anything is logged as exported.
  const interviews = ids.map((id) => resumeInterview(db, vault, id));
  const exportId = crypto.randomUUID();
  inTransaction(db, () => {
    db.prepare('INSERT INTO interview_exports (id, scope, subject_id, target, reason, exported_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
      exportId,
      req.scope,
      req.id,
      req.target,
      req.reason,
      req.exportedBy,
      now(),
    );
    // Custody: who took decrypted answers out, and when, is in the tamper-evident log too (not what they were).
    logRecord(db, { kind: 'custody', auditId: req.scope === 'audit' ? req.id : interviewAudit(db, req.id), subject: exportId, contentHash: recordHash({ exportId, ...req }), action: 'exported interview answers' });
  });
  return { exportId, interviews };
}
