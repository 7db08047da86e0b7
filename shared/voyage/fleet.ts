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
  // One Map lookup per report: MMSIs become dense ids, then typed-array counting.
  const ids = new Map<number, number>();
  const idOf = new Uint32Array(f.n);
  const counts: number[] = [];
  for (let i = 0; i < f.n; i++) {
    const m = f.mmsi[i]!;
    let id = ids.get(m);
    if (id === undefined) {
      id = counts.length;
      ids.set(m, id);
      counts.push(0);
    }
    idOf[i] = id;
    counts[id]!++;
  }
  const lists = counts.map((c) => new Uint32Array(c));
  const fill = new Uint32Array(counts.length);
  for (let i = 0; i < f.n; i++) {
    const id = idOf[i]!;
    lists[id]![fill[id]!++] = i;
  }
  const out = new Map<number, Uint32Array>();
  for (const [m, id] of ids) {
    if (m === exclude) continue;
    let list = lists[id]!;
    for (let k = 1; k < list.length; k++) {
      if (f.t[list[k]!]! < f.t[list[k - 1]!]!) {
        list = Uint32Array.from([...list].sort((a, b) => f.t[a]! - f.t[b]! || a - b));
        break;
      }
    }
    out.set(m, list);
  }
  return out;
}
