import { renderToString } from 'react-dom/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import '../../../renderer/i18n';
import { WagesPage } from '../../../renderer/pages/WagesPage';
import { FlagList } from '../../../renderer/pages/wages/FlagList';
import { FloorEditor } from '../../../renderer/pages/wages/FloorEditor';
import { MonthChart } from '../../../renderer/pages/wages/MonthChart';
import { VesselSummary } from '../../../renderer/pages/wages/VesselSummary';
import { dispatch } from '../../../main/api/dispatch';
import type { CoreContext } from '../../../main/api/context';
import { wageHandlers } from '../../../main/api/handlers/wages';
import { createClient, type ApiClient } from '../../../shared/api/client';
import type { WageReport } from '../../../shared/wages/schemas';
import { CREW, FLOOR, camt053, contractsCsv, payrollXlsx, thaiStatementBytes } from '../../fixtures/wages/scenario';
import { scenarioStore } from './helpers';

const b64 = (bytes: Uint8Array | string) => Buffer.from(typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes).toString('base64');

describe('wages page against the real API', () => {
  const env = scenarioStore();
  const ctx: CoreContext = { store: env.store, shell: 'test', emit: () => undefined };
  const api: ApiClient = createClient({ invoke: (m, input) => dispatch(wageHandlers, ctx, m, input), subscribe: () => () => undefined });
  let report: WageReport;
  beforeAll(async () => {
    const vesselId = env.vesselId;
    for (const e of FLOOR) await api.call('wages.floor.set', e);
    await api.call('wages.import', { vesselId, kind: 'contracts', filename: 'contracts.csv', data: b64(contractsCsv()) });
    for (const c of CREW.slice(0, 17)) await api.call('wages.import', { vesselId, kind: 'statement', filename: `${c}.csv`, data: b64(thaiStatementBytes(c)) });
    await api.call('wages.import', { vesselId, kind: 'statement', filename: 'camt.xml', data: b64(camt053()) });
    await api.call('wages.import', { vesselId, kind: 'payroll', filename: 'payroll.xlsx', data: b64(await payrollXlsx()) });
    report = await api.call('wages.reconcile', { vesselId });
  });
  afterAll(() => env.cleanup());

  it('the vessel summary shows total withheld and suspected diverted, with currency', () => {
    const html = renderToString(<VesselSummary report={report} onSelect={() => undefined} />);
    expect(html).toContain('Total withheld');
    expect(html).toContain('70,540.00<!-- --> <!-- -->THB');
    expect(html).toContain('528,000.00<!-- --> <!-- -->THB');
    expect(html).not.toMatch(/wages\.[a-z]/);
  });

  it('the month chart draws owed, paid and withdrawn bars for each of 12 months, marking diverted months', () => {
    const months = report.months.filter((m) => m.crew === 'C14');
    const html = renderToString(<MonthChart months={months} currency="THB" />);
    expect(html.match(/<rect /g)).toHaveLength(36);
    expect(html.match(/class="wages-mark"/g)).toHaveLength(12);
    expect(html).toContain('24-06 Withdrawn: 11,000.00 THB');
  });

  it('flags read as sentences and offer their transactions', () => {
    const flags = report.months.filter((m) => m.crew === 'C14' && m.month === '2024-03').flatMap((m) => m.flags);
    const html = renderToString(<FlagList api={api} vesselId={env.vesselId} flags={flags} />);
    expect(html).toContain('Several crew accounts emptied at one ATM');
    expect(html).toContain('Pay withdrawn within hours');
    expect(html).toContain('Show the 4 transactions');
    expect(html).not.toMatch(/wages\.[a-z]/);
  });

  it('the floor editor renders its form in English', () => {
    const html = renderToString(<FloorEditor api={api} onChanged={() => undefined} />);
    expect(html).toContain('Legal minimum wage');
    expect(html).toContain('Source (gazette, notification, registry)');
    expect(html).not.toMatch(/wages\.[a-z]/);
  });

  it('the page starts by asking for a vessel, in English, with no raw keys', () => {
    const html = renderToString(<WagesPage api={api} />);
    expect(html).toContain('Wages');
    expect(html).toContain('Choose a vessel…');
    expect(html).not.toMatch(/wages\.[a-z]/);
  });

  it('a rejected import reaches the UI as one sentence with the row', async () => {
    await expect(api.call('wages.import', { vesselId: env.vesselId, kind: 'statement', filename: 'junk.csv', data: b64('hello,world\n1,2\n') })).rejects.toMatchObject({
      code: 'IMPORT',
      message: expect.stringContaining('junk.csv was not imported: line 1:'),
    });
  });
});
