import type { Migration } from './types';

/**
 * Schema v11: who is interviewed and how. A draw picks interviewees at random
 * from the crew present with a seed kept here, so anyone can re-run the draw
 * and see the choice was not the inspector's (shared/audit/draw.ts). Draws
 * are append-only. Each interview records, in clear, whether he was randomly
 * selected and whether the captain and officers were out of the room: these
 * are facts about the interview, not what he said, and the impact figures count them.
 */
export const migration: Migration = {
  version: 11,
  name: 'audit-interviewees',
  up(db) {
    db.exec(`
      CREATE TABLE audit_draws (
        id TEXT PRIMARY KEY,
        audit_id TEXT NOT NULL REFERENCES audits (id),
        seed TEXT NOT NULL,
        pool TEXT NOT NULL, -- JSON array of crew_member ids, in the order the draw reads them
        count INTEGER NOT NULL CHECK (count > 0),
        picks TEXT NOT NULL, -- JSON array of crew_member ids drawn
        drawn_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX audit_draws_audit ON audit_draws (audit_id);
      CREATE TRIGGER audit_draws_append_only_update BEFORE UPDATE ON audit_draws
        BEGIN SELECT RAISE(ABORT, 'draws are append-only: draw again'); END;
      CREATE TRIGGER audit_draws_append_only_delete BEFORE DELETE ON audit_draws
        BEGIN SELECT RAISE(ABORT, 'draws are append-only: draw again'); END;

      CREATE TABLE interview_conditions (
        interview_id TEXT PRIMARY KEY REFERENCES interviews (id),
        randomly_selected INTEGER NOT NULL CHECK (randomly_selected IN (0, 1)),
        without_officers INTEGER NOT NULL CHECK (without_officers IN (0, 1)),
        recorded_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
