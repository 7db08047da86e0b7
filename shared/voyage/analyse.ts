import { z } from 'zod';
import { cleanTrack } from './clean';
import { detectEncounters } from './encounters';
import { DataIssue, Encounter, Gap, Loitering, PortVisit, Voyage, VoyageEvent } from './events';
import type { FleetReports } from './fleet';
import { detectGaps } from './gaps';
import { detectLoitering } from './loitering';
import { VoyageParams, type VoyageParamsInput } from './params';
import { detectPortVisits } from './port-visits';
import { PortIndex, type Port } from './ports';
import type { VesselIdentity } from './position';
import { RiskProfile, riskProfile } from './risk';
import type { Track } from './track';
import { sampleTrack, TrackSample } from './decimate';
import { deriveVoyages } from './voyages';

export const VoyageAnalysis = z.object({
  vessel: z.object({ mmsi: z.string().optional(), name: z.string().optional(), nameSource: z.enum(['ais', 'registry', 'unknown']) }),
  params: VoyageParams,
  positions: z.number().int(),
  start: z.number().optional(),
  end: z.number().optional(),
  shoreKnown: z.boolean(),
  issues: z.array(DataIssue),
  visits: z.array(PortVisit),
  voyages: z.array(Voyage),
  gaps: z.array(Gap),
  encounters: z.array(Encounter),
  loitering: z.array(Loitering),
  /** Every event in time order: the timeline. */
  events: z.array(VoyageEvent),
  risk: RiskProfile.optional(),
  track: TrackSample.optional(),
});
export type VoyageAnalysis = z.infer<typeof VoyageAnalysis>;

export interface AnalyseInput {
  /** The audited vessel's own positions (any order; cleaning sorts and reports). */
  track: Track;
  ownMmsi?: string;
  /** Other vessels heard on AIS, for encounters. */
  fleet?: FleetReports;
  /** Names from AIS static data and the registry, by MMSI. */
  identities?: ReadonlyMap<string, VesselIdentity>;
  ports?: readonly Port[];
  /** Distance from shore in metres (the main process passes the bundled grid). */
  shoreAt?: (lat: number, lon: number) => number;
  params?: VoyageParamsInput;
  /** Include a sampled track of at most this many fixes (for the map). */
  sample?: number;
}

/** The whole analysis of one vessel, the same code for the app, the API and the CLI. */
export function analyseVoyage(input: AnalyseInput): VoyageAnalysis {
  const params = VoyageParams.parse(input.params ?? {});
  const { track, issues } = cleanTrack(input.track, params);
  const ports = new PortIndex(input.ports ?? []);
  let shoreM: Float32Array | undefined;
  if (input.shoreAt) {
    shoreM = new Float32Array(track.n);
    for (let i = 0; i < track.n; i++) shoreM[i] = input.shoreAt(track.lat[i]!, track.lon[i]!);
  }
  const visits = detectPortVisits(track, ports, params);
  const voyages = deriveVoyages(track, visits, shoreM);
  const gaps = detectGaps(track, visits, shoreM, params);
  const ownMmsiNum = input.ownMmsi ? Number(input.ownMmsi) : undefined;
  const ownTransponders: string[] = [];
  const encounters = input.fleet
    ? detectEncounters(track, input.fleet, ports, { ownMmsi: ownMmsiNum, identities: input.identities, shoreAt: input.shoreAt, params, onOwnTransponder: (m) => ownTransponders.push(m) })
    : [];
  if (ownTransponders.length > 0) {
    issues.push({
      kind: 'own_transponder',
      count: ownTransponders.length,
      message: `AIS reports from MMSI ${ownTransponders.join(', ')} follow this vessel's own track within 100 m throughout: taken to be its own transponder, not a vessel it met.`,
      examples: ownTransponders.slice(0, 20).map((m) => ({ t: track.t[0] ?? 0, detail: `MMSI ${m}` })),
    });
  }
  const loitering = detectLoitering(track, shoreM, params);
  const risk = riskProfile(track, { visits, voyages, gaps, encounters, loitering }, params);

  // Without an MMSI given, the vessel's own transponder (found above) says who it is.
  const ownMmsi = input.ownMmsi ?? (ownTransponders.length === 1 ? ownTransponders[0] : undefined);
  const identity = ownMmsi ? input.identities?.get(ownMmsi) : undefined;
  if (ownMmsi && !identity?.name) {
    issues.push({
      kind: 'no_static_data',
      count: 1,
      message: `No name is known for MMSI ${ownMmsi}: no AIS static report was heard and the registry has no vessel with it. Events are reported by MMSI only.`,
      examples: [],
    });
  }
  if (input.identities && input.fleet) {
    const unnamed = new Set(encounters.filter((e) => e.nameSource === 'unknown').map((e) => e.otherMmsi));
    if (unnamed.size > 0) {
      issues.push({
        kind: 'no_static_data',
        count: unnamed.size,
        message: `${unnamed.size} vessel(s) met at sea sent no static data and are not in the registry; they are named by MMSI only.`,
        examples: [...unnamed].slice(0, 20).map((m) => ({ t: encounters.find((e) => e.otherMmsi === m)!.start, detail: `MMSI ${m}` })),
      });
    }
  }

  const events: VoyageEvent[] = [...visits, ...voyages, ...gaps, ...encounters, ...loitering].sort((a, b) => a.start - b.start || a.kind.localeCompare(b.kind));
  return {
    vessel: {
      ...(ownMmsi ? { mmsi: ownMmsi } : {}),
      ...(identity?.name ? { name: identity.name } : {}),
      nameSource: identity?.name ? identity.source : 'unknown',
    },
    params,
    positions: track.n,
    ...(track.n > 0 ? { start: track.t[0]!, end: track.t[track.n - 1]! } : {}),
    shoreKnown: shoreM !== undefined,
    issues,
    visits,
    voyages,
    gaps,
    encounters,
    loitering,
    events,
    ...(risk ? { risk } : {}),
    ...(input.sample ? { track: sampleTrack(track, input.sample) } : {}),
  };
}
