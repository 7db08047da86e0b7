import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { GangwayError, type ErrorShape } from '../../shared/errors';
import type { Core } from '../core';
import { guardRequests } from './guard';
import { serveStatic } from './static-files';
import { HTTP_STATUS } from './status';

export interface ServerOptions {
  core: Core;
  /** Folder with the built renderer (index.html). */
  staticDir: string;
  host?: string;
  port?: number;
  /** Fixed secret (the hub passes its own); a random one per launch otherwise. */
  token?: string;
  /** Largest request body, in bytes (audio arrives in chunks below this). */
  maxBody?: number;
  log?: (line: string) => void;
}

export interface RunningServer {
  url: string;
  /** URL to open in a browser: carries the secret in the fragment, which never reaches a server log. */
  browserUrl: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
  res.end(text);
}

function sendError(res: http.ServerResponse, error: ErrorShape): void {
  sendJson(res, HTTP_STATUS[error.code] ?? 500, { error });
}

function readBody(req: http.IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limit) {
        reject(new GangwayError('VALIDATION', `The request is larger than ${Math.round(limit / 1048576)} MB; send it in smaller parts.`));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/**
 * The local server shell: the built UI and the same handler table as the
 * desktop app, over HTTP (`POST /api/<method>`) and a WebSocket for events
 * (`/api/events`). Loopback only unless a host is given, a per-launch secret,
 * and the Origin header checked against our own origin.
 */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const { core } = options;
  const host = options.host ?? '127.0.0.1';
  const token = options.token ?? crypto.randomBytes(24).toString('base64url');
  const maxBody = options.maxBody ?? 32 * 1024 * 1024;
  const log = options.log ?? (() => {});
  let origin = '';

  // Same-origin: the page's Origin must name the host the request was sent to
  // (on the port network a browser reaches the hub's office by its own name for it).
  const originAllowed = (req: http.IncomingMessage): boolean => {
    const o = req.headers.origin;
    if (!o) return true; // scripts (curl, node) send no Origin; they still need the secret
    if (o === origin) return true;
    try {
      const u = new URL(o);
      if (u.protocol !== 'http:' && u.protocol !== 'https:') return false;
      if (req.headers.host && u.host === req.headers.host) return true;
      return u.port === String(port) && LOOPBACK.has(u.hostname.replace(/^\[|\]$/g, '')) && LOOPBACK.has(host);
    } catch {
      return false;
    }
  };

  const authorised = (header: string | undefined): boolean => {
    const m = /^Bearer\s+(.+)$/i.exec(header ?? '');
    return !!m && sameSecret(m[1]!.trim(), token);
  };

  const server = http.createServer(async (req, res) => {
    const url = req.url ?? '/';
    if (!url.startsWith('/api/')) {
      if (req.method !== 'GET' && req.method !== 'HEAD') return sendJson(res, 405, { error: { code: 'VALIDATION', message: 'Only GET is served outside /api/.' } });
      return serveStatic(options.staticDir, url, res);
    }
    if (!originAllowed(req)) {
      log(`refused ${req.method} ${url} from origin ${req.headers.origin}`);
      return sendError(res, { code: 'FORBIDDEN', message: 'This page is not Gangway: requests from other web pages are refused.' });
    }
    if (!authorised(req.headers.authorization)) {
      return sendError(res, { code: 'UNAUTHORIZED', message: 'Missing or wrong secret. Open the address Gangway printed at start (it carries the secret), or send "Authorization: Bearer <token>" from serve.json.' });
    }
    if (req.method !== 'POST') return sendJson(res, 405, { error: { code: 'VALIDATION', message: 'API methods are called with POST and a JSON body.' } });
    const method = decodeURIComponent(url.slice('/api/'.length).split('?')[0] ?? '');
    let input: unknown;
    try {
      const body = await readBody(req, maxBody);
      input = body.trim() === '' ? {} : JSON.parse(body);
    } catch (e) {
      const err = e instanceof GangwayError ? e.toJSON() : { code: 'VALIDATION' as const, message: `The request body is not valid JSON: ${(e as Error).message}` };
      return sendError(res, err);
    }
    const answer = await core.invoke(method, input);
    if (answer.ok) return sendJson(res, 200, answer.value ?? null);
    if (answer.error.code === 'INTERNAL' || answer.error.code.startsWith('STORE')) log(`${method}: ${answer.error.code} ${answer.error.message}`);
    return sendError(res, answer.error);
  });

  const wss = new WebSocketServer({ noServer: true });
  const sockets = new Set<WebSocket>();
  server.on('upgrade', (req, socket, head) => {
    const u = new URL(req.url ?? '/', 'http://x');
    const secret = u.searchParams.get('token') ?? '';
    if (u.pathname !== '/api/events' || !originAllowed(req) || !sameSecret(secret, token)) {
      socket.write('HTTP/1.1 401 Unauthorized\r\nConnection: close\r\n\r\n');
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      sockets.add(ws);
      ws.on('close', () => sockets.delete(ws));
    });
  });
  guardRequests(server, log);
  // A client may send its request and then close its side (raw clients and some proxies do): Node
  // would then end the socket before a file read finishes, and the request went unanswered.
  (server as http.Server & { httpAllowHalfOpen: boolean }).httpAllowHalfOpen = true;
  const unsubscribe = core.subscribe((event, payload) => {
    const text = JSON.stringify({ event, payload });
    for (const ws of sockets) if (ws.readyState === ws.OPEN) ws.send(text);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EADDRINUSE') reject(new GangwayError('CONFLICT', `Port ${options.port} is already in use. Choose another with --port, or 0 for any free port.`));
      else if (e.code === 'EACCES') reject(new GangwayError('FORBIDDEN', `Not allowed to listen on port ${options.port}. Choose a port above 1024.`));
      else reject(e);
    });
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  // Listening on every address: show the one a browser on this machine can open.
  const reachable = host === '0.0.0.0' ? '127.0.0.1' : host === '::' ? '::1' : host;
  const shownHost = reachable.includes(':') ? `[${reachable}]` : reachable;
  origin = `http://${shownHost}:${port}`;
  return {
    url: origin,
    browserUrl: `${origin}/#token=${token}`,
    port,
    token,
    async close() {
      unsubscribe();
      for (const ws of sockets) ws.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}

/** serve.json in the data folder lets scripts find the running server; only its owner may read it. */
export function writeServeInfo(dataDir: string, info: { url: string; port: number; token: string }): string {
  const file = path.join(dataDir, 'serve.json');
  fs.writeFileSync(file, JSON.stringify({ url: info.url, port: info.port, token: info.token }, null, 2) + '\n', { mode: 0o600 });
  fs.chmodSync(file, 0o600); // an older file may have been created with looser permissions
  return file;
}
