import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { main } from '../../../main/cli';
import type { CliIo } from '../../../main/cli/command';

function capture(): CliIo & { stdout: () => string; stderr: () => string } {
  let out = '';
  let err = '';
  return { out: (t) => (out += t + '\n'), err: (t) => (err += t + '\n'), stdin: new PassThrough(), stdout: () => out, stderr: () => err };
}

describe('the gangway command', () => {
  it('lists its commands with --help', async () => {
    const io = capture();
    expect(await main(['--help'], io)).toBe(0);
    expect(io.stdout()).toMatch(/Usage: gangway <command>/);
    expect(io.stdout()).toMatch(/\n {2}serve +Serve the Gangway UI/);
  });

  it('names an unknown command, suggests a near one, and exits 2', async () => {
    const io = capture();
    expect(await main(['sreve'], io)).toBe(2);
    expect(io.stderr()).toMatch(/unknown command "sreve"\. Did you mean serve/);
  });

  it('explains a bad option value in a sentence', async () => {
    const io = capture();
    expect(await main(['serve', '--port', 'abc'], io)).toBe(1);
    expect(io.stderr()).toMatch(/--port must be a number from 0 to 65535, not "abc"/);
    const io2 = capture();
    expect(await main(['serve', '--bogus'], io2)).toBe(2);
    expect(io2.stderr()).toMatch(/Unknown option '--bogus'[\s\S]*Usage: gangway serve/);
  });
});
