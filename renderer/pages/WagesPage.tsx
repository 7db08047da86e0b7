import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiClient } from '../../shared/api/client';
import type { Vessel } from '../../shared/domain/vessel';
import type { ErrorShape } from '../../shared/errors';
import type { WageReport } from '../../shared/wages/schemas';
import { ErrorNote } from '../components/ErrorNote';
import { FlagList } from './wages/FlagList';
import { FloorEditor } from './wages/FloorEditor';
import { ImportWizard } from './wages/ImportWizard';
import { MonthChart } from './wages/MonthChart';
import { VesselSummary } from './wages/VesselSummary';
import './wages/wages.css';

/**
 * E-wage records for one vessel: import contracts, bank statements and
 * payroll; see what each crew member was owed and received month by month,
 * the vessel's total withheld and suspected diverted wages, and every flag
 * with the transactions behind it.
 */
export function WagesPage({ api }: { api: ApiClient }) {
  const { t } = useTranslation();
  const [vessels, setVessels] = useState<Vessel[]>([]);
  const [vesselId, setVesselId] = useState('');
  const [report, setReport] = useState<WageReport>();
  const [crew, setCrew] = useState<string>();
  const [error, setError] = useState<ErrorShape>();

  useEffect(() => {
    api.call('vessels.search', { query: '', limit: 500 }).then(
      (list) => {
        setVessels(list);
        if (list.length === 1) setVesselId(list[0]!.id);
      },
      (e: ErrorShape) => setError(e),
    );
  }, [api]);

  const load = useCallback(async () => {
    if (!vesselId) return;
    setError(undefined);
    try {
      setReport(await api.call('wages.reconcile', { vesselId }));
    } catch (e) {
      setError(e as ErrorShape);
    }
  }, [api, vesselId]);

  useEffect(() => {
    setReport(undefined);
    setCrew(undefined);
    void load();
  }, [load]);

  const months = useMemo(() => report?.months.filter((m) => m.crew === crew) ?? [], [report, crew]);

  return (
    <section aria-labelledby="wages-title">
      <h1 id="wages-title">{t('wages.title')}</h1>
      <div className="field">
        <label htmlFor="wages-vessel">{t('wages.vessel')}</label>
        <select id="wages-vessel" value={vesselId} onChange={(e) => setVesselId(e.target.value)}>
          <option value="">{t('wages.chooseVessel')}</option>
          {vessels.map((v) => (
            <option key={v.id} value={v.id}>{v.name}</option>
          ))}
        </select>
      </div>
      <ErrorNote error={error} />
      {vesselId && <ImportWizard api={api} vesselId={vesselId} onImported={load} />}
      {vesselId && <FloorEditor api={api} onChanged={load} />}
      {report && report.months.length === 0 && <p>{t('wages.empty')}</p>}
      {report && report.months.length > 0 && <VesselSummary report={report} selected={crew} onSelect={setCrew} />}
      {crew && months.length > 0 && (
        <section className="panel" aria-labelledby="wages-crew">
          <h2 id="wages-crew">{t('wages.crew.title', { crew })}</h2>
          <MonthChart months={months} currency={months[0]!.currency} />
          <table className="table">
            <thead>
              <tr>
                <th>{t('wages.crew.month')}</th>
                <th className="wages-num">{t('wages.chart.expected')}</th>
                <th className="wages-num">{t('wages.crew.deductions')}</th>
                <th className="wages-num">{t('wages.chart.paid')}</th>
                <th className="wages-num">{t('wages.chart.withdrawn')}</th>
                <th className="wages-num">{t('wages.chart.diverted')}</th>
                <th className="wages-num">{t('wages.crew.received')}</th>
                <th className="wages-num">{t('wages.crew.shortfall')}</th>
              </tr>
            </thead>
            <tbody>
              {months.map((m) => (
                <tr key={m.month}>
                  <td>{m.month}</td>
                  <td className="wages-num">{(m.expected / 100).toFixed(2)}</td>
                  <td className="wages-num">{(m.deductions / 100).toFixed(2)}</td>
                  <td className="wages-num">{(m.paid / 100).toFixed(2)}</td>
                  <td className="wages-num">{(m.withdrawn / 100).toFixed(2)}</td>
                  <td className={`wages-num${m.suspectedDiverted > 0 ? ' wages-high' : ''}`}>{(m.suspectedDiverted / 100).toFixed(2)}</td>
                  <td className="wages-num">{(m.receivedByWorker / 100).toFixed(2)}</td>
                  <td className={`wages-num${m.shortfall > 0 ? ' wages-high' : ''}`}>{(m.shortfall / 100).toFixed(2)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h3>{t('wages.flags.title')}</h3>
          <FlagList api={api} vesselId={vesselId} flags={months.flatMap((m) => m.flags)} />
        </section>
      )}
    </section>
  );
}
