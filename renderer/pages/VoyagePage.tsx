import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiClient } from '../../shared/api/client';
import type { ErrorShape } from '../../shared/errors';
import type { VoyageAnalysis } from '../../shared/voyage/analyse';
import { eventsToCsv, eventsToGeoJson } from '../../shared/voyage/export';
import { Port } from '../../shared/voyage/ports';
import { ErrorNote } from '../components/ErrorNote';
import { EventDetail } from './voyage/EventDetail';
import { Timeline } from './voyage/Timeline';
import { TrackMap } from './voyage/TrackMap';

type SourceKind = 'own' | 'mmsi' | 'files';

/** "Name,lat,lon" per line → ports; the line numbers of the ones that are not. */
function parsePorts(text: string): { ports: Port[]; bad: number[] } {
  const ports: Port[] = [];
  const bad: number[] = [];
  text.split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    const parts = line.split(',');
    // A blank coordinate is missing, not 0 (a real place in the Gulf of Guinea).
    const num = (x: string | undefined) => (x === undefined || x.trim() === '' ? NaN : Number(x));
    const lon = num(parts.pop());
    const lat = num(parts.pop());
    const p = Port.safeParse({ name: parts.join(',').trim(), lat, lon });
    if (p.success) ports.push(p.data);
    else bad.push(i + 1);
  });
  return { ports, bad };
}

