import path from 'node:path';
import { createCore } from '../main/core';
import { rendererDistDir } from '../main/data-dir';
import { startServer, type RunningServer } from '../main/server/server';
import { mkdirPrivate } from '../main/store/private-files';
import { enrolDevice, getEnrolment } from '../main/sync/device';
import { createEnrolmentCode } from './enrolment';
import type { HubStore } from './store';

/**
 * The port office's browser UI, served by the hub process through the same
 * API as `gangway serve`. It is a Gangway device like any laptop: its own
 * store, enrolled with this hub as the port authority, so it sees exactly what
 * that role may see (the registry to write, audits shared with it to read)
 * and the hub enforces the rest.
 */
export interface OfficeOptions {
  hubStore: HubStore;
  hubDataDir: string;
  hubPort: number;
  host: string;
  port: number;
  agency: string;
  log: (line: string) => void;
}

export interface RunningOffice {
  server: RunningServer;
  close(): Promise<void>;
}

export async function startOffice(options: OfficeOptions): Promise<RunningOffice> {
  const dataDir = path.join(options.hubDataDir, 'office');
  mkdirPrivate(dataDir);
  const core = createCore({ dataDir, shell: 'hub', log: { error: (m) => options.log(`office: ${m}`) } });
  const ctx = core.context();
  if (!ctx) throw core.storeError!;
  const hubUrl = `ws://127.0.0.1:${options.hubPort}`;
  if (!getEnrolment(ctx.store.db)) {
    const code = createEnrolmentCode(options.hubStore, { role: 'port_authority', agency: options.agency, userName: 'port office (browser)' }, hubUrl);
    await enrolDevice(ctx.store.db, hubUrl, code.code, 'port office');
    options.log(`office: enrolled with this hub as ${options.agency} (port authority)`);
  }
  ctx.sync!.start();
  const server = await startServer({ core, staticDir: rendererDistDir(), host: options.host, port: options.port, log: (l) => options.log(`office: ${l}`) });
  return {
    server,
    async close() {
      await server.close();
      await core.shutdown();
    },
  };
}
