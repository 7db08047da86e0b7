import { z } from 'zod';

/** One fix of one vessel: time (ms since the epoch, UTC), WGS-84 degrees, speed and course over ground. */
export const Position = z.object({
  t: z.number().int(),
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
  /** Speed over ground, knots. */
  sog: z.number().min(0).max(102.2).optional(),
  /** Course over ground, degrees true. */
  cog: z.number().min(0).max(360).optional(),
  mmsi: z.string().regex(/^\d{9}$/).optional(),
});
export type Position = z.infer<typeof Position>;

/** What AIS static reports (types 5, 24) and the registry say about a vessel. */
export const VesselIdentity = z.object({
  mmsi: z.string(),
  name: z.string().optional(),
  callSign: z.string().optional(),
  imo: z.string().optional(),
  shipType: z.string().optional(),
  source: z.enum(['ais', 'registry']),
});
export type VesselIdentity = z.infer<typeof VesselIdentity>;
