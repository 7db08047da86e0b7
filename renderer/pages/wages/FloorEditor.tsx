import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiClient } from '../../../shared/api/client';
import type { ErrorShape } from '../../../shared/errors';
import type { FloorEntry } from '../../../shared/wages/floor';
import { parseAmount } from '../../../shared/wages/money';
import { ErrorNote, fieldErrors } from '../../components/ErrorNote';
import { baht } from './money';

/**
 * The legal-floor table: minimum wages as data, each with its source. The
 * inspector enters the figure in force (from the gazette or the port
 * authority); Gangway ships none.
 */
export function FloorEditor({ api, onChanged }: { api: ApiClient; onChanged: () => void }) {
  const { t } = useTranslation();
  const [entries, setEntries] = useState<FloorEntry[]>([]);
  const [form, setForm] = useState({ jurisdiction: 'TH', sector: 'sea-fishery', effectiveFrom: '', daily: '', currency: 'THB', source: '' });
  const [error, setError] = useState<ErrorShape>();

  useEffect(() => {
    api.call('wages.floor.list').then(setEntries, (e: ErrorShape) => setError(e));
  }, [api]);

  async function save(e: FormEvent) {
    e.preventDefault();
    setError(undefined);
    const daily = parseAmount(form.daily);
    if (!daily.ok || daily.value <= 0) {
      setError({ code: 'VALIDATION', message: t('wages.floor.badAmount'), issues: [{ path: 'dailyMinimum', message: t('wages.floor.badAmount') }] });
      return;
    }
    try {
      const { daily: _d, ...rest } = form;
      setEntries(await api.call('wages.floor.set', { ...rest, dailyMinimum: daily.value }));
      onChanged();
    } catch (err) {
      setError(err as ErrorShape);
    }
  }

  const errors = fieldErrors(error);
  const field = (key: keyof typeof form, label: string, type = 'text') => (
    <div className={`field${errors[key === 'daily' ? 'dailyMinimum' : key] ? ' field-invalid' : ''}`}>
      <label htmlFor={`floor-${key}`}>{label}</label>
      <input id={`floor-${key}`} type={type} value={form[key]} onChange={(e) => setForm({ ...form, [key]: e.target.value })} required />
    </div>
  );

  return (
    <section className="panel" aria-labelledby="wages-floor">
      <h2 id="wages-floor">{t('wages.floor.title')}</h2>
      <p><small>{t('wages.floor.hint')}</small></p>
      {entries.length > 0 && (
        <table className="table">
          <thead>
            <tr>
              <th>{t('wages.floor.jurisdiction')}</th>
              <th>{t('wages.floor.sector')}</th>
              <th>{t('wages.floor.from')}</th>
              <th className="wages-num">{t('wages.floor.daily')}</th>
              <th className="wages-num">{t('wages.floor.monthly')}</th>
              <th>{t('wages.floor.source')}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={`${e.jurisdiction}-${e.sector}-${e.region ?? ''}-${e.effectiveFrom}`}>
                <td>{e.jurisdiction}{e.region ? ` (${e.region})` : ''}</td>
                <td>{e.sector}</td>
                <td>{e.effectiveFrom}</td>
                <td className="wages-num">{e.dailyMinimum !== undefined ? `${baht(e.dailyMinimum)} ${e.currency}` : '—'}</td>
                <td className="wages-num">{e.monthlyMinimum !== undefined ? `${baht(e.monthlyMinimum)} ${e.currency}` : '—'}</td>
                <td>{e.source}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form onSubmit={save}>
        {field('jurisdiction', t('wages.floor.jurisdiction'))}
        {field('sector', t('wages.floor.sector'))}
        {field('effectiveFrom', t('wages.floor.from'), 'date')}
        {field('daily', t('wages.floor.daily'))}
        {field('currency', t('wages.floor.currency'))}
        {field('source', t('wages.floor.source'))}
        <button type="submit" className="primary">{t('wages.floor.save')}</button>
      </form>
      <ErrorNote error={error} />
    </section>
  );
}
