import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { artifactPath, launchChromium } from '../../support/chromium';
import { startServe } from '../../support/serve';
import { tempDir } from '../../support/tmp';
import { nmea } from '../../unit/native/socat-pair';
import { DATA } from './helpers';

/** Single-sentence AIS lines without a USCG time trailer, so they count as heard now. */
const AIS = fs
  .readFileSync(path.join(DATA, 'ais/gpsd-sample.aivdm'), 'latin1')
  .split('\n')
  .map((l) => l.replace(/\r$/, ''))
  .filter((l) => l.startsWith('!AIVDM,1,1') && /\*[0-9A-F]{2}$/.test(l));

describe('the live feed page in Chromium, against the real server and a TCP receiver on loopback', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('an inspector opens a network AIS receiver, sees vessels with distance and bearing, and imports a log with progress', async () => {
    const conns = new Set<net.Socket>();
    const receiver = net.createServer((sock) => {
      conns.add(sock);
      sock.on('error', () => undefined);
      let i = 0;
      const timer = setInterval(() => {
        sock.write(`${nmea('GPRMC,120000,A,3745.000,N,12225.000,W,5.0,90.0,010124,,')}\r\n`);
        for (let k = 0; k < 10; k++) sock.write(`${AIS[i++ % AIS.length]}\r\n`);
      }, 100);
      sock.on('close', () => clearInterval(timer));
    });
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
    const port = (receiver.address() as net.AddressInfo).port;
    const serve = await startServe(tempDir());
    try {
      const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
      await page.goto(serve.browserUrl);
      await page.getByRole('link', { name: 'Live feed' }).click();
      await page.getByRole('heading', { name: 'Live feed' }).waitFor();
      await page.getByText('No source is open').waitFor();

      await page.getByLabel('Kind').selectOption('tcp');
      await page.getByLabel('Receiver address').fill('127.0.0.1');
      await page.getByLabel('Port').fill(String(port));
      await page.getByRole('button', { name: 'Open', exact: true }).click();

      const row = page.getByRole('row', { name: new RegExp(`TCP 127\\.0\\.0\\.1:${port}`) });
      await row.getByText('Receiving').waitFor({ timeout: 10_000 });
      await page.getByText('37°45.000′N 122°25.000′W').waitFor({ timeout: 10_000 });
      const vessels = page.getByRole('table', { name: /vessels heard/ });
      await vessels.waitFor({ timeout: 15_000 });
      const first = vessels.getByRole('row').nth(1);
      expect(await first.textContent()).toMatch(/\d{9}.*\d+\.\d nm.*\d{3}° (N|NE|E|SE|S|SW|W|NW)/);
      await page.screenshot({ path: artifactPath('live-feed.png'), fullPage: true });

      await row.getByRole('button', { name: 'Stop' }).click();
      await row.getByText('Stopped').waitFor();

      await page.getByRole('button', { name: 'Import a log file…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Import an NMEA or AIS log' });
      await dialog.getByLabel('File').fill(path.join(DATA, 'nmea/ais-nmea.log'));
      await dialog.getByRole('button', { name: 'Import' }).click();
      await dialog.getByText(/Imported \d+ lines/).waitFor({ timeout: 20_000 });
      await dialog.getByRole('button', { name: 'Import' }).click();
      await dialog.getByText('This file was imported before; nothing was added.').waitFor({ timeout: 20_000 });
      await dialog.getByRole('button', { name: 'Close' }).click();

      // The session record shows the log's comment lines as rejected, with the reason and an example.
      const sessions = page.getByRole('region', { name: 'Ingest sessions' });
      const fileRow = sessions.getByRole('row', { name: /ais-nmea\.log/ });
      await fileRow.waitFor({ timeout: 15_000 });
      expect(await fileRow.textContent()).toMatch(/not NMEA: \d+ — # /);
      await sessions.getByRole('row', { name: new RegExp(`TCP 127\\.0\\.0\\.1:${port}`) }).waitFor();
    } finally {
      for (const c of conns) c.destroy();
      await new Promise<void>((r) => receiver.close(() => r()));
      await serve.stop();
    }
  }, 90_000);
});
