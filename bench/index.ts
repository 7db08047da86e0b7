/**
 * `npm run bench`: runs every bench/*.ts module that exports `run()`, one after
 * another in this process, and prints what each reports. Exit code 1 when any
 * benchmark misses its goal (benchmarks are never timed assertions in tests).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

interface BenchResult {
  name: string;
  ok: boolean;
  lines: string[];
}

const here = path.dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const files = fs
  .readdirSync(here)
  .filter((f) => f.endsWith('.ts') && f !== 'index.ts')
  .filter((f) => only.length === 0 || only.includes(path.basename(f, '.ts')))
  .sort();

let failed = 0;
for (const file of files) {
  const mod = (await import(pathToFileURL(path.join(here, file)).href)) as { run?: () => Promise<BenchResult> };
  if (typeof mod.run !== 'function') continue;
  console.log(`\n== ${path.basename(file, '.ts')}`);
  try {
    const r = await mod.run();
    for (const line of r.lines) console.log(line);
    if (!r.ok) failed++;
  } catch (e) {
    failed++;
    console.log(`failed: ${e instanceof Error ? e.message : String(e)}`);
  }
}
console.log(failed ? `\n${failed} benchmark(s) missed a goal.` : '\nEvery benchmark met its goals.');
process.exitCode = failed ? 1 : 0;
