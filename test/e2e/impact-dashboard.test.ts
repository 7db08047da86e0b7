import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../main/store/database';
import { mutateDoc } from '../../main/sync/docStore';
import { summaryDocName, writeSummaryDoc } from '../../shared/sync';
import { artifactPath, launchChromium } from '../support/chromium';
import { impactScenario, PROGRAMME_DATE, SMALL_PORT } from '../support/impact-scenario';
import { startServe, type ServeProcess } from '../support/serve';
import { tempDir } from '../support/tmp';

/** The port office's view: the seeded year of summaries, as its port-authority store holds them after syncing. */
describe('the port office impact dashboard', () => {
  let serve: ServeProcess;
  let browser: Browser;
  beforeAll(async () => {
    const dir = tempDir();
    const store = openStore(dir);
    for (const s of impactScenario()) mutateDoc(store.db, summaryDocName(s.auditId), (doc) => writeSummaryDoc(doc, s));
    store.close();
    serve = await startServe(dir);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await serve?.stop();
  });

  it('shows the trend, withholds the small port, and says forced labour fell while withheld wages rose', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    await page.goto(serve.browserUrl);
    await page.getByRole('link', { name: 'Impact' }).click();
    await page.getByRole('heading', { name: 'Impact', level: 1 }).waitFor();
    await page.getByTestId('impact-trend').waitFor();
    expect(await page.getByTestId('impact-trend').locator('circle').count()).toBeGreaterThan(6);
    expect(await page.getByTestId('impact-money-trend-THB').locator('circle').count()).toBeGreaterThan(6);
    const table = page.getByTestId('impact-cells');
    // By port the small port's year (12 crew) is shown; by port and month its months are withheld.
    expect(await table.getByRole('row', { name: new RegExp(SMALL_PORT) }).first().textContent()).toMatch(/^Ranong612 \*/);
    await page.getByLabel('then by').selectOption('month');
    await table.getByRole('row', { name: `${SMALL_PORT} · 2026-01` }).waitFor();
    expect(await table.getByRole('row', { name: `${SMALL_PORT} · 2026-01` }).textContent()).toMatch(/Withheld: fewer than 5 crew interviewed/);
    await page.getByTestId('programme-date').fill(PROGRAMME_DATE);
    await page.getByTestId('impact-comparison').waitFor();
    expect(await page.getByTestId('change-forced-labour').textContent()).toMatch(/^Fell/);
    expect(await page.getByTestId('change-withheld_wages').textContent()).toMatch(/^Rose/);
    expect(await page.getByTestId('impact-verdict').textContent()).toMatch(/Not both fell/);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
    expect(download.suggestedFilename()).toBe('gangway-impact.csv');
    await page.screenshot({ path: artifactPath('impact-dashboard.png'), fullPage: true });
  });
});
