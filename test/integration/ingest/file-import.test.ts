import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import type { AisStatic, IngestSession } from '../../../shared/api/methods/ingest';
import type { CoreContext } from '../../../main/api/context';
import { dispatch } from '../../../main/api/dispatch';
import { ingestHandlers } from '../../../main/api/handlers/ingest';
import { vesselHandlers } from '../../../main/api/handlers/vessels';
import { IngestManager } from '../../../main/ingest/manager';
import { shutdownIngest } from '../../../main/ingest/registry';
import { listSessions } from '../../../main/store/repos/marine-sessions';
import { aisStatic } from '../../../main/store/repos/marine-queries';
import { count, DATA, tempStore } from './helpers';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

/** The line with its checksum (and its tag block's) recomputed, so a test can write sentences by hand. */
function fixSum(line: string): string {
  const sum = (body: string) => [...body].reduce((x, c) => x ^ c.charCodeAt(0), 0).toString(16).toUpperCase().padStart(2, '0');
  const tag = /^\\([^*\\]*)\*[0-9A-F]{2}\\/.exec(line);
  const rest = tag ? line.slice(tag[0].length) : line;
  const head = tag ? `\\${tag[1]}*${sum(tag[1]!)}\\` : '';
  const m = /^([$!])(.*)\*[0-9A-F]{2}$/.exec(rest)!;
  return `${head}${m[1]}${m[2]}*${sum(m[2]!)}`;
}

function setup() {
  const t = tempStore();
  cleanups.push(t.cleanup);
  const manager = new IngestManager(t.store, () => undefined, { maxMs: 50 });
  return { ...t, manager };
}

