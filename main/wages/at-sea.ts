import path from 'node:path';
import { distanceFromShoreM } from '../../shared/geo/shore-grid';
import { atSeaIntervals, type AtSeaOptions } from '../../shared/wages/at-sea';
import type { AtSeaInterval } from '../../shared/wages/settings';
import type { Store } from '../store/database';
import { vesselMmsi } from '../store/repos/vessels';
import { loadShoreGrid } from '../voyage/coastline';

/**
 * When marine ingest heard the vessel on AIS (by the MMSI in the registry),
 * the stretches it was at sea; undefined when there is no track to go by.
 */
export function vesselAtSea(store: Store, vesselId: string, options: AtSeaOptions = {}): AtSeaInterval[] | undefined {
  const mmsi = vesselMmsi(store.db, vesselId);
  if (!mmsi) return undefined;
  const rows = store.db.prepare('SELECT t, lat, lon FROM ais_positions WHERE mmsi = ? ORDER BY t').raw(true).all(Number(mmsi)) as [number, number, number][];
  if (rows.length === 0) return undefined;
  const grid = loadShoreGrid({ cacheDir: path.join(store.dataDir, 'cache') });
  const t = new Float64Array(rows.length);
  const shore = new Float64Array(rows.length);
  rows.forEach(([time, lat, lon], i) => {
    t[i] = time;
    shore[i] = distanceFromShoreM(grid, lat, lon);
  });
  return atSeaIntervals(t, shore, options);
}
