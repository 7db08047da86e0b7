import { z } from 'zod';
import { method } from '../contract';

/** A source the inspector can open: a serial receiver, a network feed, or a BLE device. */
export const SourceSpec = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('serial'),
    path: z.string().min(1),
    /** 'auto' tries 4800 then 38400 baud and keeps the rate whose lines pass their checksums. */
    baud: z.union([z.literal(4800), z.literal(38400), z.literal('auto')]).default('auto'),
  }),
  z.object({ kind: z.literal('tcp'), host: z.string().min(1), port: z.number().int().min(1).max(65535) }),
  z.object({ kind: z.literal('udp'), port: z.number().int().min(0).max(65535), host: z.string().optional() }),
  z.object({
    kind: z.literal('ble'),
    /** Bluetooth device address, AA:BB:CC:DD:EE:FF. */
    address: z.string().regex(/^[0-9A-Fa-f]{2}(:[0-9A-Fa-f]{2}){5}$/, 'a Bluetooth address looks like AA:BB:CC:DD:EE:FF'),
    /** 'nus': Nordic UART carrying NMEA; 'environment': temperature and humidity sensor. */
    service: z.enum(['nus', 'environment']),
    /** Where an environment sensor sits, in the inspector's words ("crew quarters aft"). */
    place: z.string().trim().max(200).default(''),
    adapter: z.string().optional(),
  }),
]);
export type SourceSpec = z.infer<typeof SourceSpec>;

export const SourceStateName = z.enum(['connecting', 'open', 'reconnecting', 'closed', 'failed']);

export const SourceInfo = z.object({
  id: z.string(),
  kind: z.enum(['serial', 'tcp', 'udp', 'file', 'ble']),
  label: z.string(),
  state: SourceStateName,
  /** Why the source is not open, or what it found (e.g. "38400 baud"). */
  detail: z.string().optional(),
  sessionId: z.number().int(),
  lines: z.number().int(),
  rejected: z.number().int(),
  outages: z.number().int(),
});
export type SourceInfo = z.infer<typeof SourceInfo>;

export const SerialPortListing = z.object({
  path: z.string(),
  manufacturer: z.string().optional(),
  vendorId: z.string().optional(),
  productId: z.string().optional(),
  serialNumber: z.string().optional(),
});

export const OwnFix = z.object({
  t: z.number(),
  lat: z.number(),
  lon: z.number(),
  sogKn: z.number().nullable(),
  cogDeg: z.number().nullable(),
});
export type OwnFix = z.infer<typeof OwnFix>;

export const IngestStatus = z.object({
  at: z.number(),
  sources: z.array(SourceInfo),
  /** Lines per second over the last few seconds, all sources together. */
  messagesPerSecond: z.number(),
  lines: z.number().int(),
  rejected: z.number().int(),
  /** Rejected lines by reason since Gangway started (bad_checksum, binary_noise, …). */
  rejects: z.record(z.string(), z.number().int()),
  lastFix: OwnFix.nullable(),
});
export type IngestStatus = z.infer<typeof IngestStatus>;

export const NearbyVessel = z.object({
  mmsi: z.number().int(),
  name: z.string().nullable(),
  callSign: z.string().nullable(),
  lat: z.number(),
  lon: z.number(),
  sogKn: z.number().nullable(),
  /** From our own last fix; null when we have no fix. */
  distanceNm: z.number().nullable(),
  bearingDeg: z.number().nullable(),
  lastSeen: z.number(),
});
export type NearbyVessel = z.infer<typeof NearbyVessel>;

export const AisStatic = z.object({
  mmsi: z.number().int(),
  name: z.string().nullable(),
  callSign: z.string().nullable(),
  imo: z.number().int().nullable(),
  shipType: z.number().int().nullable(),
  lengthM: z.number().nullable(),
  beamM: z.number().nullable(),
  destination: z.string().nullable(),
  firstSeen: z.number(),
  updatedAt: z.number(),
  /** The registry entry with this MMSI or IMO; null means "suggest adding it". */
  registryVesselId: z.string().nullable(),
});
export type AisStatic = z.infer<typeof AisStatic>;

export const IngestSession = z.object({
  id: z.number().int(),
  sourceId: z.string(),
  sourceKind: z.enum(['serial', 'tcp', 'udp', 'file', 'ble']),
  label: z.string(),
  startedAt: z.number(),
  endedAt: z.number().nullable(),
  lines: z.number().int(),
  accepted: z.number().int(),
  ignored: z.number().int(),
  rejected: z.number().int(),
  ownPositions: z.number().int(),
  aisPositions: z.number().int(),
  readings: z.number().int(),
  lastError: z.string().nullable(),
  rejects: z.array(z.object({ reason: z.string(), count: z.number().int(), example: z.string() })),
  outages: z.array(z.object({ from: z.number(), to: z.number().nullable(), reason: z.string() })),
});
export type IngestSession = z.infer<typeof IngestSession>;

export const ImportResult = z.object({
  sha256: z.string(),
  sessionId: z.number().int(),
  /** True when this exact file was imported before: nothing was added. */
  alreadyImported: z.boolean(),
  /** Byte offset the import continued from (non-zero after an interrupted import). */
  resumedFrom: z.number().int(),
  lines: z.number().int(),
  accepted: z.number().int(),
  rejected: z.number().int(),
});
export type ImportResult = z.infer<typeof ImportResult>;

export const ingestMethods = {
  'ingest.ports': method({ summary: 'Serial ports this computer has (USB GPS and AIS receivers appear here)', input: z.object({}).default({}), output: z.array(SerialPortListing) }),
  'ingest.sources': method({ summary: 'Sources that are open or were opened since Gangway started', input: z.object({}).default({}), output: z.array(SourceInfo) }),
  'ingest.open': method({ summary: 'Start logging from a receiver', input: SourceSpec, output: SourceInfo }),
  'ingest.close': method({ summary: 'Stop logging from a source; what it sent stays stored', input: z.object({ id: z.string() }), output: SourceInfo }),
  'ingest.status': method({ summary: 'Live status: message rate, rejects, last own fix', input: z.object({}).default({}), output: IngestStatus }),
  'ingest.nearby': method({
    summary: 'Vessels heard on AIS recently, nearest first',
    input: z.object({ sinceMinutes: z.number().min(1).max(7 * 24 * 60).default(30), limit: z.number().int().min(1).max(1000).default(200) }).default({ sinceMinutes: 30, limit: 200 }),
    output: z.array(NearbyVessel),
  }),
  'ingest.vesselData': method({
    summary: 'AIS static and voyage data (name, call sign, IMO, size, destination): candidates for the vessel registry',
    input: z
      .object({ mmsi: z.number().int().optional(), unregisteredOnly: z.boolean().default(false), limit: z.number().int().min(1).max(5000).default(500) })
      .default({ unregisteredOnly: false, limit: 500 }),
    output: z.array(AisStatic),
  }),
  'ingest.sessions': method({
    summary: 'Ingest sessions with their counts, rejects by reason and outages',
    input: z.object({ limit: z.number().int().min(1).max(1000).default(50) }).default({ limit: 50 }),
    output: z.array(IngestSession),
  }),
  'ingest.importFile': method({
    summary: 'Import an NMEA/AIS log (plain or gzip); progress comes as `progress` events; re-importing a file adds nothing',
    input: z.object({ path: z.string().min(1) }),
    output: ImportResult,
  }),
};
