import { summariseFleet, type FleetResults, type RecordSignals, type VesselResult } from '../../shared/results/fleet';
import type { WageReport } from '../../shared/wages/schemas';
import { auditCrewProfile } from '../interviews/profiles';
import type { Store } from '../store/database';
import { listAudits } from '../store/repos/audits';
import { searchVessels } from '../store/repos/vessels';
import { vaultFor } from '../vault/vault';
import { reconcileVessel } from '../wages/reconcile-vessel';

function hasWageData(store: Store, vesselId: string): boolean {
  return !!store.db.prepare('SELECT 1 FROM wage_contracts WHERE vessel_id = ? LIMIT 1').get(vesselId);
}

/** Crew members with at least one wage flag that is evidence for each indicator (a crew member counts once per indicator). */
function recordSignals(report: WageReport): RecordSignals {
  const crew = new Set(report.months.map((m) => m.crew));
  const byIndicator = new Map<string, Set<string>>();
  for (const flag of report.months.flatMap((m) => m.flags)) {
    if (!flag.indicator) continue;
    let set = byIndicator.get(flag.indicator);
    if (!set) byIndicator.set(flag.indicator, (set = new Set()));
    set.add(flag.crew);
  }
  return { crew: crew.size, indicators: [...byIndicator].map(([indicator, who]) => ({ indicator: indicator as RecordSignals['indicators'][number]['indicator'], crewWithSignal: who.size })) };
}

/** Reads each vessel's audits, interviews (when the vault is open) and wage records into fleet results. */
export function fleetResults(store: Store): FleetResults {
  const vault = vaultFor(store.db);
  const unlocked = vault.status().unlocked;
  const vessels: VesselResult[] = [];
  for (const vessel of searchVessels(store.db, '', 100_000)) {
    const audits = listAudits(store.db, { vesselId: vessel.id }).filter((a) => a.status !== 'cancelled');
    let latest: VesselResult['latest'];
    if (unlocked) {
      for (const audit of audits) {
        const profile = auditCrewProfile(store.db, vault, audit.id);
        if (profile.interviewed === 0) continue;
        latest = {
          auditId: audit.id,
          date: audit.date,
          interviewed: profile.interviewed,
          strongSignals: profile.strongSignals,
          indicators: profile.indicators.map((l) => ({ indicator: l.indicator, crewWithSignal: l.crewWithSignal })),
        };
        break; // audits come newest first
      }
    }
    const report = hasWageData(store, vessel.id) ? reconcileVessel(store, vessel.id) : undefined;
    const money = report?.totals.map((t) => ({ currency: t.currency, withheld: t.totalWithheld, diverted: t.totalSuspectedDiverted })) ?? [];
    const records = report && recordSignals(report);
    if (audits.length === 0 && money.length === 0) continue;
    vessels.push({ vesselId: vessel.id, vesselName: vessel.name, flag: vessel.flag, audits: audits.length, latest, money, ...(records ? { records } : {}) });
  }
  return summariseFleet(vessels, !unlocked);
}
