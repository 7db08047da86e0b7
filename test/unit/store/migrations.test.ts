import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../../main/store/database';
import { MIGRATIONS } from '../../../main/store/migrations';
import type { Migration } from '../../../main/store/migrations/types';
import { createVessel, searchVessels } from '../../../main/store/repos/vessels';
import { GangwayError } from '../../../shared/errors';
import { tempDir } from '../../support/tmp';

const sha = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

describe('the store', () => {
  it('creates a new database at the latest schema, in WAL mode with foreign keys on', () => {
    const dir = tempDir();
    const store = openStore(dir);
    expect(store.schemaVersion).toBe(MIGRATIONS.at(-1)!.version);
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(store.backups).toEqual([]); // nothing to back up on a fresh file
    const strict = store.db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name IN ('vessels','audits','findings') AND sql LIKE '%STRICT%'").all();
    expect(strict).toHaveLength(3);
    store.close();
  });

  it('reopens an existing database with its data and runs no migration again', () => {
    const dir = tempDir();
    const first = openStore(dir);
    createVessel(first.db, { name: 'Sea Star 7', imo: '9074729' });
    first.close();
    const again = openStore(dir);
    expect(again.backups).toEqual([]);
    expect(searchVessels(again.db, 'sea star').map((v) => v.imo)).toEqual(['9074729']);
    again.close();
  });

  it('takes a backup before migrating an existing database, and the backup opens', () => {
    const dir = tempDir();
    openStore(dir, { migrations: MIGRATIONS.slice(0, 1) }).close();
    const extra: Migration = { version: 2, name: 'test-extra', up: (db) => db.exec('CREATE TABLE later_things (id TEXT PRIMARY KEY) STRICT') };
    const store = openStore(dir, { migrations: [...MIGRATIONS.slice(0, 1), extra] });
    expect(store.schemaVersion).toBe(2);
    expect(store.backups).toHaveLength(1);
    const backup = new Database(store.backups[0]!, { readonly: true });
    expect(backup.pragma('user_version', { simple: true })).toBe(1);
    backup.close();
    store.close();
  });

  it('leaves the database exactly as it was when a migration fails', () => {
    const dir = tempDir();
    const store = openStore(dir, { migrations: MIGRATIONS.slice(0, 1) });
    store.db.prepare("INSERT INTO vessels (id, name, created_at, updated_at) VALUES ('v1', 'Ocean Pride', '2026-11-27', '2026-11-27')").run();
    store.close();
    const before = new Database(path.join(dir, 'gangway.sqlite'));
    const rowsBefore = before.prepare('SELECT * FROM vessels').all();
    before.close();

    const broken: Migration = {
      version: 2,
      name: 'broken',
      up: (db) => {
        db.exec('CREATE TABLE half_done (id TEXT) STRICT');
        db.exec("UPDATE vessels SET name = 'overwritten'");
        throw new Error('disk exploded');
      },
    };
    let error: unknown;
    try {
      openStore(dir, { migrations: [...MIGRATIONS.slice(0, 1), broken] });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(GangwayError);
    expect((error as GangwayError).code).toBe('STORE_MIGRATION');
    expect((error as GangwayError).message).toMatch(/schema 2 \(broken\) failed: disk exploded.*unchanged at schema 1/);

    const after = new Database(path.join(dir, 'gangway.sqlite'));
    expect(after.pragma('user_version', { simple: true })).toBe(1);
    expect(after.prepare('SELECT * FROM vessels').all()).toEqual(rowsBefore);
    expect(after.prepare("SELECT name FROM sqlite_schema WHERE name = 'half_done'").get()).toBeUndefined();
    after.close();
  });

  it('applies a step numbered lower than one already applied, so no step is ever skipped', () => {
    const dir = tempDir();
    const one = MIGRATIONS[0]!;
    const a: Migration = { version: 2, name: 'a', up: (db) => db.exec('CREATE TABLE a (x TEXT) STRICT') };
    const b: Migration = { version: 3, name: 'b', up: (db) => db.exec('CREATE TABLE b (x TEXT) STRICT') };
    openStore(dir, { migrations: [one, b] }).close();
    const store = openStore(dir, { migrations: [one, a, b] });
    expect(store.db.prepare("SELECT name FROM sqlite_schema WHERE name IN ('a','b') ORDER BY name").all()).toEqual([{ name: 'a' }, { name: 'b' }]);
    expect(store.schemaVersion).toBe(3);
    store.close();
  });

  it('refuses a database written by a newer Gangway without touching it', () => {
    const dir = tempDir();
    openStore(dir).close();
    const raw = new Database(path.join(dir, 'gangway.sqlite'));
    raw.prepare("INSERT INTO schema_migrations VALUES (999, 'future', '2030-01-01')").run();
    raw.close();
    expect(() => openStore(dir)).toThrow(/newer Gangway/);
  });

  it('says a damaged file is damaged, and does not change it', () => {
    const dir = tempDir();
    const file = path.join(dir, 'gangway.sqlite');
    fs.writeFileSync(file, crypto.randomBytes(8192));
    const hash = sha(file);
    expect(() => openStore(dir)).toThrow(expect.objectContaining({ code: 'STORE_CORRUPT', message: expect.stringMatching(/damaged.*backups/) }));
    expect(sha(file)).toBe(hash);
  });

  it('says when another program holds the database', () => {
    const dir = tempDir();
    openStore(dir).close();
    const other = new Database(path.join(dir, 'gangway.sqlite'));
    other.pragma('locking_mode = EXCLUSIVE');
    other.exec('BEGIN EXCLUSIVE; CREATE TABLE grab (x) ; COMMIT');
    try {
      expect(() => openStore(dir)).toThrow(expect.objectContaining({ code: 'STORE_BUSY', message: expect.stringMatching(/in use by another program/) }));
    } finally {
      other.close();
    }
  });

  it('says when the data folder cannot be written', () => {
    const dir = tempDir();
    const notAFolder = path.join(dir, 'file');
    fs.writeFileSync(notAFolder, 'x');
    expect(() => openStore(path.join(notAFolder, 'data'))).toThrow(expect.objectContaining({ code: 'STORE_READONLY', message: expect.stringMatching(/cannot write to its data folder/) }));
  });
});
