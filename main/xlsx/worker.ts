import { parentPort, workerData } from 'node:worker_threads';
import { isGangwayError } from '../../shared/errors';
import type { XlsxLimits } from './limits';
import { readXlsxInThread } from './read-in-thread';
import type { SheetChoice } from './workbook';

/** The reading worker: one workbook in, its cells or the reason out. */
export type WorkerReply = { ok: true; workbook: Awaited<ReturnType<typeof readXlsxInThread>> } | { ok: false; limit?: string; message: string };

const { bytes, choice, limits } = workerData as { bytes: Uint8Array; choice: SheetChoice; limits: XlsxLimits };
readXlsxInThread(bytes, choice, limits).then(
  (workbook) => parentPort!.postMessage({ ok: true, workbook } satisfies WorkerReply),
  (e: unknown) => {
    const limit = isGangwayError(e) ? e.issues?.find((i) => i.path === 'limit')?.message : undefined;
    parentPort!.postMessage({ ok: false, limit, message: e instanceof Error ? e.message : String(e) } satisfies WorkerReply);
  },
);
