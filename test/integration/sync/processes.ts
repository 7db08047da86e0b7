import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';

const here = path.dirname(new URL(import.meta.url).pathname);
const root = path.resolve(here, '../../..');

function spawnTs(file: string, args: string[]): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', path.join(here, file), ...args], { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] });
}

/** A hub running in its own process. `restart()` kills it and starts it again on the same port and data. */
export class HubProcess {
  child: ChildProcess | null = null;
  port = 0;
  stderr = '';
  constructor(readonly dataDir: string) {}

  get url(): string {
    return `ws://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    const child = spawnTs('hubProcess.ts', [this.dataDir, String(this.port)]);
    this.child = child;
    child.stderr!.on('data', (d) => (this.stderr += String(d)));
    const lines = readline.createInterface({ input: child.stdout! });
    this.port = await new Promise<number>((resolve, reject) => {
      lines.once('line', (l) => resolve(Number(l.replace('READY ', ''))));
      child.once('exit', (code) => reject(new Error(`hub exited ${code}: ${this.stderr}`)));
    });
  }

  async kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill(signal);
    });
    this.child = null;
  }

  async restart(): Promise<void> {
    await this.kill();
    await this.start();
  }
}

/** A device running in its own process, answering one command at a time. */
export class DeviceProcess {
  child: ChildProcess | null = null;
  private next = 1;
  private waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  stderr = '';
  constructor(readonly dataDir: string) {}

  async start(): Promise<void> {
    const child = spawnTs('deviceProcess.ts', [this.dataDir]);
    this.child = child;
    child.stderr!.on('data', (d) => (this.stderr += String(d)));
    const lines = readline.createInterface({ input: child.stdout! });
    await new Promise<void>((resolve, reject) => {
      lines.on('line', (l) => {
        const msg = JSON.parse(l) as { ready?: boolean; id?: number; out?: unknown; error?: string };
        if (msg.ready) return resolve();
        const w = this.waiting.get(msg.id!);
        this.waiting.delete(msg.id!);
        if (msg.error !== undefined) w?.reject(new Error(msg.error));
        else w?.resolve(msg.out);
      });
      child.once('exit', (code) => {
        for (const w of this.waiting.values()) w.reject(new Error(`device exited (${code})`));
        this.waiting.clear();
        reject(new Error(`device exited ${code}: ${this.stderr}`));
      });
    });
  }

  call<T = Record<string, unknown>>(cmd: string, args: Record<string, unknown> = {}): Promise<T> {
    const id = this.next++;
    return new Promise<T>((resolve, reject) => {
      this.waiting.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.child!.stdin!.write(JSON.stringify({ id, cmd, args }) + '\n');
    });
  }

  /** Pulls the plug: the process dies wherever it is, mid-transfer included. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGKILL');
    });
    this.child = null;
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.stdin!.end();
    });
    this.child = null;
  }
}
