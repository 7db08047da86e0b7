import { z } from 'zod';
import { method } from '../contract';
import { VoyageAnalysis } from '../../voyage/analyse';
import { VoyageParams } from '../../voyage/params';
import { Port } from '../../voyage/ports';
import { DeclaredPeriod, RestBreach, ScheduleConflict, WorkSchedule } from '../../voyage/rest-hours';
import { PortVisit, Voyage } from '../../voyage/events';

const Mmsi = z.string().regex(/^\d{9}$/, 'MMSI must be 9 digits');

export const VoyageSource = z.discriminatedUnion('kind', [
  /** What Gangway logged: the own ship's GNSS track, or one vessel heard on AIS (`mmsi`). */
  z.object({ kind: z.literal('store'), mmsi: Mmsi.optional(), from: z.number().optional(), to: z.number().optional() }),
  /** NMEA/AIS log files on this computer (plain or gzip). */
  z.object({ kind: z.literal('files'), paths: z.array(z.string().min(1)).min(1).max(100), mmsi: Mmsi.optional() }),
]);
export type VoyageSource = z.infer<typeof VoyageSource>;

export const voyageMethods = {
  'voyage.analyse': method({
    summary: 'Port visits, voyages, AIS gaps, encounters, loitering and a risk profile for one vessel, from the store or from log files',
    input: z.object({
      source: VoyageSource,
      ports: z.array(Port).max(10_000).default([]),
      params: VoyageParams.partial().optional(),
      /** At most this many fixes of the track come back for the map. */
      sample: z.number().int().min(0).max(200_000).default(20_000),
    }),
    output: VoyageAnalysis,
  }),
  'voyage.restHours': method({
    summary: 'Breaches of the minimum hours of rest (10 h per 24 h, 77 h per 7 days) and declared periods the track makes impossible',
    input: z.object({
      schedules: z.array(WorkSchedule).max(500),
      declared: z.array(DeclaredPeriod).max(1000).default([]),
      track: z.object({ visits: z.array(PortVisit), voyages: z.array(Voyage) }).optional(),
    }),
    output: z.object({ breaches: z.array(RestBreach), conflicts: z.array(ScheduleConflict) }),
  }),
};
