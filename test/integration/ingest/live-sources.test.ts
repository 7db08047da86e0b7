import fs from 'node:fs';
import net from 'node:net';
import dgram from 'node:dgram';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ingestFor, shutdownIngest } from '../../../main/ingest/registry';
import { getSession } from '../../../main/store/repos/marine-sessions';
import { IngestStatus } from '../../../shared/api/methods/ingest';
import { dispatch } from '../../../main/api/dispatch';
import { ingestHandlers } from '../../../main/api/handlers/ingest';
import type { CoreContext } from '../../../main/api/context';
import { nmea, SocatPair, until } from '../../unit/native/socat-pair';
import { count, DATA, tempStore } from './helpers';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function setup() {
  const t = tempStore();
  const events: { name: string; payload: unknown }[] = [];
  const ctx: CoreContext = { store: t.store, shell: 'test', emit: (name, payload) => events.push({ name, payload }) };
  // The same manager the API handlers use for this store.
  const manager = ingestFor(ctx);
  cleanups.push(async () => {
    await shutdownIngest(t.store);
    t.cleanup();
  });
  return { ...t, manager, ctx, events };
}

const aisLines = fs
  .readFileSync(path.join(DATA, 'ais/gpsd-sample.aivdm'), 'latin1')
  .split('\n')
  .filter((l) => l.startsWith('!AIVDM,1,1'))
  .slice(0, 40);

describe('live sources into the store', () => {
  it('a TCP AIS feed fills the nearby-vessels list with distance and bearing from our own fix', async () => {
    const { manager, store } = setup();
    const conns = new Set<net.Socket>();
    const server = net.createServer((sock) => {
      conns.add(sock);
      sock.write(`${nmea('GPRMC,120000,A,3745.000,N,12225.000,W,5.0,90.0,010124,,')}\r\n`);
      sock.write(aisLines.join('\r\n') + '\r\n');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    cleanups.push(
      () =>
        new Promise<void>((r) => {
          for (const c of conns) c.destroy();
          server.close(() => r());
        }),
    );
    const port = (server.address() as net.AddressInfo).port;
    const info = await manager.open({ kind: 'tcp', host: '127.0.0.1', port });
    expect(info.state).toBe('open');
    await until(() => manager.stats.lines >= aisLines.length + 1, 5000, 'all lines');
    manager.batcher.flush();
    expect(count(store, 'ais_positions')).toBeGreaterThan(5);
    const vessels = manager.nearby(60 * 24 * 365 * 10, 100);
    expect(vessels.length).toBeGreaterThan(3);
    const v = vessels[0]!;
    expect(v.distanceNm).not.toBeNull();
    expect(v.bearingDeg).toBeGreaterThanOrEqual(0);
    expect(v.bearingDeg).toBeLessThan(360);
    // Sorted nearest first.
    for (let i = 1; i < vessels.length; i++) expect(vessels[i]!.distanceNm!).toBeGreaterThanOrEqual(vessels[i - 1]!.distanceNm!);
    expect(manager.status().lastFix).toMatchObject({ lat: 37.75, lon: -122.41666666666667 });
  });

  it('UDP datagrams from a receiver on the LAN are logged', async () => {
    const { manager, store } = setup();
    // Port 0 cannot be asked of the API (the OS picks), so find a free one first.
    const probe = dgram.createSocket('udp4');
    await new Promise<void>((r) => probe.bind(0, '127.0.0.1', () => r()));
    const port = probe.address().port;
    probe.close();
    await manager.open({ kind: 'udp', port, host: '127.0.0.1' });
    const sender = dgram.createSocket('udp4');
    cleanups.push(() => {
      sender.close();
    });
    for (let i = 0; i < aisLines.length; i += 4) {
      await new Promise<void>((r) => sender.send(Buffer.from(aisLines.slice(i, i + 4).join('\r\n') + '\r\n'), port, '127.0.0.1', () => r()));
    }
    await until(() => manager.stats.lines >= aisLines.length, 5000, 'datagrams');
    manager.batcher.flush();
    expect(count(store, 'ais_positions')).toBeGreaterThan(5);
  });

  it('a TCP receiver that is down is refused with a sentence, and other sources keep running', async () => {
    const { manager } = setup();
    const server = net.createServer();
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as net.AddressInfo).port;
    await new Promise<void>((r) => server.close(() => r()));
    await expect(manager.open({ kind: 'tcp', host: '127.0.0.1', port })).rejects.toThrow(/cannot reach the receiver/);
    expect(manager.sources()[0]).toMatchObject({ state: 'failed' });
  });

  it('through the API: a serial GPS unplugged and replugged keeps logging and the session shows the outage', async () => {
    const { ctx, store, events, manager } = setup();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gangway-live-'));
    const pair = new SocatPair(dir);
    cleanups.push(async () => {
      await pair.kill();
      fs.rmSync(dir, { recursive: true, force: true });
    });
    await pair.start();
    let n = 0;
    const rmc = () => `${nmea(`GPRMC,1200${String(n++ % 60).padStart(2, '0')},A,1330.000,N,10045.000,E,3.0,180.0,010124,,`)}\r\n`;
    let stop = pair.talk(rmc, 30);
    const opened = await dispatch(ingestHandlers, ctx, 'ingest.open', { kind: 'serial', path: pair.devicePath });
    expect(opened).toMatchObject({ ok: true, value: { state: 'open', kind: 'serial' } });
    const id = (opened as { value: { id: string; sessionId: number } }).value.id;
    const sessionId = (opened as { value: { sessionId: number } }).value.sessionId;
    await until(() => manager.stats.lines >= 3, 5000, `first lines (${JSON.stringify(manager.sources())})`);
    stop();
    await pair.kill();
    await until(() => manager.sources()[0]!.state === 'reconnecting', 5000, 'unplug noticed');
    await pair.start();
    stop = pair.talk(rmc, 30);
    cleanups.push(stop);
    const before = manager.stats.lines;
    await until(() => manager.stats.lines > before + 2, 15_000, 'lines after replug');
    const closed = await dispatch(ingestHandlers, ctx, 'ingest.close', { id });
    expect(closed).toMatchObject({ ok: true, value: { state: 'closed' } });
    const session = getSession(store.db, sessionId)!;
    expect(session.outages).toHaveLength(1);
    expect(session.outages[0]!.to).not.toBeNull();
    expect(session.ownPositions).toBeGreaterThan(3);
    expect(session.endedAt).not.toBeNull();
    // What the live view receives matches the published event schema, and it saw the unplug.
    const statuses = events.filter((e) => e.name === 'ingest.status').map((e) => IngestStatus.parse(e.payload));
    expect(statuses.length).toBeGreaterThan(0);
    expect(statuses.some((st) => st.sources.some((src) => src.state === 'reconnecting'))).toBe(true);
    expect(statuses.at(-1)!.sources[0]).toMatchObject({ state: 'closed', outages: 1 });
  }, 30_000);

  it('opening a serial port that does not exist answers DEVICE with a sentence', async () => {
    const { ctx } = setup();
    const answer = await dispatch(ingestHandlers, ctx, 'ingest.open', { kind: 'serial', path: '/dev/ttyNOPE9' });
    expect(answer).toMatchObject({ ok: false, error: { code: 'DEVICE' } });
    expect((answer as { error: { message: string } }).error.message).toMatch(/There is no serial port \/dev\/ttyNOPE9/);
  });
});
