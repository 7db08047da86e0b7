import fs from 'node:fs';
import { SerialPort } from 'serialport';
import { GangwayError } from '../../shared/errors';
import { Backoff } from '../backoff';
import { LineSplitter } from '../line-splitter';
import { hasValidNmeaChecksum } from '../nmea-line';
import { SourceBase } from '../source';
import { describeIdentity, findByIdentity, identityOf, listSerialPorts, type PortIdentity } from './ports';

/**
 * NMEA 0183 (IEC 61162-1) runs at 4800 baud; "high speed" IEC 61162-2 and every AIS
 * receiver use 38400. Those are the only two rates a marine device should speak.
 */
export const NMEA_BAUD_RATES = [4800, 38400] as const;
export type NmeaBaud = (typeof NMEA_BAUD_RATES)[number];

export interface SerialSourceOptions {
  id: string;
  path: string;
  /** 'auto' tries each NMEA rate until lines with valid checksums arrive. */
  baud?: NmeaBaud | 'auto';
  /** No byte for this long counts as an outage and the port is reopened. */
  silenceMs?: number;
  /** How long to listen at one baud rate before deciding it is wrong. */
  probeMs?: number;
  backoff?: Backoff;
}

type ProbeVerdict = 'nmea' | 'garbage' | 'silent';

export class SerialSource extends SourceBase {
  readonly kind = 'serial' as const;
  private readonly opts: Required<Omit<SerialSourceOptions, 'backoff'>>;
  private readonly backoff: Backoff;
  private identity: PortIdentity | undefined;
  private port: SerialPort | undefined;
  private running = false;
  private lockedBaud: NmeaBaud | undefined;
  private lastDataAt = 0;
  private currentPath: string | undefined;
  private reconnectTimer: NodeJS.Timeout | undefined;
  private silenceTimer: NodeJS.Timeout | undefined;

  constructor(options: SerialSourceOptions) {
    super(options.id, `Serial ${options.path}`);
    const { backoff, ...rest } = options;
    this.opts = { baud: 'auto', silenceMs: 10_000, probeMs: 2_000, ...rest };
    this.backoff = backoff ?? new Backoff();
    if (this.opts.baud !== 'auto') this.lockedBaud = this.opts.baud;
  }

  /** The baud rate the device was found to speak, once known. */
  get baud(): NmeaBaud | undefined {
    return this.lockedBaud;
  }

