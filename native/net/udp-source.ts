import dgram from 'node:dgram';
import { LineSplitter } from '../line-splitter';
import { SourceBase } from '../source';

export interface UdpSourceOptions {
  id: string;
  port: number;
  /** Interface to listen on; all of them by default, since receivers broadcast on the ship's LAN. */
  host?: string;
}

/**
 * Listens for NMEA datagrams (IEC 61162-450 style broadcast, or the plain UDP
 * forwarding many AIS receivers offer). Each datagram holds one or more whole lines.
 */
export class UdpSource extends SourceBase {
  readonly kind = 'udp' as const;
  private socket: dgram.Socket | undefined;

  constructor(private readonly options: UdpSourceOptions) {
    super(options.id, `UDP :${options.port}`);
  }

  /** The bound port (useful when 0 asked the OS to pick one). */
  get port(): number | undefined {
    return this.socket?.address().port;
  }

  start(): Promise<void> {
    if (this.socket) return Promise.resolve();
    this.setState('connecting');
    return new Promise((resolve, reject) => {
      const socket = dgram.createSocket({ type: 'udp4', reuseAddr: true });
      socket.once('error', (err) => {
        socket.close();
        this.setState('failed', err.message);
        reject(new Error(`Gangway cannot listen on UDP port ${this.options.port} (${(err as NodeJS.ErrnoException).code ?? err.message}). Another program may hold it; pick another port.`));
      });
      socket.on('message', (msg) => {
        const splitter = new LineSplitter((line) => this.emitLine(line));
        splitter.push(msg.toString('latin1'));
        splitter.end();
      });
      socket.bind(this.options.port, this.options.host, () => {
        socket.removeAllListeners('error');
        socket.on('error', (err) => this.problem(err));
        this.socket = socket;
        this.setState('open');
        resolve();
      });
    });
  }

  async stop(): Promise<void> {
    const socket = this.socket;
    this.socket = undefined;
    if (socket) await new Promise<void>((r) => socket.close(() => r()));
    this.setState('closed');
  }
}
