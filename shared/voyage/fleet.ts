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
  // MMSIs become dense ids through an open-addressing table (typed arrays, no Map per report).
  let cap = 1 << 12;
  let keys = new Int32Array(cap).fill(-1);
  let vals = new Int32Array(cap);
  const distinct: number[] = [];
  const idOf = new Uint32Array(f.n);
  const counts: number[] = [];
  const slot = (m: number): number => {
    let h = Math.imul(m, 0x9e3779b1) >>> 0;
    for (;;) {
      h &= cap - 1;
      const k = keys[h]!;
      if (k === m || k === -1) return h;
      h++;
    }
  };
  for (let i = 0; i < f.n; i++) {
    const m = f.mmsi[i]! | 0; // MMSIs are 9 digits: below 2^30, so they fit an Int32
    let h = slot(m);
    if (keys[h] === -1) {
      if (distinct.length * 2 >= cap) {
        cap *= 2;
        keys = new Int32Array(cap).fill(-1);
        vals = new Int32Array(cap);
        distinct.forEach((d, id) => {
          const j = slot(d);
          keys[j] = d;
          vals[j] = id;
        });
        h = slot(m);
      }
      keys[h] = m;
      vals[h] = distinct.length;
      distinct.push(m);
      counts.push(0);
    }
    const id = vals[h]!;
    idOf[i] = id;
    counts[id]!++;
  }
  const ids = new Map<number, number>(distinct.map((m, id) => [m >>> 0, id]));
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
