import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { GangwayError } from '../../shared/errors';
import { distanceFromShoreM } from '../../shared/geo/shore-grid';
import { analyseVoyage, type VoyageAnalysis } from '../../shared/voyage/analyse';
import type { FleetReports } from '../../shared/voyage/fleet';
import type { VoyageParamsInput } from '../../shared/voyage/params';
import { Port } from '../../shared/voyage/ports';
import type { Position, VesselIdentity } from '../../shared/voyage/position';
import { trackFromPositions } from '../../shared/voyage/track';
import { loadShoreGrid } from './coastline';
import { readNmeaLogs } from './nmea-log';

export interface LogAnalysisOptions {
  files: readonly string[];
  /** Analyse this vessel as heard on AIS; without it, the receiver's own GNSS track. */
  vessel?: string;
  ports?: readonly Port[];
  /** Names from the registry, used where AIS static data is missing. */
  registry?: ReadonlyMap<string, VesselIdentity>;
  params?: VoyageParamsInput;
  /** Folder for the cached distance-to-shore grid. */
  cacheDir?: string;
  sample?: number;
}

export interface LogAnalysis {
  analysis: VoyageAnalysis;
  lines: number;
  rejected: number;
  /** Lines longer than MAX_LINE bytes, read in pieces. */
  longLines: number;
  vesselsHeard: number;
}

/** The fleet without one vessel, and that vessel's reports as positions. */
function splitVessel(fleet: FleetReports, mmsi: number): { own: Position[]; rest: FleetReports } {
  const own: Position[] = [];
  const keep: number[] = [];
  for (let i = 0; i < fleet.n; i++) {
    if (fleet.mmsi[i] === mmsi) {
      const sog = fleet.sog[i]!;
      own.push({ t: fleet.t[i]!, lat: fleet.lat[i]!, lon: fleet.lon[i]!, ...(Number.isFinite(sog) ? { sog } : {}) });
    } else keep.push(i);
  }
  const pick = <T extends Float64Array | Float32Array | Uint32Array>(a: T, make: (n: number) => T): T => {
    const out = make(keep.length);
    keep.forEach((i, k) => (out[k] = a[i]!));
    return out;
  };
  return {
    own,
    rest: {
      n: keep.length,
      mmsi: pick(fleet.mmsi, (n) => new Uint32Array(n)),
      t: pick(fleet.t, (n) => new Float64Array(n)),
      lat: pick(fleet.lat, (n) => new Float64Array(n)),
      lon: pick(fleet.lon, (n) => new Float64Array(n)),
      sog: pick(fleet.sog, (n) => new Float32Array(n)),
    },
  };
}

/** An AIS-only log analysed without a vessel: say which vessels were heard (most positions first) and how to choose one. */
function noOwnTrack(fleet: FleetReports, identities: Map<string, VesselIdentity>): GangwayError {
  const counts = new Map<number, number>();
  for (let i = 0; i < fleet.n; i++) counts.set(fleet.mmsi[i]!, (counts.get(fleet.mmsi[i]!) ?? 0) + 1);
  const heard = [...counts].sort((a, b) => b[1] - a[1]);
  const shown = heard.slice(0, 10).map(([m, n]) => {
    const key = String(m).padStart(9, '0');
    const name = identities.get(key)?.name;
    return `${key}${name ? ` (${name})` : ''}: ${n} position${n === 1 ? '' : 's'}`;
  });
  const more = heard.length > shown.length ? `, and ${heard.length - shown.length} more` : '';
  return new GangwayError(
    'NOT_FOUND',
    `This log has no position of the receiver's own (no dated GNSS fix), but AIS positions of ${heard.length} vessel(s): ${shown.join('; ')}${more}. Choose the vessel to analyse by its MMSI (gangway voyage events … --vessel MMSI, or the vessel field on the Voyage page).`,
  );
}

