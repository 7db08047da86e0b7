// Builds the CLI and the hub ahead of time into dist-cli/, so a `gangway` start
// loads plain JavaScript instead of transpiling the tree (tsx is a dev tool).
// Commands are split into chunks that load only when their command runs.
//
// bin/launch.js calls buildCli() on the first run and whenever a file the build
// read is newer than the build (dist-cli/inputs.json lists them), so a fresh
// clone needs nothing but `npm install`, and an edited source is never run stale.
// Every file is written to a temporary name and renamed into place, and chunk
// names carry a content hash, so a process that is running an older build keeps
// finding its chunks while another process rebuilds.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const outDir = path.join(root, 'dist-cli');
export const manifestPath = path.join(outDir, 'inputs.json');

/** The programs in dist-cli/: name -> source. */
export const entries = {
  gangway: 'main/cli/index.ts',
  hub: 'hub/main.ts',
  // main/xlsx/read-xlsx.ts starts it as a worker thread from beside its own chunk
  'xlsx-worker': 'main/xlsx/worker.ts',
};

/** Chunks of an earlier build stay this long for processes still running it. */
const KEEP_OLD_MS = 60 * 60 * 1000;

function writeAtomic(file, contents) {
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, contents);
  fs.renameSync(tmp, file);
}

export async function buildCli() {
  const { build } = await import('esbuild');
  const startedAt = Date.now();
  const result = await build({
    absWorkingDir: root,
    entryPoints: Object.fromEntries(Object.entries(entries).map(([name, src]) => [name, path.join(root, src)])),
    outdir: outDir,
    // Flat: sources find the checkout as `..` of their own file (main/data-dir.ts), which holds in dist-cli/ too.
    entryNames: '[name]',
    chunkNames: '[name]-[hash]',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node24',
    packages: 'external',
    sourcemap: 'linked',
    metafile: true,
    write: false,
    logLevel: 'warning',
  });
  fs.mkdirSync(outDir, { recursive: true });
  const written = new Set();
  for (const file of result.outputFiles) {
    writeAtomic(file.path, file.contents);
    written.add(path.basename(file.path));
  }
  const inputs = Object.keys(result.metafile.inputs).filter((f) => !f.includes('node_modules/'));
  inputs.push(path.relative(root, fileURLToPath(import.meta.url)));
  writeAtomic(manifestPath, JSON.stringify({ builtAt: startedAt, inputs }, null, 1));
  for (const name of fs.readdirSync(outDir)) {
    const file = path.join(outDir, name);
    if (written.has(name) || name === 'inputs.json') continue;
    try {
      if (Date.now() - fs.statSync(file).mtimeMs > KEEP_OLD_MS) fs.rmSync(file, { force: true });
    } catch {
      // another build removed it first
    }
  }
}

/** True when dist-cli/ holds a build at least as new as every file it was built from. */
export function isBuildFresh() {
  let manifest;
  try {
    manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8'));
  } catch {
    return false;
  }
  for (const rel of manifest.inputs) {
    let mtime;
    try {
      mtime = fs.statSync(path.join(root, rel)).mtimeMs;
    } catch {
      return false;
    }
    if (mtime > manifest.builtAt) return false;
  }
  return true;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await buildCli();
