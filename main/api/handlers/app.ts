import { readVersion } from '../../app-version';
import type { Handlers } from '../types';

export const appHandlers: Handlers<'app.info'> = {
  'app.info': (_input, ctx) => ({
    version: readVersion(),
    dataDir: ctx.store.dataDir,
    schemaVersion: ctx.store.schemaVersion,
    shell: ctx.shell,
  }),
};
