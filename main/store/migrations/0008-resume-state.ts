import type { Migration } from './types';

/**
 * Schema v8: a file import's checkpoint is its byte offset and what the decoder
 * knew at that offset (the last RMC/ZDA date, type 24 names waiting for part B,
 * AIS fragments waiting for the rest of their message, the fix of the epoch still
 * open), as JSON, written in the same transaction as the rows. Without it a
 * resumed import decoded its first lines as if the file began there.
 */
export const migration: Migration = {
  version: 8,
  name: 'resume-state',
  up(db) {
    db.exec('ALTER TABLE ingest_files ADD COLUMN resume_state TEXT');
  },
};
