import { spawn } from 'node:child_process';
import path from 'node:path';
import { checkoutDir } from '../../data-dir';
import { hubUsage } from '../../../shared/sync/hubUsage';
import type { Command } from '../command';

/**
 * `gangway hub`: the port hub is its own program (hub/ may use main/, not the
 * other way round), so this command runs bin/hub.js (hub/main.ts, built) in a child process with
 * the same arguments and terminal, and passes on its exit code and signals.
 */
export const hubCommand: Command = {
  usage: hubUsage,
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
