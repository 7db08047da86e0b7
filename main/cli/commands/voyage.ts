import path from 'node:path';
import { parseArgs } from 'node:util';
import { GangwayError } from '../../../shared/errors';
import { NM_M } from '../../../shared/geo/distance';
import type { VoyageAnalysis } from '../../../shared/voyage/analyse';
import type { VoyageEvent } from '../../../shared/voyage/events';
import { eventsToCsv, eventsToGeoJson } from '../../../shared/voyage/export';
import type { Port } from '../../../shared/voyage/ports';
import { defaultDataDir } from '../../data-dir';
import { analyseLogs, parsePortArg, readPortsFile } from '../../voyage/analyse-logs';
import { longLinesSentence } from '../../../native/line-splitter';
import type { Command } from '../command';

const usage = `Usage: gangway voyage events FILE... [--vessel MMSI] [--ports FILE] [--port NAME,LAT,LON]... [--json | --geojson | --csv]

Finds port visits, voyages, AIS gaps, encounters and loitering in NMEA/AIS logs
(plain or gzip), with Global Fishing Watch's definitions as the thresholds.
  --vessel MMSI        analyse this vessel as heard on AIS (default: the receiver's own GNSS track)
  --ports FILE         ports and anchorages, CSV (name,lat,lon) or JSON [{name,lat,lon}]
  --port NAME,LAT,LON  one more port (repeatable)
  --json               the whole analysis as JSON
  --geojson            the events as a GeoJSON FeatureCollection
  --csv                the events as CSV, one row per event
  --data DIR           data folder holding the coastline cache (default: ${defaultDataDir()})

Without ports there are no port visits, and every voyage is partial.`;

const iso = (t: number) => new Date(t).toISOString().replace('.000Z', 'Z');
const nm = (m: number | undefined) => (m === undefined || !Number.isFinite(m) ? '?' : `${(m / NM_M).toFixed(1)} nm`);

/** A silence in the track is an AIS gap only when the track is a vessel's AIS; the receiver's own track falls silent when its GNSS does. */
function describe(e: VoyageEvent, track: 'ais' | 'gnss'): string {
  switch (e.kind) {
    case 'port_visit':
      return `port visit   ${e.port}, ${e.stops.length} stop(s)${e.open ? ` (track ${e.open === 'both' ? 'starts and ends' : e.open === 'start' ? 'starts' : 'ends'} here)` : ''}`;
    case 'voyage':
      return `voyage       ${e.fromPort ?? '(at sea)'} → ${e.toPort ?? '(at sea)'}, ${e.daysAtSea.toFixed(2)} days, farthest ${nm(e.maxDistanceFromShoreM)} from shore${e.partial ? ', partial' : ''}`;
    case 'gap':
      return `${track === 'ais' ? 'AIS gap ' : 'GNSS gap'}     ${e.durationH.toFixed(1)} h, ${nm(e.distanceM)} at ${e.impliedSpeedKn.toFixed(1)} kn implied${e.possibleIntentionalDisabling ? ', POSSIBLE INTENTIONAL DISABLING' : e.flagged ? ', flagged' : ''}`;
    case 'encounter':
      return `encounter    with ${e.otherName ?? 'unnamed vessel'} (MMSI ${e.otherMmsi}), ${e.durationH.toFixed(1)} h, ${nm(e.shoreM)} from shore`;
    case 'loitering':
      return `loitering    ${e.durationH.toFixed(1)} h at ${e.meanKn.toFixed(1)} kn, ${nm(e.minShoreM)} from shore`;
  }
}

function text(a: VoyageAnalysis, meta: { files: number; lines: number; rejected: number; vesselsHeard: number; track: 'ais' | 'gnss' }): string {
  const out: string[] = [];
  const who = a.vessel.mmsi ? `${a.vessel.name ?? 'unnamed vessel'} (MMSI ${a.vessel.mmsi})` : "the receiver's own track";
  out.push(`Voyage analysis of ${who}: ${a.positions} positions from ${meta.lines} lines in ${meta.files} file(s)${meta.rejected ? `, ${meta.rejected} lines rejected` : ''}; ${meta.vesselsHeard} other vessel(s) heard on AIS.`);
  if (a.start !== undefined && a.end !== undefined) out.push(`From ${iso(a.start)} to ${iso(a.end)}.`);
  for (const i of a.issues) out.push(`  note: ${i.message}`);
  out.push('');
  if (a.events.length === 0) out.push('No events.');
  for (const e of a.events) out.push(`${iso(e.start)}  ${iso(e.end)}  ${describe(e, meta.track)}  [${e.id}]`);
  return out.join('\n');
}

export const voyageCommand: Command = {
  usage,
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        vessel: { type: 'string' },
        ports: { type: 'string' },
        port: { type: 'string', multiple: true },
        json: { type: 'boolean' },
        geojson: { type: 'boolean' },
        csv: { type: 'boolean' },
        data: { type: 'string' },
      },
    });
    const [sub, ...files] = positionals;
    if (sub !== 'events') {
      io.err(`gangway voyage: unknown action "${sub ?? ''}".\n\n${usage}`);
      return 2;
    }
    if (files.length === 0) throw new GangwayError('VALIDATION', 'Name at least one NMEA log file, e.g. gangway voyage events trip.nmea');
    if ([values.json, values.geojson, values.csv].filter(Boolean).length > 1) throw new GangwayError('VALIDATION', 'Choose one output: --json, --geojson or --csv.');
    const ports: Port[] = [...(values.ports ? readPortsFile(values.ports) : []), ...(values.port ?? []).map(parsePortArg)];
    const dataDir = values.data ?? defaultDataDir();
    const result = await analyseLogs({
      files,
      ports,
      ...(values.vessel ? { vessel: values.vessel } : {}),
      cacheDir: path.join(dataDir, 'cache'),
    });
    const a = result.analysis;
    if (result.longLines > 0) {
      io.err(`gangway voyage: ${longLinesSentence(result.longLines, files.length === 1 ? `"${files[0]}"` : 'a log')}`);
    }
    if (values.json) io.out(JSON.stringify(a, null, 2));
    else if (values.geojson) io.out(JSON.stringify(eventsToGeoJson(a), null, 2));
    else if (values.csv) io.out(eventsToCsv(a));
    else io.out(text(a, { files: files.length, lines: result.lines, rejected: result.rejected, vesselsHeard: result.vesselsHeard, track: values.vessel ? 'ais' : 'gnss' }));
    return 0;
  },
};
