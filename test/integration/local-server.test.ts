import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createCore, type Core } from '../../main/core';
import { startServer, writeServeInfo, type RunningServer } from '../../main/server/server';
import { tempDir } from '../support/tmp';

const running: { server: RunningServer; core: Core }[] = [];
afterEach(async () => {
  for (const r of running.splice(0)) {
    await r.server.close();
    r.core.close();
  }
});

async function start(dataDir = tempDir()) {
  const logs: string[] = [];
  const core = createCore({ dataDir, shell: 'server', syncAtStart: true, log: { error: (m) => logs.push(m) } });
  const staticDir = tempDir();
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Gangway</title>');
  const server = await startServer({ core, staticDir, port: 0, log: (l) => logs.push(l) });
  running.push({ server, core });
  const call = (method: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${server.url}/api/${method}`, { method: 'POST', headers: { authorization: `Bearer ${server.token}`, ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });
  return { server, core, call, logs, dataDir };
}

describe('the local server shell, as a script drives it', () => {
  it('listens on loopback only, with a fresh secret per launch', async () => {
    const a = await start();
    const b = await start();
    expect(a.server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(a.server.token).not.toBe(b.server.token);
    expect(a.server.token.length).toBeGreaterThanOrEqual(32);
    expect(a.server.browserUrl).toBe(`${a.server.url}/#token=${a.server.token}`);
  });

  it('calls a method with POST /api/<method> and a JSON body, and answers JSON', async () => {
    const { call } = await start();
    const res = await call('vessels.create', { name: 'Sea Star 7', mmsi: '567000123' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    expect(await res.json()).toMatchObject({ name: 'Sea Star 7', mmsi: '567000123' });
  });

  it('answers typed errors with HTTP statuses a script can branch on', async () => {
    const { call, server } = await start();
    const bad = await call('vessels.create', { name: '' });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { code: 'VALIDATION', issues: [{ path: 'name' }] } });
    expect((await call('vessels.create', '{not json')).status).toBe(400);
    expect((await call('nothing.here', {})).status).toBe(404);
    expect((await call('vessels.get', { id: '00000000-0000-4000-8000-000000000000' })).status).toBe(404);
    await call('vessels.create', { name: 'A', mmsi: '111111111' });
    expect((await call('vessels.create', { name: 'B', mmsi: '111111111' })).status).toBe(409);
    const noSecret = await fetch(`${server.url}/api/app.info`, { method: 'POST', body: '{}' });
    expect(noSecret.status).toBe(401);
    const wrongSecret = await call('app.info', {}, { authorization: 'Bearer nope' });
    expect(wrongSecret.status).toBe(401);
    expect((await fetch(`${server.url}/api/app.info`, { headers: { authorization: `Bearer ${server.token}` } })).status).toBe(405);
  });

  it('refuses calls from another web page even with the secret', async () => {
    const { call, logs } = await start();
    const res = await call('vessels.search', {}, { origin: 'http://evil.example' });
    expect(res.status).toBe(403);
    expect(logs.join('\n')).toMatch(/refused POST \/api\/vessels.search from origin http:\/\/evil.example/);
  });

  it('pushes events over the WebSocket to a client with the secret, and refuses one without', async () => {
    const { call, server } = await start();
    const wsUrl = server.url.replace('http', 'ws') + '/api/events';
    const refused = await new Promise<string>((resolve) => {
      const ws = new WebSocket(`${wsUrl}?token=wrong`);
      ws.on('error', (e) => resolve(e.message));
      ws.on('open', () => resolve('open'));
    });
    expect(refused).toMatch(/401/);
    const ws = new WebSocket(`${wsUrl}?token=${server.token}`);
    await new Promise((r) => ws.on('open', r));
    const got = new Promise<{ event: string; payload: { name: string } }>((r) => ws.on('message', (m) => r(JSON.parse(String(m)))));
    await call('vessels.create', { name: 'Evented' });
    expect(await got).toMatchObject({ event: 'vessel.changed', payload: { name: 'Evented' } });
    ws.close();
  });

  it('writes serve.json with url, port and token for scripts, readable by its owner only', async () => {
    const { server, dataDir } = await start();
    const file = writeServeInfo(dataDir, server);
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toEqual({ url: server.url, port: server.port, token: server.token });
    expect(fs.statSync(file).mode & 0o077).toBe(0);
  });

  it('serves the UI with a strict content security policy', async () => {
    const { server } = await start();
    const res = await fetch(`${server.url}/audits/some-id`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await res.text()).toContain('<title>Gangway</title>');
    const escape = await fetch(`${server.url}/../../etc/passwd`);
    expect(await escape.text()).not.toContain('root:');
  });

  it('still starts on a damaged database, and every call says what is wrong without touching the file', async () => {
    const dataDir = tempDir();
    fs.writeFileSync(path.join(dataDir, 'gangway.sqlite'), 'this is not a database'.repeat(500));
    const { call, logs } = await start(dataDir);
    const res = await call('app.info', {});
    expect(res.status).toBe(500);
    expect(await res.json()).toMatchObject({ error: { code: 'STORE_CORRUPT', message: expect.stringMatching(/damaged/) } });
    expect(logs.join('\n')).toMatch(/damaged/);
    expect(fs.readFileSync(path.join(dataDir, 'gangway.sqlite'), 'utf8')).toBe('this is not a database'.repeat(500));
  });
});
