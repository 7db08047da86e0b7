import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiClient } from '../../shared/api/client';
import type { ErrorShape } from '../../shared/errors';
import { ErrorNote } from '../components/ErrorNote';
import { age, formatBearing, formatLatLon } from './live/format';
import { ImportDialog } from './live/ImportDialog';
import { OpenSourceForm } from './live/OpenSourceForm';
import { RegistrySuggestions } from './live/RegistrySuggestions';
import { SessionsPanel } from './live/SessionsPanel';
import { useLiveStatus } from './live/useLiveStatus';

/**
 * The live feed: sources and their state, message rate, own position and the vessels
 * heard on AIS (MMSI, name, distance, bearing, last seen), updating as data arrives.
 */
export function LiveFeedPage({ api }: { api: ApiClient }) {
  const { t } = useTranslation();
  const [sinceMinutes, setSinceMinutes] = useState(30);
  const { status, vessels, error, now } = useLiveStatus(api, sinceMinutes);
  const [importing, setImporting] = useState(false);
  const [closeError, setCloseError] = useState<ErrorShape>();

  async function close(id: string) {
    setCloseError(undefined);
    try {
      await api.call('ingest.close', { id });
    } catch (e) {
      setCloseError(e as ErrorShape);
    }
  }

  const ago = (then: number) => {
    const a = age(then, now);
    return t(`live.ago.${a.unit}`, { count: a.n });
  };
  const fix = status?.lastFix;
  const rejects = Object.entries(status?.rejects ?? {}).filter(([, n]) => n > 0);

  return (
    <section aria-labelledby="live-title">
      <div className="page-header">
        <h1 id="live-title">{t('live.title')}</h1>
        <button type="button" onClick={() => setImporting(true)}>
          {t('live.import.open')}
        </button>
      </div>
      <ErrorNote error={error} />

      <div className="panel" role="status" aria-live="polite" aria-label={t('live.summary')}>
        <dl className="form-grid">
          <div>
            <dt>{t('live.rate')}</dt>
            <dd>{t('live.perSecond', { n: (status?.messagesPerSecond ?? 0).toFixed(1) })}</dd>
          </div>
          <div>
            <dt>{t('live.lines')}</dt>
            <dd>{(status?.lines ?? 0).toLocaleString()}</dd>
          </div>
          <div>
            <dt>{t('live.rejected')}</dt>
            <dd>
              {(status?.rejected ?? 0).toLocaleString()}
              {rejects.length > 0 && (
                <small>
                  {' '}
                  ({rejects.map(([reason, n]) => `${t(`live.reasons.${reason}`, { defaultValue: reason })}: ${n}`).join(', ')})
                </small>
              )}
            </dd>
          </div>
          <div>
            <dt>{t('live.ownPosition')}</dt>
            <dd className="mono">
              {fix ? (
                <>
                  {formatLatLon(fix.lat, fix.lon)}
                  {fix.sogKn !== null && ` · ${t('live.knots', { n: fix.sogKn.toFixed(1) })}`}
                  {fix.cogDeg !== null && ` · ${formatBearing(fix.cogDeg)}`}
                  <br />
                  <small>{ago(fix.t)}</small>
                </>
              ) : (
                t('live.noFix')
              )}
            </dd>
          </div>
        </dl>
      </div>

      <h2>{t('live.sources')}</h2>
      <ErrorNote error={closeError} />
      {status && status.sources.length > 0 ? (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('live.source')}</th>
              <th scope="col">{t('live.state')}</th>
              <th scope="col">{t('live.lines')}</th>
              <th scope="col">{t('live.rejected')}</th>
              <th scope="col">{t('live.outages')}</th>
              <th scope="col" aria-label={t('live.actions')} />
            </tr>
          </thead>
          <tbody>
            {status.sources.map((s) => (
              <tr key={s.id}>
                <th scope="row">{s.label}</th>
                <td>
                  <span className={`badge badge-${s.state}`}>{t(`live.states.${s.state}`)}</span>
                  {s.detail && <small> {s.detail}</small>}
                </td>
                <td>{s.lines.toLocaleString()}</td>
                <td>{s.rejected.toLocaleString()}</td>
                <td>{s.outages}</td>
                <td className="row-actions">
                  {s.state !== 'closed' && s.state !== 'failed' && (
                    <button type="button" onClick={() => void close(s.id)}>
                      {t('live.close')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>{t('live.noSources')}</p>
      )}

      <OpenSourceForm api={api} />

      <div className="page-header">
        <h2>{t('live.vessels', { count: vessels.length })}</h2>
        <label>
          {t('live.heardWithin')}{' '}
          <select value={sinceMinutes} onChange={(e) => setSinceMinutes(Number(e.target.value))}>
            {[10, 30, 120, 1440].map((m) => (
              <option key={m} value={m}>
                {t('live.minutes', { count: m })}
              </option>
            ))}
          </select>
        </label>
      </div>
      {vessels.length > 0 ? (
        <table className="table" aria-label={t('live.vessels', { count: vessels.length })}>
          <thead>
            <tr>
              <th scope="col">MMSI</th>
              <th scope="col">{t('live.name')}</th>
              <th scope="col">{t('live.distance')}</th>
              <th scope="col">{t('live.bearing')}</th>
              <th scope="col">{t('live.speed')}</th>
              <th scope="col">{t('live.lastSeen')}</th>
            </tr>
          </thead>
          <tbody>
            {vessels.map((v) => (
              <tr key={v.mmsi}>
                <th scope="row" className="mono">
                  {v.mmsi}
                </th>
                <td>{v.name ?? <small>{t('live.unnamed')}</small>}</td>
                <td>{v.distanceNm === null ? '—' : t('live.nm', { n: v.distanceNm.toFixed(1) })}</td>
                <td className="mono">{v.bearingDeg === null ? '—' : formatBearing(v.bearingDeg)}</td>
                <td>{v.sogKn === null ? '—' : t('live.knots', { n: v.sogKn.toFixed(1) })}</td>
                <td>{ago(v.lastSeen)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>{t('live.noVessels')}</p>
      )}

      <RegistrySuggestions api={api} />

      <SessionsPanel api={api} />

      {importing && <ImportDialog api={api} onClose={() => setImporting(false)} />}
    </section>
  );
}
