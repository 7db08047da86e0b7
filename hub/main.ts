// The hub's process: `gangway hub …` starts it (through bin/hub.js and its build in dist-cli/),
// so the hub's exit codes and signals are its own.
import { runHubCli } from './cli';

const io = { out: (t: string) => process.stdout.write(t.endsWith('\n') ? t : t + '\n'), err: (t: string) => process.stderr.write(t.endsWith('\n') ? t : t + '\n') };
runHubCli(process.argv.slice(2), io).then(
  (code) => process.exit(code),
  (e: unknown) => {
    const err = e as { name?: string; message?: string; code?: string };
    io.err(`gangway hub: ${err.message ?? String(e)}`);
    process.exit(err.name === 'GangwayError' ? 1 : err.code?.startsWith('ERR_PARSE_ARGS') ? 2 : 70);
  },
);
