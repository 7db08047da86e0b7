import { HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import WebSocket from 'ws';
import { GangwayError } from '../../shared/errors';
import type { HubErrorBody, HubHealth, Manifest } from '../../shared/sync';
import type { Db } from '../store/database';
import { httpUrlOf, signDeviceToken, unreachable } from './device';

export interface HubConnectionOptions {
  db: Db;
  fetcher?: typeof fetch;
  tokenLifetimeS?: number;
  /** Called before the socket is destroyed, so the documents riding on it are closed first. */
  beforeClose?: () => void;
}

/**
 * The device's link to its hub: one WebSocket carrying every document
 * (HocuspocusProviderWebsocket, no awareness), the HTTP calls beside it
 * (health, manifest), the per-connection token, and a count of the bytes on
 * the wire both ways.
 */
export class HubConnection {
  private socket: HocuspocusProviderWebsocket | null = null;
  private socketHub: string | null = null;
  readonly bytes = { sent: 0, received: 0 };

  constructor(private readonly options: HubConnectionOptions) {}

  /** A short-lived token, signed for one connection attempt. */
  readonly token = (): Promise<string> => signDeviceToken(this.options.db, this.options.tokenLifetimeS);

  get fetcher(): typeof fetch | undefined {
    return this.options.fetcher;
  }

  /** The socket to `hub`, opened if needed; a socket to another hub is closed first. */
  socketTo(hub: string): HocuspocusProviderWebsocket {
    if (this.socket && this.socketHub === hub) return this.socket;
    this.close();
    const bytes = this.bytes;
    // Counts bytes on the wire both ways, for the Sync page and the benchmark.
    class CountingWebSocket extends WebSocket {
      constructor(address: string, protocols?: string | string[]) {
        super(address, protocols);
        this.on('message', (data: Buffer) => {
          bytes.received += data.byteLength;
        });
      }
      override send(data: Parameters<WebSocket['send']>[0], ...rest: unknown[]): void {
        bytes.sent += (data as Uint8Array).byteLength ?? 0;
        (super.send as (...a: unknown[]) => void)(data, ...rest);
      }
    }
    this.socket = new HocuspocusProviderWebsocket({
      url: hub,
      WebSocketPolyfill: CountingWebSocket,
      // The provider's own reconnect loop, also jittered: it carries a round across a dropped link.
      delay: 500,
      factor: 2,
      jitter: true,
      minDelay: 250,
      maxDelay: 10_000,
      maxAttempts: 0,
      timeout: 10_000,
    });
    this.socketHub = hub;
    return this.socket;
  }

  /** Closes the documents on the socket (through `beforeClose`), then the socket. */
  close(): void {
    this.options.beforeClose?.();
    this.socket?.destroy();
    this.socket = null;
    this.socketHub = null;
  }

  /** Checks that `hub` is a Gangway hub at all, so a wrong address is said so rather than failing later. */
  async checkHealth(hub: string): Promise<HubHealth> {
    const health = await this.getJson<Partial<HubHealth>>(`${httpUrlOf(hub)}/health`, false);
    if (health.hub !== 'gangway') throw new GangwayError('DEVICE', `The server at ${hub} is not a Gangway hub. Check the hub address.`);
    return health as HubHealth;
  }

  /** The documents this device may read that changed on the hub since `since`. */
  manifest(hub: string, since: number): Promise<Manifest> {
    return this.getJson<Manifest>(`${httpUrlOf(hub)}/manifest?since=${since}`, true);
  }

  private async getJson<T>(url: string, withToken: boolean): Promise<T> {
    const fetcher = this.options.fetcher ?? fetch;
    let res: Response;
    try {
      res = await fetcher(url, { headers: withToken ? { Authorization: `Bearer ${await this.token()}` } : {}, signal: AbortSignal.timeout(10_000) });
    } catch (e) {
      throw unreachable(new URL(url).host, e);
    }
    const body = (await res.json().catch(() => null)) as (T & HubErrorBody) | null;
    if (res.status === 401) throw new GangwayError('UNAUTHORIZED', body?.error?.message ?? 'The hub does not accept this device.');
    if (!body) throw new GangwayError('DEVICE', `The server at ${new URL(url).host} is not a Gangway hub (it answered HTTP ${res.status} without hub data). Check the hub address.`);
    if (!res.ok) throw new GangwayError('DEVICE', body.error?.message ?? `The hub answered HTTP ${res.status}.`);
    return body;
  }
}
