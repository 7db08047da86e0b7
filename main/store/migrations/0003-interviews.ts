import type { Migration } from './types';

/**
 * Schema v3: the vault, crew identities, imported forms and interviews.
 * Everything a crew member said or is (answers, free text, identity, the
 * safety checklist) is stored only as an encrypted envelope (main/vault);
 * the clear columns are what the app needs to list and route: ids, status,
 * languages, how many answers (not which, nor what), safety warning codes.
 */
export const migration: Migration = {
  version: 3,
  name: 'interviews',
  up(db) {
    db.exec(`
      CREATE TABLE vault (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        kdf TEXT NOT NULL CHECK (kdf = 'scrypt'),
        salt BLOB NOT NULL,
        cost_n INTEGER NOT NULL,
        block_r INTEGER NOT NULL,
        parallel_p INTEGER NOT NULL,
        -- a known text sealed with the passphrase key: opening it proves the passphrase
        check_envelope BLOB NOT NULL,
        idle_lock_seconds INTEGER NOT NULL DEFAULT 300,
        created_at TEXT NOT NULL
      ) STRICT;

      -- Name, passport or seafarer ID, phone: apart from the interviews, which know a pseudonym only.
      CREATE TABLE crew_identities (
        crew_member_id TEXT PRIMARY KEY REFERENCES crew_members (id),
        envelope BLOB NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE forms (
        id TEXT NOT NULL,
        version TEXT NOT NULL,
        definition TEXT NOT NULL, -- JSON of shared/forms/model.ts Form
        source TEXT, -- file name it was imported from
        imported_at TEXT NOT NULL,
        PRIMARY KEY (id, version)
      ) STRICT;

      CREATE TABLE interviews (
        id TEXT PRIMARY KEY,
        audit_id TEXT NOT NULL REFERENCES audits (id),
        crew_member_id TEXT NOT NULL REFERENCES crew_members (id),
        form_id TEXT NOT NULL,
        form_version TEXT NOT NULL,
        crew_language TEXT NOT NULL,
        inspector_language TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('in_progress', 'paused', 'finished', 'stopped', 'consent_refused')),
        safety_envelope BLOB NOT NULL,
        warnings TEXT NOT NULL DEFAULT '[]', -- JSON array of safety warning codes
        consent_agreed INTEGER NOT NULL,
        recording_agreed INTEGER NOT NULL,
        repeat_counts_envelope BLOB NOT NULL, -- how many incidents were added says that violence was reported
        started_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        finished_at TEXT
      ) STRICT;
      CREATE INDEX interviews_audit ON interviews (audit_id);
      CREATE INDEX interviews_crew ON interviews (crew_member_id);

      -- One row per answer. The question's path is sealed with the answer and the row is found by a
      -- blind index (main/vault): an answer to "what did they threaten?" existing at all would
      -- otherwise tell that he was threatened.
      CREATE TABLE interview_answers (
        interview_id TEXT NOT NULL REFERENCES interviews (id),
        slot TEXT NOT NULL,
        envelope BLOB NOT NULL,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (interview_id, slot)
      ) STRICT;

      -- Audio of the whole interview, possibly in several parts (pause, resume another day).
      CREATE TABLE interview_recordings (
        interview_id TEXT NOT NULL REFERENCES interviews (id),
        sha256 TEXT NOT NULL REFERENCES evidence (sha256),
        media_type TEXT NOT NULL,
        created_at TEXT NOT NULL,
        PRIMARY KEY (interview_id, sha256)
      ) STRICT;

      -- Every export of interview data, who and why. Append-only.
      CREATE TABLE interview_exports (
        id TEXT PRIMARY KEY,
        scope TEXT NOT NULL CHECK (scope IN ('interview', 'audit')),
        subject_id TEXT NOT NULL,
        target TEXT NOT NULL,
        reason TEXT NOT NULL,
        exported_by TEXT NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE TRIGGER interview_exports_append_only_update BEFORE UPDATE ON interview_exports
        BEGIN SELECT RAISE(ABORT, 'the export log is append-only'); END;
      CREATE TRIGGER interview_exports_append_only_delete BEFORE DELETE ON interview_exports
        BEGIN SELECT RAISE(ABORT, 'the export log is append-only'); END;
    `);
  },
};
