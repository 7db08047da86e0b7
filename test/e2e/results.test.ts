import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { artifactPath, launchChromium } from '../support/chromium';
import { httpClient } from '../support/http-client';
import { seedFleet } from '../support/seed-fleet';
import { startServe, type ServeProcess } from '../support/serve';
import { tempDir } from '../support/tmp';

describe('a port officer reading the results', () => {
  let serve: ServeProcess;
  let browser: Browser;
  beforeAll(async () => {
    serve = await startServe(tempDir());
    await seedFleet(httpClient(serve.url, serve.token));
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await serve?.stop();
  });

  it('sees how many crew show each indicator and how much money was taken, per vessel and in all', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    await page.goto(serve.browserUrl);
    await page.getByRole('link', { name: 'Results' }).click();
    await page.getByRole('heading', { name: 'Results', level: 1 }).waitFor();
    expect(await page.getByTestId('interviewed').textContent()).toBe('3');
    expect(await page.getByTestId('strong-signals').textContent()).toBe('1');
    // 70,540 withheld + 528,000 diverted
    expect(await page.getByTestId('illicit-THB').textContent()).toMatch(/598,540/);
    const chart = page.getByTestId('prevalence-chart');
    expect(await chart.textContent()).toContain('Retention of identity documents');
    // Three interviews: counts, and no share of so few ("too few to say").
    expect(await chart.textContent()).toContain('2 of 3');
    expect(await chart.textContent()).toContain('1 of 3');
    expect(await chart.textContent()).toContain('Too few to say');
    expect(await chart.textContent()).not.toContain('67%');
    const records = page.getByTestId('records-chart');
    expect(await records.textContent()).toContain('Withholding of wages');
    // Twenty crew: the share with its count and its Wilson 95 % interval, flagged as uncertain under 30.
    expect(await records.textContent()).toContain('65% (13 of 20) · 95% 43–82%');
    expect(await records.textContent()).toContain('fewer than 30');
    const table = page.getByTestId('results-vessels');
    expect(await table.getByRole('row', { name: /Sea Star 7/ }).textContent()).toMatch(/2026-11-27.*3.*1/);
    expect(await table.getByRole('row', { name: /Ocean Pride/ }).textContent()).toMatch(/Ocean Pride1—/);
    await page.screenshot({ path: artifactPath('results.png'), fullPage: true });
  });
});
