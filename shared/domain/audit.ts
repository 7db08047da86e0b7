import { z } from 'zod';
import { Id, IsoDate, IsoDateTime, Sha256 } from './ids';

export const AuditStatus = z.enum(['planned', 'in_progress', 'completed', 'cancelled']);
export type AuditStatus = z.infer<typeof AuditStatus>;

/** Which status may follow which: a completed audit is reopened, never silently rewritten. */
export const AUDIT_TRANSITIONS: Record<AuditStatus, AuditStatus[]> = {
  planned: ['in_progress', 'cancelled'],
  in_progress: ['completed', 'cancelled'],
  completed: ['in_progress'],
  cancelled: ['planned'],
};

export const AuditInput = z.object({
  vesselId: Id,
  place: z.string().trim().min(1, 'say where the audit takes place (port, or "at sea")').max(200),
  date: IsoDate,
  inspector: z.string().trim().min(1, 'name the inspector').max(120),
});
export type AuditInput = z.input<typeof AuditInput>;

export const Audit = z.object({
  id: Id,
  vesselId: Id,
  vesselName: z.string(),
  place: z.string(),
  date: IsoDate,
  inspector: z.string(),
  status: AuditStatus,
  findingCount: z.number().int(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type Audit = z.infer<typeof Audit>;

export const ChecklistResult = z.enum(['not_checked', 'compliant', 'non_compliant', 'not_applicable']);
export type ChecklistResult = z.infer<typeof ChecklistResult>;

export const ChecklistItem = z.object({
  auditId: Id,
  code: z.string().min(1), // e.g. "c188.rest.24h", see shared/domain/checklist.ts
  result: ChecklistResult,
  note: z.string().max(4000).optional(),
  updatedAt: IsoDateTime,
});
export type ChecklistItem = z.infer<typeof ChecklistItem>;

export const Severity = z.enum(['low', 'medium', 'high', 'critical']);
export type Severity = z.infer<typeof Severity>;

export const FindingInput = z.object({
  auditId: Id,
  title: z.string().trim().min(1, 'a finding needs a title').max(200),
  description: z.string().trim().max(10_000).default(''),
  severity: Severity,
  checklistCode: z.string().optional(),
  indicator: z.string().optional(), // ILO forced-labour indicator code, shared/domain/indicators.ts
  evidence: z.array(Sha256).default([]),
  /** Findings are append-only: a correction adds a finding that amends another. */
  amends: Id.optional(),
});
export type FindingInput = z.input<typeof FindingInput>;

export const Finding = z.object({
  id: Id,
  auditId: Id,
  title: z.string(),
  description: z.string(),
  severity: Severity,
  checklistCode: z.string().optional(),
  indicator: z.string().optional(),
  evidence: z.array(Sha256),
  amends: Id.optional(),
  createdAt: IsoDateTime,
});
export type Finding = z.infer<typeof Finding>;

export const EvidenceMeta = z.object({
  sha256: Sha256,
  size: z.number().int().nonnegative(),
  mediaType: z.string(),
  filename: z.string().optional(),
  note: z.string().optional(),
  encrypted: z.boolean(),
  createdAt: IsoDateTime,
});
export type EvidenceMeta = z.infer<typeof EvidenceMeta>;
