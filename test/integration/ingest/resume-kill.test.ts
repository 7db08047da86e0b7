import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import zlib from 'node:zlib';
import Database from 'better-sqlite3';
import { buildSync } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../../main/store/database';
import { tempDir } from '../../support/tmp';
import { DATA } from './helpers';
import { marineTables } from './table-dump';

const root = path.resolve(__dirname, '../../..');
const work = tempDir('gangway-kill-');
const child = path.join(work, 'import-child.cjs');
/** Small commits, so a campaign of a few dozen kills lands between many of them. */
const MAX_ROWS = 400;
const MAX_KILLS = 30;

beforeAll(() => {
  // Bundled once: a plain node process starts in a fraction of tsx's time, so many kills stay cheap.
  buildSync({ entryPoints: [path.join(__dirname, 'import-child.ts')], bundle: true, platform: 'node', format: 'cjs', packages: 'external', outfile: child, logLevel: 'error' });
});
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

/** A real mixed log: the receiver logs and gpsd's AIS sample, one after another, three times (about 1 MB). */
function mixedLog(gzip: boolean): string {
  const parts = ['nmea/ais-nmea.log', 'nmea/quectel-l76k.log', 'ais/gpsd-sample.aivdm', 'nmea/ublox-neo-m9n.log'].map((f) => fs.readFileSync(path.join(DATA, f)));
  const text = Buffer.concat([...parts, ...parts, ...parts]);
  const file = path.join(work, gzip ? 'mixed.log.gz' : 'mixed.log');
  fs.writeFileSync(file, gzip ? zlib.gzipSync(text) : text);
  return file;
}

interface Run {
  done: { ms: number; resumedFrom: number } | null;
  stderr: string;
}

/** One import in a child process; `killAfterMs` sends it SIGKILL that long after it began importing. */
function runImport(dataDir: string, file: string, killAfterMs?: number): Promise<Run> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, [child, dataDir, file, String(MAX_ROWS)], { cwd: root, env: { ...process.env, NODE_PATH: path.join(root, 'node_modules') } });
    let done: Run['done'] = null;
    let stderr = '';
    p.stderr.on('data', (d) => (stderr += String(d)));
    readline.createInterface({ input: p.stdout }).on('line', (l) => {
      if (l === 'GO' && killAfterMs !== undefined) setTimeout(() => p.kill('SIGKILL'), killAfterMs);
      if (l.startsWith('DONE ')) done = JSON.parse(l.slice(5)) as Run['done'];
    });
    p.on('error', reject);
    p.on('exit', () => resolve({ done, stderr }));
  });
}

function committedOffset(dataDir: string): number {
  const db = new Database(path.join(dataDir, 'gangway.sqlite'), { readonly: true });
  try {
    return (db.prepare('SELECT max(committed_offset) AS o FROM ingest_files').get() as { o: number | null }).o ?? 0;
  } finally {
    db.close();
  }
}

/** mulberry32: the campaign's kill times come from a seed printed on failure, so a failing run can be replayed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('a file import killed with SIGKILL at random moments and resumed each time', () => {
  for (const gzip of [false, true]) {
    it(`ends with exactly the tables of one clean import (${gzip ? 'gzip' : 'plain'} log)`, async () => {
      const file = mixedLog(gzip);
      const cleanDir = tempDir('gangway-clean-');
      const killedDir = tempDir('gangway-killed-');
      try {
        const clean = await runImport(cleanDir, file);
        expect(clean.done, clean.stderr).not.toBeNull();
        const seed = Number(process.env.GANGWAY_KILL_SEED ?? Date.now() % 2 ** 31);
        const next = random(seed);
        const offsets = new Set<number>();
        let finished = false;
        for (let kill = 0; kill < MAX_KILLS && !finished; kill++) {
          // Anywhere in the first third of a clean import's duration: each run gets a little further (mid-line,
          // mid-commit, between commits), so one campaign resumes from many places before the file is done.
          const r = await runImport(killedDir, file, Math.floor(next() * clean.done!.ms * 0.35));
          finished = r.done !== null;
          if (!finished && fs.existsSync(path.join(killedDir, 'gangway.sqlite'))) offsets.add(committedOffset(killedDir));
        }
        if (!finished) {
          const last = await runImport(killedDir, file);
          expect(last.done, `seed ${seed}: ${last.stderr}`).not.toBeNull();
        }
        const cleanStore = openStore(cleanDir);
        const killedStore = openStore(killedDir);
        try {
          expect(marineTables(killedStore), `seed ${seed}`).toEqual(marineTables(cleanStore));
        } finally {
          cleanStore.close();
          killedStore.close();
        }
        // The campaign really resumed mid-file, from several places.
        const size = fs.statSync(file).size * (gzip ? 20 : 1);
        expect([...offsets].filter((o) => o > 0 && o < size).length, `seed ${seed}, offsets ${[...offsets].join(' ')}`).toBeGreaterThanOrEqual(3);
      } finally {
        fs.rmSync(cleanDir, { recursive: true, force: true });
        fs.rmSync(killedDir, { recursive: true, force: true });
      }
    }, 240_000);
  }
});
