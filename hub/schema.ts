import type { Migration } from '../main/store/migrations/types';

/**
 * The hub's own SQLite file (hub.sqlite in its data folder), migrated the same
 * forward-only way as the device store. Behind the Hocuspocus extension
 * interface (hub/persistence.ts), so a PostgreSQL store can replace it later.
 */
export const HUB_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'hub',
    up(db) {
      db.exec(`
        -- Every update any device sent, with who sent it: the merged state can
        -- always be rebuilt from here, and any device's changes reviewed or rolled back.
        CREATE TABLE hub_updates (
          seq INTEGER PRIMARY KEY AUTOINCREMENT,
          doc TEXT NOT NULL,
          data BLOB NOT NULL,
          device_id TEXT NOT NULL,
          user_name TEXT NOT NULL,
          received_at TEXT NOT NULL
        ) STRICT;
        CREATE INDEX hub_updates_doc ON hub_updates (doc, seq);
        CREATE TRIGGER hub_updates_append_only_update BEFORE UPDATE ON hub_updates
          BEGIN SELECT RAISE(ABORT, 'the hub update log is append-only'); END;
        CREATE TRIGGER hub_updates_append_only_delete BEFORE DELETE ON hub_updates
          BEGIN SELECT RAISE(ABORT, 'the hub update log is append-only'); END;

        -- A cache of the merged state: every hub_updates row of doc with seq <= clock.
        CREATE TABLE hub_snapshots (
          doc TEXT PRIMARY KEY,
          data BLOB NOT NULL,
          clock INTEGER NOT NULL,
          updated_at TEXT NOT NULL
        ) STRICT;

        -- Who owns a document and who may read it, fixed by its first writer.
        CREATE TABLE hub_docs (
          doc TEXT PRIMARY KEY,
          kind TEXT NOT NULL,
          agency TEXT,
          confidentiality TEXT,
          shared_with TEXT NOT NULL DEFAULT '[]',
          clock INTEGER NOT NULL DEFAULT 0,
          updated_at TEXT NOT NULL
        ) STRICT;
        CREATE INDEX hub_docs_clock ON hub_docs (clock);

        CREATE TABLE devices (
          id TEXT PRIMARY KEY,
          name TEXT NOT NULL,
          public_jwk TEXT NOT NULL,
          role TEXT NOT NULL,
          agency TEXT NOT NULL,
          user_name TEXT NOT NULL,
          enrolled_at TEXT NOT NULL,
          revoked_at TEXT
        ) STRICT;

        CREATE TABLE enrolment_codes (
          code TEXT PRIMARY KEY,
          role TEXT NOT NULL,
          agency TEXT NOT NULL,
          user_name TEXT NOT NULL,
          created_at TEXT NOT NULL,
          expires_at TEXT NOT NULL,
          used_by TEXT REFERENCES devices (id)
        ) STRICT;

        CREATE TABLE blobs (
          sha256 TEXT PRIMARY KEY,
          size INTEGER NOT NULL,
          received INTEGER NOT NULL DEFAULT 0,
          complete INTEGER NOT NULL DEFAULT 0,
          device_id TEXT NOT NULL,
          updated_at TEXT NOT NULL
        ) STRICT;
      `);
    },
  },
  // The hub as witness of the devices' evidence logs (hub/witness.ts).
  {
    version: 16,
    name: 'witness',
    up(db) {
      db.exec(`
        CREATE TABLE witness_key (
          id INTEGER PRIMARY KEY CHECK (id = 1),
          name TEXT NOT NULL,
          secret_key BLOB NOT NULL,
          public_key BLOB NOT NULL,
          created_at TEXT NOT NULL
        ) STRICT;
        -- Per device log: the newest checkpoint this hub cosigned.
        CREATE TABLE witness_logs (
          origin TEXT PRIMARY KEY,
          device_id TEXT NOT NULL,
          public_key BLOB NOT NULL,
          size INTEGER NOT NULL,
          root BLOB NOT NULL,
          note TEXT NOT NULL,
          cosigned_at TEXT NOT NULL
        ) STRICT;
        CREATE TABLE witness_forks (
          id INTEGER PRIMARY KEY,
          origin TEXT NOT NULL,
          device_id TEXT NOT NULL,
          known_size INTEGER NOT NULL,
          known_root BLOB NOT NULL,
          claimed_note TEXT NOT NULL,
          reason TEXT NOT NULL,
          reported_at TEXT NOT NULL
        ) STRICT;
        CREATE TRIGGER witness_forks_append_only_update BEFORE UPDATE ON witness_forks
          BEGIN SELECT RAISE(ABORT, 'fork reports are kept as they were made'); END;
        CREATE TRIGGER witness_forks_append_only_delete BEFORE DELETE ON witness_forks
          BEGIN SELECT RAISE(ABORT, 'fork reports are kept as they were made'); END;
      `);
    },
  },
];
