import type { TrackSample } from '../../../shared/voyage/decimate';

/**
 * Levels of detail for the track, built once per track: level k keeps a fix
 * only if it is at least `tolDeg = FINEST · 2^k` degrees (longitude scaled by
 * the cosine of the track's mid-latitude) from the last one kept, so each
 * level is about half the one before. A redraw picks the coarsest level whose
 * tolerance is under 1.5 px at the current zoom, so its cost follows the
 * screen, not the length of the track: decimation per zoom level.
 * Fixes either side of a silence (over 30 min) are in every level, so a gap is
 * never bridged.
 */
export interface Level {
  tolDeg: number;
  idx: Uint32Array;
}

const FINEST_DEG = 1e-5; // about a metre: below any receiver's precision
const GAP_MS = 30 * 60_000;
const cache = new WeakMap<TrackSample, { k: number; levels: Level[] }>();

function build(track: TrackSample): { k: number; levels: Level[] } {
  const n = track.t.length;
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < n; i++) {
    lo = Math.min(lo, track.lat[i]!);
    hi = Math.max(hi, track.lat[i]!);
  }
  const k = n ? Math.max(0.01, Math.cos((((lo + hi) / 2) * Math.PI) / 180)) : 1;
  const levels: Level[] = [];
  let prev: Uint32Array = Uint32Array.from({ length: n }, (_, i) => i);
  for (let tol = FINEST_DEG; ; tol *= 2) {
    const keep: number[] = [];
    let la = NaN;
    let lo2 = NaN;
    const t2 = tol * tol;
    for (let j = 0; j < prev.length; j++) {
      const i = prev[j]!;
      const edge = j === 0 || j === prev.length - 1 || track.t[i]! - track.t[prev[j - 1]!]! > GAP_MS || track.t[prev[j + 1]!]! - track.t[i]! > GAP_MS;
      const dy = track.lat[i]! - la;
      const dx = (track.lon[i]! - lo2) * k;
      if (edge || !(dx * dx + dy * dy < t2)) {
        keep.push(i);
        la = track.lat[i]!;
        lo2 = track.lon[i]!;
      }
    }
    prev = Uint32Array.from(keep);
    levels.push({ tolDeg: tol, idx: prev });
    if (prev.length < 2000 || tol > 10) break;
  }
  return { k, levels };
}

export function levelsOf(track: TrackSample): Level[] {
  let entry = cache.get(track);
  if (!entry) {
    entry = build(track);
    cache.set(track, entry);
  }
  return entry.levels;
}

/** The fixes to draw at `pxPerDeg` (pixels per degree of latitude): the coarsest level finer than `minPx`. */
export function fixesForZoom(track: TrackSample, pxPerDeg: number, minPx = 1.5): Uint32Array {
  const levels = levelsOf(track);
  let best = levels[0]!.idx;
  for (const l of levels) if (l.tolDeg * pxPerDeg <= minPx) best = l.idx;
  return best;
}
