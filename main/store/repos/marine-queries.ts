import type { AisStatic, NearbyVessel, OwnFix } from '../../../shared/api/methods/ingest';
import { distanceM, NM_M } from '../../../shared/geo/distance';
import type { Db } from '../database';

export function lastOwnFix(db: Db): OwnFix | null {
  const r = db.prepare('SELECT t, lat, lon, sog_kn AS sogKn, cog_deg AS cogDeg FROM own_positions ORDER BY t DESC LIMIT 1').get() as OwnFix | undefined;
  return r ?? null;
}

/** Initial great-circle bearing from one point to another, degrees true (0-360). */
export function bearingDeg(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const r = Math.PI / 180;
  const y = Math.sin((lon2 - lon1) * r) * Math.cos(lat2 * r);
  const x = Math.cos(lat1 * r) * Math.sin(lat2 * r) - Math.sin(lat1 * r) * Math.cos(lat2 * r) * Math.cos((lon2 - lon1) * r);
  return ((Math.atan2(y, x) / r) % 360 + 360) % 360;
}

/**
 * Each vessel's latest AIS position since `since` (kept per vessel in ais_last), with name
 * from its static data and distance/bearing from `from` (our own last fix).
 */
export function nearbyVessels(db: Db, since: number, from: { lat: number; lon: number } | null, limit: number): NearbyVessel[] {
  const rows = db
    .prepare(
      `SELECT p.mmsi, p.t AS lastSeen, p.lat, p.lon, p.sog_kn AS sogKn, s.name, s.call_sign AS callSign
       FROM ais_last p LEFT JOIN ais_static s ON s.mmsi = p.mmsi
       WHERE p.t >= ?`,
    )
    .all(since) as { mmsi: number; lastSeen: number; lat: number; lon: number; sogKn: number | null; name: string | null; callSign: string | null }[];
  const out: NearbyVessel[] = rows.map((r) => ({
    ...r,
    distanceNm: from ? distanceM(from.lat, from.lon, r.lat, r.lon) / NM_M : null,
    bearingDeg: from ? bearingDeg(from.lat, from.lon, r.lat, r.lon) : null,
  }));
  out.sort((a, b) => (a.distanceNm ?? Infinity) - (b.distanceNm ?? Infinity) || b.lastSeen - a.lastSeen);
  return out.slice(0, limit);
}

export function aisStatic(db: Db, mmsi: number | undefined, limit: number): AisStatic[] {
  const rows = db
    .prepare(
      `SELECT mmsi, name, call_sign AS callSign, imo, ship_type AS shipType, to_bow, to_stern, to_port, to_starboard,
              destination, first_seen AS firstSeen, updated_at AS updatedAt
       FROM ais_static WHERE (? IS NULL OR mmsi = ?) ORDER BY updated_at DESC LIMIT ?`,
    )
    .all(mmsi ?? null, mmsi ?? null, limit) as (Omit<AisStatic, 'lengthM' | 'beamM'> & {
    to_bow: number | null;
    to_stern: number | null;
    to_port: number | null;
    to_starboard: number | null;
  })[];
  return rows.map(({ to_bow, to_stern, to_port, to_starboard, ...r }) => ({
    ...r,
    // ITU-R M.1371-5 gives the antenna's distance to bow/stern/port/starboard; 0 means unknown.
    lengthM: to_bow && to_stern ? to_bow + to_stern : null,
    beamM: to_port && to_starboard ? to_port + to_starboard : null,
  }));
}
