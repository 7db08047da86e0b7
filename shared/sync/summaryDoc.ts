import type * as Y from 'yjs';
import { AuditSummary } from '../impact/summary';
import { validationError } from '../errors';

/**
 * The document `summary:<auditId>`: one audit's impact summary (counts and
 * sums, shared/impact/summary.ts) in a Y.Map named "summary", one key per
 * top-level field so an unchanged field is not rewritten. It stays readable
 * by the hub and the port authority when the audit document itself is
 * end-to-end encrypted.
 */
export const summaryMap = (doc: Y.Doc) => doc.getMap<unknown>('summary');

export function writeSummaryDoc(doc: Y.Doc, summary: AuditSummary): void {
  const parsed = AuditSummary.safeParse(summary);
  if (!parsed.success) throw validationError('Audit summary', parsed.error);
  const map = summaryMap(doc);
  const plain = JSON.parse(JSON.stringify(parsed.data)) as Record<string, unknown>;
  doc.transact(() => {
    let changed = false;
    for (const [key, value] of Object.entries(plain)) {
      if (key === 'computedAt' || JSON.stringify(map.get(key)) === JSON.stringify(value)) continue;
      map.set(key, value);
      changed = true;
    }
    for (const key of [...map.keys()]) {
      if (key in plain) continue;
      map.delete(key);
      changed = true;
    }
    // The time moves only when a figure did, so recomputing an unchanged audit writes nothing.
    if (changed || map.get('computedAt') === undefined) map.set('computedAt', plain['computedAt']);
  });
}

export function readSummaryDoc(doc: Y.Doc): AuditSummary | null {
  const parsed = AuditSummary.safeParse(summaryMap(doc).toJSON());
  return parsed.success ? parsed.data : null;
}
