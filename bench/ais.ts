/**
 * AIS/NMEA decoding speed (issue 3): Gangway's streaming decoder against
 * ggencoder, ais-stream-decoder and gpsd's gpsdecode (a subprocess, when
 * installed), all on the same 1M-sentence corpus made by repeating the real
 * AIVDM traffic of the shared data. Goals: ≥ 1.5M sentences/s on one core,
 * ≥ 5× ggencoder, ≥ 10× gpsdecode.
 *
 * Gangway's headline figure is `pushLog` on the bytes of the corpus file that
 * gpsdecode reads (line ends found inside the timed run; reading the file into
 * memory is not timed, gpsdecode's read and its JSON printing are). Every
 * sentence is still framed, checksummed, reassembled and decoded to the same
 * values as `push` gives: the run throws if the two decode a different number
 * of messages, and test/unit/nmea/byte-path.test.ts holds them equal.
 *
 * Run alone: `npx tsx bench/ais.ts`.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDecoder } from '../shared/nmea/decoder';

const DATA = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../test/fixtures');
const SENTENCES = 1_000_000;
const GOAL_PER_S = 1_500_000;
const GOAL_VS_GGENCODER = 5;
const GOAL_VS_GPSDECODE = 10;
const GPSDECODE = '/usr/bin/gpsdecode';

export interface BenchResult {
  name: string;
  ok: boolean;
  lines: string[];
  metrics: Record<string, number>;
}

function realLines(file: string, prefix: string): string[] {
  return fs
    .readFileSync(path.join(DATA, file), 'latin1')
    .split('\n')
    .map((l) => l.replace(/\r$/, '').trimEnd())
    .filter((l) => l.startsWith(prefix));
}

/** Whole messages only (a multi-part message is never cut at the corpus edge), repeated to `n` sentences. */
function corpus(lines: string[], n: number): string[] {
  const out: string[] = [];
  while (out.length < n) for (const l of lines) out.push(l);
  let end = n;
  while (end < out.length && !/^!AIVDM,(\d),\1,/.test(out[end - 1]!) && /^!AIVDM,\d,\d/.test(out[end - 1]!)) end++;
  return out.slice(0, end);
}

interface Timing {
  ms: number;
  messages: number;
}

/**
 * CPU time of this thread, best of `rounds` after one warm-up, so JIT tiers,
 * GC and other processes sharing the cores do not decide.
 */
function best(rounds: number, once: () => number): Timing {
  once();
  let bestMs = Infinity;
  let messages = 0;
  for (let i = 0; i < rounds; i++) {
    const c0 = process.cpuUsage();
    messages = once();
    const c = process.cpuUsage(c0);
    bestMs = Math.min(bestMs, (c.user + c.system) / 1000);
  }
  return { ms: bestMs, messages };
}

/**
 * The byte path on the log as it lies on disk (the file gpsdecode reads):
 * finding each line end is part of the timed work, as it is for gpsdecode.
 */
function gangwayBytes(log: Uint8Array): number {
  const d = createDecoder();
  let n = 0;
  const used = d.pushLog(log, 0, log.length, () => n++);
  if (used !== log.length) throw new Error('the corpus should end with a line feed');
  return n;
}

/** The string path: one already-split line at a time (how `push` is fed by a line reader). */
function gangway(lines: string[]): number {
  const d = createDecoder();
  let n = 0;
  for (let i = 0; i < lines.length; i++) if (d.push(lines[i]!) !== undefined) n++;
  return n;
}

const require = createRequire(import.meta.url);

function ggencoder(lines: string[]): number {
  const { AisDecode } = require('ggencoder') as { AisDecode: new (line: string, session?: Record<string, unknown>) => { valid: boolean } };
  const session: Record<string, unknown> = {}; // ggencoder keeps multi-part state here
  let n = 0;
  for (let i = 0; i < lines.length; i++) if (new AisDecode(lines[i]!, session).valid) n++;
  return n;
}

/** ais-stream-decoder is a Transform stream; `silent` keeps a bad line from destroying it. */
async function aisStreamDecoder(lines: string[]): Promise<Timing> {
  const mod = require('ais-stream-decoder') as { default: new (o: { silent: boolean }) => NodeJS.ReadWriteStream };
  const d = new mod.default({ silent: true });
  let messages = 0;
  d.on('data', () => messages++);
  const done = new Promise((resolve) => d.on('end', resolve));
  const c0 = process.cpuUsage();
  for (let i = 0; i < lines.length; i++) d.write(lines[i]!);
  d.end();
  await done;
  const c = process.cpuUsage(c0);
  return { ms: (c.user + c.system) / 1000, messages };
}

