import { z } from 'zod';

/**
 * What the analysis finds, as data a finding can cite (`id`) and the map and
 * timeline can draw. Times are ms since the epoch (UTC); distances metres.
 */
const Point = z.object({ lat: z.number(), lon: z.number() });

export const DataIssue = z.object({
  kind: z.enum(['out_of_order', 'duplicate_time', 'conflicting_duplicate', 'impossible_speed', 'jump', 'invalid', 'no_static_data', 'no_positions', 'own_transponder']),
  /** How many fixes this concerns in total (the examples below may be fewer). */
  count: z.number().int(),
  message: z.string(),
  examples: z.array(z.object({ t: z.number(), lat: z.number().optional(), lon: z.number().optional(), detail: z.string().optional() })),
});
export type DataIssue = z.infer<typeof DataIssue>;

export const PortVisit = z.object({
  kind: z.literal('port_visit'),
  id: z.string(),
  port: z.string(),
  start: z.number(),
  end: z.number(),
  durationH: z.number(),
  position: Point,
  stops: z.array(z.object({ start: z.number(), end: z.number(), kind: z.enum(['stop', 'gap']) })),
  /** The track began or ended inside the port, so one side of the visit is unseen. */
  open: z.enum(['start', 'end', 'both']).optional(),
});
export type PortVisit = z.infer<typeof PortVisit>;

export const Voyage = z.object({
  kind: z.literal('voyage'),
  id: z.string(),
  start: z.number(),
  end: z.number(),
  fromPort: z.string().optional(),
  toPort: z.string().optional(),
  /** No port seen at one or both ends: the track starts or ends at sea. */
  partial: z.boolean(),
  durationH: z.number(),
  daysAtSea: z.number(),
  /** Calendar days (UTC) on which the vessel was at sea during this voyage. */
  calendarDaysAtSea: z.number().int(),
  maxDistanceFromPortM: z.number().optional(),
  maxDistanceFromShoreM: z.number().optional(),
  positions: z.number().int(),
});
export type Voyage = z.infer<typeof Voyage>;

export const Gap = z.object({
  kind: z.literal('gap'),
  id: z.string(),
  start: z.number(),
  end: z.number(),
  durationH: z.number(),
  from: Point,
  to: Point,
  distanceM: z.number(),
  impliedSpeedKn: z.number(),
  startShoreM: z.number().optional(),
  endShoreM: z.number().optional(),
  positionsBefore: z.number().int(),
  inPort: z.boolean(),
  /** At least the flag threshold (12 h by default). */
  flagged: z.boolean(),
  possibleIntentionalDisabling: z.boolean(),
  reasons: z.array(z.string()),
});
export type Gap = z.infer<typeof Gap>;

export const Encounter = z.object({
  kind: z.literal('encounter'),
  id: z.string(),
  start: z.number(),
  end: z.number(),
  durationH: z.number(),
  otherMmsi: z.string(),
  otherName: z.string().optional(),
  nameSource: z.enum(['ais', 'registry', 'unknown']),
  position: Point,
  medianDistanceM: z.number(),
  ownMedianKn: z.number(),
  otherMedianKn: z.number(),
  nearestPortM: z.number().optional(),
  shoreM: z.number().optional(),
  otherReports: z.number().int(),
});
export type Encounter = z.infer<typeof Encounter>;

export const Loitering = z.object({
  kind: z.literal('loitering'),
  id: z.string(),
  start: z.number(),
  end: z.number(),
  durationH: z.number(),
  position: Point,
  meanKn: z.number(),
  minShoreM: z.number(),
});
export type Loitering = z.infer<typeof Loitering>;

export const VoyageEvent = z.discriminatedUnion('kind', [PortVisit, Voyage, Gap, Encounter, Loitering]);
export type VoyageEvent = z.infer<typeof VoyageEvent>;
