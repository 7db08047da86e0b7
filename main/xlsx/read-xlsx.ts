import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { GangwayError } from '../../shared/errors';
import { DEFAULT_LIMITS, limitError, type XlsxLimits } from './limits';
import type { WorkerReply } from './worker';
import type { SheetChoice, XlsxWorkbook } from './workbook';

/**
 * The one way Gangway reads an .xlsx file (XLSForms, wage files, crew lists):
 * streamed, under caps on inflated bytes, rows and cells, in a worker thread
 * with its own heap limit and a time limit, so a hostile or broken workbook
 * ends the worker with a sentence, never the app.
 */

export interface ReadXlsxOptions {
  sheets?: SheetChoice;
  limits?: Partial<XlsxLimits>;
}

/** Bundles (Electron, a built CLI) must emit main/xlsx/worker.ts under this name beside themselves. */
export const BUNDLED_WORKER_NAMES = ['xlsx-worker.cjs', 'xlsx-worker.mjs', 'xlsx-worker.js'];

function startWorker(workerData: unknown, limits: XlsxLimits): Worker {
  const resourceLimits = { maxOldGenerationSizeMb: limits.memoryMb, maxYoungGenerationSizeMb: 32, stackSizeMb: 4 };
  const here = import.meta.url;
  if (here.endsWith('.ts')) {
    // Running from source (tsx, vitest): the worker registers tsx before loading its TypeScript entry.
    const tsx = import.meta.resolve('tsx/esm/api');
    const entry = new URL('./worker.ts', here).href;
    const code = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); });`;
    return new Worker(code, { eval: true, workerData, resourceLimits });
  }
  const dir = new URL('.', here);
  const name = BUNDLED_WORKER_NAMES.find((n) => fs.existsSync(fileURLToPath(new URL(n, dir))));
  if (!name) throw new GangwayError('INTERNAL', `This build of Gangway lacks its spreadsheet reader (${BUNDLED_WORKER_NAMES[0]} beside ${fileURLToPath(here)}); reinstall Gangway.`);
  return new Worker(new URL(name, dir), { workerData, resourceLimits });
}

export function readXlsx(bytes: Uint8Array, options: ReadXlsxOptions = {}): Promise<XlsxWorkbook> {
  const limits: XlsxLimits = { ...DEFAULT_LIMITS, ...options.limits };
  const choice = options.sheets ?? { first: true };
  if (bytes.byteLength > limits.fileBytes) return Promise.reject(limitError('fileBytes', limits));
  return new Promise((resolve, reject) => {
    const worker = startWorker({ bytes, choice, limits }, limits);
    let settled = false;
    const settle = (f: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      f();
    };
    const timer = setTimeout(() => settle(() => reject(limitError('timeMs', limits))), limits.timeMs);
    worker.on('message', (reply: WorkerReply) =>
      settle(() => {
        if (reply.ok) resolve(reply.workbook);
        else if (reply.limit) reject(limitError(reply.limit as keyof XlsxLimits, limits));
        else reject(unreadable(reply.message));
      }),
    );
    worker.on('error', (e: Error & { code?: string }) => settle(() => reject(e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? limitError('memoryMb', limits) : unreadable(e.message))));
    worker.on('exit', (code) => settle(() => reject(new GangwayError('INTERNAL', `The spreadsheet reader stopped (exit code ${code}) before it answered; try the import again.`))));
  });
}

function unreadable(reason: string): GangwayError {
  return new GangwayError('IMPORT', `This is not a readable .xlsx workbook (${reason}). Save it again from Excel or LibreOffice as .xlsx and import it again.`, [{ path: 'xlsx', message: reason }]);
}
