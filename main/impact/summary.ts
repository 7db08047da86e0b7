import { documentedMoney, reportedFees, type Period } from '../../shared/impact/money';
import { AuditSummary, type MoneyLine } from '../../shared/impact/summary';
import type { WageReport } from '../../shared/wages/schemas';
import { auditDocName, readAuditMeta, readSummaryDoc, summaryDocName } from '../../shared/sync';
import { auditCrewProfile } from '../interviews/profiles';
import { interviewIds, resumeInterview } from '../interviews/sessions';
import type { Store } from '../store/database';
import { crewCounts } from '../store/repos/auditCrew';
import { auditWithVesselFacts, previousAuditDate } from '../store/repos/audits';
import { loadDoc } from '../sync/docStore';
import { deviceIdentity } from '../sync/mirror';
import { vaultFor, type Vault } from '../vault/vault';
import { loadPayslips } from '../wages/repository';
import { reconcileVessel } from '../wages/reconcile-vessel';


interface AuditRow {
  id: string;
  vesselId: string;
  place: string;
  date: string;
  status: AuditSummary['status'];
  flag: string | null;
  owner: string | null;
}

/**
 * The audit's crew facts from its crew list reconciliation (main/store/repos/auditCrew.ts).
 * Without a crew list the declared and present counts are unknown (null), not zero;
 * likewise officers' presence when no interview recorded its conditions.
 */
function crewOf(store: Store, auditId: string): AuditSummary['crew'] {
  const c = crewCounts(store.db, auditId);
  const listed = store.db.prepare('SELECT 1 FROM audit_crew WHERE audit_id = ? LIMIT 1').get(auditId) !== undefined;
  const conditions =
    store.db.prepare('SELECT 1 FROM interview_conditions ic JOIN interviews i ON i.id = ic.interview_id WHERE i.audit_id = ? LIMIT 1').get(auditId) !== undefined;
  return {
    declared: listed ? c.declared : null,
    present: listed ? c.present : null,
    selectedAtRandom: listed ? c.randomlySelected : null,
    interviewed: c.interviewed,
    interviewedWithoutOfficers: conditions ? c.interviewedWithoutOfficers : null,
  };
}

/** The wage months this audit answers for: after the vessel's previous audit (not cancelled), up to this audit's month. */
function periodOf(store: Store, a: AuditRow): Period {
  const previous = previousAuditDate(store.db, a.vesselId, a.id, a.date);
  return { until: a.date.slice(0, 7), ...(previous ? { after: previous.slice(0, 7) } : {}) };
}

const FEE_QUESTION = /(^|[./])fee_amount$/;

/** Recruitment fees each interviewed crew member reported (the largest, when he was interviewed twice), in minor units. */
function reportedFeeAmounts(store: Store, vault: Vault, auditId: string): { amount: number; currency: string }[] {
  const byCrew = new Map<string, { amount: number; currency: string }>();
  for (const id of interviewIds(store.db, { auditId })) {
    const state = resumeInterview(store.db, vault, id);
    if (!state.interview.consentAgreed) continue;
    for (const [path, value] of Object.entries(state.answers)) {
      if (!FEE_QUESTION.test(path) || typeof value !== 'object' || value === null || !('amount' in value) || !('currency' in value)) continue;
      const amount = Math.round(Number((value as { amount: number }).amount) * 100);
      const currency = String((value as { currency: string }).currency);
      const was = byCrew.get(state.interview.crewMemberId);
      if (!was || amount > was.amount) byCrew.set(state.interview.crewMemberId, { amount, currency });
    }
  }
  return [...byCrew.values()];
}

/**
 * The audit's summary from what this device holds. The interview signals
 * need the vault open; while it is locked the signals already published (if
 * any) are kept rather than replaced by nothing. Returns null for an audit
 * this device does not have.
 */
export interface SummaryOptions {
  /** The vessel's reconciled wage report, when the caller already has it (one per vessel, not per audit). */
  report?: WageReport;
  /**
   * Keep the published wage figures instead of reconciling again: an edit to
   * the audit (a finding, a checklist item) changes no wage record, and a
   * large vessel's reconciliation takes a while. Ignored when the audit's
   * date moved (its wage months move with it) or nothing was published yet.
   */
  keepMoney?: boolean;
  now?: Date;
}

export function computeAuditSummary(store: Store, auditId: string, options: SummaryOptions = {}): AuditSummary | null {
  const a: AuditRow | null = auditWithVesselFacts(store.db, auditId);
  if (!a) return null;
  const auditDoc = loadDoc(store.db, auditDocName(auditId));
  const meta = readAuditMeta(auditDoc);
  auditDoc.destroy();
  const previousDoc = loadDoc(store.db, summaryDocName(auditId));
  const previous = readSummaryDoc(previousDoc);
  previousDoc.destroy();

  const vault = vaultFor(store.db);
  let signals: AuditSummary['signals'] = previous?.signals ?? null;
  let reported = previous?.money.filter((m) => m.basis === 'reported') ?? [];
  if (vault.status().unlocked) {
    const profile = auditCrewProfile(store.db, vault, auditId);
    signals = {
      interviewed: profile.interviewed,
      indicators: profile.indicators.filter((l) => l.crewWithSignal > 0).map((l) => ({ indicator: l.indicator, crewWithSignal: l.crewWithSignal })),
      // strongSignal is exactly "both dimensions in this crew member's answers in this audit" (shared/forms/profile.ts).
      forcedLabour: profile.strongSignals,
    };
    reported = reportedFees(reportedFeeAmounts(store, vault, auditId));
  }

  let documented: { lines: MoneyLine[]; crew: number; months: number; from?: string; to?: string };
  if (options.keepMoney && previous && previous.date === a.date) {
    documented = { lines: previous.money.filter((m) => m.basis === 'documented'), ...previous.wageRecords };
  } else {
    const hasWages = store.db.prepare('SELECT 1 FROM wage_contracts WHERE vessel_id = ? LIMIT 1').get(a.vesselId);
    documented = hasWages ? documentedMoney(options.report ?? reconcileVessel(store, a.vesselId), loadPayslips(store.db, a.vesselId), periodOf(store, a)) : { lines: [], crew: 0, months: 0 };
  }
  const { agency, role } = deviceIdentity(store.db);
  return AuditSummary.parse({
    version: 1,
    auditId,
    vesselId: a.vesselId,
    date: a.date,
    port: a.place.trim(),
    ...(a.flag ? { flag: a.flag } : {}),
    ...(a.owner ? { owner: a.owner } : {}),
    agency: meta?.agency ?? agency,
    confidentiality: meta?.confidentiality ?? (role === 'union_rep' ? 'union' : 'agency'),
    status: a.status,
    crew: crewOf(store, auditId),
    signals,
    wageRecords: { crew: documented.crew, months: documented.months, ...(documented.from ? { from: documented.from, to: documented.to } : {}) },
    money: [...documented.lines, ...reported],
    computedAt: (options.now ?? new Date()).toISOString(),
  });
}
