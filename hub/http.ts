import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Extension, onRequestPayload } from '@hocuspocus/server';
import { GangwayError, isGangwayError } from '../shared/errors';
import { mkdirPrivate, PRIVATE_FILE_MODE } from '../main/store/private-files';
import { MAX_BLOB_CHUNK, type BlobState, type EnrolmentAnswer, type HubHealth, type Manifest } from '../shared/sync';
import { decideAccess } from './access';
import { registerDevice, type DeviceRecord } from './enrolment';
import type { HubStore } from './store';
import { verifyDeviceToken } from './tokens';
import { Witness } from './witness';

/** A blob above 2 GiB is not evidence Gangway expects (a day of audio is ~1 GiB at 96 kbit/s). */
export const MAX_BLOB = 2 * 1024 * 1024 * 1024;

const STATUS: Record<string, number> = { VALIDATION: 400, UNAUTHORIZED: 401, FORBIDDEN: 403, NOT_FOUND: 404, CONFLICT: 409, STORE_READONLY: 507 };

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

function sendError(res: ServerResponse, e: unknown): void {
  if (isGangwayError(e)) return send(res, STATUS[e.code] ?? 500, { error: e.toJSON() });
  const code = (e as { code?: string }).code;
  if (code === 'ENOSPC' || code === 'SQLITE_FULL') {
    return send(res, 507, { error: { code: 'STORE_READONLY', message: 'The hub has no disk space left; nothing was stored. Try again after the administrator frees space.' } });
  }
  send(res, 500, { error: { code: 'INTERNAL', message: 'The hub hit an unexpected problem; nothing was stored. The hub log has details.' } });
}

async function body(req: IncomingMessage, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of req) {
      size += (chunk as Buffer).length;
      if (size > limit) throw new GangwayError('VALIDATION', `The request is larger than the hub accepts (${limit} bytes).`);
      chunks.push(chunk as Buffer);
    }
  } catch (e) {
    // A peer that hangs up mid-body is the peer's problem, not the hub's: no stack in the log.
    if (isGangwayError(e)) throw e;
    throw new GangwayError('VALIDATION', 'The request ended before its body was complete; send it again.');
  }
  return Buffer.concat(chunks);
}

function parseJson(raw: Buffer, what: string): unknown {
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch {
    throw new GangwayError('VALIDATION', `The ${what} is not JSON.`);
  }
}

/**
 * The hub's HTTP side, on the same port as the WebSocket: enrolment, the
 * manifest of changed documents, and resumable evidence upload by hash.
 */
export class HubHttp implements Extension {
  extensionName = 'gangway-http';

  constructor(
    private readonly hub: HubStore,
    private readonly dataDir: string,
    private readonly log: (line: string) => void = () => {},
    private readonly witness: Witness = new Witness(hub, { log }),
  ) {}

