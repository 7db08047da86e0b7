import net from 'node:net';
import { Backoff } from '../backoff';
import { LineSplitter } from '../line-splitter';
import { SourceBase } from '../source';

export interface TcpSourceOptions {
  id: string;
  host: string;
  port: number;
  /** No byte for this long and the connection is treated as dead (a switched-off receiver leaves a half-open socket). */
  silenceMs?: number;
  backoff?: Backoff;
}

/** A TCP client for receivers that serve NMEA on a port (most AIS receivers with Ethernet or Wi-Fi do). */
export class TcpSource extends SourceBase {
  readonly kind = 'tcp' as const;
  private socket: net.Socket | undefined;
  private running = false;
  private reconnectTimer: NodeJS.Timeout | undefined;
  private readonly backoff: Backoff;
  private readonly silenceMs: number;

  constructor(private readonly options: TcpSourceOptions) {
    super(options.id, `TCP ${options.host}:${options.port}`);
    this.backoff = options.backoff ?? new Backoff();
    this.silenceMs = options.silenceMs ?? 30_000;
  }

  /** Resolves once the first connection is made; rejects with a sentence if the receiver cannot be reached. */
  start(): Promise<void> {
    if (this.running) return Promise.resolve();
    this.running = true;
    this.setState('connecting');
    return new Promise((resolve, reject) => {
      this.connect((err) => {
        if (!err) return resolve();
        this.running = false;
        this.setState('failed', err.message);
        reject(err);
      });
    });
  }

  async stop(): Promise<void> {
    this.running = false;
    clearTimeout(this.reconnectTimer);
    this.socket?.destroy();
    this.socket = undefined;
    this.flushOutage();
    this.setState('closed');
  }

  private connect(firstAttempt?: (err?: Error) => void): void {
    const { host, port } = this.options;
    const socket = net.connect({ host, port });
    const splitter = new LineSplitter((line) => this.emitLine(line));
    let connected = false;
    socket.setEncoding('latin1');
    socket.setTimeout(this.silenceMs);
    socket.once('connect', () => {
      connected = true;
      this.socket = socket;
      this.setState('open');
      firstAttempt?.();
    });
    socket.on('data', (chunk: string) => {
      this.endOutage();
      this.backoff.reset();
      splitter.push(chunk);
    });
    socket.on('timeout', () => socket.destroy(new Error(`no data for ${Math.round(this.silenceMs / 1000)} s`)));
    socket.on('error', (err) => {
      if (!connected && firstAttempt) {
        firstAttempt(new Error(`Gangway cannot reach the receiver at ${host}:${port} (${(err as NodeJS.ErrnoException).code ?? err.message}). Check the address and that you joined the vessel's network.`));
        firstAttempt = undefined;
        return;
      }
      this.problem(err);
      this.closedBecause(err.message);
    });
    socket.on('close', () => {
      splitter.end();
      if (this.socket === socket) this.socket = undefined;
      if (connected) this.closedBecause('the receiver closed the connection');
    });
  }

  private closedBecause(reason: string): void {
    if (!this.running || this.reconnectTimer) return;
    this.beginOutage(reason);
    this.setState('reconnecting', reason);
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = undefined;
      if (this.running) this.connect();
    }, this.backoff.delay());
  }
}
