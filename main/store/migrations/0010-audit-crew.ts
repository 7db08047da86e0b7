import type { Migration } from './types';

/**
 * Schema v10: an audit's crew list reconciliation. One row per person in one
 * audit: declared on the crew list and/or found on board, and what the
 * inspector checked about him. Names, documents and dates of birth are in
 * crew_identities (sealed); only the age at the audit date is kept in clear,
 * so the minimum-age check works with the vault locked.
 */
export const migration: Migration = {
  version: 10,
  name: 'audit-crew',
  up(db) {
    db.exec(`
      CREATE TABLE audit_crew (
        audit_id TEXT NOT NULL REFERENCES audits (id),
        crew_member_id TEXT NOT NULL REFERENCES crew_members (id),
        declared INTEGER NOT NULL CHECK (declared IN (0, 1)),
        present INTEGER NOT NULL DEFAULT 0 CHECK (present IN (0, 1)),
        role TEXT NOT NULL,
        nationality TEXT,
        identity_check TEXT NOT NULL DEFAULT 'not_checked' CHECK (identity_check IN ('not_checked', 'matches', 'mismatch')),
        contract_seen TEXT NOT NULL DEFAULT 'unknown' CHECK (contract_seen IN ('unknown', 'yes', 'no')),
        medical_valid_until TEXT,
        age_years INTEGER,
        passport_held_by TEXT NOT NULL DEFAULT 'unknown' CHECK (passport_held_by IN ('unknown', 'self', 'captain', 'agent', 'other')),
        atm_card_held_by TEXT NOT NULL DEFAULT 'unknown' CHECK (atm_card_held_by IN ('unknown', 'self', 'other')),
        note TEXT,
        added_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (audit_id, crew_member_id)
      ) STRICT;
      CREATE INDEX audit_crew_member ON audit_crew (crew_member_id);
    `);
  },
};