  async onRequest({ request, response }: onRequestPayload): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://hub');
    const handled = await this.route(request, response, url).catch((e) => {
      if (!isGangwayError(e)) this.log(`HTTP ${request.method} ${url.pathname} failed: ${(e as Error).stack ?? e}`);
      sendError(response, e);
      return true;
    });
    // Hocuspocus skips its default answer when a hook rejects with nothing.
    if (handled) throw null;
  }

  private async authed(req: IncomingMessage): Promise<DeviceRecord> {
    const header = req.headers.authorization ?? '';
    const token = header.startsWith('Bearer ') ? header.slice(7) : '';
    if (!token) throw new GangwayError('UNAUTHORIZED', 'This request needs a device token. Enrol the device first.');
    return verifyDeviceToken(this.hub, token);
  }

  private async route(req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> {
    const method = req.method ?? 'GET';
    if (url.pathname === '/health') {
      send(res, 200, { hub: 'gangway', clock: this.hub.latestSeq() } satisfies HubHealth);
      return true;
    }
    if (url.pathname === '/enrol' && method === 'POST') {
      const device = registerDevice(this.hub, parseJson(await body(req, 16 * 1024), 'enrolment request'));
      this.log(`enrolled device ${device.id} (${device.name}) for ${device.userName}, ${device.role} of ${device.agency}`);
      send(res, 200, { deviceId: device.id, role: device.role, agency: device.agency, userName: device.userName } satisfies EnrolmentAnswer);
      return true;
    }
    if (url.pathname === '/witness') {
      const device = await this.authed(req);
      if (method === 'GET') {
        send(res, 200, this.witness.state(url.searchParams.get('origin') ?? ''));
        return true;
      }
      if (method === 'POST') {
        send(res, 200, await this.witness.witness(device, parseJson(await body(req, 64 * 1024), 'witness request')));
        return true;
      }
    }
    if (url.pathname === '/manifest' && method === 'GET') {
      const device = await this.authed(req);
      const since = Math.max(0, Number(url.searchParams.get('since') ?? 0) || 0);
      const clock = this.hub.latestSeq();
      const documents = this.hub
        .changedSince(since, device.id)
        .filter((m) => decideAccess(device, m.doc, m, (d) => this.hub.docMeta(d)).allow)
        .map((m) => ({ name: m.doc, clock: m.clock }));
      send(res, 200, { clock, documents } satisfies Manifest);
      return true;
    }
    const blob = /^\/blobs\/([0-9a-f]{64})$/.exec(url.pathname);
    if (blob) {
      const device = await this.authed(req);
      const sha = blob[1]!;
      if (method === 'GET' || method === 'HEAD') {
        send(res, 200, this.blobState(sha));
        return true;
      }
      if (method === 'PUT') {
        const offset = Number(url.searchParams.get('offset'));
        const size = Number(url.searchParams.get('size'));
        if (!Number.isInteger(offset) || !Number.isInteger(size) || offset < 0 || size < 0 || size > MAX_BLOB) {
          throw new GangwayError('VALIDATION', 'A blob chunk needs whole-number offset and size within the limits.');
        }
        const chunk = await body(req, MAX_BLOB_CHUNK);
        send(res, 200, this.putChunk(sha, size, offset, chunk, device));
        return true;
      }
    }
    return false;
  }

  private partialPath(sha: string): string {
    return path.join(this.dataDir, 'blobs', 'partial', sha);
  }

  finalPath(sha: string): string {
    return path.join(this.dataDir, 'blobs', sha.slice(0, 2), sha);
  }

  blobState(sha: string): BlobState {
    const row = this.hub.db.prepare('SELECT size, received, complete FROM blobs WHERE sha256 = ?').get(sha) as { size: number; received: number; complete: number } | undefined;
    return { sha256: sha, size: row?.size ?? null, received: row?.received ?? 0, complete: row?.complete === 1 };
  }

  /**
   * Appends one chunk at `offset`. A chunk at the wrong offset is not written
   * and the answer says where to resume; the last chunk triggers the hash
   * check, and a mismatch discards the upload so the device starts over.
   */
  private putChunk(sha: string, size: number, offset: number, chunk: Buffer, device: DeviceRecord): BlobState {
    const state = this.blobState(sha);
    if (state.complete) return { ...state, duplicate: true };
    if (state.size !== null && state.size !== size) throw new GangwayError('CONFLICT', `This blob was started with size ${state.size}, not ${size}.`);
    if (offset !== state.received) return { ...state, size, resumeAt: state.received };
    if (offset + chunk.length > size) throw new GangwayError('VALIDATION', 'The chunk runs past the end of the blob.');
    const partial = this.partialPath(sha);
    mkdirPrivate(path.dirname(partial));
    const fd = fs.openSync(partial, offset === 0 ? 'w' : 'r+', PRIVATE_FILE_MODE);
    try {
      fs.writeSync(fd, chunk, 0, chunk.length, offset);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    const received = offset + chunk.length;
    const t = new Date().toISOString();
    this.hub.db
      .prepare(
        `INSERT INTO blobs (sha256, size, received, complete, device_id, updated_at) VALUES (?, ?, ?, 0, ?, ?)
         ON CONFLICT (sha256) DO UPDATE SET received = excluded.received, updated_at = excluded.updated_at`,
      )
      .run(sha, size, received, device.id, t);
    if (received < size) return { sha256: sha, size, received, complete: false };
    const actual = crypto.createHash('sha256').update(fs.readFileSync(partial)).digest('hex');
    if (actual !== sha) {
      fs.rmSync(partial, { force: true });
      this.hub.db.prepare('DELETE FROM blobs WHERE sha256 = ?').run(sha);
      throw new GangwayError('CONFLICT', `The uploaded bytes hash to ${actual.slice(0, 12)}…, not ${sha.slice(0, 12)}…; the hub discarded them. The device will upload the blob again.`);
    }
    const target = this.finalPath(sha);
    mkdirPrivate(path.dirname(target));
    fs.renameSync(partial, target);
    this.hub.db.prepare('UPDATE blobs SET complete = 1, updated_at = ? WHERE sha256 = ?').run(t, sha);
    return { sha256: sha, size, received, complete: true };
  }
}
