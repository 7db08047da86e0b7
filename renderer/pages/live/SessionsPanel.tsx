import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiClient } from '../../../shared/api/client';
import type { IngestSession } from '../../../shared/api/methods/ingest';
import type { ErrorShape } from '../../../shared/errors';
import { ErrorNote } from '../../components/ErrorNote';

/** Sessions are refreshed this often: their counters move with every committed batch. */
const REFRESH_MS = 5000;

function minutes(ms: number): string {
  return (ms / 60_000).toFixed(1);
}

/**
 * Recent ingest sessions as a record an inspector can rely on: what each source sent,
 * what was rejected and why (with an example line), and when it was out.
 */
export function SessionsPanel({ api }: { api: ApiClient }) {
  const { t } = useTranslation();
  const [sessions, setSessions] = useState<IngestSession[]>([]);
  const [error, setError] = useState<ErrorShape>();

  useEffect(() => {
    let live = true;
    const load = () =>
      api.call('ingest.sessions', { limit: 20 }).then(
        (s) => live && setSessions(s),
        (e: ErrorShape) => live && setError(e),
      );
    void load();
    const timer = setInterval(load, REFRESH_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [api]);

  if (sessions.length === 0 && !error) return null;
  return (
    <section aria-labelledby="live-sessions-title">
      <h2 id="live-sessions-title">{t('live.sessions.title')}</h2>
      <ErrorNote error={error} />
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t('live.source')}</th>
            <th scope="col">{t('live.sessions.started')}</th>
            <th scope="col">{t('live.lines')}</th>
            <th scope="col">{t('live.sessions.positions')}</th>
            <th scope="col">{t('live.rejected')}</th>
            <th scope="col">{t('live.outages')}</th>
          </tr>
        </thead>
        <tbody>
          {sessions.map((s) => (
            <tr key={s.id}>
              <th scope="row">
                {s.label}
                {s.lastError && <div className="field-error">{s.lastError}</div>}
              </th>
              <td>{new Date(s.startedAt).toLocaleString()}</td>
              <td>{s.lines.toLocaleString()}</td>
              <td>{(s.ownPositions + s.aisPositions).toLocaleString()}</td>
              <td>
                {s.rejected.toLocaleString()}
                {s.rejects.map((r) => (
                  <div key={r.reason}>
                    <small>
                      {t(`live.reasons.${r.reason}`, { defaultValue: r.reason })}: {r.count} — <span className="mono">{r.example}</span>
                    </small>
                  </div>
                ))}
              </td>
              <td>
                {s.outages.length}
                {s.outages.map((o) => (
                  <div key={o.from}>
                    <small>
                      {new Date(o.from).toLocaleTimeString()}
                      {o.to === null ? ` ${t('live.sessions.stillOut')}` : ` (${t('live.sessions.minutes', { n: minutes(o.to - o.from) })})`}: {o.reason}
                    </small>
                  </div>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
