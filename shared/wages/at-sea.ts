import type { AtSeaInterval } from './settings';

/**
 * Stretches a vessel's track puts it at sea, for the "withdrawal while at sea"
 * signal. A position counts as at sea when it lies at least `minShoreM` from
 * the coast; by default 12 nautical miles, the outer edge of the territorial
 * sea (UNCLOS art. 3), where nobody aboard can be at a pier ATM. A stretch
 * breaks where the track has a gap longer than `maxGapMs`: we do not claim to
 * know where the vessel was when it was not heard.
 */
export interface AtSeaOptions {
  minShoreM?: number;
  maxGapMs?: number;
  /** Offset of the statements' local time from UTC, in minutes (Thailand: +420). */
  utcOffsetMinutes?: number;
}

export const TWELVE_NM_M = 12 * 1852;

function local(ms: number, offsetMin: number): string {
  return new Date(ms + offsetMin * 60_000).toISOString().slice(0, 19);
}

/** `t` in epoch milliseconds (UTC), ascending; `shoreM` the distance from shore of each point. */
export function atSeaIntervals(t: ArrayLike<number>, shoreM: ArrayLike<number>, options: AtSeaOptions = {}): AtSeaInterval[] {
  const min = options.minShoreM ?? TWELVE_NM_M;
  const gap = options.maxGapMs ?? 6 * 3_600_000;
  const offset = options.utcOffsetMinutes ?? 420;
  const out: AtSeaInterval[] = [];
  let start = -1;
  let last = -1;
  const close = () => {
    if (start >= 0 && last > start) out.push({ from: local(t[start]!, offset), to: local(t[last]!, offset) });
    start = -1;
  };
  for (let i = 0; i < t.length; i++) {
    const atSea = shoreM[i]! >= min;
    if (start >= 0 && (!atSea || t[i]! - t[last]! > gap)) close();
    if (atSea) {
      if (start < 0) start = i;
      last = i;
    }
  }
  close();
  return out;
}
