import { summariseFleet, type FleetResults, type VesselResult } from '../../shared/results/fleet';
import { auditCrewProfile } from '../interviews/profiles';
import type { Store } from '../store/database';
import { listAudits } from '../store/repos/audits';
import { searchVessels } from '../store/repos/vessels';
import { vaultFor } from '../vault/vault';
import { reconcileVessel } from '../wages/reconcile-vessel';

function hasWageData(store: Store, vesselId: string): boolean {
  return !!store.db.prepare('SELECT 1 FROM wage_contracts WHERE vessel_id = ? LIMIT 1').get(vesselId);
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
    const money = hasWageData(store, vessel.id)
      ? reconcileVessel(store, vessel.id).totals.map((t) => ({ currency: t.currency, withheld: t.totalWithheld, diverted: t.totalSuspectedDiverted }))
      : [];
    if (audits.length === 0 && money.length === 0) continue;
    vessels.push({ vesselId: vessel.id, vesselName: vessel.name, flag: vessel.flag, audits: audits.length, latest, money });
  }
  return summariseFleet(vessels, !unlocked);
}
