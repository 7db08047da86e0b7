/** Rows the ingest pipeline writes, in the shape of the schema v2 tables (times in Unix ms). */

export interface OwnPositionRow {
  sessionId: number;
  t: number;
  lat: number;
  lon: number;
  sogKn: number | null;
  cogDeg: number | null;
  headingDeg: number | null;
  quality: string | null;
  satellites: number | null;
  hdop: number | null;
}

export interface AisPositionRow {
  sessionId: number;
  t: number;
  mmsi: number;
  msgType: number;
  lat: number;
  lon: number;
  sogKn: number | null;
  cogDeg: number | null;
  headingDeg: number | null;
  navStatus: number | null;
}

/** Absent fields keep what an earlier message said (a type 24B does not erase 24A's name). */
export interface AisStaticRow {
  t: number;
  mmsi: number;
  name?: string | undefined;
  callSign?: string | undefined;
  imo?: number | undefined;
  shipType?: number | undefined;
  toBow?: number | undefined;
  toStern?: number | undefined;
  toPort?: number | undefined;
  toStarboard?: number | undefined;
  destination?: string | undefined;
  draughtM?: number | undefined;
}

export interface ReadingRow {
  sessionId: number;
  t: number;
  sensor: string;
  place: string;
  quantity: 'temperature' | 'humidity';
  value: number;
  unit: string;
  lat: number | null;
  lon: number | null;
}

export interface OutageRow {
  sessionId: number;
  from: number;
  to: number | null;
  reason: string;
}

/** What one batch adds to a session's counters. */
export interface SessionDelta {
  lines: number;
  accepted: number;
  ignored: number;
  rejected: number;
  ownPositions: number;
  aisPositions: number;
  readings: number;
  rejects: Map<string, { count: number; example: string }>;
}

export function emptyDelta(): SessionDelta {
  return { lines: 0, accepted: 0, ignored: 0, rejected: 0, ownPositions: 0, aisPositions: 0, readings: 0, rejects: new Map() };
}

/** One compressed archive chunk, ready to store. */
export interface RawChunkRow {
  sessionId: number;
  firstAt: number;
  lastAt: number;
  lineCount: number;
  sha256: string;
  data: Buffer;
}

/** Where a file import can resume: the offset just past a line, and what the pipeline knew after it. */
export interface FileCheckpoint {
  offset: number;
  state: string | null;
  /** The file's last line is in: it is marked complete in the same commit. */
  complete?: boolean;
}

/** Everything one transaction commits. */
export interface MarineBatch {
  own: OwnPositionRow[];
  ais: AisPositionRow[];
  statics: AisStaticRow[];
  readings: ReadingRow[];
  outages: OutageRow[];
  chunks: RawChunkRow[];
  sessions: Map<number, SessionDelta>;
  /** File imports: sha256 → byte offset after the last line in this batch, and the decoder's state there (JSON). */
  fileOffsets: Map<string, FileCheckpoint>;
}

export function emptyBatch(): MarineBatch {
  return { own: [], ais: [], statics: [], readings: [], outages: [], chunks: [], sessions: new Map(), fileOffsets: new Map() };
}
