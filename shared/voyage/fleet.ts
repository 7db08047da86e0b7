import type { Position } from './position';

/**
 * Every other vessel heard on AIS, as columns (10 million reports as objects
 * would not fit a laptop's memory budget). MMSIs are numbers here; they are
 * 9 digits and fit a Uint32.
 */
export interface FleetReports {
  n: number;
  mmsi: Uint32Array;
  t: Float64Array;
  lat: Float64Array;
  lon: Float64Array;
  /** Knots; NaN when not reported. */
  sog: Float32Array;
}

export function fleetFromPositions(positions: readonly Position[]): FleetReports {
  const withMmsi = positions.filter((p) => p.mmsi !== undefined);
  const n = withMmsi.length;
  const f: FleetReports = { n, mmsi: new Uint32Array(n), t: new Float64Array(n), lat: new Float64Array(n), lon: new Float64Array(n), sog: new Float32Array(n) };
  withMmsi.forEach((p, i) => {
    f.mmsi[i] = Number(p.mmsi);
    f.t[i] = p.t;
    f.lat[i] = p.lat;
    f.lon[i] = p.lon;
    f.sog[i] = p.sog ?? NaN;
  });
  return f;
}

/**
 * Report indices per vessel, each list in time order. A stable counting sort
 * (O(n)) keeps the receiver's order, which is nearly always time order; the
 * rare vessel whose reports are not gets its own small sort.
 */
export function groupByVessel(f: FleetReports, exclude?: number): Map<number, Uint32Array> {
  const counts = new Map<number, number>();
  for (let i = 0; i < f.n; i++) {
    const m = f.mmsi[i]!;
    counts.set(m, (counts.get(m) ?? 0) + 1);
  }
  const lists = new Map<number, Uint32Array>();
  const fill = new Map<number, number>();
  for (const [m, c] of counts) {
    if (m === exclude) continue;
    lists.set(m, new Uint32Array(c));
    fill.set(m, 0);
  }
  for (let i = 0; i < f.n; i++) {
    const m = f.mmsi[i]!;
    const list = lists.get(m);
    if (!list) continue;
    const k = fill.get(m)!;
    list[k] = i;
    fill.set(m, k + 1);
  }
  for (const [m, list] of lists) {
    let sorted = true;
    for (let k = 1; k < list.length; k++) if (f.t[list[k]!]! < f.t[list[k - 1]!]!) { sorted = false; break; }
    if (!sorted) lists.set(m, Uint32Array.from([...list].sort((a, b) => f.t[a]! - f.t[b]! || a - b)));
  }
  return lists;
}
