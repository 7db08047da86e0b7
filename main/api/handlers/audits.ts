import { createAudit, getAudit, listAudits, setAuditStatus } from '../../store/repos/audits';
import { listChecklist, setChecklistItem } from '../../store/repos/checklist';
import { addFinding, listFindings } from '../../store/repos/findings';
import type { Handlers } from '../types';

type AuditMethods = 'audits.create' | 'audits.list' | 'audits.get' | 'audits.setStatus' | 'checklist.set' | 'checklist.list' | 'findings.add' | 'findings.list';

export const auditHandlers: Handlers<AuditMethods> = {
  'audits.create': (input, ctx) => {
    const audit = createAudit(ctx.store.db, input);
    ctx.emit('audit.changed', audit);
    return audit;
  },
  'audits.list': (filter, ctx) => listAudits(ctx.store.db, filter),
  'audits.get': ({ id }, ctx) => getAudit(ctx.store.db, id),
  'audits.setStatus': ({ id, status }, ctx) => {
    const audit = setAuditStatus(ctx.store.db, id, status);
    ctx.emit('audit.changed', audit);
    return audit;
  },
  'checklist.set': (item, ctx) => setChecklistItem(ctx.store.db, item),
  'checklist.list': ({ auditId }, ctx) => listChecklist(ctx.store.db, auditId),
  'findings.add': (input, ctx) => {
    const finding = addFinding(ctx.store.db, input);
    ctx.emit('finding.added', finding);
    ctx.emit('audit.changed', getAudit(ctx.store.db, finding.auditId));
    return finding;
  },
  'findings.list': ({ auditId }, ctx) => listFindings(ctx.store.db, auditId),
};
