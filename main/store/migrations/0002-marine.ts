import type { Migration } from './types';

/**
 * Schema v2: marine ingest. Times are Unix milliseconds (INTEGER) so a million
 * positions cost no date parsing. Position tables carry no secondary index
 * beyond what the live view and track queries need: every index is paid for on
 * each of the ≥500k inserts per second the ingest must sustain.
 */
export const migration: Migration = {
  version: 2,
  name: 'marine',
  up(db) {
    db.exec(`
      -- One run of one source: a serial port from plug-in to close, one file import, one TCP link.
      CREATE TABLE ingest_sessions (
        id INTEGER PRIMARY KEY,
        source_id TEXT NOT NULL,
        source_kind TEXT NOT NULL CHECK (source_kind IN ('serial', 'tcp', 'udp', 'file', 'ble')),
        label TEXT NOT NULL,
        started_at INTEGER NOT NULL,
        ended_at INTEGER,
        lines INTEGER NOT NULL DEFAULT 0,
        accepted INTEGER NOT NULL DEFAULT 0,
        ignored INTEGER NOT NULL DEFAULT 0, -- well-formed sentences Gangway does not decode (GSV, …): archived, not rejected
        rejected INTEGER NOT NULL DEFAULT 0,
        own_positions INTEGER NOT NULL DEFAULT 0,
        ais_positions INTEGER NOT NULL DEFAULT 0,
        readings INTEGER NOT NULL DEFAULT 0,
        last_error TEXT
      ) STRICT;

      -- Every rejected line is counted under one reason, with the first example kept for a person to read.
      CREATE TABLE ingest_rejects (
        session_id INTEGER NOT NULL REFERENCES ingest_sessions (id),
        reason TEXT NOT NULL,
        count INTEGER NOT NULL,
        example TEXT NOT NULL,
        PRIMARY KEY (session_id, reason)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE ingest_outages (
        id INTEGER PRIMARY KEY,
        session_id INTEGER NOT NULL REFERENCES ingest_sessions (id),
        started_at INTEGER NOT NULL,
        ended_at INTEGER, -- NULL: the source was closed while still out
        reason TEXT NOT NULL
      ) STRICT;
      CREATE INDEX ingest_outages_session ON ingest_outages (session_id);

      -- A log file is known by its SHA-256; committed_offset moves in the same transaction as
      -- the rows it produced, so a resumed import continues exactly where the last commit ended.
      CREATE TABLE ingest_files (
        sha256 TEXT PRIMARY KEY,
        path TEXT NOT NULL,
        size INTEGER NOT NULL,
        gzip INTEGER NOT NULL,
        committed_offset INTEGER NOT NULL DEFAULT 0,
        complete INTEGER NOT NULL DEFAULT 0,
        session_id INTEGER REFERENCES ingest_sessions (id),
        started_at INTEGER NOT NULL,
        finished_at INTEGER
      ) STRICT;

      -- The raw line archive, kept as evidence: gzip chunks of the lines exactly as received,
      -- each line prefixed by its receive time; sha256 is over the uncompressed chunk.
      CREATE TABLE raw_chunks (
        id INTEGER PRIMARY KEY,
        session_id INTEGER NOT NULL REFERENCES ingest_sessions (id),
        first_at INTEGER NOT NULL,
        last_at INTEGER NOT NULL,
        line_count INTEGER NOT NULL,
        sha256 TEXT NOT NULL,
        data BLOB NOT NULL
      ) STRICT;
      CREATE INDEX raw_chunks_session ON raw_chunks (session_id, first_at);

      -- Own ship, from GNSS sentences.
      CREATE TABLE own_positions (
        id INTEGER PRIMARY KEY,
        session_id INTEGER NOT NULL,
        t INTEGER NOT NULL,
        lat REAL NOT NULL,
        lon REAL NOT NULL,
        sog_kn REAL,
        cog_deg REAL,
        heading_deg REAL,
        quality TEXT,
        satellites INTEGER,
        hdop REAL
      ) STRICT;
      CREATE INDEX own_positions_t ON own_positions (t);

      -- Other vessels, from AIS position reports (types 1-3, 4, 9, 11, 18, 19, 21, 27).
      CREATE TABLE ais_positions (
        id INTEGER PRIMARY KEY,
        session_id INTEGER NOT NULL,
        t INTEGER NOT NULL,
        mmsi INTEGER NOT NULL,
        msg_type INTEGER NOT NULL,
        lat REAL NOT NULL,
        lon REAL NOT NULL,
        sog_kn REAL,
        cog_deg REAL,
        heading_deg REAL,
        nav_status INTEGER
      ) STRICT;
      -- Rows arrive in time order, so an index on t only ever appends (measured: no cost to the
      -- insert rate); an index on (mmsi, t) inserts all over the tree and cut the rate six-fold,
      -- so per-vessel queries range over t. The live view reads ais_last, one row per vessel.
      CREATE INDEX ais_positions_t ON ais_positions (t);
      CREATE TABLE ais_last (
        mmsi INTEGER PRIMARY KEY,
        t INTEGER NOT NULL,
        lat REAL NOT NULL,
        lon REAL NOT NULL,
        sog_kn REAL,
        cog_deg REAL,
        heading_deg REAL
      ) STRICT;
      CREATE INDEX ais_last_t ON ais_last (t);

      -- Latest static and voyage data per MMSI (types 5, 19, 24): enough to suggest a registry entry.
      CREATE TABLE ais_static (
        mmsi INTEGER PRIMARY KEY,
        name TEXT,
        call_sign TEXT,
        imo INTEGER,
        ship_type INTEGER,
        to_bow INTEGER,
        to_stern INTEGER,
        to_port INTEGER,
        to_starboard INTEGER,
        destination TEXT,
        draught_m REAL,
        first_seen INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT;

      -- Environmental readings (BLE Environmental Sensing), with where the ship was at the time.
      CREATE TABLE sensor_readings (
        id INTEGER PRIMARY KEY,
        session_id INTEGER NOT NULL REFERENCES ingest_sessions (id),
        t INTEGER NOT NULL,
        sensor TEXT NOT NULL, -- device address
        place TEXT NOT NULL, -- what the inspector called the spot: "crew quarters aft", "fish hold"
        quantity TEXT NOT NULL CHECK (quantity IN ('temperature', 'humidity')),
        value REAL NOT NULL,
        unit TEXT NOT NULL,
        lat REAL,
        lon REAL
      ) STRICT;
      CREATE INDEX sensor_readings_t ON sensor_readings (t);
    `);
  },
};
