import { parseArgs } from 'node:util';
import { isGangwayError } from '../../shared/errors';
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
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    const near = COMMANDS.filter((c) => c.name.startsWith(name[0] ?? '')).map((c) => c.name);
    io.err(`gangway: unknown command "${name}".${near.length ? ` Did you mean ${near.join(' or ')}?` : ''}\n\n${help()}`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(command.usage);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (e) {
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
