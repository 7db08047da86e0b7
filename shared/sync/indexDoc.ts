import * as Y from 'yjs';
import { z } from 'zod';
import { AuditStatus } from '../domain/audit';
import { Id, IsoDate } from '../domain/ids';

/**
 * A small per-agency index: one line per audit, so a device that has just
 * enrolled can list what exists before it pulls any audit document.
 */
export const IndexEntry = z.object({ vesselId: Id, vesselName: z.string(), date: IsoDate, status: AuditStatus });
export type IndexEntry = z.infer<typeof IndexEntry>;

export const indexAudits = (doc: Y.Doc) => doc.getMap<Record<string, unknown>>('audits');

export function setIndexEntry(doc: Y.Doc, auditId: string, entry: IndexEntry): void {
  const value = IndexEntry.parse(entry);
  const current = indexAudits(doc).get(auditId);
  if (JSON.stringify(current) !== JSON.stringify(value)) indexAudits(doc).set(auditId, { ...value });
}

export function readIndexDoc(doc: Y.Doc): Map<string, IndexEntry> {
  const out = new Map<string, IndexEntry>();
  for (const [id, raw] of indexAudits(doc).entries()) {
    const parsed = IndexEntry.safeParse(raw);
    if (parsed.success) out.set(id, parsed.data);
  }
  return out;
}
