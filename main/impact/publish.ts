import { indexDocName, parseDocName, readIndexSettings, summaryDocName, summaryMap, writeSummaryDoc } from '../../shared/sync';
import type { Store } from '../store/database';
import { auditIds } from '../store/repos/audits';
import { loadDoc, mutateDoc, onLocalChange } from '../sync/docStore';
import { deviceIdentity } from '../sync/mirror';
import { reconcileVessel } from '../wages/reconcile-vessel';
import { computeAuditSummary, type SummaryOptions } from './summary';

/** Whether the agency's devices agreed to share aggregates (the union's setting; on unless turned off). */
export function sharesAggregates(store: Store, agency: string): boolean {
  const doc = loadDoc(store.db, indexDocName(agency));
  try {
    return readIndexSettings(doc).shareAggregates;
  } finally {
    doc.destroy();
  }
}

export type PublishResult = 'written' | 'unchanged' | 'withheld' | 'not_enrolled' | 'no_audit';

/**
 * Recomputes the audit's summary and writes `summary:<auditId>` when a figure
 * changed. A union-confidential audit publishes only while its agency shares
 * aggregates; when the setting is off the summary document is emptied (the
 * hub's append-only log still holds what was sent before, as for any
 * document).
 */
export function publishAuditSummary(store: Store, auditId: string, options: SummaryOptions = {}): PublishResult {
  // Before enrolment an audit has no agency yet ("local"): a summary naming it would be refused by
  // the hub. Enrolment gives the audits their agency, which changes them, which publishes them.
  if (deviceIdentity(store.db).agency === 'local') return 'not_enrolled';
  const summary = computeAuditSummary(store, auditId, options);
  if (!summary) return 'no_audit';
  const name = summaryDocName(auditId);
  if (summary.confidentiality === 'union' && !sharesAggregates(store, summary.agency)) {
    mutateDoc(store.db, name, (doc) => {
      const map = summaryMap(doc);
      for (const key of [...map.keys()]) map.delete(key);
    });
    return 'withheld';
  }
  return mutateDoc(store.db, name, (doc) => writeSummaryDoc(doc, summary)) ? 'written' : 'unchanged';
}

/**
 * For a handler whose own work is done (an interview finished, a wage file
 * imported): a summary that cannot be computed now must not turn that
 * success into an error. The summary is derived and is recomputed at the
 * audit's next change.
 */
export function afterwards(publish: () => unknown): void {
  try {
    publish();
  } catch {
    // derived data: see above
  }
}

/** Every audit of a vessel (after its wage records changed). */
export function publishVesselSummaries(store: Store, vesselId: string): void {
  const ids = auditIds(store.db, { vesselId });
  if (ids.length === 0) return;
  const hasWages = store.db.prepare('SELECT 1 FROM wage_contracts WHERE vessel_id = ? LIMIT 1').get(vesselId);
  const report = hasWages ? reconcileVessel(store, vesselId) : undefined;
  for (const id of ids) publishAuditSummary(store, id, report ? { report } : {});
}

/** Every audit of this device's agency (after the sharing setting changed). */
export function publishAllSummaries(store: Store): void {
  for (const id of auditIds(store.db)) publishAuditSummary(store, id);
}

/** How long after an audit's last local change its summary is recomputed: a form saved field by field is one recompute. */
export const SUMMARY_DELAY_MS = 800;

/**
 * The service that keeps summaries current: every local change to an audit
 * document (findings, checklist, status, meta) schedules its summary. It
 * runs after the writer's transaction, never inside it. Interviews, wage
 * imports and the sharing setting publish directly (they change no audit
 * document). Returns its stop.
 */
export function startSummaryPublisher(store: Store, log: (message: string, e?: unknown) => void = () => {}): () => void {
  const pending = new Set<string>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    timer = undefined;
    if (!store.db.open) return;
    try {
      for (const id of pending) publishAuditSummary(store, id, { keepMoney: true });
    } catch (e) {
      log(`Could not update an audit summary: ${(e as Error).message}`, e);
    }
    pending.clear();
  };
  const off = onLocalChange(store.db, (doc) => {
    const parsed = parseDocName(doc);
    if (parsed?.kind !== 'audit') return;
    pending.add(parsed.key);
    if (timer) clearTimeout(timer);
    timer = setTimeout(flush, SUMMARY_DELAY_MS);
    timer.unref?.();
  });
  return () => {
    off();
    if (timer) clearTimeout(timer);
    timer = undefined;
  };
}
