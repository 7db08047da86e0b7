import { z } from 'zod';
import { NM_M } from '../geo/distance';
import type { CleanTrack } from './clean';
import type { Encounter, Gap, Loitering, PortVisit, Voyage } from './events';
import { DEFAULT_PARAMS, HOUR_MS, type VoyageParams } from './params';

export const RiskFeature = z.object({
  key: z.string(),
  label: z.string(),
  value: z.number().nullable(),
  unit: z.string(),
  /** What the number was computed from, so a reader can check it. */
  basis: z.string(),
});
export type RiskFeature = z.infer<typeof RiskFeature>;

export const RiskProfile = z.object({
  start: z.number(),
  end: z.number(),
  observedDays: z.number(),
  features: z.array(RiskFeature),
  note: z.string(),
});
export type RiskProfile = z.infer<typeof RiskProfile>;

const MONTH_DAYS = 30.44;

/**
 * Behaviour features in the spirit of McDonald et al. 2021, "Satellites can
 * reveal global extent of forced labor in the world's fishing fleet" (PNAS
 * 118: e2016238118): long voyages, long time at sea, far from port, many
 * fishing hours per day, encounters and gaps. A profile with its inputs, for
 * an auditor to weigh; Gangway does not turn it into a score or a verdict.
 */
export function riskProfile(
  track: CleanTrack,
  events: { visits: readonly PortVisit[]; voyages: readonly Voyage[]; gaps: readonly Gap[]; encounters: readonly Encounter[]; loitering: readonly Loitering[] },
  params: VoyageParams = DEFAULT_PARAMS,
): RiskProfile | undefined {
  if (track.n < 2) return undefined;
  const start = track.t[0]!;
  const end = track.t[track.n - 1]!;
  const observedDays = (end - start) / (24 * HOUR_MS);
  const months = Math.max(observedDays / MONTH_DAYS, 1 / MONTH_DAYS);
  const seaHours = events.voyages.reduce((h, v) => h + v.durationH, 0);
  const complete = events.voyages.filter((v) => !v.partial);
  const longest = events.voyages.reduce((m, v) => Math.max(m, v.daysAtSea), 0);

  // Fishing-like time: at sea (outside visits), in the gear speed band, between fixes no more than an hour apart.
  let fishingMs = 0;
  let visit = 0;
  for (let i = 1; i < track.n; i++) {
    const t = track.t[i]!;
    while (visit < events.visits.length && events.visits[visit]!.end < t) visit++;
    const v = events.visits[visit];
    if (v && v.start <= t) continue;
    const dt = t - track.t[i - 1]!;
    const kn = track.speedKn[i]!;
    if (dt <= HOUR_MS && kn >= params.fishingMinKn && kn <= params.fishingMaxKn) fishingMs += dt;
  }
  const seaDays = seaHours / 24;
  const maxPort = events.voyages.reduce<number | null>((m, v) => (v.maxDistanceFromPortM === undefined ? m : Math.max(m ?? 0, v.maxDistanceFromPortM)), null);
  const maxShore = events.voyages.reduce<number | null>((m, v) => (v.maxDistanceFromShoreM === undefined ? m : Math.max(m ?? 0, v.maxDistanceFromShoreM)), null);
  const flagged = events.gaps.filter((g) => g.flagged);
  const disabling = events.gaps.filter((g) => g.possibleIntentionalDisabling);

  const features: RiskFeature[] = [
    { key: 'voyages', label: 'Voyages seen', value: events.voyages.length, unit: 'count', basis: `${complete.length} port to port, ${events.voyages.length - complete.length} partial` },
    { key: 'longestVoyageDays', label: 'Longest voyage', value: longest, unit: 'days', basis: 'longest time between leaving one port and entering the next' },
    { key: 'meanVoyageDays', label: 'Mean port-to-port voyage', value: complete.length ? complete.reduce((s, v) => s + v.daysAtSea, 0) / complete.length : null, unit: 'days', basis: `${complete.length} complete voyages` },
    { key: 'timeAtSeaShare', label: 'Share of time at sea', value: observedDays > 0 ? seaDays / observedDays : null, unit: 'fraction', basis: `${seaDays.toFixed(1)} days at sea of ${observedDays.toFixed(1)} observed` },
    { key: 'maxDistanceFromPortNm', label: 'Farthest from port', value: maxPort === null ? null : maxPort / NM_M, unit: 'nm', basis: 'from the departure (or arrival) port of each voyage' },
    { key: 'maxDistanceFromShoreNm', label: 'Farthest from shore', value: maxShore === null ? null : maxShore / NM_M, unit: 'nm', basis: 'bundled Natural Earth coastline' },
    { key: 'fishingLikeHoursPerDay', label: 'Fishing-like hours per day at sea', value: seaDays > 0 ? fishingMs / HOUR_MS / seaDays : null, unit: 'h/day', basis: `hours at ${params.fishingMinKn}–${params.fishingMaxKn} kn outside port` },
    { key: 'encountersPerMonth', label: 'Encounters per month', value: events.encounters.length / months, unit: 'per month', basis: `${events.encounters.length} encounters in ${observedDays.toFixed(1)} days` },
    { key: 'gapsPerMonth', label: `AIS gaps of ${params.gapFlagH} h or more per month`, value: flagged.length / months, unit: 'per month', basis: `${flagged.length} gaps, ${disabling.length} possible intentional disabling` },
    { key: 'loiteringPerMonth', label: 'Loitering events per month', value: events.loitering.length / months, unit: 'per month', basis: `${events.loitering.length} events` },
  ];
  return { start, end, observedDays, features, note: 'Indicators of risk, not evidence of forced labour: each needs an explanation from the crew and the records.' };
}
