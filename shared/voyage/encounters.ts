import { nearDistanceM } from '../geo/distance';
import type { CleanTrack } from './clean';
import type { Encounter } from './events';
import type { FleetReports } from './fleet';
import { groupByVessel } from './fleet';
import { DEFAULT_PARAMS, HOUR_MS, type VoyageParams } from './params';
import type { PortIndex } from './ports';
import type { VesselIdentity } from './position';
import { indexAtOrBefore } from './track';

function median(values: number[]): number {
  const v = values.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return NaN;
  const mid = v.length >> 1;
  return v.length % 2 ? v[mid]! : (v[mid - 1]! + v[mid]!) / 2;
}


const BOX_MS = 10 * 60_000;
/** Reports within this of the audited vessel's own position are "the same place" (two GNSS antennas on one hull). */
const SELF_M = 100;
/** A vessel at the same place for this share of at least this many reports over this many hours is the audited vessel itself. */
const SELF_SHARE = 0.95;
const SELF_MIN_REPORTS = 50;
const SELF_MIN_H = 6;

/**
 * Where the audited vessel could be in each 10-minute slot: the bounding box
 * of its fixes and of the segments it may be interpolated along, grown by the
 * encounter distance. A report outside its slot's box cannot be within range,
 * which settles almost every report of a 10-million-report fleet in O(1).
 */
function timeBoxes(own: CleanTrack, maxInterpMs: number, rangeM: number) {
  const t0 = own.t[0]!;
  const slots = Math.floor((own.t[own.n - 1]! - t0) / BOX_MS) + 1;
  const minLat = new Float64Array(slots).fill(Infinity);
  const maxLat = new Float64Array(slots).fill(-Infinity);
  const minLon = new Float64Array(slots).fill(Infinity);
  const maxLon = new Float64Array(slots).fill(-Infinity);
  const add = (b: number, i: number) => {
    const la = own.lat[i]!;
    const lo = own.lon[i]!;
    if (la < minLat[b]!) minLat[b] = la;
    if (la > maxLat[b]!) maxLat[b] = la;
    if (lo < minLon[b]!) minLon[b] = lo;
    if (lo > maxLon[b]!) maxLon[b] = lo;
  };
  for (let i = 0; i < own.n; i++) {
    const b = Math.floor((own.t[i]! - t0) / BOX_MS);
    add(b, i);
    if (i + 1 < own.n && own.t[i + 1]! - own.t[i]! <= maxInterpMs) {
      const b2 = Math.floor((own.t[i + 1]! - t0) / BOX_MS);
      for (let k = b; k <= b2; k++) {
        add(k, i);
        add(k, i + 1);
      }
    }
  }
  const padLat = (rangeM / 6_371_008.8) * (180 / Math.PI) * 1.01;
  for (let b = 0; b < slots; b++) {
    const cos = Math.max(0.01, Math.cos(((minLat[b]! + maxLat[b]!) / 2) * (Math.PI / 180)) - 0.001);
    minLat[b]! -= padLat;
    maxLat[b]! += padLat;
    minLon[b]! -= padLat / cos;
    maxLon[b]! += padLat / cos;
  }
  return {
    mayBeNear(t: number, lat: number, lon: number): boolean {
      const b = Math.floor((t - t0) / BOX_MS);
      return lat >= minLat[b]! && lat <= maxLat[b]! && lon >= minLon[b]! && lon <= maxLon[b]!;
    },
  };
}

