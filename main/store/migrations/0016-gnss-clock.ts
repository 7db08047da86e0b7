import type { Migration } from './types';

/**
 * Schema step 16: the last GNSS time a live receiver gave, and the device
 * clock when it arrived: the evidence log dates an entry by GNSS only while
 * that fix is fresh (shared/evidence-log/entry.ts GNSS_FRESH_MS).
 */
export const migration: Migration = {
  version: 16,
  name: 'gnss-clock',
  up(db) {
    db.exec(`
      CREATE TABLE gnss_clock (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        gnss_ms INTEGER NOT NULL,
        device_ms INTEGER NOT NULL
      ) STRICT;
    `);
  },
};
