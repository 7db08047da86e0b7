import { parseArgs } from 'node:util';
import { GangwayError } from '../../../shared/errors';
import { createCore } from '../../core';
import { defaultDataDir, rendererDistDir } from '../../data-dir';
import { startServer, writeServeInfo } from '../../server/server';
import type { Command } from '../command';

const usage = `Usage: gangway serve [--data DIR] [--port N] [--host ADDRESS]

Serves the Gangway UI and API to a browser on this machine.
  --data DIR      data folder (default: ${defaultDataDir()})
  --port N        port to listen on (default: any free port)
  --host ADDRESS  address to listen on (default: 127.0.0.1, this machine only)

Prints the address to open (it carries a per-launch secret) and writes
{url, port, token} to serve.json in the data folder for scripts.`;

function timestamp(): string {
  return new Date().toISOString();
}

export const serveCommand: Command = {
  usage,
  async run(args, io) {
    const { values } = parseArgs({ args, options: { data: { type: 'string' }, port: { type: 'string' }, host: { type: 'string' } }, strict: true });
    const port = values.port === undefined ? 0 : Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new GangwayError('VALIDATION', `--port must be a number from 0 to 65535, not "${values.port}".`);
    const dataDir = values.data ?? defaultDataDir();
    const log = (line: string) => io.err(`${timestamp()} ${line}`);
    const core = createCore({ dataDir, shell: 'server', syncAtStart: true, log: { error: (m, d) => log(`error: ${m}${d instanceof Error && d.message !== m ? ` (${d.message})` : ''}`) } });
    const server = await startServer({ core, staticDir: rendererDistDir(), host: values.host, port, log });
    if (values.host && !['127.0.0.1', 'localhost', '::1'].includes(values.host)) {
      log(`warning: listening on ${values.host}; anyone who can reach it and has the secret can use this Gangway.`);
    }
    if (!core.storeError) writeServeInfo(dataDir, server);
    io.out(`Gangway is serving ${dataDir}\nOpen ${server.browserUrl}`);
    if (core.storeError) log(`the data could not be opened: ${core.storeError.message} The UI shows this message.`);
    await new Promise<void>((resolve) => {
      const stop = () => resolve();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    await server.close();
    await core.shutdown();
    log('stopped');
    return 0;
  },
};
