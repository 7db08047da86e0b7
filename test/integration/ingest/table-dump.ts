import zlib from 'node:zlib';
import type { Store } from '../../../main/store/database';

/**
 * Everything an import left in the marine tables, in insertion order, without row
 * ids and without the columns that hold the wall-clock time of the import itself
 * (a killed and resumed import runs at other instants than a clean one). The raw
 * archive is compared as its lines, since commit boundaries differ by design.
 */
export function marineTables(store: Store): Record<string, unknown> {
  const all = (sql: string) => store.db.prepare(sql).all();
  const archive: string[] = [];
  const chunks = all('SELECT session_id, data FROM raw_chunks ORDER BY id') as { session_id: number; data: Buffer }[];
  for (const c of chunks) {
    const text = zlib.gunzipSync(c.data).toString('latin1').split('\n').slice(0, -1);
    for (const l of text) archive.push(`${c.session_id} ${l.slice(l.indexOf('\t') + 1)}`);
  }
  return {
    own_positions: all('SELECT session_id, t, lat, lon, sog_kn, cog_deg, heading_deg, quality, satellites, hdop FROM own_positions ORDER BY id'),
    ais_positions: all('SELECT session_id, t, mmsi, msg_type, lat, lon, sog_kn, cog_deg, heading_deg, nav_status FROM ais_positions ORDER BY id'),
    ais_last: all('SELECT mmsi, t, lat, lon, sog_kn, cog_deg, heading_deg FROM ais_last ORDER BY mmsi'),
    ais_static: all('SELECT mmsi, name, call_sign, imo, ship_type, to_bow, to_stern, to_port, to_starboard, destination, draught_m FROM ais_static ORDER BY mmsi'),
    ingest_sessions: all('SELECT id, source_kind, label, lines, accepted, ignored, rejected, own_positions, ais_positions, readings, last_error FROM ingest_sessions ORDER BY id'),
    ingest_rejects: all('SELECT session_id, reason, count, example FROM ingest_rejects ORDER BY session_id, reason'),
    ingest_files: all('SELECT sha256, size, gzip, committed_offset, complete, session_id FROM ingest_files ORDER BY sha256'),
    ingest_outages: all('SELECT * FROM ingest_outages'),
    sensor_readings: all('SELECT * FROM sensor_readings'),
    archive,
  };
}
