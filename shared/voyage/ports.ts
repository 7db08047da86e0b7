import { z } from 'zod';
import { distanceM } from '../geo/distance';

/**
 * A port or anchorage point. Ports come from the registry (home ports, known
 * anchorages) and from the auditor; Gangway bundles no world port list because
 * none we could source offline carries a licence that allows redistribution.
 */
export const Port = z.object({
  name: z.string().min(1),
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
});
export type Port = z.infer<typeof Port>;

/** Ports bucketed in 0.1° cells (≈11 km, more than any port radius) so a lookup reads 9 cells, not every port. */
export class PortIndex {
  private static readonly CELL = 0.1;
  private cells = new Map<number, number[]>();
  constructor(readonly ports: readonly Port[]) {
    ports.forEach((p, i) => {
      const key = PortIndex.key(Math.floor((p.lat + 90) / PortIndex.CELL), Math.floor((p.lon + 180) / PortIndex.CELL));
      const list = this.cells.get(key);
      if (list) list.push(i);
      else this.cells.set(key, [i]);
    });
  }

  private static key(r: number, c: number): number {
    const w = Math.round(360 / PortIndex.CELL);
    return r * w + (((c % w) + w) % w);
  }

  /** The nearest port within `maxM` metres (maxM up to about 10 km), or undefined. */
  nearestWithin(lat: number, lon: number, maxM: number): { index: number; distanceM: number } | undefined {
    if (this.ports.length === 0) return undefined;
    const r = Math.floor((lat + 90) / PortIndex.CELL);
    const c = Math.floor((lon + 180) / PortIndex.CELL);
    let best: { index: number; distanceM: number } | undefined;
    for (const i of this.around(r, c)) {
      const p = this.ports[i]!;
      const d = distanceM(lat, lon, p.lat, p.lon);
      if (d <= maxM && (!best || d < best.distanceM)) best = { index: i, distanceM: d };
    }
    return best;
  }

  // Consecutive fixes nearly always share a cell: the 3×3 neighbourhood is remembered.
  private lastCell = NaN;
  private lastAround: number[] = [];
  private around(r: number, c: number): number[] {
    const key = PortIndex.key(r, c);
    if (key === this.lastCell) return this.lastAround;
    const list: number[] = [];
    for (let dr = -1; dr <= 1; dr++) for (let dc = -1; dc <= 1; dc++) list.push(...(this.cells.get(PortIndex.key(r + dr, c + dc)) ?? []));
    this.lastCell = key;
    this.lastAround = list;
    return list;
  }

  /** Distance to the nearest port anywhere (a linear scan: used once per event, not per fix). */
  nearest(lat: number, lon: number): { index: number; distanceM: number } | undefined {
    let best: { index: number; distanceM: number } | undefined;
    this.ports.forEach((p, i) => {
      const d = distanceM(lat, lon, p.lat, p.lon);
      if (!best || d < best.distanceM) best = { index: i, distanceM: d };
    });
    return best;
  }
}
