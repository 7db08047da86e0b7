/**
 * `gangway --help` start-up time (issue 11): the built CLI (bin/gangway.js and
 * dist-cli/) against `node -e 0`, the floor any Node program starts from, timed
 * as whole commands as a person runs them. Goal: under 0.3 s on this machine.
 *
 * Run alone: `npm run bench -- cli`.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCli, isBuildFresh } from '../tools/build-cli.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const RUNS = 15;
const GOAL_MS = 300;

function timeOnce(args: string[]): number {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return ms;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

export async function run() {
  // The first run after a change builds dist-cli/; that is not what a person waits for each time.
  if (!isBuildFresh()) await buildCli();
  const help: number[] = [];
  const bare: number[] = [];
  // Interleaved, so load from other work on the machine falls on both alike.
  for (let i = 0; i < RUNS; i++) {
    help.push(timeOnce([path.join(root, 'bin', 'gangway.js'), '--help']));
    bare.push(timeOnce(['-e', '0']));
  }
  const ours = median(help);
  const floor = median(bare);
  const ok = ours < GOAL_MS;
  return {
    name: 'cli',
    ok,
    lines: [
      `gangway --help  ${ours.toFixed(0)} ms (median of ${RUNS})  ${ok ? 'PASS' : 'FAIL'} goal < ${GOAL_MS} ms`,
      `node -e 0       ${floor.toFixed(0)} ms (median of ${RUNS})`,
      `ratio           ${(ours / floor).toFixed(2)}× node -e 0`,
    ],
    metrics: { helpMs: ours, nodeMs: floor },
  };
}
