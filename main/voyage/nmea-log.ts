import { GangwayError } from '../../shared/errors';
import type { FleetReports } from '../../shared/voyage/fleet';
import type { Position, VesselIdentity } from '../../shared/voyage/position';
import { gzipDamage, readFileLines } from '../../native/file/file-lines';
import { LineDecoder } from '../ingest/line-decoder';

/** What a set of NMEA/AIS logs says: the receiver's own track, every vessel heard on AIS, and their names. */
export interface LogContents {
  own: Position[];
  fleet: FleetReports;
  identities: Map<string, VesselIdentity>;
  lines: number;
  rejected: number;
  rejectReasons: Map<string, number>;
  /** Lines longer than MAX_LINE bytes, read in pieces (not NMEA: a sentence is at most 82 characters). */
  longLines: number;
  /** Our own MMSI, when the log holds !AIVDO sentences from the vessel's transponder. */
  ownMmsi?: string;
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
  let longLines = 0;
  let ownMmsi: number | undefined;
  const rejectReasons = new Map<string, number>();

  for (const file of files) {
    // The import's time rule: times from the log only (tag blocks, dated RMC/ZDA before the line), none invented.
    const decoder = new LineDecoder(undefined, { fromLog: true });
    let pending: Position | undefined;
    const flush = () => {
      if (pending) own.push(pending);
      pending = undefined;
    };
    try {
      for await (const batch of readFileLines(file, { onLongLine: () => longLines++ })) {
        for (const { line } of batch) {
          const text = line.trim();
          if (text === '' || text.startsWith('#')) continue;
          lines++;
          const d = decoder.decode(text, 0);
          switch (d.kind) {
            case 'fix': {
              const f = d.fix;
              const t = d.t;
              if (f.valid === false) break;
              // Sentences without a time of their own (GSA, VTG, HDT) belong to the fix being assembled.
              if (f.timeOfDay !== undefined && pending && pending.t !== t) flush();
              if (f.lat !== undefined && f.lon !== undefined && t !== undefined) {
                if (!pending) pending = { t, lat: f.lat, lon: f.lon };
                if (f.speedKn !== undefined && pending.sog === undefined) pending.sog = f.speedKn;
                if (f.courseDeg !== undefined && pending.cog === undefined && f.courseDeg >= 0 && f.courseDeg <= 360) pending.cog = f.courseDeg;
              } else if (pending && f.speedKn !== undefined && pending.sog === undefined) pending.sog = f.speedKn;
              break;
            }
            case 'ais': {
              if (d.own) ownMmsi ??= d.mmsi; // !AIVDO: our own transponder names us
              const r = d.position;
              if (r && !d.own) {
                // A plain log's AIS lines heard before any fix have no clock and cannot be placed in time.
                fleet.mmsi.push(r.mmsi);
                fleet.t.push(r.t);
                fleet.lat.push(r.lat);
                fleet.lon.push(r.lon);
                fleet.sog.push(r.sogKn ?? NaN);
              }
              const st = d.static;
              if (st) {
                const key = String(st.mmsi).padStart(9, '0');
                const known = identities.get(key) ?? { mmsi: key, source: 'ais' as const };
                identities.set(key, {
                  ...known,
                  ...(st.name ? { name: st.name } : {}),
                  ...(st.callSign ? { callSign: st.callSign } : {}),
                  ...(st.imo ? { imo: String(st.imo) } : {}),
                  ...(st.shipType !== undefined ? { shipType: String(st.shipType) } : {}),
                });
              }
              break;
            }
            default:
              break;
          }
        }
      }
    } catch (e) {
      if ((e as { code?: string }).code === 'ENOENT' || (e as { code?: string }).code === 'EISDIR') {
        throw new GangwayError('IMPORT', `There is no log file ${file}. Check the path.`);
      }
      const damage = gzipDamage(e);
      if (damage !== undefined) {
        throw new GangwayError('IMPORT', `In ${file}, ${damage} after ${lines} lines. Use a complete copy of the log, or decompress what is left (zcat) and give that.`);
      }
      throw e;
    }
    flush();
    for (const [reason, n] of Object.entries(decoder.codec.counts.rejects)) {
      if (n === 0) continue;
      rejected += n;
      rejectReasons.set(reason, (rejectReasons.get(reason) ?? 0) + n);
    }
  }
  return { own, fleet: fleet.build(), identities, lines, rejected, rejectReasons, longLines, ...(ownMmsi !== undefined ? { ownMmsi: String(ownMmsi).padStart(9, '0') } : {}) };
}
