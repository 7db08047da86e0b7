import type { CoreContext } from '../api/context';
import type { Store } from '../store/database';
import { IngestManager } from './manager';

/** One ingest manager per open store, created on first use by the API handlers. */
const managers = new WeakMap<Store, IngestManager>();

export function ingestFor(ctx: CoreContext): IngestManager {
  let m = managers.get(ctx.store);
  if (!m) {
    m = new IngestManager(ctx.store, ctx.emit);
    managers.set(ctx.store, m);
  }
  return m;
}

/** For shells that quit: closes sources and commits the open batch. */
export async function shutdownIngest(store: Store): Promise<void> {
  const m = managers.get(store);
  if (!m) return;
  managers.delete(store);
  await m.shutdown();
}
