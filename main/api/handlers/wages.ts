import { BUILTIN_PROFILES } from '../../../shared/wages/profiles';
import { applyWageImport, previewWageImport } from '../../wages/import';
import { reconcileVessel } from '../../wages/reconcile-vessel';
import * as repo from '../../wages/repository';
import { inTransaction } from '../../store/database';
import { afterwards, publishVesselSummaries } from '../../impact/publish';
import type { Handlers } from '../types';

type WageMethod =
  | 'wages.preview'
  | 'wages.import'
  | 'wages.imports'
  | 'wages.reconcile'
  | 'wages.transactions'
  | 'wages.floor.list'
  | 'wages.floor.set'
  | 'wages.profiles.list'
  | 'wages.profiles.save';

const bytesOf = (base64: string) => new Uint8Array(Buffer.from(base64, 'base64'));

export const wageHandlers: Handlers<WageMethod> = {
  'wages.preview': ({ data, ...request }, ctx) => previewWageImport(ctx.store, request, bytesOf(data)),
  'wages.import': async ({ data, ...request }, ctx) => {
    const task = `import:wages:${request.filename ?? request.kind}`;
    const label = `Importing ${request.filename ?? request.kind}`;
    try {
      const result = await applyWageImport(ctx.store, request, bytesOf(data), (done, total) =>
        ctx.emit('progress', { task, label, done, total, finished: done === total && total > 0 }),
      );
      // The vessel's audits answer for these wage months: their published summaries change.
      afterwards(() => publishVesselSummaries(ctx.store, request.vesselId));
      return result;
    } catch (e) {
      ctx.emit('progress', { task, label, done: 0, finished: true, error: (e as Error).message });
      throw e;
    }
  },
  'wages.imports': ({ vesselId }, ctx) => repo.listImports(ctx.store.db, vesselId),
  'wages.reconcile': ({ vesselId, settings, atSea }, ctx) => reconcileVessel(ctx.store, vesselId, { settings, atSea }),
  'wages.transactions': ({ vesselId, identities }, ctx) => repo.getTransactions(ctx.store.db, vesselId, identities),
  'wages.floor.list': (_input, ctx) => repo.listFloor(ctx.store.db),
  'wages.floor.set': (entry, ctx) => {
    inTransaction(ctx.store.db, () => repo.upsertFloor(ctx.store.db, entry));
    return repo.listFloor(ctx.store.db);
  },
  'wages.profiles.list': (_input, ctx) => [...repo.listProfiles(ctx.store.db), ...BUILTIN_PROFILES],
  'wages.profiles.save': (profile, ctx) => {
    inTransaction(ctx.store.db, () => repo.saveProfile(ctx.store.db, profile));
    return [...repo.listProfiles(ctx.store.db), ...BUILTIN_PROFILES];
  },
};
