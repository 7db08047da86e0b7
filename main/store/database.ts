import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { GangwayError } from '../../shared/errors';
import { MIGRATIONS } from './migrations';
import { chmodPrivate, mkdirPrivate, tightenDataDir } from './private-files';
import type { Migration } from './migrations/types';

export type Db = Database.Database;

export interface OpenOptions {
  /** Replace the migration list (tests prove a failing step leaves the file untouched). */
  migrations?: readonly Migration[];
  /** Name of the SQLite file inside the data folder. */
  filename?: string;
}

export interface Store {
  db: Db;
  dataDir: string;
  file: string;
  schemaVersion: number;
  /** Backup files taken before migrations during this open. */
  backups: string[];
  /** Sentences about files others may read that could not be made private (to log). */
  warnings: string[];
  close(): void;
}

export const DB_FILENAME = 'gangway.sqlite';

/** Fails early, with a sentence, when the data folder cannot hold our data. */
function ensureWritableDir(dataDir: string): void {
  try {
    mkdirPrivate(dataDir);
    fs.accessSync(dataDir, fs.constants.W_OK | fs.constants.R_OK);
  } catch (e) {
    throw new GangwayError(
      'STORE_READONLY',
      `Gangway cannot write to its data folder ${dataDir}. Give your user write permission to it, or start Gangway with another folder (--data DIR).`,
      undefined,
      { cause: e },
    );
  }
}

function translateOpenError(file: string, e: unknown): GangwayError {
  const code = (e as { code?: string }).code ?? '';
  if (e instanceof GangwayError) return e;
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') {
    return new GangwayError('STORE_BUSY', `The database ${file} is in use by another program (is Gangway already running?). Close it and try again.`, undefined, { cause: e });
  }
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') {
    return new GangwayError('STORE_CORRUPT', `The database ${file} is damaged or is not a Gangway database. Nothing was changed; restore it from the backups folder beside it, or start with another data folder.`, undefined, { cause: e });
  }
  if (code === 'SQLITE_READONLY' || code === 'SQLITE_CANTOPEN' || code === 'SQLITE_PERM' || code === 'EACCES') {
    return new GangwayError('STORE_READONLY', `Gangway cannot open ${file} for writing. Check the file's permissions, or start with another data folder.`, undefined, { cause: e });
  }
  return new GangwayError('INTERNAL', `Gangway could not open its database ${file}: ${(e as Error).message}`, undefined, { cause: e });
}

function checkIntegrity(db: Db, file: string): void {
  const rows = db.pragma('integrity_check') as { integrity_check: string }[];
  if (rows.length !== 1 || rows[0]?.integrity_check !== 'ok') {
    const detail = rows.slice(0, 3).map((r) => r.integrity_check).join('; ');
    throw new GangwayError('STORE_CORRUPT', `The database ${file} failed its integrity check (${detail}). Nothing was changed; restore it from the backups folder beside it.`);
  }
}

function backupBeforeMigration(db: Db, dataDir: string, from: number): string {
  const dir = path.join(dataDir, 'backups');
  mkdirPrivate(dir);
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const target = path.join(dir, `gangway-v${from}-${stamp}.sqlite`);
  // VACUUM INTO writes a consistent, compact copy without blocking on WAL readers.
  db.prepare('VACUUM INTO ?').run(target);
  chmodPrivate(target); // SQLite creates a new database file 0644
  return target;
}

function migrate(db: Db, dataDir: string, migrations: readonly Migration[]): string[] {
  // Applied steps are recorded one by one (not only as user_version), so a
  // step that lands later with a lower number is still applied, never skipped.
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT`);
  const applied = new Set((db.prepare('SELECT version FROM schema_migrations').all() as { version: number }[]).map((r) => r.version));
  const known = new Set(migrations.map((m) => m.version));
  const unknown = [...applied].filter((v) => !known.has(v));
  if (unknown.length > 0) {
    throw new GangwayError('STORE_MIGRATION', `This database was written by a newer Gangway (it has schema step ${Math.max(...unknown)}, which this one does not know). Update Gangway; the data was not touched.`);
  }
  const pending = [...migrations].sort((a, b) => a.version - b.version).filter((m) => !applied.has(m.version));
  if (pending.length === 0) return [];
  const backups = applied.size > 0 ? [backupBeforeMigration(db, dataDir, Math.max(...applied))] : [];
  for (const m of pending) {
    const step = db.transaction(() => {
      m.up(db);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(m.version, m.name, new Date().toISOString());
      db.pragma(`user_version = ${Math.max(m.version, db.pragma('user_version', { simple: true }) as number)}`);
    });
    try {
      step.immediate();
    } catch (e) {
      throw new GangwayError(
        'STORE_MIGRATION',
        `Updating the database to schema ${m.version} (${m.name}) failed: ${(e as Error).message}. The database is unchanged at schema ${db.pragma('user_version', { simple: true })}.`,
        undefined,
        { cause: e },
      );
    }
  }
  return backups;
}

/** Opens (or creates) the store in a data folder: WAL, foreign keys, integrity check, migrations. */
export function openStore(dataDir: string, options: OpenOptions = {}): Store {
  ensureWritableDir(dataDir);
  const warnings = tightenDataDir(dataDir);
  const file = path.join(dataDir, options.filename ?? DB_FILENAME);
  let db: Db;
  try {
    // Created empty and owner-only first: SQLite would make it 0644, and its -wal and -shm take the file's mode.
    if (!fs.existsSync(file)) fs.closeSync(fs.openSync(file, 'a', 0o600));
    db = new Database(file, { timeout: 2000 });
  } catch (e) {
    throw translateOpenError(file, e);
  }
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = NORMAL');
    checkIntegrity(db, file);
    const backups = migrate(db, dataDir, options.migrations ?? MIGRATIONS);
    const schemaVersion = db.pragma('user_version', { simple: true }) as number;
    return { db, dataDir, file, schemaVersion, backups, warnings, close: () => db.close() };
  } catch (e) {
    db.close();
    throw translateOpenError(file, e);
  }
}

/** Runs `fn` in one IMMEDIATE transaction: every multi-row write goes through here. */
export function inTransaction<T>(db: Db, fn: () => T): T {
  return db.transaction(fn).immediate();
}
