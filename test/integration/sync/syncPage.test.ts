import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import type { Browser } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { createEnrolmentCode } from '../../../hub/enrolment';
import { startHub, type RunningHub } from '../../../hub/server';
import { createCore, type Core } from '../../../main/core';
import { putBlob } from '../../../main/evidence/blobs';
import { startServer, type RunningServer } from '../../../main/server/server';
import { openDeviceStore } from '../../../main/device-store';
import { inTransaction } from '../../../main/store/database';
import { createAudit } from '../../../main/store/repos/audits';
import { addFinding } from '../../../main/store/repos/findings';
import { createVessel } from '../../../main/store/repos/vessels';
import { mirrorAuditFromTables, mirrorVesselFromTables } from '../../../main/sync/mirror';
import { artifactPath, launchChromium } from '../../support/chromium';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../..');

/** Bundles the Sync page alone, with the browser shell's HTTP transport, into a static folder. */
async function bundleSyncPage(dir: string): Promise<void> {
  const entry = `
    import { createRoot } from 'react-dom/client';
    import { createElement } from 'react';
    import i18next from 'i18next';
    import { initReactI18next } from 'react-i18next';
    import sync from './renderer/i18n/sync.en.json';
    import shell from './renderer/i18n/shell.en.json';
    import { createClient } from './shared/api/client';
    import { httpTransport, takeToken } from './renderer/transport/http';
    import { SyncPage } from './renderer/pages/SyncPage';
    i18next.use(initReactI18next).init({ resources: { en: { translation: { ...shell, sync } } }, lng: 'en', interpolation: { escapeValue: false } });
    createRoot(document.getElementById('root')).render(createElement(SyncPage, { api: createClient(httpTransport(takeToken())) }));
  `;
  await build({
    stdin: { contents: entry, resolveDir: root, loader: 'tsx', sourcefile: 'sync-page-entry.tsx' },
    bundle: true,
    outfile: path.join(dir, 'app.js'),
    format: 'esm',
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  });
  fs.copyFileSync(path.join(root, 'renderer', 'styles.css'), path.join(dir, 'styles.css'));
  fs.writeFileSync(
    path.join(dir, 'index.html'),
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Gangway sync</title><link rel="stylesheet" href="/styles.css"></head><body><main class="content" id="root"></main><script type="module" src="/app.js"></script></body></html>',
  );
}

describe('the Sync page', () => {
  const cleanup: (() => Promise<void> | void)[] = [];
  let browser: Browser | undefined;
  afterAll(async () => {
    await browser?.close();
    while (cleanup.length) await cleanup.pop()!();
  });

  it('enrols with a code typed by the inspector and shows the backlog flowing to the hub, document by document', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gangway-syncpage-'));
    cleanup.push(() => fs.rmSync(dir, { recursive: true, force: true }));
    const hub: RunningHub = await startHub({ dataDir: path.join(dir, 'hub'), port: 0, host: '127.0.0.1' });
    cleanup.push(() => hub.close());
    const deviceDir = path.join(dir, 'device');
    const seed = openDeviceStore(deviceDir);
    inTransaction(seed.db, () => {
      for (let i = 0; i < 12; i++) {
        const v = createVessel(seed.db, { name: `Vessel ${i}` });
        mirrorVesselFromTables(seed.db, v.id);
        const a = createAudit(seed.db, { vesselId: v.id, place: 'at sea', date: '2026-11-01', inspector: 'K. Somchai' });
        const sha = putBlob(seed.db, deviceDir, { bytes: crypto.randomBytes(300_000), mediaType: 'image/jpeg' }).sha256;
        addFinding(seed.db, { auditId: a.id, title: `finding ${i}`, severity: 'high', evidence: [sha] });
        mirrorAuditFromTables(seed.db, a.id);
      }
    });
    seed.close();
    const core: Core = createCore({ dataDir: deviceDir, shell: 'test' });
    cleanup.push(() => core.close());
    const staticDir = path.join(dir, 'static');
    fs.mkdirSync(staticDir);
    await bundleSyncPage(staticDir);
    const server: RunningServer = await startServer({ core, staticDir, port: 0 });
    cleanup.push(async () => {
      await core.invoke('sync.stop', {});
      await server.close();
    });

    browser = await launchChromium();
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(server.browserUrl);
    await expect.poll(() => page.getByText('Not enrolled').isVisible()).toBe(true);
    const code = createEnrolmentCode(hub.store, { role: 'inspector', agency: 'dof-songkhla', userName: 'K. Somchai' }, hub.url);
    await page.getByLabel('Hub address').fill(hub.url.replace('ws://', ''));
    await page.getByLabel('Enrolment code').fill(code.code.toLowerCase());
    await page.getByRole('button', { name: 'Enrol' }).click();
    await expect.poll(() => page.getByText('Up to date').isVisible(), { timeout: 30_000 }).toBe(true);
    // 12 vessels, 12 audits and the agency index; 12 photos of 300 kB. Enrolment gives the audits
    // their agency, which publishes their 12 impact summaries (main/impact/publish.ts) a moment later.
    await expect.poll(() => page.getByText('On the hub').count(), { timeout: 30_000 }).toBe(37);
    await expect.poll(() => page.getByText(/^Documents: (\d+) of \1$/).isVisible()).toBe(true);
    await expect.poll(() => page.getByText(/Evidence files: 3\.6 of 3\.6 MB sent, 0 to go/).isVisible()).toBe(true);
    await page.screenshot({ path: artifactPath('sync-page.png'), fullPage: true });
    expect(hub.store.log().length).toBeGreaterThanOrEqual(37);
  }, 120_000);
});
