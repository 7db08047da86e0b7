import type { Db } from '../database';
import { inTransaction } from '../database';
import type { AisPositionRow, MarineBatch, OwnPositionRow } from './marine-rows';

/**
 * Rows per INSERT statement. One statement with many VALUES tuples costs one
 * call into SQLite instead of many; 256 rows × 10 columns stays far below
 * SQLite's default limit of 32766 bound parameters (SQLITE_MAX_VARIABLE_NUMBER).
 */
const ROWS_PER_STATEMENT = 256;

const OWN_COLUMNS = 'session_id, t, lat, lon, sog_kn, cog_deg, heading_deg, quality, satellites, hdop';
const AIS_COLUMNS = 'session_id, t, mmsi, msg_type, lat, lon, sog_kn, cog_deg, heading_deg, nav_status';

function tuples(columns: number, rows: number): string {
  const one = `(${new Array(columns).fill('?').join(',')})`;
  return new Array(rows).fill(one).join(',');
}

function ownParams(out: unknown[], r: OwnPositionRow): void {
  out.push(r.sessionId, r.t, r.lat, r.lon, r.sogKn, r.cogDeg, r.headingDeg, r.quality, r.satellites, r.hdop);
}

function aisParams(out: unknown[], r: AisPositionRow): void {
  out.push(r.sessionId, r.t, r.mmsi, r.msgType, r.lat, r.lon, r.sogKn, r.cogDeg, r.headingDeg, r.navStatus);
}

