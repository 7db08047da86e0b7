import { GangwayError } from '../../shared/errors';
import { reconcile } from '../../shared/wages/reconcile';
import type { WageReport } from '../../shared/wages/schemas';
import type { AtSeaInterval, WageSettings } from '../../shared/wages/settings';
import type { Store } from '../store/database';
import { vesselAtSea } from './at-sea';
import * as repo from './repository';

/**
 * Runs the wage rules over everything stored for one vessel. Without given
 * at-sea stretches, they come from the vessel's AIS track when ingest has one.
 */
export function reconcileVessel(store: Store, vesselId: string, options: { settings?: WageSettings; atSea?: readonly AtSeaInterval[] } = {}): WageReport {
  const name = repo.vesselName(store.db, vesselId);
  if (name === undefined) throw new GangwayError('NOT_FOUND', 'That vessel is not in the registry.');
  return reconcile({
    contracts: repo.loadContracts(store.db, vesselId),
    transactions: repo.loadTransactions(store.db, vesselId),
    payslips: repo.loadPayslips(store.db, vesselId),
    floor: repo.listFloor(store.db),
    settings: options.settings,
    atSea: { [name]: options.atSea ?? vesselAtSea(store, vesselId) ?? [] },
  });
}
