import { GangwayError } from '../../shared/errors';
import type { FleetReports } from '../../shared/voyage/fleet';
import type { Position, VesselIdentity } from '../../shared/voyage/position';
import { readFileLines } from '../../native/file/file-lines';
import { LineDecoder } from '../ingest/line-decoder';

/** What a set of NMEA/AIS logs says: the receiver's own track, every vessel heard on AIS, and their names. */
export interface LogContents {
  own: Position[];
  fleet: FleetReports;
  identities: Map<string, VesselIdentity>;
  lines: number;
  rejected: number;
  rejectReasons: Map<string, number>;
}

class FleetBuilder {
  mmsi: number[] = [];
  t: number[] = [];
  lat: number[] = [];
  lon: number[] = [];
  sog: number[] = [];
  build(): FleetReports {
    return {
      n: this.t.length,
      mmsi: Uint32Array.from(this.mmsi),
      t: Float64Array.from(this.t),
      lat: Float64Array.from(this.lat),
      lon: Float64Array.from(this.lon),
      sog: Float32Array.from(this.sog),
    };
  }
}

/**
 * Reads logs with the ingest pipeline's own line decoder (the same code that
 * stores live data), so the CLI and the app see the same positions.
 *
 * A receiver prints several sentences per fix (RMC, GGA, GLL…) with the same
 * time: they are merged into one position. Fixes the receiver marks void are
 * skipped. AIS lines in a plain log carry no time of their own; they take the
 * time of the last GNSS fix before them (the order the receiver wrote).
 */
export async function readNmeaLogs(files: readonly string[]): Promise<LogContents> {
  const own: Position[] = [];
  const fleet = new FleetBuilder();
  const identities = new Map<string, VesselIdentity>();
  let lines = 0;
  let rejected = 0;
  const rejectReasons = new Map<string, number>();

  for (const file of files) {
    const decoder = new LineDecoder();
    let clock = 0;
    let pending: Position | undefined;
    const flush = () => {
      if (pending) own.push(pending);
      pending = undefined;
    };
    try {
      for await (const batch of readFileLines(file)) {
        for (const { line } of batch) {
          const text = line.trim();
          if (text === '' || text.startsWith('#')) continue;
          lines++;
          const d = decoder.decode(text, clock);
          switch (d.kind) {
            case 'fix': {
              const f = d.fix;
              if (Number.isFinite(d.t) && d.t > 0 && f.time !== undefined) clock = d.t;
              if (f.valid === false) break;
              // Sentences without a time of their own (GSA, VTG, HDT) belong to the fix being assembled.
              if (f.timeOfDay !== undefined && pending && pending.t !== d.t) flush();
              if (f.lat !== undefined && f.lon !== undefined && d.t > 0) {
                if (!pending) pending = { t: d.t, lat: f.lat, lon: f.lon };
                if (f.speedKn !== undefined && pending.sog === undefined) pending.sog = f.speedKn;
                if (f.courseDeg !== undefined && pending.cog === undefined && f.courseDeg >= 0 && f.courseDeg <= 360) pending.cog = f.courseDeg;
              } else if (pending && f.speedKn !== undefined && pending.sog === undefined) pending.sog = f.speedKn;
              break;
            }
            case 'ais-position': {
              const r = d.row;
              if (r.t <= 0) break; // heard before any fix gave the log a clock: no time to place it at
              fleet.mmsi.push(r.mmsi);
              fleet.t.push(r.t);
              fleet.lat.push(r.lat);
              fleet.lon.push(r.lon);
              fleet.sog.push(r.sogKn ?? NaN);
              break;
            }
            case 'ais-static': {
              const r = d.row;
              const key = String(r.mmsi).padStart(9, '0');
              const known = identities.get(key) ?? { mmsi: key, source: 'ais' as const };
              identities.set(key, {
                ...known,
                ...(r.name ? { name: r.name } : {}),
                ...(r.callSign ? { callSign: r.callSign } : {}),
                ...(r.imo ? { imo: String(r.imo) } : {}),
                ...(r.shipType !== undefined ? { shipType: String(r.shipType) } : {}),
              });
              break;
            }
            case 'reject':
              rejected++;
              rejectReasons.set(d.reason, (rejectReasons.get(d.reason) ?? 0) + 1);
              break;
            default:
              break;
          }
        }
      }
    } catch (e) {
      if ((e as { code?: string }).code === 'ENOENT' || (e as { code?: string }).code === 'EISDIR') {
        throw new GangwayError('IMPORT', `There is no log file ${file}. Check the path.`);
      }
      throw e;
    }
    flush();
  }
  return { own, fleet: fleet.build(), identities, lines, rejected, rejectReasons };
}
