import { GangwayError } from '../../../shared/errors';
import type { Audit } from '../../../shared/domain/audit';
import type { Db } from '../database';
import { getAudit } from './audits';

/**
 * A completed audit is the record handed over: its crew list, checklist and
 * evidence no longer change. Reopening it is a logged act with a reason
 * (audits.reopen); a cancelled audit is reopened by planning it again.
 */
export function assertAuditEditable(db: Db, auditId: string, what: string): Audit {
  const audit = getAudit(db, auditId);
  if (audit.status === 'completed') {
    throw new GangwayError('CONFLICT', `This audit is completed, so its ${what} is locked. Reopen the audit (with a reason, which is logged) to change it.`);
  }
  if (audit.status === 'cancelled') throw new GangwayError('CONFLICT', `This audit is cancelled; plan it again before changing its ${what}.`);
  return audit;
}
