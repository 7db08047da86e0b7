import type { Position } from './position';

/**
 * A vessel's positions as columns: a 30-day voyage at 1 Hz is 2.6 million
 * fixes, which as objects would cost a gigabyte; as typed arrays it is ~90 MB
 * and every event detector walks it in one pass.
 */
export interface Track {
  n: number;
  t: Float64Array;
  lat: Float64Array;
  lon: Float64Array;
  /** Reported speed over ground (knots); NaN when not reported. */
  sog: Float32Array;
}

export function emptyTrack(n: number): Track {
  return { n, t: new Float64Array(n), lat: new Float64Array(n), lon: new Float64Array(n), sog: new Float32Array(n).fill(NaN) };
}

export function trackFromPositions(positions: readonly Position[]): Track {
  const tr = emptyTrack(positions.length);
  positions.forEach((p, i) => {
    tr.t[i] = p.t;
    tr.lat[i] = p.lat;
    tr.lon[i] = p.lon;
    tr.sog[i] = p.sog ?? NaN;
  });
  return tr;
}

/** Index of the last fix at or before time `t` (-1 if none). Binary search: the track is time-ordered. */
export function indexAtOrBefore(track: Track, t: number): number {
  let lo = 0;
  let hi = track.n - 1;
  let ans = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (track.t[mid]! <= t) {
      ans = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return ans;
}
