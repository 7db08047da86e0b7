import type { Migration } from './types';

/** Schema v1: the registry, audits, checklist, findings and evidence. */
export const migration: Migration = {
  version: 1,
  name: 'core',
  up(db) {
    db.exec(`
      CREATE TABLE vessels (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        flag TEXT,
        imo TEXT UNIQUE,
        mmsi TEXT UNIQUE,
        call_sign TEXT,
        registration_no TEXT,
        gear TEXT,
        owner TEXT,
        home_port TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX vessels_name ON vessels (name COLLATE NOCASE);

      CREATE TABLE crew_members (
        id TEXT PRIMARY KEY,
        vessel_id TEXT NOT NULL REFERENCES vessels (id),
        pseudonym TEXT NOT NULL,
        role TEXT NOT NULL,
        nationality TEXT,
        languages TEXT NOT NULL DEFAULT '[]', -- JSON array of ISO 639 codes
        on_board_from TEXT,
        on_board_to TEXT,
        created_at TEXT NOT NULL,
        UNIQUE (vessel_id, pseudonym)
      ) STRICT;

      CREATE TABLE audits (
        id TEXT PRIMARY KEY,
        vessel_id TEXT NOT NULL REFERENCES vessels (id),
        place TEXT NOT NULL,
        date TEXT NOT NULL,
        inspector TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('planned', 'in_progress', 'completed', 'cancelled')),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX audits_vessel ON audits (vessel_id);

      CREATE TABLE checklist_items (
        audit_id TEXT NOT NULL REFERENCES audits (id),
        code TEXT NOT NULL,
        result TEXT NOT NULL CHECK (result IN ('not_checked', 'compliant', 'non_compliant', 'not_applicable')),
        note TEXT,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (audit_id, code)
      ) STRICT;

      CREATE TABLE evidence (
        sha256 TEXT PRIMARY KEY,
        size INTEGER NOT NULL,
        media_type TEXT NOT NULL,
        filename TEXT,
        note TEXT,
        encrypted INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL
      ) STRICT;

      -- Findings are append-only: a correction is a new row that amends another.
      CREATE TABLE findings (
        id TEXT PRIMARY KEY,
        audit_id TEXT NOT NULL REFERENCES audits (id),
        title TEXT NOT NULL,
        description TEXT NOT NULL,
        severity TEXT NOT NULL CHECK (severity IN ('low', 'medium', 'high', 'critical')),
        checklist_code TEXT,
        indicator TEXT,
        amends TEXT REFERENCES findings (id),
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX findings_audit ON findings (audit_id);
      CREATE TRIGGER findings_append_only_update BEFORE UPDATE ON findings
        BEGIN SELECT RAISE(ABORT, 'findings are append-only: add a finding that amends it'); END;
      CREATE TRIGGER findings_append_only_delete BEFORE DELETE ON findings
        BEGIN SELECT RAISE(ABORT, 'findings are append-only: add a finding that amends it'); END;

      CREATE TABLE finding_evidence (
        finding_id TEXT NOT NULL REFERENCES findings (id),
        sha256 TEXT NOT NULL REFERENCES evidence (sha256),
        PRIMARY KEY (finding_id, sha256)
      ) STRICT;
    `);
  },
};