/** The last own fix at or before `t`, searched forward from `j` by galloping (reports are time-ordered). */
function advance(own: CleanTrack, j: number, t: number): number {
  if (j < 0 || own.t[j]! > t) return indexAtOrBefore(own, t);
  let step = 1;
  let lo = j;
  while (lo + step < own.n && own.t[lo + step]! <= t) {
    lo += step;
    step *= 2;
  }
  let hi = Math.min(own.n - 1, lo + step);
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (own.t[mid]! <= t) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * Encounters after GFW's definition: the audited vessel and another vessel
 * within `encounterDistanceM` for at least `encounterMinH`, each at a median
 * speed below `encounterMaxMedianKn`, at least `encounterMinFromPortM` from
 * any anchorage. Where crew and catch can be moved without a port.
 *
 * Each report of the other vessel is compared with the audited vessel's
 * position interpolated to the same instant. An encounter runs from the first
 * to the last report within range; a report out of range, or a silence of
 * either vessel, ends it. Cost is one pass over each vessel's reports with a
 * galloping pointer into the audited track, after a constant-time box test.
 */
export function detectEncounters(
  own: CleanTrack,
  fleet: FleetReports,
  ports: PortIndex,
  options: {
    ownMmsi?: number;
    identities?: ReadonlyMap<string, VesselIdentity>;
    shoreAt?: (lat: number, lon: number) => number;
    params?: VoyageParams;
    /** Called for an MMSI that is the audited vessel itself (its transponder heard by another receiver). */
    onOwnTransponder?: (mmsi: string, reports: number) => void;
  } = {},
): Encounter[] {
  const params = options.params ?? DEFAULT_PARAMS;
  const out: Encounter[] = [];
  if (own.n < 2 || fleet.n === 0) return out;
  const t0 = own.t[0]!;
  const t1 = own.t[own.n - 1]!;
  const maxInterp = params.ownInterpolationMaxMin * 60_000;
  const maxReportGap = params.encounterMaxReportGapMin * 60_000;
  const minDur = params.encounterMinH * HOUR_MS;
  const R = params.encounterDistanceM;
  const boxes = timeBoxes(own, maxInterp, R);

  for (const [mmsi, list] of groupByVessel(fleet, options.ownMmsi)) {
    const found: Encounter[] = [];
    let overlapping = 0;
    let colocated = 0;
    let firstOverlap = NaN;
    let lastOverlap = NaN;
    let j = -1;
    let runStart = -1; // index into list
    let runEnd = -1;
    let dists: number[] = [];

    const finish = (): void => {
      if (runStart < 0) return;
      const a = list[runStart]!;
      const b = list[runEnd]!;
      const start = fleet.t[a]!;
      const end = fleet.t[b]!;
      const runDists = dists;
      const from = runStart;
      const to = runEnd;
      runStart = -1;
      runEnd = -1;
      dists = [];
      if (end - start < minDur) return;
      const otherSpeeds: number[] = [];
      for (let k = from; k <= to; k++) otherSpeeds.push(fleet.sog[list[k]!]!);
      const i0 = Math.max(0, indexAtOrBefore(own, start));
      const i1 = indexAtOrBefore(own, end);
      const ownSpeeds: number[] = [];
      let sumLat = 0;
      let sumLon = 0;
      for (let i = i0; i <= i1; i++) {
        ownSpeeds.push(own.speedKn[i]!);
        sumLat += own.lat[i]!;
        sumLon += own.lon[i]!;
      }
      const ownMedian = median(ownSpeeds);
      const otherMedianReported = median(otherSpeeds);
      // A vessel that did not report its speed kept within 500 m of one that did: it moved at about the same speed.
      const otherMedian = Number.isNaN(otherMedianReported) ? ownMedian : otherMedianReported;
      if (!(ownMedian < params.encounterMaxMedianKn) || !(otherMedian < params.encounterMaxMedianKn)) return;
      const position = { lat: sumLat / (i1 - i0 + 1), lon: sumLon / (i1 - i0 + 1) };
      const nearestPort = ports.nearest(position.lat, position.lon);
      if (nearestPort && nearestPort.distanceM < params.encounterMinFromPortM) return;
      const key = String(mmsi).padStart(9, '0');
      const id = options.identities?.get(key);
      found.push({
        kind: 'encounter',
        id: `encounter-${start}-${key}`,
        start,
        end,
        durationH: (end - start) / HOUR_MS,
        otherMmsi: key,
        ...(id?.name ? { otherName: id.name } : {}),
        nameSource: id?.name ? id.source : 'unknown',
        position,
        medianDistanceM: median(runDists),
        ownMedianKn: ownMedian,
        otherMedianKn: otherMedian,
        ...(nearestPort ? { nearestPortM: nearestPort.distanceM } : {}),
        ...(options.shoreAt ? { shoreM: options.shoreAt(position.lat, position.lon) } : {}),
        otherReports: to - from + 1,
      });
    };

    for (let k = 0; k < list.length; k++) {
      const r = list[k]!;
      const t = fleet.t[r]!;
      let close = false;
      let d = Infinity;
      if (t >= t0 && t <= t1 && boxes.mayBeNear(t, fleet.lat[r]!, fleet.lon[r]!)) {
        j = advance(own, j, t);
        let lat = own.lat[j]!;
        let lon = own.lon[j]!;
        let known = own.t[j] === t;
        if (!known && j + 1 < own.n && own.t[j + 1]! - own.t[j]! <= maxInterp) {
          const f = (t - own.t[j]!) / (own.t[j + 1]! - own.t[j]!);
          lat += (own.lat[j + 1]! - lat) * f;
          lon += (own.lon[j + 1]! - lon) * f; // fine away from the antimeridian; at it the pair is never within 500 m by this formula, a documented miss
          known = true;
        }
        if (known) {
          d = nearDistanceM(lat, lon, fleet.lat[r]!, fleet.lon[r]!);
          close = d <= R;
          if (d <= SELF_M) colocated++;
        }
      }
      if (t >= t0 && t <= t1) {
        overlapping++;
        if (Number.isNaN(firstOverlap)) firstOverlap = t;
        lastOverlap = t;
      }
      if (close && runStart >= 0 && t - fleet.t[list[runEnd]!]! > maxReportGap) finish();
      if (close) {
        if (runStart < 0) runStart = k;
        runEnd = k;
        dists.push(d);
      } else finish();
    }
    finish();
    // The audited vessel's own transponder, heard by a second receiver, sits on its track all the time:
    // it would "meet" the vessel whenever it drifts. It is not another vessel.
    if (overlapping >= SELF_MIN_REPORTS && colocated >= SELF_SHARE * overlapping && lastOverlap - firstOverlap >= SELF_MIN_H * HOUR_MS) {
      options.onOwnTransponder?.(String(mmsi).padStart(9, '0'), overlapping);
      continue;
    }
    out.push(...found);
  }
  return out.sort((a, b) => a.start - b.start);
}
