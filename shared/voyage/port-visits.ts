import { fastDistanceM } from '../geo/distance';
import type { CleanTrack } from './clean';
import type { PortVisit } from './events';
import { DEFAULT_PARAMS, HOUR_MS, type VoyageParams } from './params';
import type { PortIndex } from './ports';

/**
 * Port visits after GFW's definition: a vessel enters a port within
 * `portEntryM` of its anchorage point and leaves beyond `portExitM`; the visit
 * counts only if it stopped there (speed below `stopStartKn` until above
 * `stopEndKn`) or fell silent inside it for `portGapH` or longer. Passing a
 * port without stopping is not a visit.
 *
 * The visit runs from the first fix inside the entry radius to the last fix
 * inside the exit radius.
 */
export function detectPortVisits(track: CleanTrack, ports: PortIndex, params: VoyageParams = DEFAULT_PARAMS): PortVisit[] {
  const visits: PortVisit[] = [];
  let portIdx = -1;
  let startIdx = 0;
  let lastIn = 0;
  let stopStart = NaN;
  let stops: PortVisit['stops'] = [];

  const close = (endIdx: number, reachedEnd: boolean): void => {
    if (!Number.isNaN(stopStart)) stops.push({ start: stopStart, end: track.t[endIdx]!, kind: 'stop' });
    if (stops.length > 0) {
      const port = ports.ports[portIdx]!;
      const start = track.t[startIdx]!;
      const end = track.t[endIdx]!;
      const open = startIdx === 0 && reachedEnd ? 'both' : startIdx === 0 ? 'start' : reachedEnd ? 'end' : undefined;
      visits.push({
        kind: 'port_visit',
        id: `visit-${start}`,
        port: port.name,
        start,
        end,
        durationH: (end - start) / HOUR_MS,
        position: { lat: port.lat, lon: port.lon },
        stops,
        ...(open ? { open } : {}),
      });
    }
    portIdx = -1;
    stopStart = NaN;
    stops = [];
  };

  for (let i = 0; i < track.n; i++) {
    const lat = track.lat[i]!;
    const lon = track.lon[i]!;
    if (portIdx >= 0) {
      const port = ports.ports[portIdx]!;
      if (fastDistanceM(lat, lon, port.lat, port.lon) > params.portExitM) {
        close(lastIn, false);
      } else {
        const t = track.t[i]!;
        const prevT = track.t[i - 1]!;
        if (t - prevT >= params.portGapH * HOUR_MS) {
          if (!Number.isNaN(stopStart)) {
            stops.push({ start: stopStart, end: prevT, kind: 'stop' });
            stopStart = NaN;
          }
          stops.push({ start: prevT, end: t, kind: 'gap' });
        }
        const v = track.speedKn[i]!;
        if (Number.isNaN(stopStart) && v < params.stopStartKn) stopStart = t;
        else if (!Number.isNaN(stopStart) && v > params.stopEndKn) {
          stops.push({ start: stopStart, end: t, kind: 'stop' });
          stopStart = NaN;
        }
        lastIn = i;
        continue;
      }
    }
    const hit = ports.nearestWithin(lat, lon, params.portEntryM);
    if (hit) {
      portIdx = hit.index;
      startIdx = i;
      lastIn = i;
      if (track.speedKn[i]! < params.stopStartKn) stopStart = track.t[i]!;
    }
  }
  if (portIdx >= 0) close(lastIn, true);
  return visits;
}
