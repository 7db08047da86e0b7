import { aggregate, type ImpactResults, type ResultsQuery } from '../../shared/impact/aggregate';
import type { AuditSummary } from '../../shared/impact/summary';
import { readSummaryDoc } from '../../shared/sync';
import type { Store } from '../store/database';
import { loadDoc } from '../sync/docStore';

/**
 * Every audit summary this device holds: its own, and those the hub let it
 * pull (all of them for the port office, which is enrolled as the port authority).
 */
export function deviceSummaries(store: Store): AuditSummary[] {
  const names = store.db.prepare("SELECT doc FROM sync_clocks WHERE doc LIKE 'summary:%' ORDER BY doc").all() as { doc: string }[];
  const out: AuditSummary[] = [];
  for (const { doc } of names) {
    const ydoc = loadDoc(store.db, doc);
    const s = readSummaryDoc(ydoc);
    ydoc.destroy();
    if (s) out.push(s);
  }
  return out;
}

export function impactResults(store: Store, query: ResultsQuery): ImpactResults {
  return aggregate(deviceSummaries(store), query);
}
