import os from 'node:os';
import type { Handlers } from '../types';
import type { CoreContext } from '../context';
import type { SyncClient } from '../../sync/client';
import { enrolDevice } from '../../sync/device';
import { isKnownDoc, resetDoc } from '../../sync/docStore';
import { auditExists } from '../../store/repos/audits';
import { setAuditSharing } from '../../sync/mirror';
import { GangwayError } from '../../../shared/errors';

function clientFor(ctx: CoreContext): SyncClient {
  if (!ctx.sync) throw new GangwayError('INTERNAL', 'Sync is not running in this Gangway process. Restart Gangway.');
  return ctx.sync;
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
