import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Backoff } from '../../../native/backoff';
import { SerialSource } from '../../../native/serial/serial-source';
import type { Outage, SourceLine } from '../../../native/source';
import { nmea, SocatPair, until } from './socat-pair';

const RMC = nmea('GPRMC,123519,A,4807.038,N,01131.000,E,022.4,084.4,230394,003.1,W');
const GGA = nmea('GPGGA,123520,4807.038,N,01131.000,E,1,08,0.9,545.4,M,46.9,M,,');

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function setup(options: Partial<ConstructorParameters<typeof SerialSource>[0]> = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gangway-serial-'));
  const pair = new SocatPair(dir);
  const source = new SerialSource({ id: 'gps', path: pair.devicePath, probeMs: 400, silenceMs: 5000, backoff: new Backoff(50, 200), ...options });
  const lines: SourceLine[] = [];
  const outages: Outage[] = [];
  source.on('line', (l) => lines.push(l));
  source.on('outage', (o) => outages.push(o));
  cleanups.push(async () => {
    await source.stop();
    await pair.kill();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  return { pair, source, lines, outages };
}

describe('serial source over a real pty pair (socat)', () => {
  it('reads NMEA sentences written by the receiver, tagged with source and time', async () => {
    const { pair, source, lines } = setup();
    await pair.start();
    const stop = pair.talk(() => `${RMC}\r\n${GGA}\r\n`);
    cleanups.push(stop);
    await source.start();
    await until(() => lines.length >= 4, 5000, 'two pairs of lines');
    stop();
    // The port may open mid-sentence, so the very first line can be a tail; every later one is whole.
    for (const l of lines.slice(1)) expect([RMC, GGA]).toContain(l.line);
    expect(lines[0]!.sourceId).toBe('gps');
    expect(Math.abs(lines[0]!.receivedAt - Date.now())).toBeLessThan(5000);
    expect(source.state).toBe('open');
    expect(source.baud).toBe(4800);
  });

  it('a pulled cable is an outage: after socat restarts, reading resumes and the gap is recorded', async () => {
    const { pair, source, lines, outages } = setup();
    await pair.start();
    const stop = pair.talk(() => `${RMC}\r\n`);
    await source.start();
    await until(() => lines.length >= 1, 5000, 'first line');
    stop();
    const before = lines.length;
    await pair.kill();
    await until(() => source.state === 'reconnecting', 5000, 'reconnecting state');
    await new Promise((r) => setTimeout(r, 300));
    await pair.start();
    // The receiver keeps talking until Gangway hears it again.
    await until(
      () => {
        pair.write(`${GGA}\r\n`);
        return lines.length > before;
      },
      8000,
      'line after replug',
    );
    expect(lines.at(-1)!.line).toBe(GGA);
    expect(outages).toHaveLength(1);
    expect(outages[0]!.reason).toMatch(/unplugged|closed/);
    expect(outages[0]!.to! - outages[0]!.from).toBeGreaterThanOrEqual(250);
    expect(source.state).toBe('open');
  });

  it('silence longer than the limit is an outage that ends when data flows again', async () => {
    const { pair, source, lines, outages } = setup({ silenceMs: 400 });
    await pair.start();
    const stop = pair.talk(() => `${RMC}\r\n`);
    await source.start();
    await until(() => lines.length >= 1, 5000, 'first line');
    stop();
    const before = lines.length;
    await until(() => source.state === 'reconnecting', 5000, 'silence noticed');
    await until(
      () => {
        pair.write(`${GGA}\r\n`);
        return lines.length > before;
      },
      8000,
      'line after silence',
    );
    expect(outages).toHaveLength(1);
    expect(outages[0]!.reason).toMatch(/no data/);
  });

  it('a receiver at 38400 baud is found: garbled bytes at 4800 make Gangway try the other rate', async () => {
    const { pair, source, lines } = setup();
    await pair.start();
    // A pty has no baud rate, so the test plays both sides: noise while Gangway listens at 4800
    // (what a 38400 device looks like at that rate), sentences once it listens at 38400.
    let rate = 4800;
    source.on('state', (_s, detail) => {
      if (detail === 'listening at 38400 baud') rate = 38400;
    });
    const stop = pair.talk(() => (rate === 4800 ? '\u00f8\u0087x\u00fe\u0013\n' : `${RMC}\r\n`));
    cleanups.push(stop);
    await source.start();
    await until(() => lines.filter((l) => l.line === RMC).length >= 2, 5000, 'sentences at 38400');
    expect(source.baud).toBe(38400);
  });

  it('a device whose bytes never form NMEA is refused with a sentence naming the baud rates', async () => {
    const { pair, source } = setup();
    await pair.start();
    const noise = setInterval(() => pair.write(Buffer.from([0xfe, 0x13, 0x0a, 0x80, 0x7f, 0x0a])), 50);
    cleanups.push(() => clearInterval(noise));
    await expect(source.start()).rejects.toThrow(/not NMEA 0183 at 4800 or 38400 baud/);
    expect(source.state).toBe('failed');
  });

  it('opening a port that does not exist says so', async () => {
    const source = new SerialSource({ id: 'x', path: '/dev/gangway-no-such-port', probeMs: 100 });
    await expect(source.start()).rejects.toThrow(/There is no serial port/);
  });
});
