import * as Y from 'yjs';
import type { AuditSummary } from '../shared/impact/summary';
import { readSummaryDoc } from '../shared/sync';
import type { HubStore } from './store';

/** Every audit summary the hub holds (summary:<auditId> documents, merged from the update log). */
export function hubSummaries(hub: HubStore): AuditSummary[] {
  const docs = hub.db.prepare("SELECT doc FROM hub_docs WHERE kind = 'summary' ORDER BY doc").all() as { doc: string }[];
  const out: AuditSummary[] = [];
  for (const { doc } of docs) {
    const state = hub.loadState(doc);
    if (!state) continue;
    const ydoc = new Y.Doc();
    Y.applyUpdate(ydoc, state);
    const summary = readSummaryDoc(ydoc);
    ydoc.destroy();
    if (summary) out.push(summary);
  }
  return out;
}
