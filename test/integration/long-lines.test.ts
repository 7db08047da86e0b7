import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO } from '../support/serve';
import { tempDir } from '../support/tmp';

/**
 * A gzip log holding one line far longer than the memory the CLI may use: a
 * few hundred kilobytes on disk. Generated streamed (never held, never
 * committed), and the CLI runs with a heap smaller than the line, so a reader
 * that keeps a line whole dies as it did with readline.
 */
const LINE_MB = 300;
const HEAP_MB = 128;
const before = '!AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,0*4A\n$GPRMC,123519,A,4807.038,N,01131.000,E,022.4,084.4,230394,003.1,W*6A\n';
const after = '!AIVDM,1,1,,A,16SteH0P00Jt63hHaa6SagvJ087r,0*42\n';

async function* hugeLog(): AsyncGenerator<Buffer> {
  yield Buffer.from(before);
  const block = Buffer.alloc(1 << 20, 'A');
  for (let i = 0; i < LINE_MB; i++) yield block;
  yield Buffer.from('\n' + after);
}

function gangway(args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [`--max-old-space-size=${HEAP_MB}`, path.join(REPO, 'bin', 'gangway.js'), ...args], { cwd: REPO });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('exit', (code) => resolve({ code, out, err }));
  });
}

describe('a log with one endless line', () => {
  const dir = tempDir('gangway-longline-');
  const file = path.join(dir, 'one-huge-line.nmea.gz');

  beforeAll(async () => {
    await pipeline(hugeLog(), createGzip({ level: 1 }), fs.createWriteStream(file));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('gangway decode reads past it with flat memory, says so, and decodes the sentences around it', async () => {
    expect(fs.statSync(file).size).toBeLessThan(5 * 1024 * 1024);
    const r = await gangway(['decode', file]);
    expect(r.err).not.toMatch(/heap out of memory|Invalid string length/);
    expect(r.code).toBe(0);
    expect(r.out.trim().split('\n').map((l) => (JSON.parse(l) as { mmsi: number }).mmsi)).toEqual([371798000, 440348000]);
    expect(r.err).toContain('1 line was longer than 4096 bytes and read in pieces of that size, which are not NMEA');
  }, 120_000);

  it('gangway voyage events reads past it too and says so', async () => {
    const r = await gangway(['voyage', 'events', file, '--data', dir]);
    expect(r.err).not.toMatch(/heap out of memory|Invalid string length/);
    expect(r.code).toBe(0);
    expect(r.err).toContain(`gangway voyage: 1 line was longer than 4096 bytes and read in pieces`);
    expect(r.out).toMatch(/Voyage analysis of .*1 positions/);
  }, 120_000);
});
