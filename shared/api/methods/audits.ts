import { z } from 'zod';
import { method } from '../contract';
import { Id } from '../../domain/ids';
import { Audit, AuditInput, AuditStatus, ChecklistItem, ChecklistResult, Finding, FindingInput } from '../../domain/audit';

export const auditMethods = {
  'audits.create': method({ summary: 'Open an audit of a vessel', input: AuditInput, output: Audit }),
  'audits.list': method({
    summary: 'Audits, newest first, optionally for one vessel or status',
    input: z.object({ vesselId: Id.optional(), status: AuditStatus.optional() }).default({}),
    output: z.array(Audit),
  }),
  'audits.get': method({ summary: 'One audit', input: z.object({ id: Id }), output: Audit }),
  'audits.setStatus': method({
    summary: 'Move an audit to another status (planned → in progress → completed)',
    input: z.object({ id: Id, status: AuditStatus }),
    output: Audit,
  }),
  'checklist.set': method({
    summary: 'Record the result of one checklist item',
    input: z.object({ auditId: Id, code: z.string().min(1), result: ChecklistResult, note: z.string().max(4000).optional() }),
    output: ChecklistItem,
  }),
  'checklist.list': method({ summary: "An audit's checklist results", input: z.object({ auditId: Id }), output: z.array(ChecklistItem) }),
  'findings.add': method({ summary: 'Add a finding to an audit', input: FindingInput, output: Finding }),
  'findings.list': method({ summary: "An audit's findings, oldest first", input: z.object({ auditId: Id }), output: z.array(Finding) }),
};
