import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** A real serial peer: socat joins two ptys, as a USB receiver would appear as a tty. */
export class SocatPair {
  private proc: ChildProcess | undefined;
  private fd: number | undefined;

  constructor(readonly dir: string) {}

  get devicePath(): string {
    return path.join(this.dir, 'gangway');
  }
  get receiverPath(): string {
    return path.join(this.dir, 'receiver');
  }

  async start(): Promise<void> {
    fs.mkdirSync(this.dir, { recursive: true });
    this.proc = spawn('socat', ['-d', '-d', `pty,raw,echo=0,link=${this.receiverPath}`, `pty,raw,echo=0,link=${this.devicePath}`], { stdio: 'ignore' });
    const deadline = Date.now() + 5000;
    while (!(fs.existsSync(this.receiverPath) && fs.existsSync(this.devicePath))) {
      if (Date.now() > deadline) throw new Error('socat did not create its ptys');
      await new Promise((r) => setTimeout(r, 20));
    }
    this.fd = fs.openSync(this.receiverPath, fs.constants.O_WRONLY | fs.constants.O_NOCTTY);
  }

  /** What the receiver sends down the wire. */
  write(text: string | Buffer): void {
    if (this.fd === undefined) throw new Error('socat is not running');
    fs.writeSync(this.fd, typeof text === 'string' ? Buffer.from(text, 'latin1') : text);
  }

  /** A receiver talks all the time: repeat `text` every `ms` until the returned stop is called. */
  talk(text: () => string, ms = 50): () => void {
    const timer = setInterval(() => {
      if (this.fd !== undefined) this.write(text());
    }, ms);
    return () => clearInterval(timer);
  }

  /** Pulling the cable: the pty vanishes under the reader. */
  async kill(): Promise<void> {
    if (this.fd !== undefined) fs.closeSync(this.fd);
    this.fd = undefined;
    const proc = this.proc;
    this.proc = undefined;
    if (!proc || proc.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      proc.once('exit', () => resolve());
      proc.kill('SIGTERM');
    });
    // socat removes its links on exit; wait so a restart does not see stale ones.
    const deadline = Date.now() + 2000;
    while (fs.existsSync(this.devicePath) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  }
}

/** Wraps an NMEA body in `$…*hh` with its checksum. */
export function nmea(body: string, start = '$'): string {
  let sum = 0;
  for (let i = 0; i < body.length; i++) sum ^= body.charCodeAt(i);
  return `${start}${body}*${sum.toString(16).toUpperCase().padStart(2, '0')}`;
}

export async function until(cond: () => boolean, timeoutMs = 8000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
