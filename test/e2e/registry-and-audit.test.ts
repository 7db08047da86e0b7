import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { artifactPath, launchChromium } from '../support/chromium';
import { startServe, type ServeProcess } from '../support/serve';

describe('an inspector in the browser shell', () => {
  let dataDir: string;
  let serve: ServeProcess;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gangway-e2e-'));
    serve = await startServe(dataDir);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  });

  afterAll(async () => {
    await browser?.close();
    await serve?.stop();
  });

  it('adds a vessel, finds it, audits it, records a finding, and finds it all again after reloading page and server', async () => {
    await page.goto(serve.browserUrl);
    // The secret leaves the address bar once the page has it.
    await expect.poll(() => page.url()).not.toContain('token=');

    await page.getByRole('button', { name: 'Add vessel' }).click();
    await page.getByLabel('Name (required)').fill('Sea Star 7');
    await page.getByLabel('IMO number').fill('1234568'); // wrong check digit
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.getByText('IMO number must be 7 digits with a valid check digit').first().isVisible()).toBe(true);

    await page.getByLabel('IMO number').fill('9074729');
    await page.getByLabel('MMSI').fill('567000123');
    await page.getByLabel('Flag (ISO code)').fill('tha');
    await page.getByLabel('Home port').fill('Songkhla');
    await page.getByLabel('Gear').selectOption('trawl');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('button', { name: 'Add vessel' }).click();
    await page.getByLabel('Name (required)').fill('Ocean Pride');
    await page.getByLabel('MMSI').fill('567000999');
    await page.getByRole('button', { name: 'Save' }).click();

    const list = page.getByTestId('vessel-list');
    await expect.poll(() => list.getByRole('row').count()).toBe(3);
    await page.getByLabel('Search vessels').fill('9074729');
    await expect.poll(() => list.getByRole('row').count()).toBe(2);
    expect(await list.textContent()).toContain('Sea Star 7');
    expect(await list.textContent()).not.toContain('Ocean Pride');
    await page.getByLabel('Search vessels').fill('');
    await expect.poll(() => list.getByRole('row').count()).toBe(3);
    await page.screenshot({ path: artifactPath('vessel-list.png') });

    await page.getByRole('button', { name: 'New audit: Sea Star 7' }).click();
    await page.getByLabel('Place').fill('Songkhla fishing port');
    await page.getByLabel('Inspector').fill('K. Srisuk');
    await page.getByRole('button', { name: 'New audit' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('Sea Star 7');

    await page.getByLabel('Title').fill('Crew hold no copy of their contract');
    await page.getByLabel('Severity').selectOption('high');
    await page.getByLabel('ILO forced-labour indicator').selectOption('deception');
    await page.getByLabel('What you saw, and where').fill('Six of nine deckhands say the captain keeps the contracts.');
    await page.getByRole('button', { name: 'Add finding' }).click();
    await expect.poll(() => page.getByTestId('findings').textContent()).toContain('Crew hold no copy of their contract');
    // Wait for the save itself (a fixed pause lost the race on a loaded machine), then restart.
    const saved = page.waitForResponse((r) => r.url().includes('/api/checklist.') && r.request().method() === 'POST' && r.ok());
    await page.getByLabel('Work agreement signed and understood').selectOption('non_compliant');
    await saved;

    // Stop the server, start a new one on the same data folder, and reload.
    await serve.stop();
    serve = await startServe(dataDir);
    await page.goto(`${serve.url}/#token=${serve.token}`);
    await page.getByRole('link', { name: 'Audits' }).click();
    const audits = page.getByTestId('audit-list');
    await expect.poll(() => audits.textContent()).toContain('Sea Star 7');
    expect(await audits.textContent()).toContain('Songkhla fishing port');
    await audits.getByRole('link', { name: 'Sea Star 7' }).click();
    await expect.poll(() => page.getByTestId('findings').textContent()).toContain('Crew hold no copy of their contract');
    expect(await page.getByTestId('findings').textContent()).toContain('Deception');
    expect(await page.getByLabel('Work agreement signed and understood').inputValue()).toBe('non_compliant');
    await page.getByRole('link', { name: 'Vessels' }).click();
    await expect.poll(() => page.getByTestId('vessel-list').getByRole('row').count()).toBe(3);
  });
});
