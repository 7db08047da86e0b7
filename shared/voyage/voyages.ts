import { fastDistanceM } from '../geo/distance';
import type { CleanTrack } from './clean';
import type { PortVisit, Voyage } from './events';
import { HOUR_MS } from './params';
import { indexAtOrBefore } from './track';

const DAY_MS = 24 * HOUR_MS;

/**
 * Voyages are the time between port visits: from leaving one port to entering
 * the next. A track that starts or ends at sea gives a partial voyage, marked
 * so, because its true length is unknown.
 */
export function deriveVoyages(track: CleanTrack, visits: readonly PortVisit[], shoreM?: Float32Array): Voyage[] {
  if (track.n === 0) return [];
  const legs: { start: number; end: number; from?: PortVisit; to?: PortVisit }[] = [];
  const first = visits[0];
  if (!first) legs.push({ start: track.t[0]!, end: track.t[track.n - 1]! });
  else {
    if (first.start > track.t[0]!) legs.push({ start: track.t[0]!, end: first.start, to: first });
    for (let k = 0; k + 1 < visits.length; k++) legs.push({ start: visits[k]!.end, end: visits[k + 1]!.start, from: visits[k]!, to: visits[k + 1]! });
    const last = visits.at(-1)!;
    if (last.end < track.t[track.n - 1]!) legs.push({ start: last.end, end: track.t[track.n - 1]!, from: last });
  }

  return legs
    .filter((l) => l.end > l.start)
    .map((leg) => {
      const i0 = Math.max(0, indexAtOrBefore(track, leg.start));
      const i1 = indexAtOrBefore(track, leg.end);
      const ref = leg.from ?? leg.to;
      let maxPort = 0;
      let maxShore = 0;
      for (let i = i0; i <= i1; i++) {
        if (ref) {
          const d = fastDistanceM(track.lat[i]!, track.lon[i]!, ref.position.lat, ref.position.lon);
          if (d > maxPort) maxPort = d;
        }
        if (shoreM) {
          const s = shoreM[i]!;
          if (s > maxShore && Number.isFinite(s)) maxShore = s;
        }
      }
      const days = new Set<number>();
      for (let d = Math.floor(leg.start / DAY_MS); d <= Math.floor(leg.end / DAY_MS); d++) days.add(d);
      const durationH = (leg.end - leg.start) / HOUR_MS;
      const voyage: Voyage = {
        kind: 'voyage',
        id: `voyage-${leg.start}`,
        start: leg.start,
        end: leg.end,
        partial: !leg.from || !leg.to,
        durationH,
        daysAtSea: durationH / 24,
        calendarDaysAtSea: days.size,
        positions: i1 - i0 + 1,
        ...(leg.from ? { fromPort: leg.from.port } : {}),
        ...(leg.to ? { toPort: leg.to.port } : {}),
        ...(ref ? { maxDistanceFromPortM: maxPort } : {}),
        ...(shoreM ? { maxDistanceFromShoreM: maxShore } : {}),
      };
      return voyage;
    });
}
