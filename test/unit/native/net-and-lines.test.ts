import fc from 'fast-check';
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { Backoff } from '../../../native/backoff';
import { LineSplitter } from '../../../native/line-splitter';
import { hasValidNmeaChecksum } from '../../../native/nmea-line';
import { TcpSource } from '../../../native/net/tcp-source';
import type { Outage, SourceLine } from '../../../native/source';
import { nmea, until } from './socat-pair';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

describe('line splitting', () => {
  it('however the bytes are chunked, the same lines come out (CR LF or LF)', () => {
    const line = fc.stringMatching(/^[ -~]{1,90}$/);
    fc.assert(
      fc.property(fc.array(line, { maxLength: 30 }), fc.array(fc.integer({ min: 1, max: 50 }), { minLength: 1, maxLength: 20 }), fc.boolean(), (lines, cuts, crlf) => {
        const text = lines.map((l) => l + (crlf ? '\r\n' : '\n')).join('');
        const out: string[] = [];
        const s = new LineSplitter((l) => out.push(l));
        let at = 0;
        for (let i = 0; at < text.length; i++) {
          const n = cuts[i % cuts.length]!;
          s.push(text.slice(at, at + n));
          at += n;
        }
        s.end();
        expect(out).toEqual(lines.filter((l) => !(crlf && l === '')));
      }),
    );
  });

  it('a stream that never sends a newline cannot grow memory without bound', () => {
    const out: string[] = [];
    const s = new LineSplitter((l) => out.push(l), 100);
    for (let i = 0; i < 1000; i++) s.push('x'.repeat(37));
    expect(out.length).toBeGreaterThan(300);
    expect(Math.max(...out.map((l) => l.length))).toBeLessThan(140);
  });

  it('cuts every line longer than the cap into pieces no longer than it, and counts the lines it cut', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 400 }), { maxLength: 20 }), fc.integer({ min: 1, max: 300 }), (lengths, chunk) => {
        const text = lengths.map((n) => 'x'.repeat(n) + '\n').join('');
        const out: string[] = [];
        const s = new LineSplitter((l) => out.push(l), 100);
        for (let at = 0; at < text.length; at += chunk) s.push(text.slice(at, at + chunk));
        s.end();
        expect(Math.max(0, ...out.map((l) => l.length))).toBeLessThanOrEqual(100);
        expect(out.join('')).toBe('x'.repeat(lengths.reduce((a, b) => a + b, 0)));
        expect(s.cut).toBe(lengths.filter((n) => n > 100).length);
      }),
    );
  });

  it('checksum check used for baud detection accepts real sentences and refuses altered ones', () => {
    const rmc = nmea('GPRMC,123519,A,4807.038,N,01131.000,E,022.4,084.4,230394,003.1,W');
    expect(hasValidNmeaChecksum(rmc)).toBe(true);
    expect(hasValidNmeaChecksum('!AIVDM,1,1,,B,177KQJ5000G?tO`K>RA1wUbN0TKH,0*5C')).toBe(true);
    expect(hasValidNmeaChecksum('\\s:2573135,c:1671620143*0B\\!AIVDM,1,1,,B,177KQJ5000G?tO`K>RA1wUbN0TKH,0*5C')).toBe(true);
    expect(hasValidNmeaChecksum(rmc.replace('4807', '4808'))).toBe(false);
    expect(hasValidNmeaChecksum(rmc.slice(0, -1) + 'Z')).toBe(false);
    fc.assert(fc.property(fc.uint8Array({ maxLength: 120 }), (bytes) => typeof hasValidNmeaChecksum(Buffer.from(bytes).toString('latin1')) === 'boolean'));
  });
});

describe('TCP receiver on loopback', () => {
  it('when the receiver drops the connection, Gangway reconnects and records the outage', async () => {
    let server: net.Server | undefined;
    const conns = new Set<net.Socket>();
    const listen = (port: number) =>
      new Promise<number>((resolve) => {
        server = net.createServer((s) => {
          conns.add(s);
          const timer = setInterval(() => s.write(`${nmea('GPGGA,123520,4807.038,N,01131.000,E,1,08,0.9,545.4,M,46.9,M,,')}\r\n`), 20);
          s.on('close', () => clearInterval(timer));
          s.on('error', () => undefined);
        });
        server.listen(port, '127.0.0.1', () => resolve((server!.address() as net.AddressInfo).port));
      });
    const stopServer = () =>
      new Promise<void>((r) => {
        for (const c of conns) c.destroy();
        conns.clear();
        if (server) server.close(() => r());
        else r();
      });
    const port = await listen(0);
    const source = new TcpSource({ id: 'ais', host: '127.0.0.1', port, backoff: new Backoff(50, 200) });
    const lines: SourceLine[] = [];
    const outages: Outage[] = [];
    source.on('line', (l) => lines.push(l));
    source.on('outage', (o) => outages.push(o));
    cleanups.push(() => source.stop());
    cleanups.push(stopServer);
    await source.start();
    await until(() => lines.length >= 3, 5000, 'lines');
    await stopServer();
    await until(() => source.state === 'reconnecting', 5000, 'drop noticed');
    await new Promise((r) => setTimeout(r, 300));
    await listen(port);
    const before = lines.length;
    await until(() => lines.length > before + 2 && source.state === 'open', 8000, 'lines after reconnect');
    expect(outages).toHaveLength(1);
    expect(outages[0]!.to! - outages[0]!.from).toBeGreaterThanOrEqual(250);
  });
});
