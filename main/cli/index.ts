import { parseArgs } from 'node:util';
import { processIo, type CliIo } from './command';
import { COMMANDS } from './commands';

function help(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length), 4);
  return [
    'Usage: gangway <command> [options]',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Run `gangway <command> --help` for a command\'s options.',
  ].join('\n');
}

export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(help());
    return name ? 0 : 1;
  }
  if (name === '--version') {
    const { readVersion } = await import('../app-version');
    io.out(readVersion());
    return 0;
  }
  const entry = COMMANDS.find((c) => c.name === name);
  if (!entry) {
    const near = COMMANDS.filter((c) => c.name.startsWith(name[0] ?? '')).map((c) => c.name);
    io.err(`gangway: unknown command "${name}".${near.length ? ` Did you mean ${near.join(' or ')}?` : ''}\n\n${help()}`);
    return 2;
  }
  const command = await entry.load();
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(command.usage);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (e) {
    // Loaded here, not at the top: shared/errors pulls in zod, which `gangway --help` need not wait for.
    const { isGangwayError } = await import('../../shared/errors');
    if (isGangwayError(e)) {
      io.err(`gangway ${name}: ${e.message}`);
      for (const issue of e.issues ?? []) io.err(`  ${issue.path}: ${issue.message}`);
      return 1;
    }
    if (e instanceof TypeError && (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.err(`gangway ${name}: ${e.message}\n\n${command.usage}`);
      return 2;
    }
    throw e;
  }
}

export { parseArgs };
