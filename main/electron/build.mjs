// Bundles the Electron main process and preload to CommonJS (a sandboxed
// preload must be one CJS file). Packages stay external: electron-builder
// ships node_modules, with native modules unpacked from the asar.
import { build } from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node24',
  sourcemap: true,
  packages: 'external',
  logLevel: 'info',
  define: { 'import.meta.url': 'importMetaUrl', 'import.meta.dirname': '__dirname' },
  banner: { js: "const importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
};

await build({ ...common, entryPoints: [path.join(root, 'main/electron/main.ts')], outfile: path.join(root, 'dist-electron/main.cjs') });
await build({ ...common, entryPoints: [path.join(root, 'main/electron/preload.ts')], outfile: path.join(root, 'dist-electron/preload.cjs') });
// The capped XLSX reader runs in a worker thread; main/xlsx/read-xlsx.ts looks for it beside the bundle.
await build({ ...common, entryPoints: [path.join(root, 'main/xlsx/worker.ts')], outfile: path.join(root, 'dist-electron/xlsx-worker.cjs') });
