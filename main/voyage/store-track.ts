import type { Db } from '../store/database';
import { vesselsWithMmsi } from '../store/repos/vessels';
import type { FleetReports } from '../../shared/voyage/fleet';
import type { VesselIdentity } from '../../shared/voyage/position';
import { emptyTrack, type Track } from '../../shared/voyage/track';

export interface StoredVoyageData {
  track: Track;
  fleet: FleetReports;
  identities: Map<string, VesselIdentity>;
}

type Row = [number, number, number, number | null];
type FleetRow = [number, number, number, number, number | null];

/**
 * Reads one vessel's positions and everyone else's from the marine tables
 * (schema v2) as columns, streaming rows in raw (array) mode so millions of
 * rows never exist as objects at once.
 */
export function loadStoredVoyage(db: Db, options: { mmsi?: string; from?: number; to?: number }): StoredVoyageData {
  const from = options.from ?? -Number.MAX_SAFE_INTEGER;
  const to = options.to ?? Number.MAX_SAFE_INTEGER;
  const mmsi = options.mmsi ? Number(options.mmsi) : undefined;

  const ownStmt =
    mmsi === undefined
      ? db.prepare('SELECT t, lat, lon, sog_kn FROM own_positions WHERE t BETWEEN ? AND ? ORDER BY t').raw(true)
      : db.prepare('SELECT t, lat, lon, sog_kn FROM ais_positions WHERE mmsi = ? AND t BETWEEN ? AND ? ORDER BY t').raw(true);
  const ownCount = (mmsi === undefined
    ? db.prepare('SELECT count(*) FROM own_positions WHERE t BETWEEN ? AND ?').pluck().get(from, to)
    : db.prepare('SELECT count(*) FROM ais_positions WHERE mmsi = ? AND t BETWEEN ? AND ?').pluck().get(mmsi, from, to)) as number;
  const track = emptyTrack(ownCount);
  let n = 0;
  for (const r of (mmsi === undefined ? ownStmt.iterate(from, to) : ownStmt.iterate(mmsi, from, to)) as IterableIterator<Row>) {
    if (n >= ownCount) break;
    track.t[n] = r[0];
    track.lat[n] = r[1];
    track.lon[n] = r[2];
    track.sog[n] = r[3] ?? NaN;
    n++;
  }
  track.n = n;

  const fleetCount = db.prepare('SELECT count(*) FROM ais_positions WHERE t BETWEEN ? AND ? AND mmsi IS NOT ?').pluck().get(from, to, mmsi ?? null) as number;
  const fleet: FleetReports = { n: 0, mmsi: new Uint32Array(fleetCount), t: new Float64Array(fleetCount), lat: new Float64Array(fleetCount), lon: new Float64Array(fleetCount), sog: new Float32Array(fleetCount) };
  const fleetStmt = db.prepare('SELECT mmsi, t, lat, lon, sog_kn FROM ais_positions WHERE t BETWEEN ? AND ? AND mmsi IS NOT ? ORDER BY t').raw(true);
  let k = 0;
  for (const r of fleetStmt.iterate(from, to, mmsi ?? null) as IterableIterator<FleetRow>) {
    if (k >= fleetCount) break;
    fleet.mmsi[k] = r[0];
    fleet.t[k] = r[1];
    fleet.lat[k] = r[2];
    fleet.lon[k] = r[3];
    fleet.sog[k] = r[4] ?? NaN;
    k++;
  }
  fleet.n = k;

  const identities = new Map<string, VesselIdentity>();
  // The registry first; AIS static data, what the vessel calls itself on the air, where the registry has no name.
  for (const v of vesselsWithMmsi(db)) {
    identities.set(v.mmsi, { mmsi: v.mmsi, name: v.name, ...(v.callSign ? { callSign: v.callSign } : {}), ...(v.imo ? { imo: v.imo } : {}), source: 'registry' });
  }
  for (const s of db.prepare('SELECT mmsi, name, call_sign AS callSign, imo, ship_type AS shipType FROM ais_static').all() as { mmsi: number; name: string | null; callSign: string | null; imo: number | null; shipType: number | null }[]) {
    const key = String(s.mmsi).padStart(9, '0');
    if (identities.get(key)?.name) continue;
    identities.set(key, {
      mmsi: key,
      ...(s.name ? { name: s.name } : {}),
      ...(s.callSign ? { callSign: s.callSign } : {}),
      ...(s.imo ? { imo: String(s.imo) } : {}),
      ...(s.shipType !== null ? { shipType: String(s.shipType) } : {}),
      source: 'ais',
    });
  }
  return { track, fleet, identities };
}
