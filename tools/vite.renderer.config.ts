import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const here = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'renderer');

// The renderer is built once and loaded by both shells: Electron through the
// gangway:// protocol, browsers from `gangway serve`. Relative asset paths work for both.
export default defineConfig({
  root: here,
  base: './',
  plugins: [react()],
  build: {
    outDir: path.join(here, '..', 'dist', 'renderer'),
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 2000,
  },
});
