/** One `gangway <name>` command (its name and summary are in commands/index.ts). `run` returns the process exit code. */
export interface Command {
  /** Full usage text for `gangway <name> --help`. */
  usage: string;
  run(args: string[], io: CliIo): Promise<number>;
}

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  stdin: NodeJS.ReadableStream;
}

export const processIo: CliIo = {
  out: (t) => process.stdout.write(t.endsWith('\n') ? t : t + '\n'),
  err: (t) => process.stderr.write(t.endsWith('\n') ? t : t + '\n'),
  stdin: process.stdin,
};
