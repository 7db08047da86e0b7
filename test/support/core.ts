import { createCore, type Core } from '../../main/core';
import type { Handlers } from '../../main/api/types';
import { createClient, type ApiClient } from '../../shared/api/client';
import { tempDir } from './tmp';

/** A core on a fresh data folder with a typed client, as a renderer would hold it. */
export function testCore(handlers?: Partial<Handlers>): { core: Core; api: ApiClient; dataDir: string; events: [string, unknown][] } {
  const dataDir = tempDir('gangway-core-');
  const core = createCore({ dataDir, shell: 'test', ...(handlers ? { handlers } : {}) });
  const events: [string, unknown][] = [];
  core.subscribe((e, p) => events.push([e, p]));
  const api = createClient({ invoke: (m, i) => core.invoke(m, i), subscribe: (l) => core.subscribe(l) });
  return { core, api, dataDir, events };
}
