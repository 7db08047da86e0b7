import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../../main/core';
import { openStore } from '../../../main/store/database';
import { tempDir } from '../../support/tmp';

describe('a core whose data cannot be opened', () => {
  it('answers with the reason, then works as soon as the other program lets go', async () => {
    const dir = tempDir();
    openStore(dir).close();
    const other = new Database(path.join(dir, 'gangway.sqlite'));
    other.pragma('locking_mode = EXCLUSIVE');
    other.exec('BEGIN EXCLUSIVE; CREATE TABLE grab (x TEXT) STRICT; COMMIT');
    const core = createCore({ dataDir: dir, shell: 'test' });
    expect(core.storeError?.code).toBe('STORE_BUSY');
    expect(await core.invoke('vessels.search', {})).toMatchObject({ ok: false, error: { code: 'STORE_BUSY' } });
    other.close();
    expect(await core.invoke('vessels.search', {})).toEqual({ ok: true, value: [] });
    expect(core.storeError).toBeUndefined();
    core.close();
  });

  it('answers every call with a sentence when the folder cannot be written, and creates nothing', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'file'), 'x');
    const core = createCore({ dataDir: path.join(dir, 'file', 'data'), shell: 'test' });
    expect(await core.invoke('vessels.create', { name: 'X' })).toMatchObject({ ok: false, error: { code: 'STORE_READONLY', message: expect.stringMatching(/--data DIR/) } });
    expect(fs.readdirSync(dir)).toEqual(['file']);
  });
});
