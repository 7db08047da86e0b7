import { destination, NM_M } from '../../../shared/geo/distance';
import type { Position } from '../../../shared/voyage/position';

export const MIN = 60_000;
export const HOUR = 60 * MIN;
export const T0 = Date.UTC(2026, 2, 1, 0, 0, 0);

/**
 * Builds a synthetic vessel track leg by leg: fixes at a fixed interval,
 * positions on the great circle, so the tests can state exact expected times.
 */
export class Scenario {
  readonly positions: Position[] = [];
  constructor(
    public lat: number,
    public lon: number,
    public t: number = T0,
    readonly intervalMs: number = MIN,
    readonly mmsi?: string,
  ) {}

  private fix(sog: number): void {
    this.positions.push({ t: this.t, lat: this.lat, lon: this.lon, sog, ...(this.mmsi ? { mmsi: this.mmsi } : {}) });
  }

  /** Reports in place (sog as given) for `ms`; the first fix is at the current time, the last one interval before the end. */
  stay(ms: number, sog = 0): this {
    const end = this.t + ms;
    for (; this.t < end; this.t += this.intervalMs) this.fix(sog);
    this.t = end;
    return this;
  }

  /** Sails `nm` on `bearing` at `kn`, reporting; ends exactly at the destination, not yet reported there. */
  sail(bearing: number, nm: number, kn: number): this {
    const start = { lat: this.lat, lon: this.lon };
    const t0 = this.t;
    const ms = (nm / kn) * HOUR;
    for (let t = t0; t < t0 + ms; t += this.intervalMs) {
      const p = destination(start.lat, start.lon, bearing, (kn * NM_M * (t - t0)) / HOUR);
      this.t = t;
      this.lat = p.lat;
      this.lon = p.lon;
      this.fix(kn);
    }
    const end = destination(start.lat, start.lon, bearing, nm * NM_M);
    this.lat = end.lat;
    this.lon = end.lon;
    this.t = t0 + ms;
    return this;
  }

  /** Goes silent for `ms` while moving `nm` on `bearing`. */
  dark(ms: number, bearing = 0, nm = 0): this {
    const p = destination(this.lat, this.lon, bearing, nm * NM_M);
    this.lat = p.lat;
    this.lon = p.lon;
    this.t += ms;
    return this;
  }
}