/** The voyage analysis of NMEA/AIS log files: the code behind `gangway voyage events` and `voyage.analyse`. */
export async function analyseLogs(options: LogAnalysisOptions): Promise<LogAnalysis> {
  if (options.files.length === 0) throw new GangwayError('VALIDATION', 'Name at least one NMEA log file to analyse.');
  const logs = await readNmeaLogs(options.files);
  const identities = new Map<string, VesselIdentity>(options.registry ?? []);
  for (const [k, v] of logs.identities) if (v.name || !identities.has(k)) identities.set(k, v); // AIS says what the vessel calls itself now
  let own = logs.own;
  let fleet = logs.fleet;
  if (options.vessel) {
    if (!/^\d{9}$/.test(options.vessel)) throw new GangwayError('VALIDATION', `--vessel must be a 9-digit MMSI, not "${options.vessel}".`);
    const split = splitVessel(logs.fleet, Number(options.vessel));
    if (split.own.length === 0) {
      throw new GangwayError('NOT_FOUND', `No AIS position of MMSI ${options.vessel} is in ${options.files.length === 1 ? 'this log' : 'these logs'}. Check the number, or leave out --vessel to analyse the receiver's own track.`);
    }
    own = split.own;
    fleet = split.rest;
  }
  if (!options.vessel && own.length === 0 && fleet.n > 0) throw noOwnTrack(logs.fleet, identities);
  const grid = loadShoreGrid(options.cacheDir ? { cacheDir: options.cacheDir } : {});
  const analysis = analyseVoyage({
    track: trackFromPositions(own),
    ...(options.vessel ? { ownMmsi: options.vessel } : logs.ownMmsi ? { ownMmsi: logs.ownMmsi } : {}),
    fleet,
    identities,
    ports: options.ports ?? [],
    shoreAt: (lat, lon) => distanceFromShoreM(grid, lat, lon),
    ...(options.params ? { params: options.params } : {}),
    ...(options.sample ? { sample: options.sample } : {}),
  });
  return { analysis, lines: logs.lines, rejected: logs.rejected, longLines: logs.longLines, vesselsHeard: new Set(logs.fleet.mmsi).size };
}

/** A decimal-degree field; blank is missing (NaN), never 0, which is a real place in the Gulf of Guinea. */
function decimal(text: string | undefined): number {
  return text === undefined || text.trim() === '' ? NaN : Number(text);
}

/** Ports from a CSV (`name,lat,lon` with a header) or a JSON array of {name, lat, lon}. */
export function readPortsFile(file: string): Port[] {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    throw new GangwayError('IMPORT', `There is no ports file ${file}. Check the path.`);
  }
  let rows: unknown[];
  if (path.extname(file).toLowerCase() === '.json') {
    try {
      rows = JSON.parse(text) as unknown[];
    } catch {
      throw new GangwayError('IMPORT', `The ports file ${file} is not valid JSON: it should be a list of {"name", "lat", "lon"}.`);
    }
  } else {
    rows = Papa.parse<Record<string, string>>(text.trim(), { header: true, skipEmptyLines: true, transformHeader: (h) => h.trim().toLowerCase() }).data.map((r) => ({
      name: r.name?.trim(),
      lat: decimal(r.lat),
      lon: decimal(r.lon),
    }));
  }
  if (!Array.isArray(rows)) throw new GangwayError('IMPORT', `The ports file ${file} should be a list of ports.`);
  const issues: { path: string; message: string }[] = [];
  const ports: Port[] = [];
  rows.forEach((r, i) => {
    const p = Port.safeParse(r);
    if (p.success) ports.push(p.data);
    else issues.push({ path: `row ${i + 1}`, message: p.error.issues.map((x) => `${x.path.join('.')}: ${x.message}`).join('; ') });
  });
  if (issues.length) throw new GangwayError('IMPORT', `${issues.length} port(s) in ${file} have no usable name, latitude or longitude.`, issues);
  return ports;
}

/** A port given on the command line as "Name,lat,lon". */
export function parsePortArg(text: string): Port {
  const parts = text.split(',');
  const lon = decimal(parts.pop());
  const lat = decimal(parts.pop());
  const p = Port.safeParse({ name: parts.join(',').trim(), lat, lon });
  if (!p.success) throw new GangwayError('VALIDATION', `--port "${text}" should be "Name,lat,lon" in decimal degrees, e.g. "Songkhla,7.21,100.59".`);
  return p.data;
}
