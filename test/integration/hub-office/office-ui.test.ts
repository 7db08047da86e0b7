import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpClient } from '../../support/http-client';
import { REPO } from '../../support/serve';
import { tempDir } from '../../support/tmp';

/** `gangway hub` as a port would run it: the hub for devices, and the office's browser UI beside it. */
describe('the port office UI served by the hub', () => {
  let hub: ChildProcess;
  let out = '';
  let err = '';
  const dataDir = tempDir('gangway-hub-');

  beforeAll(async () => {
    hub = spawn(process.execPath, [path.join(REPO, 'bin', 'gangway.js'), 'hub', '--data', dataDir, '--port', '0', '--host', '127.0.0.1', '--agency', 'pipo-songkhla'], { cwd: REPO });
    hub.stdout!.on('data', (d) => (out += d));
    hub.stderr!.on('data', (d) => (err += d));
    const deadline = Date.now() + 30_000;
    while (!/Port office UI: \S+#token=\S+/.test(out)) {
      if (Date.now() > deadline || hub.exitCode !== null) throw new Error(`gangway hub did not start:\n${out}\n${err}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  });
  afterAll(() => {
    hub?.kill('SIGTERM');
  });

  it('answers the same API as gangway serve, as the port authority enrolled with this hub', async () => {
    const m = /Port office UI: (http:\/\/\S+?)\/#token=(\S+)/.exec(out)!;
    const api = httpClient(m[1]!, m[2]!);
    expect((await api.call('app.info')).shell).toBe('hub');
    await expect.poll(async () => (await api.call('sync.status')) as unknown, { timeout: 20_000 }).toMatchObject({ enrolled: true, role: 'port_authority', agency: 'pipo-songkhla' });

    // The registry is the port authority's to write: an entry made in the office reaches the hub.
    const vessel = await api.call('vessels.create', { name: 'Sea Star 7', imo: '9074729' });
    const res = await fetch(`${m[1]}/api/vessels.get`, { method: 'POST', headers: { authorization: `Bearer ${m[2]}`, origin: 'http://evil.example' }, body: JSON.stringify({ id: vessel.id }) });
    expect(res.status).toBe(403);
    await expect
      .poll(
        () =>
          new Promise<string>((resolve) => {
            const log = spawn(process.execPath, [path.join(REPO, 'bin', 'gangway.js'), 'hub', 'log', '--data', dataDir], { cwd: REPO });
            let text = '';
            log.stdout.on('data', (d) => (text += d));
            log.on('exit', () => resolve(text));
          }),
        { timeout: 30_000, interval: 1000 },
      )
      .toContain(`vessel:${vessel.id}`);
    expect(err).not.toMatch(/error/i);
  });
});