/** Writes a whole batch in one transaction: after a crash either all of it is there or none. */
export function createMarineWriter(db: Db) {
  const ownMany = db.prepare(`INSERT INTO own_positions (${OWN_COLUMNS}) VALUES ${tuples(10, ROWS_PER_STATEMENT)}`);
  const ownOne = db.prepare(`INSERT INTO own_positions (${OWN_COLUMNS}) VALUES ${tuples(10, 1)}`);
  const aisMany = db.prepare(`INSERT INTO ais_positions (${AIS_COLUMNS}) VALUES ${tuples(10, ROWS_PER_STATEMENT)}`);
  const aisOne = db.prepare(`INSERT INTO ais_positions (${AIS_COLUMNS}) VALUES ${tuples(10, 1)}`);
  const lastUpsert = db.prepare(`
    INSERT INTO ais_last (mmsi, t, lat, lon, sog_kn, cog_deg, heading_deg) VALUES (?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT (mmsi) DO UPDATE SET t = excluded.t, lat = excluded.lat, lon = excluded.lon,
      sog_kn = excluded.sog_kn, cog_deg = excluded.cog_deg, heading_deg = excluded.heading_deg
    WHERE excluded.t >= ais_last.t`);
  const staticUpsert = db.prepare(`
    INSERT INTO ais_static (mmsi, name, call_sign, imo, ship_type, to_bow, to_stern, to_port, to_starboard, destination, draught_m, first_seen, updated_at)
    VALUES (@mmsi, @name, @callSign, @imo, @shipType, @toBow, @toStern, @toPort, @toStarboard, @destination, @draughtM, @t, @t)
    ON CONFLICT (mmsi) DO UPDATE SET
      name = coalesce(excluded.name, name), call_sign = coalesce(excluded.call_sign, call_sign),
      imo = coalesce(excluded.imo, imo), ship_type = coalesce(excluded.ship_type, ship_type),
      to_bow = coalesce(excluded.to_bow, to_bow), to_stern = coalesce(excluded.to_stern, to_stern),
      to_port = coalesce(excluded.to_port, to_port), to_starboard = coalesce(excluded.to_starboard, to_starboard),
      destination = coalesce(excluded.destination, destination), draught_m = coalesce(excluded.draught_m, draught_m),
      updated_at = max(updated_at, excluded.updated_at)`);
  const reading = db.prepare(
    'INSERT INTO sensor_readings (session_id, t, sensor, place, quantity, value, unit, lat, lon) VALUES (@sessionId, @t, @sensor, @place, @quantity, @value, @unit, @lat, @lon)',
  );
  const outage = db.prepare('INSERT INTO ingest_outages (session_id, started_at, ended_at, reason) VALUES (?, ?, ?, ?)');
  const chunk = db.prepare('INSERT INTO raw_chunks (session_id, first_at, last_at, line_count, sha256, data) VALUES (?, ?, ?, ?, ?, ?)');
  const session = db.prepare(`
    UPDATE ingest_sessions SET lines = lines + ?, accepted = accepted + ?, ignored = ignored + ?, rejected = rejected + ?,
      own_positions = own_positions + ?, ais_positions = ais_positions + ?, readings = readings + ?
    WHERE id = ?`);
  const reject = db.prepare(`
    INSERT INTO ingest_rejects (session_id, reason, count, example) VALUES (?, ?, ?, ?)
    ON CONFLICT (session_id, reason) DO UPDATE SET count = count + excluded.count`);
  // The offset only moves forward; its state moves with it.
  const fileOffset = db.prepare('UPDATE ingest_files SET committed_offset = ?, resume_state = ? WHERE sha256 = ? AND committed_offset <= ?');

  const fileComplete = db.prepare('UPDATE ingest_files SET complete = 1, finished_at = ? WHERE sha256 = ?');

  function insertMany<R>(rows: readonly R[], many: { run(p: unknown[]): unknown }, one: { run(p: unknown[]): unknown }, params: (out: unknown[], r: R) => void): void {
    let i = 0;
    const buf: unknown[] = [];
    for (; i + ROWS_PER_STATEMENT <= rows.length; i += ROWS_PER_STATEMENT) {
      buf.length = 0;
      for (let j = i; j < i + ROWS_PER_STATEMENT; j++) params(buf, rows[j]!);
      many.run(buf);
    }
    for (; i < rows.length; i++) {
      buf.length = 0;
      params(buf, rows[i]!);
      one.run(buf);
    }
  }

  return {
    write(batch: MarineBatch): void {
      inTransaction(db, () => {
        insertMany(batch.own, ownMany, ownOne, ownParams);
        insertMany(batch.ais, aisMany, aisOne, aisParams);
        const latest = new Map<number, AisPositionRow>();
        for (const r of batch.ais) {
          const seen = latest.get(r.mmsi);
          if (!seen || r.t >= seen.t) latest.set(r.mmsi, r);
        }
        for (const r of latest.values()) lastUpsert.run(r.mmsi, r.t, r.lat, r.lon, r.sogKn, r.cogDeg, r.headingDeg);
        for (const s of batch.statics) {
          staticUpsert.run({
            mmsi: s.mmsi,
            t: s.t,
            name: s.name ?? null,
            callSign: s.callSign ?? null,
            imo: s.imo ?? null,
            shipType: s.shipType ?? null,
            toBow: s.toBow ?? null,
            toStern: s.toStern ?? null,
            toPort: s.toPort ?? null,
            toStarboard: s.toStarboard ?? null,
            destination: s.destination ?? null,
            draughtM: s.draughtM ?? null,
          });
        }
        for (const r of batch.readings) reading.run(r);
        for (const o of batch.outages) outage.run(o.sessionId, o.from, o.to, o.reason);
        for (const c of batch.chunks) chunk.run(c.sessionId, c.firstAt, c.lastAt, c.lineCount, c.sha256, c.data);
        for (const [id, d] of batch.sessions) {
          session.run(d.lines, d.accepted, d.ignored, d.rejected, d.ownPositions, d.aisPositions, d.readings, id);
          for (const [reason, r] of d.rejects) reject.run(id, reason, r.count, r.example);
        }
        for (const [sha, c] of batch.fileOffsets) {
          fileOffset.run(c.offset, c.state, sha, c.offset);
          if (c.complete) fileComplete.run(Date.now(), sha);
        }
      });
    },
  };
}
export type MarineWriter = ReturnType<typeof createMarineWriter>;
