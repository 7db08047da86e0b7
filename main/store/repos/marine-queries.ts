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

/**
 * AIS static and voyage data, each with the registry vessel it matches (registry MMSIs
 * are 9-digit text, IMO numbers 7-digit text); `unregisteredOnly` leaves the suggestions.
 */
export function aisStatic(db: Db, mmsi: number | undefined, limit: number, unregisteredOnly = false): AisStatic[] {
  const rows = db
    .prepare(
      `SELECT s.mmsi, s.name, s.call_sign AS callSign, s.imo, s.ship_type AS shipType, s.to_bow, s.to_stern, s.to_port, s.to_starboard,
              s.destination, s.first_seen AS firstSeen, s.updated_at AS updatedAt,
              coalesce((SELECT v.id FROM vessels v WHERE v.mmsi = printf('%09d', s.mmsi)),
                       (SELECT v.id FROM vessels v WHERE s.imo IS NOT NULL AND v.imo = CAST(s.imo AS TEXT))) AS registryVesselId
       FROM ais_static s WHERE (? IS NULL OR s.mmsi = ?)
       ORDER BY s.updated_at DESC`,
    )
    .all(mmsi ?? null, mmsi ?? null) as (Omit<AisStatic, 'lengthM' | 'beamM'> & {
    to_bow: number | null;
    to_stern: number | null;
    to_port: number | null;
    to_starboard: number | null;
  })[];
  return rows
    .filter((r) => !unregisteredOnly || r.registryVesselId === null)
    .slice(0, limit)
    .map(({ to_bow, to_stern, to_port, to_starboard, ...r }) => ({
      ...r,
      // ITU-R M.1371-5 gives the antenna's distance to bow/stern/port/starboard; 0 means unknown.
      lengthM: to_bow && to_stern ? to_bow + to_stern : null,
      beamM: to_port && to_starboard ? to_port + to_starboard : null,
    }));
}
