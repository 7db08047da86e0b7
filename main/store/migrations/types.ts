import type Database from 'better-sqlite3';

/**
 * A forward-only schema step. `up` runs inside the migration's transaction:
 * if it throws, the database is exactly as it was.
 */
export interface Migration {
  version: number;
  name: string;
  up(db: Database.Database): void;
}