describe('importing NMEA/AIS log files', () => {
  it('a real receiver log becomes own positions, AIS positions and vessel names, with every line accounted for', async () => {
    const { store, manager } = setup();
    const file = path.join(DATA, 'nmea/ais-nmea.log');
    const result = await manager.importFile(file);
    const lines = fs.readFileSync(file, 'latin1').split('\n').filter((l) => l.trim() !== '').length;
    expect(result.alreadyImported).toBe(false);
    expect(result.lines).toBe(lines);
    const [session] = listSessions(store.db, 1);
    expect(session!.lines).toBe(lines);
    // Every line is accepted, ignored or rejected with a reason: nothing silently dropped.
    expect(session!.accepted + session!.ignored + session!.rejected).toBe(session!.lines);
    expect(session!.rejects.reduce((n, r) => n + r.count, 0)).toBe(session!.rejected);
    expect(count(store, 'own_positions')).toBeGreaterThan(0);
    expect(count(store, 'ais_positions')).toBeGreaterThan(0);
    expect(aisStatic(store.db, undefined, 100).some((s) => s.name)).toBe(true);
    const own = store.db.prepare('SELECT lat, lon, t FROM own_positions ORDER BY t LIMIT 1').get() as { lat: number; lon: number; t: number };
    // $GPRMC,213950.00,A,5250.53669,N,00542.34920,E,…,070420: IJsselmeer, 7 April 2020.
    expect(own.lat).toBeCloseTo(52 + 50.53669 / 60, 6);
    expect(own.lon).toBeCloseTo(5 + 42.3492 / 60, 6);
    expect(new Date(own.t).toISOString().slice(0, 10)).toBe('2020-04-07');
  });

  it('the raw archive gives back every line exactly as received, and each chunk matches its SHA-256', async () => {
    const { store, manager } = setup();
    const file = path.join(DATA, 'ais/gpsd-sample.aivdm');
    const result = await manager.importFile(file);
    const chunks = store.db.prepare('SELECT line_count, sha256, data FROM raw_chunks WHERE session_id = ? ORDER BY id').all(result.sessionId) as {
      line_count: number;
      sha256: string;
      data: Buffer;
    }[];
    const archived: string[] = [];
    for (const c of chunks) {
      const text = zlib.gunzipSync(c.data);
      expect(createHash('sha256').update(text).digest('hex')).toBe(c.sha256);
      const lines = text.toString('latin1').split('\n').slice(0, -1);
      expect(lines).toHaveLength(c.line_count);
      archived.push(...lines.map((l) => l.slice(l.indexOf('\t') + 1)));
    }
    const original = fs.readFileSync(file, 'latin1').split('\n').map((l) => l.replace(/\r$/, '')).filter((l) => l !== '');
    expect(archived).toEqual(original);
  });

  it('through the API: sessions list rejects by reason, and AIS static data suggests registry entries with sizes', async () => {
    const { store } = setup();
    const ctx: CoreContext = { store, shell: 'test', emit: () => undefined };
    cleanups.push(() => void shutdownIngest(store));
    const imported = await dispatch(ingestHandlers, ctx, 'ingest.importFile', { path: path.join(DATA, 'ais/gpsd-sample.aivdm') });
    expect(imported).toMatchObject({ ok: true });
    const sessions = (await dispatch(ingestHandlers, ctx, 'ingest.sessions', {})) as { ok: true; value: IngestSession[] };
    const s = sessions.value[0]!;
    expect(s.sourceKind).toBe('file');
    // The gpsd sample starts with # comment lines: counted, with an example, not silently skipped.
    expect(s.rejects.find((r) => r.reason === 'not_nmea')?.example).toMatch(/^#/);
    const data = (await dispatch(ingestHandlers, ctx, 'ingest.vesselData', {})) as { ok: true; value: AisStatic[] };
    // Type 5 from the sample, as gpsdecode shows it: EVER DIADEM, 3FOF8, IMO 9134270, 225+70 m by 1+31 m, for NEW YORK.
    expect(data.value.find((v) => v.mmsi === 351759000)).toMatchObject({ name: 'EVER DIADEM', callSign: '3FOF8', imo: 9134270, shipType: 70, lengthM: 295, beamM: 32, destination: 'NEW YORK' });
    for (const v of data.value) if (v.name) expect(v.name).not.toMatch(/[@ ]$/);
    expect(data.value.every((v) => v.registryVesselId === null)).toBe(true);

    // Once the registry has the ship, it is no longer suggested.
    const created = (await dispatch(vesselHandlers, ctx, 'vessels.create', { name: 'Ever Diadem', mmsi: '351759000' })) as { ok: true; value: { id: string } };
    expect(created.ok).toBe(true);
    const again = (await dispatch(ingestHandlers, ctx, 'ingest.vesselData', { mmsi: 351759000 })) as { ok: true; value: AisStatic[] };
    expect(again.value[0]!.registryVesselId).toBe(created.value.id);
    const suggestions = (await dispatch(ingestHandlers, ctx, 'ingest.vesselData', { unregisteredOnly: true })) as { ok: true; value: AisStatic[] };
    expect(suggestions.value.some((v) => v.mmsi === 351759000)).toBe(false);
    expect(suggestions.value.length).toBe(data.value.length - 1);
  });

  it('re-importing the same file adds nothing', async () => {
    const { store, manager } = setup();
    const file = path.join(DATA, 'nmea/ublox-neo-m9n.log');
    await manager.importFile(file);
    const before = [count(store, 'own_positions'), count(store, 'raw_chunks'), count(store, 'ingest_sessions')];
    const again = await manager.importFile(file);
    expect(again.alreadyImported).toBe(true);
    expect([count(store, 'own_positions'), count(store, 'raw_chunks'), count(store, 'ingest_sessions')]).toEqual(before);
  });

  it('the same file imported twice at once is refused the second time, and its lines are stored once', async () => {
    const { store, manager } = setup();
    const file = path.join(DATA, 'nmea/quectel-l76k.log');
    const [a, b] = await Promise.allSettled([manager.importFile(file), manager.importFile(file)]);
    expect([a.status, b.status].sort()).toEqual(['fulfilled', 'rejected']);
    expect(String((a.status === 'rejected' ? a : b as PromiseRejectedResult).reason)).toMatch(/already being imported/);
    const lines = fs.readFileSync(file, 'latin1').split('\n').filter((l) => l.trim() !== '').length;
    expect((store.db.prepare('SELECT sum(line_count) AS n FROM raw_chunks').get() as { n: number }).n).toBe(lines);
  });

  it('a gzip log imports the same as the plain one, with progress reaching the file size', async () => {
    const plain = setup();
    const gz = setup();
    const src = path.join(DATA, 'nmea/quectel-l76k.log');
    const gzFile = path.join(gz.dir, 'quectel.log.gz');
    fs.writeFileSync(gzFile, zlib.gzipSync(fs.readFileSync(src)));
    const progress: number[] = [];
    await plain.manager.importFile(src);
    await gz.manager.importFile(gzFile, (p) => progress.push(p.bytesRead));
    expect(count(gz.store, 'own_positions')).toBe(count(plain.store, 'own_positions'));
    expect(count(gz.store, 'own_positions')).toBeGreaterThan(100);
    expect(progress.at(-1)).toBe(fs.statSync(gzFile).size);
  });

  it('an interrupted import resumes from its last committed line and ends with the same data as one uninterrupted import', async () => {
    const whole = setup();
    const cut = setup();
    const file = path.join(cut.dir, 'log.nmea');
    fs.copyFileSync(path.join(DATA, 'nmea/ublox-neo-m9n.log'), file);
    await whole.manager.importFile(file);

    // Simulate a crash: commit what the first part produced, as the batcher does every 500 ms, then stop.
    const text = fs.readFileSync(file, 'latin1');
    // Cut where an epoch starts (u-blox opens each with RMC), as a 500 ms batch boundary usually does.
    const half = text.indexOf('\n$GNRMC', Math.floor(text.length / 2)) + 1;
    const { sha256File } = await import('../../../native/file/file-lines');
    const sha = await sha256File(file);
    const { openSession, recordFile } = await import('../../../main/store/repos/marine-sessions');
    const { SessionPipeline } = await import('../../../main/ingest/session-pipeline');
    const sessionId = openSession(cut.store.db, { id: 'file:x', kind: 'file', label: 'log.nmea' });
    recordFile(cut.store.db, { sha256: sha, path: file, size: text.length, gzip: false, sessionId });
    const pipeline = new SessionPipeline(sessionId, cut.manager.batcher, cut.manager.stats);
    for (const line of text.slice(0, half).split('\n')) if (line) pipeline.line(line.replace(/\r$/, ''), Date.now());
    // The checkpoint a commit writes: the offset and what the pipeline knew there (the epoch still open among it).
    cut.manager.batcher.trackFile(sha, () => ({ offset: half, state: JSON.stringify(pipeline.snapshot()) }));
    cut.manager.batcher.flush();
    cut.manager.batcher.untrackFile(sha);

    const resumed = await cut.manager.importFile(file);
    expect(resumed.resumedFrom).toBe(half);
    expect(count(cut.store, 'own_positions')).toBe(count(whole.store, 'own_positions'));
    const sum = (s: typeof whole.store) => (s.db.prepare('SELECT sum(lines) AS n FROM ingest_sessions').get() as { n: number }).n;
    expect(sum(cut.store)).toBe(sum(whole.store));
  });

  it('positions take their time from the log (dated RMC before them, tag block c:), never from the import, and undated ones are counted, not invented', async () => {
    const { store, manager, dir } = setup();
    const file = path.join(dir, 'timed.nmea');
    fs.writeFileSync(
      file,
      [
        // Before any date: a GGA and an AIS position report have no time the log gives.
        '$GPGGA,213949.00,5250.53669,N,00542.34920,E,1,08,1.0,10.0,M,45.8,M,,*6F',
        '!AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,0*4A',
        // A void RMC's date dates nothing.
        '$GPRMC,213949.50,V,,,,,,,010180,,,N*7B',
        '$GPRMC,213950.00,A,5250.53669,N,00542.34920,E,0.1,,070420,,,A*6A',
        '!AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,0*4A',
        // A tag block's c: (Unix seconds) wins: 2024-03-01T12:00:00Z.
        '\\c:1709294400*52\\!AIVDM,1,1,,B,15RTgt0PAso;90TKcjM8h6g208CQ,0*49',
      ].map(fixSum).join('\n') + '\n',
    );
    await manager.importFile(file);
    const ais = store.db.prepare('SELECT t FROM ais_positions ORDER BY id').all() as { t: number }[];
    expect(ais.map((r) => new Date(r.t).toISOString())).toEqual(['2020-04-07T21:39:50.000Z', '2024-03-01T12:00:00.000Z']);
    const own = store.db.prepare('SELECT t FROM own_positions ORDER BY id').all() as { t: number }[];
    expect(own.map((r) => new Date(r.t).toISOString())).toEqual(['2020-04-07T21:39:50.000Z']);
    const [s] = listSessions(store.db, 1);
    expect(s!.rejects.find((r) => r.reason === 'undated')?.count).toBe(2);
    expect(s!.accepted + s!.ignored + s!.rejected).toBe(s!.lines);
  });

  it('a file that is not NMEA is refused with a sentence and adds no data', async () => {
    const { store, manager, dir } = setup();
    const file = path.join(dir, 'notes.csv');
    fs.writeFileSync(file, Array.from({ length: 80 }, (_, i) => `row ${i},crew,wage,${i * 10}`).join('\n'));
    await expect(manager.importFile(file)).rejects.toThrow(/does not look like an NMEA or AIS log/);
    expect(count(store, 'raw_chunks')).toBe(0);
    expect(listSessions(store.db, 1)[0]!.lastError).toMatch(/does not look like/);
  });

  it('bad lines among good ones are counted by reason and the good ones around them are kept', async () => {
    const { store, manager, dir } = setup();
    const good = fs
      .readFileSync(path.join(DATA, 'nmea/ublox-neo-m9n.log'), 'latin1')
      .split('\n')
      .filter((l) => l.startsWith('$GNRMC'))
      .slice(0, 20);
    const mixed: string[] = [];
    good.forEach((l, i) => {
      mixed.push(l);
      if (i % 4 === 0) mixed.push(l.replace(/\*..\r?$/, '*00')); // wrong checksum
      if (i % 5 === 0) mixed.push('\u00fe\u0013\u0080garbage');
    });
    const file = path.join(dir, 'mixed.nmea');
    fs.writeFileSync(file, mixed.join('\n'), 'latin1');
    await manager.importFile(file);
    const [s] = listSessions(store.db, 1);
    expect(count(store, 'own_positions')).toBe(20);
    expect(Object.fromEntries(s!.rejects.map((r) => [r.reason, r.count]))).toEqual({ bad_checksum: 5, binary_noise: 4 });
  });
});
