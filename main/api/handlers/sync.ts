import os from 'node:os';
import type { Handlers } from '../types';
import type { CoreContext } from '../context';
import type { Db } from '../../store/database';
import { SyncClient } from '../../sync/client';
import { enrolDevice, getEnrolment } from '../../sync/device';
import { isKnownDoc, resetDoc } from '../../sync/docStore';
import { auditExists } from '../../store/repos/audits';
import { setAuditSharing } from '../../sync/mirror';
import { GangwayError } from '../../../shared/errors';

/** One sync client per open store; its status changes reach every UI as progress events. */
const clients = new WeakMap<Db, SyncClient>();

function clientFor(ctx: CoreContext): SyncClient {
  let client = clients.get(ctx.store.db);
  if (!client) {
    client = new SyncClient({
      db: ctx.store.db,
      dataDir: ctx.store.dataDir,
      onStatus: (s) =>
        ctx.emit('progress', {
          task: 'sync',
          label: s.lastError ?? `sync: ${s.connection}`,
          done: s.progress.done,
          total: s.progress.total,
          finished: s.connection === 'idle' || s.connection === 'offline' || s.connection === 'backing-off',
          ...(s.lastError ? { error: s.lastError } : {}),
        }),
    });
    clients.set(ctx.store.db, client);
  }
  return client;
}

/**
 * For the shells at start-up: an enrolled device syncs in the background
 * without anyone pressing a button. Returns a stop function for shutdown.
 */
export function startSyncIfEnrolled(ctx: CoreContext): () => Promise<void> {
  const enrolled = getEnrolment(ctx.store.db) !== null;
  const client = clientFor(ctx);
  if (enrolled) client.start();
  return () => client.stop();
}

export const syncHandlers: Handlers<'sync.status' | 'sync.enrol' | 'sync.start' | 'sync.stop' | 'sync.now' | 'sync.resetDocument' | 'sync.setSharing'> = {
  'sync.status': (_input, ctx) => clientFor(ctx).status(),
  'sync.enrol': async (input, ctx) => {
    const client = clientFor(ctx);
    await client.stop();
    await enrolDevice(ctx.store.db, input.hub, input.code, input.deviceName || os.hostname());
    client.start();
    return client.status();
  },
  'sync.start': (_input, ctx) => {
    const client = clientFor(ctx);
    client.start();
    return client.status();
  },
  'sync.stop': async (_input, ctx) => {
    const client = clientFor(ctx);
    await client.stop();
    return client.status();
  },
  'sync.now': (_input, ctx) => clientFor(ctx).syncNow(),
  'sync.resetDocument': (input, ctx) => {
    if (!isKnownDoc(ctx.store.db, input.name)) throw new GangwayError('NOT_FOUND', `This device has no shared document "${input.name}".`);
    resetDoc(ctx.store.db, input.name);
    return clientFor(ctx).status();
  },
  'sync.setSharing': (input, ctx) => {
    if (!auditExists(ctx.store.db, input.auditId)) throw new GangwayError('NOT_FOUND', 'That audit does not exist on this device.');
    setAuditSharing(ctx.store.db, input.auditId, { sharedWith: input.sharedWith, ...(input.confidentiality ? { confidentiality: input.confidentiality } : {}) });
    return { auditId: input.auditId };
  },
};
