import { spawn } from 'node:child_process';
import path from 'node:path';
import { checkoutDir } from '../../data-dir';
import type { Command } from '../command';

/**
 * `gangway hub`: the port hub is its own program (hub/ may use main/, not the
 * other way round), so this command runs bin/hub.js (hub/main.ts, built) in a child process with
 * the same arguments and terminal, and passes on its exit code and signals.
 */
export const hubCommand: Command = {
  usage: `Usage: gangway hub [--data DIR] [--port N] [--host ADDRESS]
       gangway hub code --role ROLE --agency AGENCY --user NAME [--url ws://HOST:PORT] [--data DIR]
       gangway hub devices | revoke DEVICE_ID | log [--doc NAME]   [--data DIR]

Runs the port hub devices sync with, and manages who may connect to it.
Roles: inspector, union_rep, port_authority. See hub/cli.ts for details.`,
  async run(args) {
    const child = spawn(process.execPath, [path.join(checkoutDir(), 'bin', 'hub.js'), ...args], { stdio: 'inherit', cwd: process.cwd() });
    const forward = (signal: NodeJS.Signals) => () => child.kill(signal);
    const onInt = forward('SIGINT');
    const onTerm = forward('SIGTERM');
    process.on('SIGINT', onInt);
    process.on('SIGTERM', onTerm);
    try {
      return await new Promise<number>((resolve, reject) => {
        child.once('error', reject);
        child.once('exit', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
      });
    } finally {
      process.off('SIGINT', onInt);
      process.off('SIGTERM', onTerm);
    }
  },
};
