import type http from 'node:http';
import type { Duplex } from 'node:stream';

/**
 * Why a request cannot be handled at all, or null. Checked once, before any
 * handler runs, so no handler needs its own try around `new URL` or
 * `decodeURIComponent` (one `<img src="http://host/%">` on any web page used
 * to end the process).
 */
export function malformedRequest(req: http.IncomingMessage): string | null {
  const target = req.url ?? '';
  if (!target.startsWith('/')) return 'The request address must be a path that starts with "/".';
  try {
    const url = new URL(target, 'http://gangway.invalid');
    const pathname = decodeURIComponent(url.pathname);
    if (pathname.includes('\0')) return 'The request address holds a NUL character.';
    for (const value of url.searchParams.values()) if (value.includes('\0')) return 'The request address holds a NUL character.';
  } catch {
    return 'The request address is not a valid URL (a "%" must be followed by two hex digits).';
  }
  return null;
}

type Log = (line: string) => void;

function describe(e: unknown): string {
  return e instanceof Error ? (e.stack ?? e.message) : String(e);
}

function answer(res: http.ServerResponse, status: number, code: string, message: string): void {
  if (res.headersSent || res.destroyed) {
    res.destroy();
    return;
  }
  const text = JSON.stringify({ error: { code, message } });
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), 'cache-control': 'no-store', connection: 'close' });
  res.end(text);
}

function answerSocket(socket: Duplex, status: string): void {
  if (!socket.destroyed && socket.writable) socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  socket.destroy();
}

/** Runs a listener so that neither a throw nor a rejected promise escapes it. */
function settle(run: () => unknown, failed: (e: unknown) => void): void {
  try {
    const result = run();
    if (result && typeof (result as Promise<unknown>).then === 'function') (result as Promise<unknown>).then(undefined, failed);
  } catch (e) {
    failed(e);
  }
}

/**
 * Wraps every `request` and `upgrade` listener already on `server` (ours, or
 * Hocuspocus's): a malformed request gets 400 before any handler sees it, and
 * anything a handler throws or rejects with becomes a 500 and a log line,
 * never an uncaught exception that ends the process. Call it after the
 * listeners are attached.
 */
export function guardRequests(server: http.Server, log: Log = () => {}): void {
  const requests = server.listeners('request') as ((req: http.IncomingMessage, res: http.ServerResponse) => unknown)[];
  server.removeAllListeners('request');
  server.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
    const why = malformedRequest(req);
    if (why) return answer(res, 400, 'VALIDATION', why);
    for (const listener of requests) {
      settle(
        () => listener.call(server, req, res),
        (e) => {
          log(`HTTP ${req.method} ${(req.url ?? '').slice(0, 200)} failed: ${describe(e)}`);
          answer(res, 500, 'INTERNAL', 'The server hit an unexpected problem with this request; it goes on serving. Its log has details.');
        },
      );
    }
  });

  const upgrades = server.listeners('upgrade') as ((req: http.IncomingMessage, socket: Duplex, head: Buffer) => unknown)[];
  server.removeAllListeners('upgrade');
  server.on('upgrade', (req: http.IncomingMessage, socket: Duplex, head: Buffer) => {
    // A socket error after the upgrade (a peer that resets) must not be an uncaught 'error' event.
    socket.on('error', () => socket.destroy());
    if (malformedRequest(req)) return answerSocket(socket, '400 Bad Request');
    for (const listener of upgrades) {
      settle(
        () => listener.call(server, req, socket, head),
        (e) => {
          log(`upgrade ${(req.url ?? '').slice(0, 200)} failed: ${describe(e)}`);
          answerSocket(socket, '500 Internal Server Error');
        },
      );
    }
  });
}
