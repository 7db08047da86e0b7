import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { IngestManager } from '../../../main/ingest/manager';
import { openStore } from '../../../main/store/database';
import { listSessions } from '../../../main/store/repos/marine-sessions';
import { tempDir } from '../../support/tmp';
import { DATA, tempStore } from './helpers';
import { marineTables } from './table-dump';

const disk = tempDir('gangway-full-');
/** A real small disk: a tmpfs needs root to mount, which CI has; elsewhere the test says why it did not run. */
const mounted = (() => {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=4m', 'tmpfs', disk], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
afterAll(() => {
  if (mounted) execFileSync('umount', [disk]);
  fs.rmSync(disk, { recursive: true, force: true });
});

describe.skipIf(!mounted)('a disk that fills up during a file import (needs root to mount a 4 MB tmpfs)', () => {
  it('stops with a sentence saying to free space, records it on the session, and resumes to the same tables as a clean import', async () => {
    const parts = ['nmea/ais-nmea.log', 'nmea/quectel-l76k.log', 'ais/gpsd-sample.aivdm', 'nmea/ublox-neo-m9n.log'].map((f) => fs.readFileSync(path.join(DATA, f)));
    const file = path.join(tempDir('gangway-log-'), 'mixed.log');
    fs.writeFileSync(file, Buffer.concat([...parts, ...parts, ...parts]));

    const clean = tempStore();
    await new IngestManager(clean.store, () => undefined).importFile(file);

    const store = openStore(disk);
    try {
      // Leave about 300 kB free: a third of what the import needs.
      const ballast = path.join(disk, 'ballast');
      const st = fs.statfsSync(disk);
      fs.writeFileSync(ballast, Buffer.alloc(Math.max(0, st.bavail * st.bsize - 300_000)));
      const manager = new IngestManager(store, () => undefined);
      await expect(manager.importFile(file)).rejects.toThrow(/could not be saved \(database or disk is full\)\. Free disk space and import the file again/);
      expect(listSessions(store.db, 1)[0]!.lastError).toMatch(/disk is full/);
      const offset = (store.db.prepare('SELECT committed_offset AS o FROM ingest_files').get() as { o: number }).o;
      expect(offset).toBeGreaterThan(0);

      fs.rmSync(ballast);
      const resumed = await manager.importFile(file);
      expect(resumed.resumedFrom).toBe(offset);
      const { ingest_sessions: sessions, ...rest } = marineTables(store) as { ingest_sessions: { last_error: string | null }[] };
      const { ingest_sessions: cleanSessions, ...cleanRest } = marineTables(clean.store) as { ingest_sessions: { last_error: string | null }[] };
      expect(rest).toEqual(cleanRest);
      // The session remembers the failure; its counts are those of the clean import.
      expect(sessions.map((s) => ({ ...s, last_error: null }))).toEqual(cleanSessions);
    } finally {
      store.close();
      clean.cleanup();
      fs.rmSync(path.dirname(file), { recursive: true, force: true });
    }
  });
});
