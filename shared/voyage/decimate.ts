import { z } from 'zod';
import type { CleanTrack } from './clean';

export const TrackSample = z.object({
  t: z.array(z.number()),
  lat: z.array(z.number()),
  lon: z.array(z.number()),
  kn: z.array(z.number()),
  /** Fixes in the full track this sample stands for. */
  of: z.number().int(),
});
export type TrackSample = z.infer<typeof TrackSample>;

/**
 * At most about `max` fixes for the map and the API: every k-th fix, plus
 * both fixes around every silence longer than `keepGapMs`, so gaps and the
 * track's ends are never smoothed away.
 */
export function sampleTrack(track: CleanTrack, max = 20_000, keepGapMs = 30 * 60_000): TrackSample {
  const out: TrackSample = { t: [], lat: [], lon: [], kn: [], of: track.n };
  const step = Math.max(1, Math.ceil(track.n / max));
  let last = -1;
  const push = (i: number): void => {
    if (i <= last) return;
    last = i;
    out.t.push(track.t[i]!);
    out.lat.push(Math.round(track.lat[i]! * 1e6) / 1e6);
    out.lon.push(Math.round(track.lon[i]! * 1e6) / 1e6);
    out.kn.push(Math.round(track.speedKn[i]! * 10) / 10);
  };
  for (let i = 0; i < track.n; i++) {
    const gapAfter = i + 1 < track.n && track.t[i + 1]! - track.t[i]! > keepGapMs;
    const gapBefore = i > 0 && track.t[i]! - track.t[i - 1]! > keepGapMs;
    if (i % step === 0 || gapAfter || gapBefore || i === track.n - 1) push(i);
  }
  return out;
}

/**
 * Screen-space decimation for drawing: of projected points (x, y in pixels),
 * keep the indices that move at least `minPx` from the last kept one. At any
 * zoom this draws each pixel once, so redraw cost follows the screen, not the
 * track length.
 */
export function decimateScreen(xs: ArrayLike<number>, ys: ArrayLike<number>, minPx = 1): Uint32Array {
  const keep: number[] = [];
  let lx = NaN;
  let ly = NaN;
  const min2 = minPx * minPx;
  for (let i = 0; i < xs.length; i++) {
    const dx = xs[i]! - lx;
    const dy = ys[i]! - ly;
    if (!(dx * dx + dy * dy < min2) || i === xs.length - 1) {
      keep.push(i);
      lx = xs[i]!;
      ly = ys[i]!;
    }
  }
  return Uint32Array.from(keep);
}
