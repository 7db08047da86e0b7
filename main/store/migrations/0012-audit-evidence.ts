import type { Migration } from './types';

/**
 * Schema v12: evidence on checklist items and audits, citations in findings,
 * and the log of reopened audits. The blobs stay content-addressed in
 * evidence/blobs (sealed ones hash their ciphertext). Citations are append-only
 * like the findings they belong to; a reopening is a logged act with a reason.
 */
export const migration: Migration = {
  version: 12,
  name: 'audit-evidence',
  up(db) {
    db.exec(`
      CREATE TABLE audit_evidence (
        audit_id TEXT NOT NULL REFERENCES audits (id),
        sha256 TEXT NOT NULL REFERENCES evidence (sha256),
        added_at TEXT NOT NULL,
        PRIMARY KEY (audit_id, sha256)
      ) STRICT;

      CREATE TABLE checklist_evidence (
        audit_id TEXT NOT NULL REFERENCES audits (id),
        code TEXT NOT NULL,
        sha256 TEXT NOT NULL REFERENCES evidence (sha256),
        added_at TEXT NOT NULL,
        PRIMARY KEY (audit_id, code, sha256)
      ) STRICT;

      CREATE TABLE finding_citations (
        finding_id TEXT NOT NULL REFERENCES findings (id),
        position INTEGER NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('voyage_event', 'wage_flag', 'interview_profile', 'checklist_item', 'crew_member')),
        ref TEXT NOT NULL,
        label TEXT NOT NULL,
        PRIMARY KEY (finding_id, position)
      ) STRICT;
      CREATE TRIGGER finding_citations_append_only_update BEFORE UPDATE ON finding_citations
        BEGIN SELECT RAISE(ABORT, 'citations are append-only: add a finding that amends it'); END;
      CREATE TRIGGER finding_citations_append_only_delete BEFORE DELETE ON finding_citations
        BEGIN SELECT RAISE(ABORT, 'citations are append-only: add a finding that amends it'); END;

      CREATE TABLE audit_reopenings (
        id TEXT PRIMARY KEY,
        audit_id TEXT NOT NULL REFERENCES audits (id),
        reason TEXT NOT NULL,
        reopened_by TEXT NOT NULL,
        reopened_at TEXT NOT NULL
      ) STRICT;
      CREATE TRIGGER audit_reopenings_append_only_update BEFORE UPDATE ON audit_reopenings
        BEGIN SELECT RAISE(ABORT, 'the reopening log is append-only'); END;
      CREATE TRIGGER audit_reopenings_append_only_delete BEFORE DELETE ON audit_reopenings
        BEGIN SELECT RAISE(ABORT, 'the reopening log is append-only'); END;
    `);
  },
};
