import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCli, isBuildFresh, manifestPath } from '../../../tools/build-cli.mjs';
import { REPO } from '../../support/serve';

function gangway(...args: string[]) {
  return spawnSync(process.execPath, [path.join(REPO, 'bin', 'gangway.js'), ...args], { cwd: REPO, encoding: 'utf8' });
}

describe('the built command line', () => {
  it('runs from plain JavaScript in dist-cli/, without tsx', async () => {
    if (!isBuildFresh()) await buildCli();
    const program = fs.readFileSync(path.join(REPO, 'dist-cli', 'gangway.js'), 'utf8');
    expect(program).not.toMatch(/tsx/);
    const r = gangway('--help');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/\n {2}decode +Print the AIS messages/);
  });

  it('is rebuilt when a source changed since the build, so an edit never runs stale', async () => {
    if (!isBuildFresh()) await buildCli();
    const { builtAt } = JSON.parse(fs.readFileSync(manifestPath, 'utf8')) as { builtAt: number };
    const source = path.join(REPO, 'main', 'cli', 'commands', 'index.ts');
    const touched = new Date(builtAt + 1);
    fs.utimesSync(source, touched, touched);
    await new Promise((r) => setTimeout(r, 5));
    expect(isBuildFresh()).toBe(false);
    const r = gangway('decode', '--help');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Usage: gangway decode/);
    expect(isBuildFresh()).toBe(true);
  });

  it('starts the hub from its build too', () => {
    const r = gangway('hub', 'nonsense', '--data', path.join(REPO, 'test-artifacts', 'no-hub'));
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/gangway hub has no subcommand "nonsense"/);
  });
});
