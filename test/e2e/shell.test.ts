import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { artifactPath, launchChromium } from '../support/chromium';
import { startServe } from '../support/serve';
import { tempDir } from '../support/tmp';

describe('the app shell in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('is usable from the keyboard alone, in Thai, and at night', async () => {
    const serve = await startServe(tempDir());
    try {
      const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
      await page.goto(serve.browserUrl);
      await page.getByRole('heading', { name: 'Vessel registry' }).waitFor();

      // Tab from the top reaches the navigation; Enter on "Audits" opens it.
      let reached = false;
      for (let i = 0; i < 8 && !reached; i++) {
        await page.keyboard.press('Tab');
        reached = (await page.evaluate(() => document.activeElement?.textContent)) === 'Audits';
      }
      expect(reached).toBe(true);
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { name: 'Audits' }).waitFor();
      expect(await page.getByRole('link', { name: 'Audits' }).getAttribute('aria-current')).toBe('page');

      await page.getByLabel('Display').selectOption('night');
      expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('night');
      const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      expect(bg).toBe('rgb(13, 15, 18)');

      await page.getByLabel('Language').selectOption('th');
      await page.getByRole('link', { name: 'เรือ', exact: true }).waitFor();
      expect(await page.getByRole('navigation').textContent()).toContain('การตรวจ');
      await page.screenshot({ path: artifactPath('shell-night-thai.png') });

      // Preferences survive a reload.
      await page.reload();
      await page.getByRole('link', { name: 'เรือ', exact: true }).waitFor();
      expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('night');
    } finally {
      await serve.stop();
    }
  });

  it('tells the person when the data cannot be opened, instead of a blank window', async () => {
    const dataDir = tempDir();
    const file = path.join(dataDir, 'gangway.sqlite');
    fs.writeFileSync(file, 'not a database '.repeat(1000));
    const serve = await startServe(dataDir);
    try {
      const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
      await page.goto(serve.browserUrl);
      await page.getByRole('heading', { name: 'Gangway cannot open its data' }).waitFor();
      expect(await page.getByRole('alert').textContent()).toMatch(/damaged or is not a Gangway database/);
      await page.screenshot({ path: artifactPath('store-error.png') });
      expect(serve.log()).toMatch(/damaged or is not a Gangway database/);
      expect(fs.readFileSync(file, 'utf8')).toBe('not a database '.repeat(1000));
    } finally {
      await serve.stop();
    }
  });
});