  /** Opens the port once; a failure here is the user's to see (wrong path, no permission). */
  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    this.identity = identityOf(this.opts.path, await listSerialPorts().catch(() => []));
    this.setState('connecting');
    try {
      await this.connect(this.opts.path);
    } catch (e) {
      this.running = false;
      this.setState('failed', (e as Error).message);
      throw e;
    }
    this.silenceTimer = setInterval(() => this.watch(), Math.max(50, Math.min(500, Math.floor(this.opts.silenceMs / 4))));
  }

  async stop(): Promise<void> {
    this.running = false;
    clearTimeout(this.reconnectTimer);
    clearInterval(this.silenceTimer);
    await this.closePort();
    this.flushOutage();
    this.setState('closed');
  }

  private async connect(path: string): Promise<void> {
    const candidates = this.lockedBaud ? [this.lockedBaud, ...NMEA_BAUD_RATES.filter((b) => b !== this.lockedBaud)] : [...NMEA_BAUD_RATES];
    let sawGarbage = false;
    for (const baud of candidates) {
      const port = await openPort(path, baud);
      // An unheard 'error' on a stream would end the app; a serial error is a problem to show.
      port.on('error', (err) => this.problem(err));
      if (this.state === 'connecting') this.setState('connecting', `listening at ${baud} baud`);
      const { verdict, lines } = await this.probe(port);
      if (verdict === 'garbage') {
        sawGarbage = true;
        await closeQuietly(port);
        continue;
      }
      // A silent port (a pty, or a GPS still waking) is kept at this rate; the silence watchdog takes over.
      if (verdict === 'nmea') this.lockedBaud = baud;
      this.currentPath = path;
      this.adopt(port, lines);
      return;
    }
    const rates = NMEA_BAUD_RATES.join(' or ');
    throw new GangwayError(
      'DEVICE',
      sawGarbage
        ? `The device on ${path} sends data that is not NMEA 0183 at ${rates} baud. Check that it is a GPS or AIS receiver and that its output is set to NMEA.`
        : `Gangway could not read from ${path}.`,
    );
  }

  /** Listens for `probeMs` and judges the rate by checksums: a wrong baud rate garbles every byte. */
  private probe(port: SerialPort): Promise<{ verdict: ProbeVerdict; lines: { line: string; at: number }[] }> {
    return new Promise((resolve) => {
      const lines: { line: string; at: number }[] = [];
      let bytes = 0;
      let done = false;
      const finish = (verdict: ProbeVerdict) => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        port.off('data', onData);
        resolve({ verdict, lines });
      };
      const splitter = new LineSplitter((line) => {
        if (done) return;
        lines.push({ line, at: Date.now() });
        if (hasValidNmeaChecksum(line)) finish('nmea');
      });
      const onData = (chunk: Buffer) => {
        bytes += chunk.length;
        splitter.push(chunk.toString('latin1'));
      };
      port.on('data', onData);
      const timer = setTimeout(() => finish(bytes > 0 ? 'garbage' : 'silent'), this.opts.probeMs);
    });
  }

  private adopt(port: SerialPort, probeLines: { line: string; at: number }[]): void {
    this.port = port;
    this.lastDataAt = Date.now();
    this.setState('open', this.lockedBaud ? `${this.lockedBaud} baud` : undefined);
    if (probeLines.length > 0) {
      this.endOutage(probeLines[0]!.at);
      this.backoff.reset();
      for (const l of probeLines) this.emitLine(l.line, l.at);
    }
    // Lines are cut at MAX_LINE, so a device that never sends a newline cannot fill memory.
    const splitter = new LineSplitter((line) => {
      this.endOutage();
      this.backoff.reset();
      this.emitLine(line);
    });
    port.on('data', (chunk: Buffer) => {
      this.lastDataAt = Date.now();
      splitter.push(chunk.toString('latin1'));
    });
    port.on('close', (err: (Error & { disconnected?: boolean }) | null) => {
      if (this.port !== port) return;
      this.port = undefined;
      if (!this.running) return;
      this.lost(err?.disconnected ? `${describeIdentity(this.identity!)} was unplugged` : 'the port closed', Date.now());
    });
  }

  /**
   * Two ways a receiver goes away without the port closing: its device node vanishes
   * (libuv does not always report the hang-up while a read waits for data: seen with
   * socat ptys, and USB removal behaves alike), or it stops talking.
   */
  private watch(): void {
    if (!this.running || !this.port) return;
    const port = this.port;
    if (this.currentPath && !fs.existsSync(this.currentPath)) {
      this.port = undefined;
      void closeQuietly(port);
      this.lost(`${describeIdentity(this.identity!)} was unplugged`, Date.now());
      return;
    }
    if (Date.now() - this.lastDataAt < this.opts.silenceMs) return;
    this.port = undefined;
    void closeQuietly(port);
    this.lost(`no data for ${Math.round(this.opts.silenceMs / 1000)} s`, this.lastDataAt);
  }

  private lost(reason: string, since: number): void {
    this.beginOutage(reason, since);
    this.setState('reconnecting', reason);
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    if (!this.running) return;
    clearTimeout(this.reconnectTimer);
    this.reconnectTimer = setTimeout(() => void this.reconnect(), this.backoff.delay());
  }

  private async reconnect(): Promise<void> {
    if (!this.running || this.port) return;
    try {
      const ports = await listSerialPorts().catch(() => []);
      const path = findByIdentity(this.identity!, ports);
      if (!path) throw new GangwayError('DEVICE', `${describeIdentity(this.identity!)} is not plugged in.`);
      await this.connect(path);
      if (!this.running) await this.closePort();
    } catch (e) {
      this.problem(e as Error);
      this.scheduleReconnect();
    }
  }

  private async closePort(): Promise<void> {
    const port = this.port;
    this.port = undefined;
    if (port) await closeQuietly(port);
  }
}

function openPort(path: string, baudRate: number): Promise<SerialPort> {
  return new Promise((resolve, reject) => {
    if (!fs.existsSync(path)) {
      reject(new GangwayError('DEVICE', `There is no serial port ${path}. Check the cable, or pick the receiver from the list of ports.`));
      return;
    }
    // lock: false — with bindings-cpp's exclusive lock (TIOCEXCL) a vanished pty was never
    // reported as disconnected in our socat unplug test, so the outage went unnoticed.
    const port = new SerialPort({ path, baudRate, autoOpen: false, lock: false });
    port.open((err) => {
      if (!err) return resolve(port);
      const denied = /permission|EACCES/i.test(err.message);
      reject(
        new GangwayError(
          'DEVICE',
          denied
            ? `Gangway may not open ${path}. Add your user to the "dialout" group (or install Gangway's udev rule) and plug the receiver in again.`
            : `Gangway could not open ${path}: ${err.message}`,
          undefined,
          { cause: err },
        ),
      );
    });
  });
}

function closeQuietly(port: SerialPort): Promise<void> {
  return new Promise((resolve) => {
    if (!port.isOpen) return resolve();
    port.close(() => resolve());
  });
}
