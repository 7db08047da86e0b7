import { Server } from '@hocuspocus/server';
import { guardRequests } from '../main/server/guard';
import { CLOSE_REFUSED } from '../shared/sync';
import { HubHttp } from './http';
import { HubExtension } from './persistence';
import { HubStore } from './store';
import { Witness } from './witness';
import { TsaClient } from '../main/evidence-log/timestamp';

/** How soon a revocation made from the command line closes a device's open connections. */
export const REVOCATION_POLL_MS = 2000;

export interface HubOptions {
  dataDir: string;
  port?: number;
  host?: string;
  log?: (line: string) => void;
  /** An RFC 3161 time-stamping authority's URL: witnessed checkpoints are timestamped there. */
  tsaUrl?: string;
}

export interface RunningHub {
  url: string;
  httpUrl: string;
  port: number;
  store: HubStore;
  server: Server;
  /** Closes this device's open documents at once (after revocation). */
  disconnectDevice(deviceId: string): number;
  close(): Promise<void>;
}

/**
 * Starts a port hub: a Hocuspocus server whose persistence and guard are our
 * extensions, with its SQLite file in `dataDir`.
 */
export async function startHub(options: HubOptions): Promise<RunningHub> {
  const log = options.log ?? (() => {});
  const store = new HubStore(options.dataDir);
  for (const w of store.store.warnings) log(w);
  const witness = new Witness(store, { log, ...(options.tsaUrl ? { tsa: new TsaClient(options.tsaUrl) } : {}) });
  const http = new HubHttp(store, options.dataDir, log, witness);
  const server = new Server({
    name: 'gangway-hub',
    port: options.port ?? 1234,
    address: options.host ?? '0.0.0.0',
    quiet: true,
    stopOnSignals: false,
    // Snapshots are a cache (the log is the truth), so they may lag a few seconds.
    debounce: 2000,
    maxDebounce: 10_000,
    extensions: [new HubExtension(store, log), http],
  });
  // After Hocuspocus attached its listeners: no device-port request can end the hub.
  guardRequests(server.httpServer, log);
  await server.listen();
  // Revocation is written by another process (gangway hub revoke); look for it
  // every few seconds so an idle open connection is closed too, not only the next message.
  let revokedSeen = new Date().toISOString();
  const revocationWatch = setInterval(() => {
    const rows = store.db.prepare('SELECT id, revoked_at AS at FROM devices WHERE revoked_at > ?').all(revokedSeen) as { id: string; at: string }[];
    for (const r of rows) {
      revokedSeen = r.at > revokedSeen ? r.at : revokedSeen;
      const closed = disconnect(r.id);
      if (closed) log(`closed ${closed} open document(s) of revoked device ${r.id}`);
    }
  }, REVOCATION_POLL_MS);
  revocationWatch.unref();
  const port = server.address.port;
  const host = options.host && options.host !== '0.0.0.0' ? options.host : '127.0.0.1';
  return {
    url: `ws://${host}:${port}`,
    httpUrl: `http://${host}:${port}`,
    port,
    store,
    server,
    disconnectDevice: (deviceId) => disconnect(deviceId),
    async close() {
      clearInterval(revocationWatch);
      await server.destroy();
      store.close();
    },
  };

  function disconnect(deviceId: string): number {
    let closed = 0;
    for (const document of server.hocuspocus.documents.values()) {
      for (const conn of document.getConnections()) {
        const ctx = conn.context as { device?: { id: string } } | undefined;
        if (ctx?.device?.id === deviceId) {
          conn.close({ code: 4401, reason: `${CLOSE_REFUSED}This device was revoked.` });
          closed++;
        }
      }
    }
    return closed;
  }
}
