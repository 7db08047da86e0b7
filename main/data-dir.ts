import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const PRODUCT_NAME = 'Gangway';

/**
 * The same folder Electron's app.getPath('userData') gives the desktop app,
 * so `gangway serve` and the desktop shell share one store on a laptop.
 * GANGWAY_DATA overrides it (tests, a second profile).
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env.GANGWAY_DATA) return path.resolve(env.GANGWAY_DATA);
  const home = os.homedir();
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), PRODUCT_NAME);
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', PRODUCT_NAME);
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), PRODUCT_NAME);
}

/**
 * The Gangway folder (a checkout). This file is one level below it as a source
 * (main/) and in every build of it (dist-cli/, dist-electron/).
 */
export function checkoutDir(): string {
  return path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
}

/** The built renderer (vite build output), beside the sources in a checkout. */
export function rendererDistDir(): string {
  return path.join(checkoutDir(), 'dist', 'renderer');
}
