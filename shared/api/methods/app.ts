import { z } from 'zod';
import { method } from '../contract';

export const appMethods = {
  'app.info': method({
    summary: 'Version, data folder and schema version of this Gangway',
    input: z.object({}).default({}),
    output: z.object({
      version: z.string(),
      dataDir: z.string(),
      schemaVersion: z.number().int(),
      shell: z.enum(['electron', 'server', 'hub', 'test']),
    }),
  }),
};
