import path from 'node:path';
import * as esbuild from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadShoreGrid } from '../../../main/voyage/coastline';
import { distanceFromShoreM } from '../../../shared/geo/shore-grid';
import { analyseVoyage } from '../../../shared/voyage/analyse';
import { fleetFromPositions } from '../../../shared/voyage/fleet';
import type { VesselIdentity } from '../../../shared/voyage/position';
import { trackFromPositions } from '../../../shared/voyage/track';
import { artifactPath, launchChromium } from '../../support/chromium';
import { HOUR, MIN, Scenario, T0 } from './scenario';

// The page in a real Chromium, over an API answering with a real analysis: a carrier meeting and a dark spell.
const own = new Scenario(7.8, 98.38, T0, MIN, '567000001').stay(6 * HOUR).sail(260, 120, 10);
const meet = { lat: own.lat, lon: own.lon, t: own.t };
own.stay(3 * HOUR).sail(200, 20, 3).dark(20 * HOUR).stay(HOUR, 1).sail(70, 125, 10).stay(6 * HOUR);
const carrier = new Scenario(meet.lat, meet.lon, meet.t - 6 * HOUR, 30_000, '636000777').stay(15 * HOUR, 0.3);
const grid = loadShoreGrid({ scale: '50m' });
const analysis = analyseVoyage({
  track: trackFromPositions(own.positions),
  ownMmsi: '567000001',
  fleet: fleetFromPositions(carrier.positions),
  identities: new Map<string, VesselIdentity>([['636000777', { mmsi: '636000777', name: 'OCEAN REEFER', source: 'ais' }]]),
  ports: [{ name: 'Phuket', lat: 7.8, lon: 98.38 }],
  shoreAt: (lat, lon) => distanceFromShoreM(grid, lat, lon),
  sample: 20_000,
});

const ENTRY = `
import { createRoot } from 'react-dom/client';
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import voyage from './renderer/i18n/voyage.en.json';
import { VoyagePage } from './renderer/pages/VoyagePage';
const w = window as any;
w.calls = [];
const api = {
  async call(method: string, input: any) {
    w.calls.push({ method, input });
    if (input.source.mmsi === '111111111') throw { code: 'NOT_FOUND', message: 'Gangway has logged no positions from MMSI 111111111.' };
    return w.ANALYSIS;
  },
  on: () => () => {},
};
void i18next.use(initReactI18next).init({ resources: { en: { translation: { voyage } } }, lng: 'en', interpolation: { escapeValue: false } }).then(() => {
  createRoot(document.getElementById('root')!).render(<VoyagePage api={api as any} />);
});
`;

let browser: Browser;
let page: Page;

beforeAll(async () => {
  const bundle = await esbuild.build({
    stdin: { contents: ENTRY, loader: 'tsx', resolveDir: path.resolve(__dirname, '../../..') },
    bundle: true,
    format: 'iife',
    jsx: 'automatic',
    write: false,
    define: { 'process.env.NODE_ENV': '"production"' },
  });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.setContent('<!doctype html><html><body><div id="root"></div></body></html>');
  await page.evaluate((a) => ((window as unknown as { ANALYSIS: unknown }).ANALYSIS = a), analysis as unknown);
  await page.addScriptTag({ content: bundle.outputFiles[0]!.text });
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

describe('voyage page in Chromium', () => {
  it('refuses a ports line that is not name, latitude, longitude, and says which line', async () => {
    await page.getByLabel(/Ports and anchorages/).fill('Phuket,7.8,98.38\nsomewhere nice\nAtlantis,,');
    await expect.poll(() => page.getByText('Line(s) 2, 3 are not').count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Analyse' }).isDisabled()).toBe(true);
    await page.getByLabel(/Ports and anchorages/).fill('Phuket,7.8,98.38');
  });

  it('analyses, then shows the summary, the map, the timeline and a cited encounter with its evidence', async () => {
    await page.getByRole('button', { name: 'Analyse' }).click();
    await page.getByText(/encounters, .* loitering events\./).waitFor();
    const summary = await page.getByText(/encounters, .* loitering events\./).textContent();
    expect(summary).toContain(`${analysis.positions} positions`);
    expect(summary).toContain('1 encounters');
    const sent = await page.evaluate(() => (window as unknown as { calls: { method: string; input: { ports: unknown[]; source: unknown } }[] }).calls);
    expect(sent[0]).toMatchObject({ method: 'voyage.analyse', input: { source: { kind: 'store' }, ports: [{ name: 'Phuket', lat: 7.8, lon: 98.38 }] } });
    expect(await page.locator('canvas').count()).toBe(1);
    await page.getByRole('button', { name: /^Encounter, / }).click();
    await page.getByText('OCEAN REEFER (MMSI 636000777)').waitFor();
    expect(await page.getByText(analysis.encounters[0]!.id).count()).toBe(1);
    await page.getByRole('button', { name: /^AIS gap, / }).click();
    await page.getByText('Possible intentional disabling', { exact: true }).waitFor();
    const text = (await page.textContent('body')) ?? '';
    expect(text).not.toMatch(/voyage\.[a-z]/); // no untranslated keys
    // The map stroked part of the track (its caption says how much, at this zoom).
    expect(text).toMatch(/\d+ of \d+ positions drawn at this zoom/);
    await page.screenshot({ path: artifactPath('voyage-page.png'), fullPage: true });
  });

  it('shows the core\'s sentence when nothing was logged for a vessel', async () => {
    await page.getByLabel('A vessel heard on AIS (MMSI)').check();
    await page.locator('input[name="mmsi"]').fill('111111111');
    await page.getByRole('button', { name: 'Analyse' }).click();
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').textContent()).toBe('Gangway has logged no positions from MMSI 111111111.');
  });
});
