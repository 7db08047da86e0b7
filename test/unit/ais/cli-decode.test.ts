import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { main } from '../../../main/cli';
import type { CliIo } from '../../../main/cli/command';
import { FIXTURES, normalise } from './helpers';

async function run(args: string[], stdin = ''): Promise<{ code: number; out: string[]; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = { out: (t) => (out += t + '\n'), err: (t) => (err += t + '\n'), stdin: Readable.from([stdin]) };
  const code = await main(['decode', ...args], io);
  return { code, out: out.split('\n').filter(Boolean), err };
}

/** Everything written to standard output, exactly. */
async function runText(args: string[], stdin: string | Buffer = ''): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = { out: (t) => (out += t.endsWith('\n') ? t : t + '\n'), err: (t) => (err += t + '\n'), stdin: Readable.from([stdin]) };
  const code = await main(['decode', ...args], io);
  return { code, out, err };
}

const sample = path.join(FIXTURES, 'ais/gpsd-sample.aivdm');
const reference = fs
  .readFileSync(path.join(FIXTURES, 'ais/gpsd-sample.gpsdecode.json'), 'utf8')
  .trim()
  .split('\n')
  .map((l) => JSON.parse(l) as unknown);

describe('gangway decode', () => {
  it('prints what gpsdecode -j prints for the gpsd sample, one JSON object per line', async () => {
    const r = await run([sample]);
    expect(r.code).toBe(0);
    expect(normalise(r.out.map((l) => JSON.parse(l) as unknown))).toEqual(normalise(reference));
  });

  it('prints the very same text as gpsdecode -j, byte for byte, CR LF line ends included', async () => {
    const r = await runText([sample]);
    expect(r.out).toBe(fs.readFileSync(path.join(FIXTURES, 'ais/gpsd-sample.gpsdecode.json'), 'utf8'));
  });

  it('keeps gpsd’s fixed decimals in the text ("course":224.0, "lon":-70.758200)', async () => {
    const r = await run([sample]);
    expect(r.out[0]).toContain('"course":224.0,');
    expect(r.out[1]).toContain('"lon":-70.758200,');
  });

  it('reads standard input with "-" and names the device when asked', async () => {
    const r = await run(['-', '--device', 'ttyUSB0'], '!AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,0*4A\n');
    expect(r.code).toBe(0);
    expect(r.out).toHaveLength(1);
    expect(JSON.parse(r.out[0]!)).toMatchObject({ class: 'AIS', device: 'ttyUSB0', type: 1, mmsi: 371798000, speed: 12.3 });
  });

  it('reads a gzip log the same as a plain one', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gangway-decode-'));
    const gz = path.join(dir, 'sample.aivdm.gz');
    fs.writeFileSync(gz, gzipSync(fs.readFileSync(sample)));
    const r = await run([gz]);
    expect(r.out).toHaveLength(97);
  });

  it('knows gzip by its magic bytes, on standard input and under any file name', async () => {
    const packed = gzipSync(fs.readFileSync(sample));
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gangway-decode-'));
    const oddName = path.join(dir, 'sample.log');
    fs.writeFileSync(oddName, packed);
    const plain = await runText([sample]);
    expect((await runText(['-'], packed)).out).toBe(plain.out);
    expect((await runText([oddName])).out).toBe(plain.out);
  });

  it('a truncated or damaged gzip prints what it decoded, then one sentence, and exits 1', async () => {
    const packed = gzipSync(fs.readFileSync(sample));
    const all = (await runText([sample])).out;
    const truncated = await runText(['-'], packed.subarray(0, Math.floor(packed.length * 0.6)));
    expect(truncated.code).toBe(1);
    expect(truncated.out.length).toBeGreaterThan(0);
    expect(all.startsWith(truncated.out)).toBe(true);
    expect(truncated.err).toMatch(/^gangway decode: the gzip data ends early \(the file is truncated\) after \d+ lines of the input; the messages before that point were printed\.\n$/);
    const flipped = Buffer.from(packed);
    flipped[Math.floor(flipped.length / 2)]! ^= 0x55;
    const damaged = await runText(['-'], flipped);
    expect(damaged.code).toBe(1);
    expect(damaged.err.trim().split('\n')).toHaveLength(1);
    expect(damaged.err).toMatch(/gzip data (is damaged|ends early)/);
    expect(damaged.err).not.toMatch(/\bat .*\(/);
  });

  it('counts rejects by reason with --stats', async () => {
    const r = await run(['-', '--stats'], '!AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,0*4B\n!AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,0*4A\n');
    expect(r.out).toHaveLength(1);
    expect(r.err).toContain('rejected (bad checksum): 1');
  });

  it('says so when the file is not NMEA at all, and exits 1', async () => {
    const r = await run(['-'], 'name,rank,wage\nSomchai,deckhand,9000\n');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/no NMEA sentences.*2 not nmea/);
  });

  it('names a missing file', async () => {
    const r = await run(['/no/such/file.nmea']);
    expect(r.code).toBe(1);
    expect(r.err).toContain('There is no file "/no/such/file.nmea"');
  });
});
