import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiClient } from '../../../shared/api/client';
import type { AisStatic } from '../../../shared/api/methods/ingest';
import type { ErrorShape } from '../../../shared/errors';
import { ErrorNote } from '../../components/ErrorNote';

/** Ships heard on AIS with a name but no registry entry yet: one click adds them with what AIS said. */
export function RegistrySuggestions({ api }: { api: ApiClient }) {
  const { t } = useTranslation();
  const [items, setItems] = useState<AisStatic[]>([]);
  const [error, setError] = useState<ErrorShape>();
  const [tick, setTick] = useState(0);

  useEffect(() => {
    let live = true;
    api.call('ingest.vesselData', { unregisteredOnly: true, limit: 50 }).then(
      (v) => live && setItems(v.filter((s) => s.name)),
      (e: ErrorShape) => live && setError(e),
    );
    return () => {
      live = false;
    };
  }, [api, tick]);

  async function add(s: AisStatic) {
    setError(undefined);
    try {
      const input: { name: string; mmsi: string; imo?: string; callSign?: string } = { name: s.name ?? '', mmsi: String(s.mmsi).padStart(9, '0') };
      if (s.imo !== null) input.imo = String(s.imo);
      if (s.callSign !== null) input.callSign = s.callSign;
      await api.call('vessels.create', input);
      setTick((n) => n + 1);
    } catch (e) {
      setError(e as ErrorShape);
    }
  }

  if (items.length === 0 && !error) return null;
  return (
    <section aria-labelledby="live-suggest-title">
      <h2 id="live-suggest-title">{t('live.suggest.title')}</h2>
      <p>{t('live.suggest.hint')}</p>
      <ErrorNote error={error} />
      <table className="table">
        <thead>
          <tr>
            <th scope="col">MMSI</th>
            <th scope="col">{t('live.name')}</th>
            <th scope="col">{t('live.suggest.callSign')}</th>
            <th scope="col">IMO</th>
            <th scope="col">{t('live.suggest.size')}</th>
            <th scope="col">{t('live.suggest.destination')}</th>
            <th scope="col" aria-label={t('live.actions')} />
          </tr>
        </thead>
        <tbody>
          {items.map((s) => (
            <tr key={s.mmsi}>
              <th scope="row" className="mono">
                {s.mmsi}
              </th>
              <td>{s.name}</td>
              <td className="mono">{s.callSign ?? '—'}</td>
              <td className="mono">{s.imo ?? '—'}</td>
              <td>{s.lengthM !== null && s.beamM !== null ? t('live.suggest.metres', { length: s.lengthM, beam: s.beamM }) : '—'}</td>
              <td>{s.destination ?? '—'}</td>
              <td className="row-actions">
                <button type="button" onClick={() => void add(s)}>
                  {t('live.suggest.add')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
