import { z } from 'zod';

/**
 * Every threshold of the voyage analysis, named and sourced. Defaults follow
 * Global Fishing Watch's published event definitions (GFW technical
 * documentation, "Port visits", "Encounters", "Loitering", "AIS gaps") and
 * Welch et al. 2022, "Hot spots of unseen fishing vessels", Science Advances
 * 8: eabq2109, for intentional AIS disabling. An auditor may override any of
 * them; the analysis reports the values it used beside its events.
 */
export const VoyageParams = z.object({
  // Port visits (GFW anchorages/port-visits pipeline).
  /** A vessel enters a port when it comes within this distance of an anchorage point. */
  portEntryM: z.number().positive().default(3000),
  /** …and leaves it when it is farther than this (hysteresis so a vessel at the edge does not flicker). */
  portExitM: z.number().positive().default(4000),
  /** A stop in port starts when speed drops below this (knots). */
  stopStartKn: z.number().nonnegative().default(0.2),
  /** …and ends when speed rises above this (knots). */
  stopEndKn: z.number().nonnegative().default(0.5),
  /** A silence this long while inside a port counts as a stop (GFW: in-port gaps over 4 h). */
  portGapH: z.number().positive().default(4),

  // AIS gaps (GFW gap events; Welch et al. 2022).
  /** Silences at least this long are recorded (GFW `proto_ais_gap_events`: 6 h). */
  gapRecordH: z.number().positive().default(6),
  /** …and flagged from this long (GFW published gap events: 12 h). */
  gapFlagH: z.number().positive().default(12),
  /** Possible intentional disabling needs both ends farther than this from shore (Welch et al.: 50 nm). */
  disablingShoreNm: z.number().nonnegative().default(50),
  /** …and at least this many positions in the window before the gap, i.e. it was reporting densely (Welch et al.: 14 in 12 h). */
  disablingMinPositionsBefore: z.number().int().nonnegative().default(14),
  disablingWindowBeforeH: z.number().positive().default(12),

  // Encounters (GFW encounter events).
  /** Two vessels count as together within this distance (GFW: 500 m). */
  encounterDistanceM: z.number().positive().default(500),
  /** …for at least this long (GFW: 2 h). */
  encounterMinH: z.number().positive().default(2),
  /** …with each vessel's median speed below this (GFW: 2 knots). */
  encounterMaxMedianKn: z.number().positive().default(2),
  /** …and the meeting point at least this far from any anchorage (GFW: 10 km), so moorings in port are not encounters. */
  encounterMinFromPortM: z.number().nonnegative().default(10_000),
  /** A silence of the other vessel longer than this ends the encounter (we cannot say they stayed together). */
  encounterMaxReportGapMin: z.number().positive().default(60),
  /** The audited vessel's position is interpolated between fixes at most this far apart. */
  ownInterpolationMaxMin: z.number().positive().default(60),

  // Loitering (GFW loitering events, used for carriers).
  /** Average speed below this (knots)… */
  loiterMaxKn: z.number().positive().default(2),
  /** …for at least this long… */
  loiterMinH: z.number().positive().default(4),
  /** …at least this far from shore (GFW: 20 nm). */
  loiterMinShoreNm: z.number().nonnegative().default(20),

  // Position cleaning.
  /**
   * A fix implying a speed above this from the previous good one is impossible
   * for a fishing vessel or carrier (GFW's track segmenter, gpsdio-segment,
   * splits tracks above 30 knots).
   */
  maxPlausibleKn: z.number().positive().default(30),
  /** Jumps shorter than this are GPS noise at 1 Hz, not spoofing. */
  minJumpM: z.number().nonnegative().default(200),

  // Risk profile.
  /**
   * Speeds typical of towing, setting or hauling gear (knots); time spent in
   * this band away from port counts as "fishing-like". A coarse heuristic in
   * the spirit of McDonald et al. 2021 (PNAS 118: e2016238118), not GFW's
   * neural-net fishing classifier.
   */
  fishingMinKn: z.number().nonnegative().default(0.5),
  fishingMaxKn: z.number().positive().default(5),
});
export type VoyageParams = z.infer<typeof VoyageParams>;
export type VoyageParamsInput = z.input<typeof VoyageParams>;

export const DEFAULT_PARAMS: VoyageParams = VoyageParams.parse({});

export const HOUR_MS = 3_600_000;
