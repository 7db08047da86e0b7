import type { Migration } from './types';

/**
 * Schema v5: Yjs persistence after AFFiNE's nbstore. Each shared document is
 * an append-only update log plus an optional snapshot; the log's sequence is
 * the document's clock. Per hub we keep how far our own updates were pushed
 * (acknowledged) and how far the hub's were pulled, so compaction only ever
 * folds updates the hub already has into the snapshot.
 */
export const migration: Migration = {
  version: 5,
  name: 'sync',
  up(db) {
    db.exec(`
      CREATE TABLE sync_updates (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        doc TEXT NOT NULL,
        data BLOB NOT NULL,
        origin TEXT NOT NULL CHECK (origin IN ('local', 'remote')),
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX sync_updates_doc ON sync_updates (doc, seq);

      -- A snapshot holds every update of its document with seq <= clock.
      CREATE TABLE sync_snapshots (
        doc TEXT PRIMARY KEY,
        data BLOB NOT NULL,
        clock INTEGER NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      -- The document's clock: the seq of its newest local or remote update.
      CREATE TABLE sync_clocks (
        doc TEXT PRIMARY KEY,
        clock INTEGER NOT NULL,
        local_clock INTEGER NOT NULL DEFAULT 0,
        updated_at TEXT NOT NULL
      ) STRICT;

      -- pushed: our seq the hub has acknowledged; pulled: the hub's clock we have merged.
      CREATE TABLE sync_remote_clocks (
        hub TEXT NOT NULL,
        doc TEXT NOT NULL,
        pushed INTEGER NOT NULL DEFAULT 0,
        pulled INTEGER NOT NULL DEFAULT 0,
        state TEXT NOT NULL DEFAULT 'pending',
        message TEXT,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (hub, doc)
      ) STRICT;

      CREATE TABLE sync_hubs (
        hub TEXT PRIMARY KEY,
        manifest_clock INTEGER NOT NULL DEFAULT 0,
        last_sync_at TEXT,
        last_error TEXT
      ) STRICT;

      -- This device's enrolment: one row. The private key never leaves this table.
      CREATE TABLE sync_device (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        hub TEXT NOT NULL,
        device_id TEXT NOT NULL,
        role TEXT NOT NULL,
        agency TEXT NOT NULL,
        user_name TEXT NOT NULL,
        public_jwk TEXT NOT NULL,
        private_jwk TEXT NOT NULL,
        enrolled_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE sync_blob_uploads (
        hub TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        size INTEGER NOT NULL,
        sent INTEGER NOT NULL DEFAULT 0,
        done INTEGER NOT NULL DEFAULT 0,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (hub, sha256)
      ) STRICT;
    `);
  },
};
