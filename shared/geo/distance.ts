/**
 * Great-circle helpers on a spherical Earth. The sphere is within 0.5 % of the
 * WGS-84 ellipsoid, far inside the tolerance of the thresholds that use it
 * (hundreds of metres to tens of nautical miles).
 */

/** IUGG mean Earth radius (R1), metres. */
export const EARTH_RADIUS_M = 6_371_008.8;
/** The international nautical mile, metres (exact by definition, 1929). */
export const NM_M = 1852;
/** One knot in metres per second. */
export const KNOT_MS = NM_M / 3600;

const RAD = Math.PI / 180;

/** Haversine distance in metres. */
export function distanceM(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const dLat = (lat2 - lat1) * RAD;
  const dLon = (lon2 - lon1) * RAD;
  const s1 = Math.sin(dLat / 2);
  const s2 = Math.sin(dLon / 2);
  const h = s1 * s1 + Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD) * s2 * s2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * Equirectangular distance in metres: no trigonometry per call beyond one
 * cosine, within 0.1 % of haversine below a few kilometres; used in hot loops
 * (encounter proximity at 500 m) where millions of pairs are compared.
 */
export function nearDistanceM(lat1: number, lon1: number, lat2: number, lon2: number): number {
  let dLon = lon2 - lon1;
  if (dLon > 180) dLon -= 360;
  else if (dLon < -180) dLon += 360;
  const x = dLon * RAD * Math.cos(((lat1 + lat2) / 2) * RAD);
  const y = (lat2 - lat1) * RAD;
  return EARTH_RADIUS_M * Math.sqrt(x * x + y * y);
}

/**
 * Distance for hot loops over fixes: the equirectangular formula when the
 * points are close (under ~20 km its error is below 0.01 %), haversine
 * otherwise. Consecutive fixes and a fix and its nearest coast seed are
 * nearly always close.
 */
export function fastDistanceM(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const d = nearDistanceM(lat1, lon1, lat2, lon2);
  return d < 20_000 ? d : distanceM(lat1, lon1, lat2, lon2);
}

/** The point reached from (lat, lon) after `distance` metres on initial bearing `bearingDeg`. */
export function destination(lat: number, lon: number, bearingDeg: number, distance: number): { lat: number; lon: number } {
  const d = distance / EARTH_RADIUS_M;
  const b = bearingDeg * RAD;
  const p1 = lat * RAD;
  const l1 = lon * RAD;
  const p2 = Math.asin(Math.sin(p1) * Math.cos(d) + Math.cos(p1) * Math.sin(d) * Math.cos(b));
  const l2 = l1 + Math.atan2(Math.sin(b) * Math.sin(d) * Math.cos(p1), Math.cos(d) - Math.sin(p1) * Math.sin(p2));
  return { lat: p2 / RAD, lon: ((((l2 / RAD + 540) % 360) + 360) % 360) - 180 };
}

export const msToKnots = (ms: number): number => ms / KNOT_MS;
export const knotsToMs = (kn: number): number => kn * KNOT_MS;
