/**
 * The map's view: an equirectangular projection centred on the track, with
 * longitude scaled by the cosine of the centre latitude so shapes near the
 * track look right (a chart, not a globe: a vessel's area of operation spans a
 * few hundred miles). Pure, so it is tested without a DOM.
 */
export interface View {
  /** Centre, degrees. */
  lat: number;
  lon: number;
  /** Pixels per degree of latitude. */
  scale: number;
  width: number;
  height: number;
  /** Cosine of the latitude fixed when the view was fitted: longitudes are scaled by it, so panning and zooming stay linear. */
  k: number;
}

const RAD = Math.PI / 180;

export function project(v: View, lat: number, lon: number): [number, number] {
  const k = v.k;
  let dLon = lon - v.lon;
  if (dLon > 180) dLon -= 360;
  else if (dLon < -180) dLon += 360;
  return [v.width / 2 + dLon * k * v.scale, v.height / 2 - (lat - v.lat) * v.scale];
}

export function unproject(v: View, x: number, y: number): [number, number] {
  const k = v.k;
  return [v.lat - (y - v.height / 2) / v.scale, v.lon + (x - v.width / 2) / (k * v.scale)];
}

/** The view that shows every point with a margin; a world view when there are none. */
export function fitView(lats: ArrayLike<number>, lons: ArrayLike<number>, width: number, height: number, marginPx = 40): View {
  if (lats.length === 0) return { lat: 0, lon: 0, scale: Math.max(1, height / 180), width, height, k: 1 };
  let minLat = Infinity;
  let maxLat = -Infinity;
  let minLon = Infinity;
  let maxLon = -Infinity;
  for (let i = 0; i < lats.length; i++) {
    minLat = Math.min(minLat, lats[i]!);
    maxLat = Math.max(maxLat, lats[i]!);
    minLon = Math.min(minLon, lons[i]!);
    maxLon = Math.max(maxLon, lons[i]!);
  }
  const lat = (minLat + maxLat) / 2;
  const lon = (minLon + maxLon) / 2;
  const k = Math.max(0.01, Math.cos(lat * RAD));
  // At least ~0.02° across, so a vessel alongside for a day is not an infinitely zoomed dot.
  const spanLat = Math.max(maxLat - minLat, 0.02);
  const spanLon = Math.max((maxLon - minLon) * k, 0.02);
  const scale = Math.min((width - 2 * marginPx) / spanLon, (height - 2 * marginPx) / spanLat);
  return { lat, lon, scale: Math.max(scale, 0.5), width, height, k };
}

/** Zoom by `factor` keeping the point under (x, y) fixed, as a chart plotter does. */
export function zoomAt(v: View, x: number, y: number, factor: number): View {
  const [lat, lon] = unproject(v, x, y);
  const scale = Math.min(Math.max(v.scale * factor, 0.5), 2_000_000);
  const next = { ...v, scale };
  const [nx, ny] = project(next, lat, lon);
  const [cLat, cLon] = unproject(next, v.width / 2 + (nx - x), v.height / 2 + (ny - y));
  return { ...next, lat: Math.max(-85, Math.min(85, cLat)), lon: cLon };
}

export function pan(v: View, dx: number, dy: number): View {
  const [lat, lon] = unproject(v, v.width / 2 - dx, v.height / 2 - dy);
  return { ...v, lat: Math.max(-85, Math.min(85, lat)), lon: ((((lon + 180) % 360) + 360) % 360) - 180 };
}

/** Speed bands for colouring the track (knots): in port or drifting, gear speeds, steaming, fast. */
export const SPEED_BANDS = [
  { max: 0.5, color: '#7a7a7a' },
  { max: 5, color: '#d9480f' },
  { max: 10, color: '#1971c2' },
  { max: Infinity, color: '#7048e8' },
] as const;

export function speedBand(kn: number): number {
  for (let b = 0; b < SPEED_BANDS.length; b++) if (kn < SPEED_BANDS[b]!.max) return b;
  return SPEED_BANDS.length - 1;
}
