import type { Migration } from './types';

/**
 * Schema step 15: the device's tamper-evident evidence log (RFC 9162 Merkle
 * tree). Entries and tree nodes are append-only, enforced by triggers as
 * findings are: a log that could be edited in place would prove nothing.
 * Checkpoints are signed notes; the witness's cosigned copy and the RFC 3161
 * timestamp are added to a checkpoint's row once, when the hub witnesses it.
 */
export const migration: Migration = {
  version: 15,
  name: 'evidence-log',
  up(db) {
    db.exec(`
      CREATE TABLE evidence_log_entries (
        idx INTEGER PRIMARY KEY,
        data BLOB NOT NULL,          -- the leaf: canonical JSON of the entry (shared/evidence-log/entry.ts)
        kind TEXT NOT NULL,
        audit_id TEXT,
        subject TEXT NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX evidence_log_entries_audit ON evidence_log_entries (audit_id, idx);
      CREATE INDEX evidence_log_entries_subject ON evidence_log_entries (subject, idx);

      -- Hashes of the complete subtrees (level 0 = leaf hashes): enough for any root or proof.
      CREATE TABLE evidence_log_nodes (
        level INTEGER NOT NULL,
        idx INTEGER NOT NULL,
        hash BLOB NOT NULL,
        PRIMARY KEY (level, idx)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE evidence_log_checkpoints (
        size INTEGER PRIMARY KEY,
        note TEXT NOT NULL,          -- the device-signed checkpoint
        reason TEXT NOT NULL,
        created_at TEXT NOT NULL,
        witnessed_note TEXT,         -- the same checkpoint with the witness's cosignature
        witness_name TEXT,
        witness_key BLOB,
        witnessed_at TEXT,           -- the witness's clock, from its cosignature
        timestamp_token BLOB         -- RFC 3161 TimeStampResp over the checkpoint text
      ) STRICT;

      -- The key that signs this device's checkpoints (Ed25519 seed).
      CREATE TABLE evidence_log_key (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        origin TEXT NOT NULL,
        secret_key BLOB NOT NULL,
        public_key BLOB NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;

      CREATE TRIGGER evidence_log_entries_no_update BEFORE UPDATE ON evidence_log_entries
        BEGIN SELECT RAISE(ABORT, 'the evidence log is append-only'); END;
      CREATE TRIGGER evidence_log_entries_no_delete BEFORE DELETE ON evidence_log_entries
        BEGIN SELECT RAISE(ABORT, 'the evidence log is append-only'); END;
      CREATE TRIGGER evidence_log_nodes_no_update BEFORE UPDATE ON evidence_log_nodes
        BEGIN SELECT RAISE(ABORT, 'the evidence log is append-only'); END;
      CREATE TRIGGER evidence_log_nodes_no_delete BEFORE DELETE ON evidence_log_nodes
        BEGIN SELECT RAISE(ABORT, 'the evidence log is append-only'); END;
      CREATE TRIGGER evidence_log_checkpoints_no_delete BEFORE DELETE ON evidence_log_checkpoints
        BEGIN SELECT RAISE(ABORT, 'checkpoints are kept for good'); END;
      CREATE TRIGGER evidence_log_checkpoints_witness_once BEFORE UPDATE ON evidence_log_checkpoints
        WHEN OLD.witnessed_note IS NOT NULL OR NEW.note IS NOT OLD.note OR NEW.size IS NOT OLD.size
        BEGIN SELECT RAISE(ABORT, 'a checkpoint is written once and witnessed once'); END;
    `);
  },
};