function download(name: string, type: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

const toMs = (local: string) => (local ? Date.parse(`${local}:00Z`) : undefined);

/**
 * Voyage analytics: choose a track (what Gangway logged, one vessel heard on
 * AIS, or log files), add the ports the inspector knows, and see port visits,
 * voyages, gaps, encounters and loitering on an offline map and a timeline.
 */
export function VoyagePage({ api }: { api: ApiClient }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<SourceKind>('own');
  const [mmsi, setMmsi] = useState('');
  const [paths, setPaths] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [portsText, setPortsText] = useState('');
  const [result, setResult] = useState<VoyageAnalysis>();
  const [error, setError] = useState<ErrorShape>();
  const [busy, setBusy] = useState(false);
  const [selected, setSelected] = useState<string>();
  const parsedPorts = useMemo(() => parsePorts(portsText), [portsText]);

  async function analyse(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const fromMs = toMs(from);
      const toMsV = toMs(to);
      const source =
        kind === 'files'
          ? { kind: 'files' as const, paths: paths.split('\n').map((p) => p.trim()).filter(Boolean), ...(mmsi.trim() ? { mmsi: mmsi.trim() } : {}) }
          : { kind: 'store' as const, ...(kind === 'mmsi' ? { mmsi: mmsi.trim() } : {}), ...(fromMs !== undefined ? { from: fromMs } : {}), ...(toMsV !== undefined ? { to: toMsV } : {}) };
      const r = await api.call('voyage.analyse', { source, ports: parsedPorts.ports, sample: 100_000 });
      setResult(r);
      setSelected(undefined);
    } catch (err) {
      setError(err as ErrorShape);
    } finally {
      setBusy(false);
    }
  }

  const chosen = result?.events.find((e) => e.id === selected);
  const stamp = result?.start ? new Date(result.start).toISOString().slice(0, 10) : 'track';
  const base = `gangway-voyage-${result?.vessel.mmsi ?? 'own'}-${stamp}`;

  return (
    <div>
      <header className="page-header">
        <h1>{t('voyage.title')}</h1>
      </header>
      <form className="panel form-grid" onSubmit={analyse} aria-label={t('voyage.form.label')}>
        <fieldset>
          <legend>{t('voyage.form.source')}</legend>
          {(['own', 'mmsi', 'files'] as const).map((k) => (
            <label key={k} style={{ display: 'block' }}>
              <input type="radio" name="source" value={k} checked={kind === k} onChange={() => setKind(k)} /> {t(`voyage.form.${k}`)}
            </label>
          ))}
        </fieldset>
        {kind !== 'own' && (
          <label>
            {t('voyage.form.mmsi')}
            <input name="mmsi" inputMode="numeric" value={mmsi} onChange={(e) => setMmsi(e.target.value)} required={kind === 'mmsi'} pattern="\d{9}" />
          </label>
        )}
        {kind === 'files' ? (
          <label>
            {t('voyage.form.paths')}
            <textarea name="paths" rows={3} value={paths} onChange={(e) => setPaths(e.target.value)} required />
          </label>
        ) : (
          <>
            <label>
              {t('voyage.form.from')}
              <input type="datetime-local" value={from} onChange={(e) => setFrom(e.target.value)} />
            </label>
            <label>
              {t('voyage.form.to')}
              <input type="datetime-local" value={to} onChange={(e) => setTo(e.target.value)} />
            </label>
          </>
        )}
        <label>
          {t('voyage.form.ports')}
          <textarea name="ports" rows={3} placeholder="Songkhla,7.21,100.59" value={portsText} onChange={(e) => setPortsText(e.target.value)} aria-describedby="voyage-ports-hint" />
          <small id="voyage-ports-hint">{parsedPorts.bad.length ? t('voyage.form.portsBad', { lines: parsedPorts.bad.join(', ') }) : t('voyage.form.portsHint', { count: parsedPorts.ports.length })}</small>
        </label>
        <ErrorNote error={error} />
        <div className="actions">
          <button type="submit" className="primary" disabled={busy || parsedPorts.bad.length > 0}>
            {busy ? t('voyage.form.busy') : t('voyage.form.analyse')}
          </button>
        </div>
      </form>

      {result && (
        <>
          <section className="panel" aria-label={t('voyage.summary.label')}>
            <p>
              {t('voyage.summary.line', {
                vessel: result.vessel.name ?? (result.vessel.mmsi ? `MMSI ${result.vessel.mmsi}` : t('voyage.summary.own')),
                positions: result.positions,
                visits: result.visits.length,
                voyages: result.voyages.length,
                gaps: result.gaps.length,
                encounters: result.encounters.length,
                loitering: result.loitering.length,
              })}
            </p>
            {!result.shoreKnown && <p>{t('voyage.summary.noShore')}</p>}
            {result.issues.length > 0 && (
              <ul aria-label={t('voyage.summary.issues')}>
                {result.issues.map((i) => (
                  <li key={i.kind}>{i.message}</li>
                ))}
              </ul>
            )}
            <div className="actions">
              <button type="button" onClick={() => download(`${base}.geojson`, 'application/geo+json', JSON.stringify(eventsToGeoJson(result), null, 2))}>
                {t('voyage.export.geojson')}
              </button>
              <button type="button" onClick={() => download(`${base}.csv`, 'text/csv', eventsToCsv(result))}>
                {t('voyage.export.csv')}
              </button>
            </div>
          </section>
          <TrackMap track={result.track} events={result.events} selected={selected} onSelect={setSelected} />
          {result.start !== undefined && result.end !== undefined && <Timeline events={result.events} start={result.start} end={result.end} selected={selected} onSelect={setSelected} />}
          {chosen && <EventDetail event={chosen} />}
          {result.risk && (
            <section className="panel" aria-label={t('voyage.risk.label')}>
              <h2>{t('voyage.risk.title')}</h2>
              <p>{t('voyage.risk.note')}</p>
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t('voyage.risk.feature')}</th>
                    <th scope="col">{t('voyage.risk.value')}</th>
                    <th scope="col">{t('voyage.risk.basis')}</th>
                  </tr>
                </thead>
                <tbody>
                  {result.risk.features.map((f) => (
                    <tr key={f.key}>
                      <th scope="row">{t(`voyage.risk.features.${f.key}`, { defaultValue: f.label })}</th>
                      <td>{f.value === null ? '—' : `${Number(f.value.toFixed(2))} ${f.unit}`}</td>
                      <td>{f.basis}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          )}
        </>
      )}
    </div>
  );
}
