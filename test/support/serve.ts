import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

export const REPO = path.resolve(import.meta.dirname, '..', '..');

export interface ServeProcess {
  browserUrl: string;
  url: string;
  token: string;
  child: ChildProcess;
  log(): string;
  stop(): Promise<void>;
}

/** Starts the real `gangway serve` on a data folder, as a person would, and waits for its address. */
export function startServe(dataDir: string, extraArgs: string[] = []): Promise<ServeProcess> {
  const child = spawn(process.execPath, [path.join(REPO, 'bin', 'gangway.js'), 'serve', '--data', dataDir, '--port', '0', ...extraArgs], {
    cwd: REPO,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stderr!.on('data', (d) => (err += d));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`gangway serve did not start in time:\n${out}\n${err}`)), 30_000);
    child.on('exit', (code) => reject(new Error(`gangway serve exited (${code}):\n${out}\n${err}`)));
    child.stdout!.on('data', (d) => {
      out += d;
      const m = /Open (http:\/\/\S+?)\/#token=(\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({
          url: m[1]!,
          token: m[2]!,
          browserUrl: `${m[1]}/#token=${m[2]}`,
          child,
          log: () => err,
          stop: () =>
            new Promise((done) => {
              if (child.exitCode !== null) return done();
              child.once('exit', () => done());
              child.kill('SIGTERM');
            }),
        });
      }
    });
  });
}
