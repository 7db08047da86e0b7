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

/**
 * Settings an agency's devices share through its index. `shareAggregates`:
 * whether this agency's audits publish their impact summary (counts and
 * sums) to the hub. It matters for union-confidential audits, whose
 * summaries are published only while it is on; absent means on.
 */
export const IndexSettings = z.object({ shareAggregates: z.boolean().default(true) });
export type IndexSettings = z.infer<typeof IndexSettings>;

export const indexSettings = (doc: Y.Doc) => doc.getMap<unknown>('settings');

export function readIndexSettings(doc: Y.Doc): IndexSettings {
  const parsed = IndexSettings.safeParse(indexSettings(doc).toJSON());
  return parsed.success ? parsed.data : IndexSettings.parse({});
}

export function setShareAggregates(doc: Y.Doc, share: boolean): void {
  if (indexSettings(doc).get('shareAggregates') !== share) indexSettings(doc).set('shareAggregates', share);
}