/** gpsdecode's CPU time (user + system, from GNU time when installed, else wall clock). */
function gpsdecode(file: string, out: string): Timing | null {
  if (!fs.existsSync(GPSDECODE)) return null;
  const input = fs.openSync(file, 'r');
  const output = fs.openSync(out, 'w');
  const timed = fs.existsSync('/usr/bin/time');
  const t0 = performance.now();
  const r = timed
    ? spawnSync('/usr/bin/time', ['-f', '%U %S', GPSDECODE, '-j'], { stdio: [input, output, 'pipe'], encoding: 'latin1' })
    : spawnSync(GPSDECODE, ['-j'], { stdio: [input, output, 'ignore'] });
  const wall = performance.now() - t0;
  fs.closeSync(input);
  fs.closeSync(output);
  const cpu = timed ? String(r.stderr).trim().split('\n').pop()!.split(' ').map(Number) : [];
  const ms = cpu.length === 2 && cpu.every(Number.isFinite) ? (cpu[0]! + cpu[1]!) * 1000 : wall;
  const messages = fs.readFileSync(out, 'latin1').split('\n').filter((l) => l.startsWith('{')).length;
  return { ms, messages };
}

/** Goal for whole processes, start-up and JSON output included: `gangway decode FILE` ≥ 3× `gpsdecode -j < FILE`. */
const GOAL_WHOLE_VS_GPSDECODE = 3;
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Wall time of one command with stdout to /dev/null and stdin from `input`. */
function wallOnce(cmd: string, args: string[], input: string): number {
  const fd = fs.openSync(input, 'r');
  const t0 = performance.now();
  const r = spawnSync(cmd, args, { cwd: root, stdio: [fd, 'ignore', 'pipe'] });
  const ms = performance.now() - t0;
  fs.closeSync(fd);
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}: ${String(r.stderr).slice(0, 300)}`);
  return ms;
}

/**
 * What a person waits for: `gangway decode FILE > /dev/null` against `gpsdecode -j
 * < FILE > /dev/null`, as whole processes (start-up, reading, JSON printing), with
 * the entry point main has (bin/gangway.js), best of 3, interleaved so the load of
 * others on the machine falls on both alike.
 */
function wholeProcess(file: string): { gangwayMs: number; gpsdecodeMs: number } | null {
  if (!fs.existsSync(GPSDECODE)) return null;
  let gangwayMs = Infinity;
  let gpsdecodeMs = Infinity;
  for (let i = 0; i < 3; i++) {
    gangwayMs = Math.min(gangwayMs, wallOnce(process.execPath, [path.join(root, 'bin', 'gangway.js'), 'decode', file], file));
    gpsdecodeMs = Math.min(gpsdecodeMs, wallOnce(GPSDECODE, ['-j'], file));
  }
  return { gangwayMs, gpsdecodeMs };
}

const rate = (n: number, t: Timing) => n / (t.ms / 1000);
const fmt = (x: number) => Math.round(x).toLocaleString('en');

export async function run(): Promise<BenchResult> {
  const ais = [...realLines('ais/gpsd-sample.aivdm', '!AIVD'), ...realLines('nmea/ais-nmea.log', '!AIVD')];
  const lines = corpus(ais, SENTENCES);
  const gnss = corpus(
    ['nmea/ais-nmea.log', 'nmea/ublox-neo-m9n.log', 'nmea/quectel-l76k.log'].flatMap((f) => realLines(f, '$')),
    SENTENCES,
  );
  const n = lines.length;

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gangway-bench-ais-'));
  let gpsd: Timing | null = null;
  let whole: ReturnType<typeof wholeProcess> = null;
  let log: Uint8Array;
  try {
    const file = path.join(dir, 'corpus.aivdm');
    fs.writeFileSync(file, lines.join('\n') + '\n');
    // Gangway's byte path decodes the very file gpsdecode reads (as a plain Uint8Array view of it).
    const raw = fs.readFileSync(file);
    log = new Uint8Array(raw.buffer, raw.byteOffset, raw.length);
    gpsd = gpsdecode(file, path.join(dir, 'out.json'));
    whole = wholeProcess(file);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const ours = best(3, () => gangwayBytes(log));
  const oursText = best(3, () => gangway(lines));
  if (ours.messages !== oursText.messages) throw new Error(`byte path decoded ${ours.messages} messages, string path ${oursText.messages}`);
  const oursGnss = best(3, () => gangway(gnss));
  const gg = best(1, () => ggencoder(lines));
  const asd = await aisStreamDecoder(lines);

  const oursRate = rate(n, ours);
  const vsGg = oursRate / rate(n, gg);
  const vsAsd = oursRate / rate(n, asd);
  const vsGpsd = gpsd ? oursRate / rate(n, gpsd) : NaN;
  const pass = (ok: boolean) => (ok ? 'PASS' : 'FAIL');
  const okRate = oursRate >= GOAL_PER_S;
  const okGg = vsGg >= GOAL_VS_GGENCODER;
  const okGpsd = gpsd === null || vsGpsd >= GOAL_VS_GPSDECODE;
  const vsWhole = whole ? whole.gpsdecodeMs / whole.gangwayMs : NaN;
  const okWhole = whole === null || vsWhole >= GOAL_WHOLE_VS_GPSDECODE;
  return {
    name: 'ais',
    ok: okRate && okGg && okGpsd && okWhole,
    lines: [
      `corpus: ${fmt(n)} AIVDM sentences (${ais.length} real lines repeated); CPU time on one core, Gangway best of 3; the ratios use Gangway's byte path`,
      `gangway            ${fmt(oursRate).padStart(11)} sentences/s  (${fmt(ours.messages)} messages, ${ours.ms.toFixed(0)} ms; pushLog over the log file's bytes, line splitting included)  goal ≥ ${fmt(GOAL_PER_S)} ${pass(okRate)}`,
      `gangway (strings)  ${fmt(rate(n, oursText)).padStart(11)} sentences/s  (${fmt(oursText.messages)} messages, ${oursText.ms.toFixed(0)} ms; push over pre-split lines)`,
      `ggencoder          ${fmt(rate(n, gg)).padStart(11)} sentences/s  (${fmt(gg.messages)} valid)   gangway is ${vsGg.toFixed(1)}× (goal ≥ ${GOAL_VS_GGENCODER}×) ${pass(okGg)}`,
      `ais-stream-decoder ${fmt(rate(n, asd)).padStart(11)} sentences/s  (${fmt(asd.messages)} messages)  gangway is ${vsAsd.toFixed(1)}×`,
      gpsd
        ? `gpsdecode -j       ${fmt(rate(n, gpsd)).padStart(11)} sentences/s  (${fmt(gpsd.messages)} messages, subprocess incl. JSON output)  gangway is ${vsGpsd.toFixed(1)}× (goal ≥ ${GOAL_VS_GPSDECODE}×) ${pass(okGpsd)}`
        : 'gpsdecode          not installed (Debian gpsd-clients): skipped',
      whole
        ? `whole process      gangway decode FILE > /dev/null ${(whole.gangwayMs / 1000).toFixed(2)} s, gpsdecode -j < FILE > /dev/null ${(whole.gpsdecodeMs / 1000).toFixed(2)} s (wall, best of 3, start-up included): gangway is ${vsWhole.toFixed(2)}× (goal ≥ ${GOAL_WHOLE_VS_GPSDECODE}×) ${pass(okWhole)}`
        : 'whole process      gpsdecode not installed: skipped',
      `gangway on GNSS    ${fmt(rate(gnss.length, oursGnss)).padStart(11)} sentences/s  (${fmt(gnss.length)} real GNSS sentences, ${fmt(oursGnss.messages)} fixes)`,
    ],
    metrics: {
      sentencesPerS: oursRate,
      stringSentencesPerS: rate(n, oursText),
      gnssSentencesPerS: rate(gnss.length, oursGnss),
      ggencoderPerS: rate(n, gg),
      aisStreamDecoderPerS: rate(n, asd),
      gpsdecodePerS: gpsd ? rate(n, gpsd) : NaN,
      vsGgencoder: vsGg,
      vsAisStreamDecoder: vsAsd,
      vsGpsdecode: vsGpsd,
      wholeProcessVsGpsdecode: vsWhole,
    },
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const r = await run();
  for (const l of r.lines) console.log(l);
  process.exitCode = r.ok ? 0 : 1;
}
