import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from '../support/serve';

/**
 * The only test that loads Electron. Electron's binary cannot be downloaded on
 * the machines that build Gangway, so this runs where it is installed and says
 * plainly that it skipped otherwise.
 */
function electronBinary(): string | undefined {
  try {
    const p = createRequire(import.meta.url)('electron') as unknown;
    return typeof p === 'string' && fs.existsSync(p) ? p : undefined;
  } catch {
    return undefined;
  }
}

const binary = electronBinary();
if (!binary) console.log('electron launch test: skipped: Electron binary not installed');

describe.skipIf(!binary)('the real desktop app (skipped: Electron binary not installed)', () => {
  it('opens one window on the vessel registry with the preload bridge and no Node in the page', async () => {
    const { _electron } = await import('playwright-core');
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gangway-electron-'));
    const app = await _electron.launch({ executablePath: binary!, args: [REPO, '--no-sandbox'], env: { ...process.env, GANGWAY_DATA: dataDir } });
    try {
      const page = await app.firstWindow();
      await page.getByRole('heading', { name: 'Vessel registry' }).waitFor();
      expect(await page.evaluate(() => typeof (window as unknown as { gangway?: unknown }).gangway)).toBe('object');
      expect(await page.evaluate(() => typeof (globalThis as unknown as { require?: unknown }).require)).toBe('undefined');
      expect(page.url()).toMatch(/^gangway:\/\/app\//);
      expect(app.windows()).toHaveLength(1);
    } finally {
      await app.close();
    }
  });
});
