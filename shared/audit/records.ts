import { z } from 'zod';
import { Id, IsoDateTime, Sha256 } from '../domain/ids';

/** One draw of interviewees: the seed and pool are kept so anyone can re-run it (draw.ts). */
export const Draw = z.object({
  id: Id,
  auditId: Id,
  seed: z.string().regex(/^[0-9a-f]{32}$/),
  pool: z.array(Id),
  count: z.number().int().positive(),
  picks: z.array(z.object({ crewMemberId: Id, pseudonym: z.string() })),
  drawnAt: IsoDateTime,
});
export type Draw = z.infer<typeof Draw>;

/** What a finding points at, so the report and the app can open it. `ref` is the cited thing's own key. */
export const CitationKind = z.enum(['voyage_event', 'wage_flag', 'interview_profile', 'checklist_item', 'crew_member']);
export type CitationKind = z.infer<typeof CitationKind>;
export const Citation = z.object({
  kind: CitationKind,
  /** voyage_event: the event id; wage_flag: crew|month|code; interview_profile and crew_member: the crew member id; checklist_item: its code. */
  ref: z.string().min(1).max(300),
  /** What the inspector saw when citing it, in words (pseudonyms only). */
  label: z.string().trim().min(1).max(300),
});
export type Citation = z.infer<typeof Citation>;

export const Reopening = z.object({ id: Id, auditId: Id, reason: z.string(), reopenedBy: z.string(), reopenedAt: IsoDateTime });
export type Reopening = z.infer<typeof Reopening>;

export const AuditEvidence = z.object({
  sha256: Sha256,
  size: z.number().int(),
  mediaType: z.string(),
  filename: z.string().optional(),
  note: z.string().optional(),
  encrypted: z.boolean(),
  addedAt: IsoDateTime,
  /** Where it is attached: finding ids and checklist codes. */
  findings: z.array(Id),
  checklist: z.array(z.string()),
});
export type AuditEvidence = z.infer<typeof AuditEvidence>;
