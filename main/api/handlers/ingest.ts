import { listSerialPorts } from '../../../native/serial/ports';
import { ingestFor } from '../../ingest/registry';
import { aisStatic } from '../../store/repos/marine-queries';
import { listSessions } from '../../store/repos/marine-sessions';
import type { Handlers } from '../types';

type IngestMethod = 'ingest.ports' | 'ingest.sources' | 'ingest.open' | 'ingest.close' | 'ingest.status' | 'ingest.nearby' | 'ingest.vesselData' | 'ingest.sessions' | 'ingest.importFile';

/** Progress events at most this often: a bar that moves 10 times a second looks smooth and costs nothing. */
const PROGRESS_EVERY_MS = 100;

export const ingestHandlers: Handlers<IngestMethod> = {
  'ingest.ports': () => listSerialPorts(),
  'ingest.sources': (_input, ctx) => ingestFor(ctx).sources(),
  'ingest.open': (spec, ctx) => ingestFor(ctx).open(spec),
  'ingest.close': ({ id }, ctx) => ingestFor(ctx).close(id),
  'ingest.status': (_input, ctx) => ingestFor(ctx).status(),
  'ingest.nearby': ({ sinceMinutes, limit }, ctx) => ingestFor(ctx).nearby(sinceMinutes, limit),
  'ingest.vesselData': ({ mmsi, limit, unregisteredOnly }, ctx) => {
    ingestFor(ctx).batcher.flush();
    return aisStatic(ctx.store.db, mmsi, limit, unregisteredOnly);
  },
  'ingest.sessions': ({ limit }, ctx) => {
    ingestFor(ctx).batcher.flush();
    return listSessions(ctx.store.db, limit);
  },
  'ingest.importFile': async ({ path }, ctx) => {
    const task = `import:${path}`;
    const label = path.split(/[\\/]/).pop() ?? path;
    let last = 0;
    try {
      const result = await ingestFor(ctx).importFile(path, (p) => {
        const now = Date.now();
        if (now - last < PROGRESS_EVERY_MS) return;
        last = now;
        ctx.emit('progress', { task, label, done: p.bytesRead, total: p.totalBytes, finished: false });
      });
      ctx.emit('progress', { task, label, done: 1, total: 1, finished: true });
      return result;
    } catch (e) {
      ctx.emit('progress', { task, label, done: 0, finished: true, error: (e as Error).message });
      throw e;
    }
  },
};
