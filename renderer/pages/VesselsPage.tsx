import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { GearType, type Vessel, type VesselInput } from '../../shared/domain/vessel';
import type { ErrorShape } from '../../shared/errors';
import { useApi, useLoad } from '../api-context';
import { ErrorNote, fieldErrors } from '../components/ErrorNote';
import { Field } from '../components/Field';
import { navigate } from '../router';

const TEXT_FIELDS = ['name', 'flag', 'imo', 'mmsi', 'callSign', 'registrationNo', 'owner', 'homePort'] as const;

function VesselForm({ vessel, onDone }: { vessel?: Vessel; onDone: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const [values, setValues] = useState<Record<string, string>>(() => {
    const v: Record<string, string> = {};
    for (const k of [...TEXT_FIELDS, 'gear'] as const) v[k] = (vessel?.[k] as string | undefined) ?? '';
    return v;
  });
  const [error, setError] = useState<ErrorShape>();
  const [busy, setBusy] = useState(false);
  const errors = fieldErrors(error);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    const input: VesselInput = { name: values.name ?? '' };
    for (const k of TEXT_FIELDS) (input as Record<string, string>)[k] = values[k] ?? '';
    if (values.gear) input.gear = values.gear as VesselInput['gear'];
    try {
      if (vessel) await api.call('vessels.update', { id: vessel.id, patch: input });
      else await api.call('vessels.create', input);
      onDone();
    } catch (err) {
      setError(err as ErrorShape);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="panel form-grid" onSubmit={submit} aria-label={vessel ? t('vessels.edit') : t('vessels.add')}>
      <h2>{vessel ? t('vessels.edit') : t('vessels.add')}</h2>
      {TEXT_FIELDS.map((k) => (
        <Field key={k} label={t(`vessels.fields.${k}`) + (k === 'name' ? ` (${t('common.required')})` : '')} error={errors[k]}>
          {(id, describedBy) => (
            <input
              id={id}
              name={k}
              value={values[k]}
              aria-describedby={describedBy}
              aria-invalid={!!errors[k]}
              autoFocus={k === 'name'}
              onChange={(e) => setValues({ ...values, [k]: e.target.value })}
            />
          )}
        </Field>
      ))}
      <Field label={t('vessels.fields.gear')} error={errors.gear}>
        {(id) => (
          <select id={id} name="gear" value={values.gear} onChange={(e) => setValues({ ...values, gear: e.target.value })}>
            <option value="">{t('common.none')}</option>
            {GearType.options.map((g) => (
              <option key={g} value={g}>
                {t(`vessels.gear.${g}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <ErrorNote error={error} />
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {t('common.save')}
        </button>
        <button type="button" onClick={onDone}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

export function VesselsPage() {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [editing, setEditing] = useState<Vessel | 'new' | null>(null);
  const vessels = useLoad((api) => api.call('vessels.search', { query }), [query], ['vessel.changed']);

  return (
    <section aria-labelledby="vessels-title">
      <header className="page-header">
        <h1 id="vessels-title">{t('vessels.title')}</h1>
        <button className="primary" onClick={() => setEditing('new')}>
          {t('vessels.add')}
        </button>
      </header>
      {editing && (
        <VesselForm
          vessel={editing === 'new' ? undefined : editing}
          onDone={() => {
            setEditing(null);
            vessels.reload();
          }}
        />
      )}
      <div className="search">
        <label htmlFor="vessel-search">{t('vessels.search')}</label>
        <input id="vessel-search" type="search" value={query} placeholder={t('vessels.searchHint')} onChange={(e) => setQuery(e.target.value)} />
      </div>
      <ErrorNote error={vessels.error} />
      {vessels.data && vessels.data.length === 0 && <p className="empty">{query ? t('vessels.noMatch', { query }) : t('vessels.empty')}</p>}
      {vessels.data && vessels.data.length > 0 && (
        <>
          <p className="muted" aria-live="polite">
            {t('vessels.count', { count: vessels.data.length })}
          </p>
          <table className="table" data-testid="vessel-list">
            <thead>
              <tr>
                <th scope="col">{t('vessels.fields.name')}</th>
                <th scope="col">{t('vessels.fields.flag')}</th>
                <th scope="col">{t('vessels.fields.imo')}</th>
                <th scope="col">{t('vessels.fields.mmsi')}</th>
                <th scope="col">{t('vessels.fields.callSign')}</th>
                <th scope="col">{t('vessels.fields.gear')}</th>
                <th scope="col">{t('vessels.fields.homePort')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('common.edit')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {vessels.data.map((v) => (
                <tr key={v.id}>
                  <th scope="row">{v.name}</th>
                  <td>{v.flag ?? t('common.none')}</td>
                  <td className="mono">{v.imo ?? t('common.none')}</td>
                  <td className="mono">{v.mmsi ?? t('common.none')}</td>
                  <td className="mono">{v.callSign ?? t('common.none')}</td>
                  <td>{v.gear ? t(`vessels.gear.${v.gear}`) : t('common.none')}</td>
                  <td>{v.homePort ?? t('common.none')}</td>
                  <td>
                    <div className="row-actions">
                    <button onClick={() => setEditing(v)} aria-label={`${t('common.edit')} ${v.name}`}>
                      {t('common.edit')}
                    </button>
                    <button onClick={() => navigate(`audits/new/${v.id}`)} aria-label={`${t('vessels.newAudit')}: ${v.name}`}>
                      {t('vessels.newAudit')}
                    </button>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
