import path from 'node:path';
import { renderToString } from 'react-dom/server';
import { afterEach, describe, expect, it } from 'vitest';
import '../../../renderer/i18n';
import { LiveFeedPage } from '../../../renderer/pages/LiveFeedPage';
import { age, formatBearing, formatLatLon } from '../../../renderer/pages/live/format';
import { createClient } from '../../../shared/api/client';
import { dispatch } from '../../../main/api/dispatch';
import { ingestHandlers } from '../../../main/api/handlers/ingest';
import type { CoreContext } from '../../../main/api/context';
import { shutdownIngest } from '../../../main/ingest/registry';
import { DATA, tempStore } from './helpers';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

describe('live feed page', () => {
  it('positions read like a chart: degrees and decimal minutes, bearings with the compass point', () => {
    expect(formatLatLon(7.5, -98.75)).toBe('07°30.000′N 098°45.000′W');
    expect(formatLatLon(-33.8568, 151.2153)).toBe('33°51.408′S 151°12.918′E');
    expect(formatBearing(44.6)).toBe('045° NE');
    expect(formatBearing(359.7)).toBe('000° N');
    expect(age(0, 90_000)).toEqual({ n: 1, unit: 'min' });
    expect(age(0, 7_200_000)).toEqual({ n: 2, unit: 'h' });
  });

  it('renders in English against the real API, with no untranslated keys showing', async () => {
    const t = tempStore();
    const ctx: CoreContext = { store: t.store, shell: 'test', emit: () => undefined };
    cleanups.push(async () => {
      await shutdownIngest(t.store);
      t.cleanup();
    });
    const api = createClient({ invoke: (m, input) => dispatch(ingestHandlers, ctx, m, input), subscribe: () => () => undefined });
    const imported = await api.call('ingest.importFile', { path: path.join(DATA, 'nmea/ais-nmea.log') });
    expect(imported.lines).toBeGreaterThan(1000);
    const html = renderToString(<LiveFeedPage api={api} />);
    expect(html).toContain('Live feed');
    expect(html).toContain('Import a log file');
    expect(html).toContain('Open a source');
    expect(html).not.toMatch(/live\.[a-z]/);
  });
});
