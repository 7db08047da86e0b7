import { distanceM, fastDistanceM, msToKnots } from '../geo/distance';
import type { DataIssue } from './events';
import { DEFAULT_PARAMS, type VoyageParams } from './params';
import { emptyTrack, type Track } from './track';

/** A time-ordered track without duplicate times or impossible fixes, plus the best speed known at each fix. */
export interface CleanTrack extends Track {
  /** Reported SOG where present, else the speed implied by the neighbouring fixes (knots). */
  speedKn: Float32Array;
}

const MAX_EXAMPLES = 20;

class IssueLog {
  private byKind = new Map<DataIssue['kind'], DataIssue>();
  add(kind: DataIssue['kind'], message: string, example: DataIssue['examples'][number]): void {
    let issue = this.byKind.get(kind);
    if (!issue) {
      issue = { kind, count: 0, message, examples: [] };
      this.byKind.set(kind, issue);
    }
    issue.count++;
    if (issue.examples.length < MAX_EXAMPLES) issue.examples.push(example);
  }
  list(): DataIssue[] {
    return [...this.byKind.values()].map((i) => ({ ...i, message: i.message.replace('{n}', String(i.count)) }));
  }
}

function isSorted(t: Float64Array, n: number): boolean {
  for (let i = 1; i < n; i++) if (t[i]! < t[i - 1]!) return false;
  return true;
}

/**
 * Puts fixes in time order, drops exact repeats and fixes no vessel could
 * reach, and says what it did: bad input is reported, never silently
 * "corrected" and never a crash.
 *
 * Impossible speed: a fix that implies more than `maxPlausibleKn` from the
 * previous good fix, while the fix after it is plausible from that same good
 * fix, is a lone bad (or spoofed) fix and is dropped. When the track stays at
 * the new place (the next fix agrees with the jump) the jump is kept and
 * reported, because dropping the rest of a track would hide more than it fixes.
 */
export function cleanTrack(input: Track, params: VoyageParams = DEFAULT_PARAMS): { track: CleanTrack; issues: DataIssue[] } {
  const log = new IssueLog();
  let order: Uint32Array | undefined;
  if (!isSorted(input.t, input.n)) {
    let latest = -Infinity;
    for (let i = 0; i < input.n; i++) {
      if (input.t[i]! < latest) log.add('out_of_order', '{n} fixes arrived out of time order; they were put in order.', { t: input.t[i]!, lat: input.lat[i]!, lon: input.lon[i]! });
      else latest = input.t[i]!;
    }
    const idx = Array.from({ length: input.n }, (_, i) => i);
    idx.sort((a, b) => input.t[a]! - input.t[b]! || a - b);
    order = Uint32Array.from(idx);
  }
  const at = (k: number): number => (order ? order[k]! : k);

  const keep = new Uint32Array(input.n);
  let m = 0;
  for (let k = 0; k < input.n; k++) {
    const i = at(k);
    const lat = input.lat[i]!;
    const lon = input.lon[i]!;
    const t = input.t[i]!;
    if (!Number.isFinite(t) || !Number.isFinite(lat) || !Number.isFinite(lon) || Math.abs(lat) > 90 || Math.abs(lon) > 180) {
      log.add('invalid', '{n} fixes had no usable time or position and were dropped.', { t, detail: `lat ${lat}, lon ${lon}` });
      continue;
    }
    if (lat === 0 && lon === 0) {
      // Exactly 0°N 0°E is what receivers and transponders without a fix send, not a place a vessel was.
      log.add('invalid', '{n} fixes had no usable time or position and were dropped.', { t, detail: 'exactly 0°N 0°E, sent by receivers without a fix' });
      continue;
    }
    if (m > 0) {
      const p = keep[m - 1]!;
      if (input.t[p] === t) {
        if (input.lat[p] === lat && input.lon[p] === lon) log.add('duplicate_time', '{n} repeated fixes (same time, same place) were dropped.', { t, lat, lon });
        else log.add('conflicting_duplicate', '{n} fixes share a time with an earlier fix at another place; the first was kept.', { t, lat, lon, detail: `${Math.round(distanceM(input.lat[p]!, input.lon[p]!, lat, lon))} m from the kept fix` });
        continue;
      }
      const d = fastDistanceM(input.lat[p]!, input.lon[p]!, lat, lon);
      const kn = msToKnots(d / ((t - input.t[p]!) / 1000));
      if (kn > params.maxPlausibleKn && d > params.minJumpM) {
        const nextK = k + 1 < input.n ? at(k + 1) : -1;
        let loneBadFix = false;
        if (nextK >= 0 && input.t[nextK]! > input.t[p]!) {
          const d2 = distanceM(input.lat[p]!, input.lon[p]!, input.lat[nextK]!, input.lon[nextK]!);
          loneBadFix = msToKnots(d2 / ((input.t[nextK]! - input.t[p]!) / 1000)) <= params.maxPlausibleKn || d2 <= params.minJumpM;
        }
        if (loneBadFix) {
          log.add('impossible_speed', `{n} fixes implied more than ${params.maxPlausibleKn} kn from the fix before and were dropped as bad or spoofed positions.`, { t, lat, lon, detail: `${Math.round(kn)} kn over ${Math.round(d)} m` });
          continue;
        }
        log.add('jump', `The track jumps {n} times at more than ${params.maxPlausibleKn} kn and stays at the new place; the jumps are kept and may be spoofing or a shared MMSI.`, { t, lat, lon, detail: `${Math.round(kn)} kn over ${Math.round(d / 1852)} nm` });
      }
    }
    keep[m++] = i;
  }

  const out = emptyTrack(m) as CleanTrack;
  out.speedKn = new Float32Array(m);
  for (let k = 0; k < m; k++) {
    const i = keep[k]!;
    out.t[k] = input.t[i]!;
    out.lat[k] = input.lat[i]!;
    out.lon[k] = input.lon[i]!;
    out.sog[k] = input.sog[i]!;
  }
  for (let k = 0; k < m; k++) {
    const s = out.sog[k]!;
    if (Number.isFinite(s)) {
      out.speedKn[k] = s;
      continue;
    }
    const a = k > 0 ? k - 1 : k;
    const b = k > 0 ? k : Math.min(k + 1, m - 1);
    const dt = (out.t[b]! - out.t[a]!) / 1000;
    out.speedKn[k] = dt > 0 ? msToKnots(fastDistanceM(out.lat[a]!, out.lon[a]!, out.lat[b]!, out.lon[b]!) / dt) : 0;
  }
  if (m === 0) log.add('no_positions', 'No usable positions: there is nothing to analyse.', { t: 0 });
  return { track: out, issues: log.list() };
}
