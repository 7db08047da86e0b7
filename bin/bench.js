#!/usr/bin/env node
// `npm run bench`: runs bench/index.ts through tsx, as bin/gangway.js runs the CLI.
// Optional arguments name the benchmarks to run (e.g. `npm run bench -- ais`).
import { register } from 'tsx/esm/api';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';

register();
const here = path.dirname(fileURLToPath(import.meta.url));
await import(pathToFileURL(path.join(here, '..', 'bench', 'index.ts')).href);
