import { distanceM, msToKnots, NM_M } from '../geo/distance';
import type { CleanTrack } from './clean';
import type { Gap, PortVisit } from './events';
import { DEFAULT_PARAMS, HOUR_MS, type VoyageParams } from './params';
import { indexAtOrBefore } from './track';

/**
 * AIS gaps: silences of `gapRecordH` or more are recorded, from `gapFlagH`
 * flagged, and called "possible intentional disabling" when (Welch et al.
 * 2022) both ends lie more than `disablingShoreNm` from shore and the vessel
 * sent at least `disablingMinPositionsBefore` fixes in the
 * `disablingWindowBeforeH` before going quiet, so poor reception is an
 * unlikely explanation. Without a shore distance the last test cannot be made
 * and the gap says so in `reasons`.
 */
export function detectGaps(track: CleanTrack, visits: readonly PortVisit[], shoreM: Float32Array | undefined, params: VoyageParams = DEFAULT_PARAMS): Gap[] {
  const gaps: Gap[] = [];
  const minMs = params.gapRecordH * HOUR_MS;
  const shoreLimit = params.disablingShoreNm * NM_M;
  for (let i = 1; i < track.n; i++) {
    const start = track.t[i - 1]!;
    const end = track.t[i]!;
    const dt = end - start;
    if (dt < minMs) continue;
    const from = { lat: track.lat[i - 1]!, lon: track.lon[i - 1]! };
    const to = { lat: track.lat[i]!, lon: track.lon[i]! };
    const dist = distanceM(from.lat, from.lon, to.lat, to.lon);
    const before = i - 1 - Math.max(-1, indexAtOrBefore(track, start - params.disablingWindowBeforeH * HOUR_MS - 1));
    const inPort = visits.some((v) => v.start <= start && end <= v.end);
    const flagged = dt >= params.gapFlagH * HOUR_MS;
    const startShore = shoreM?.[i - 1];
    const endShore = shoreM?.[i];
    const reasons: string[] = [];
    let disabling = flagged && !inPort;
    if (!flagged) reasons.push(`shorter than ${params.gapFlagH} h`);
    if (inPort) reasons.push('inside a port visit');
    if (startShore === undefined || endShore === undefined) {
      disabling = false;
      reasons.push('distance from shore unknown');
    } else {
      if (startShore <= shoreLimit) reasons.push(`started ${(startShore / NM_M).toFixed(1)} nm from shore (limit ${params.disablingShoreNm} nm)`);
      if (endShore <= shoreLimit) reasons.push(`ended ${(endShore / NM_M).toFixed(1)} nm from shore (limit ${params.disablingShoreNm} nm)`);
      if (startShore <= shoreLimit || endShore <= shoreLimit) disabling = false;
    }
    if (before < params.disablingMinPositionsBefore) {
      reasons.push(`only ${before} fixes in the ${params.disablingWindowBeforeH} h before (needs ${params.disablingMinPositionsBefore})`);
      disabling = false;
    }
    gaps.push({
      kind: 'gap',
      id: `gap-${start}`,
      start,
      end,
      durationH: dt / HOUR_MS,
      from,
      to,
      distanceM: dist,
      impliedSpeedKn: msToKnots(dist / (dt / 1000)),
      ...(startShore !== undefined ? { startShoreM: startShore } : {}),
      ...(endShore !== undefined ? { endShoreM: endShore } : {}),
      positionsBefore: before,
      inPort,
      flagged,
      possibleIntentionalDisabling: disabling,
      reasons,
    });
  }
  return gaps;
}
