import { NM_M } from '../geo/distance';
import type { CleanTrack } from './clean';
import type { Loitering } from './events';
import { DEFAULT_PARAMS, HOUR_MS, type VoyageParams } from './params';

/**
 * Loitering after GFW: slower than `loiterMaxKn` for at least `loiterMinH`,
 * at least `loiterMinShoreNm` from shore; a carrier waiting for fishing
 * vessels looks like this. We require every fix of the stretch to be slow
 * (so the average is too) and break it at a silence of `gapRecordH`, which is
 * a gap, not loitering. Needs distance from shore; without it, none is found.
 */
export function detectLoitering(track: CleanTrack, shoreM: Float32Array | undefined, params: VoyageParams = DEFAULT_PARAMS): Loitering[] {
  const out: Loitering[] = [];
  if (!shoreM) return out;
  const minShore = params.loiterMinShoreNm * NM_M;
  const maxSilence = params.gapRecordH * HOUR_MS;
  let s = -1;
  const close = (e: number): void => {
    if (s < 0) return;
    const start = track.t[s]!;
    const end = track.t[e]!;
    if (end - start >= params.loiterMinH * HOUR_MS) {
      let weighted = 0;
      let minShoreSeen = Infinity;
      let lat = 0;
      let lon = 0;
      for (let i = s; i <= e; i++) {
        if (i > s) weighted += ((track.speedKn[i]! + track.speedKn[i - 1]!) / 2) * (track.t[i]! - track.t[i - 1]!);
        minShoreSeen = Math.min(minShoreSeen, shoreM[i]!);
        lat += track.lat[i]!;
        lon += track.lon[i]!;
      }
      const n = e - s + 1;
      out.push({
        kind: 'loitering',
        id: `loitering-${start}`,
        start,
        end,
        durationH: (end - start) / HOUR_MS,
        position: { lat: lat / n, lon: lon / n },
        meanKn: weighted / (end - start),
        minShoreM: minShoreSeen,
      });
    }
    s = -1;
  };
  for (let i = 0; i < track.n; i++) {
    const ok = track.speedKn[i]! < params.loiterMaxKn && shoreM[i]! >= minShore;
    if (ok && s >= 0 && track.t[i]! - track.t[i - 1]! >= maxSilence) close(i - 1);
    if (ok) {
      if (s < 0) s = i;
    } else close(i - 1);
  }
  close(track.n - 1);
  return out;
}
