import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { AUDIT_TRANSITIONS, ChecklistResult, Severity, type Audit } from '../../shared/domain/audit';
import { C188_CHECKLIST } from '../../shared/domain/checklist';
import { INDICATORS } from '../../shared/domain/indicators';
import type { ErrorShape } from '../../shared/errors';
import { useApi, useLoad } from '../api-context';
import { ErrorNote, fieldErrors } from '../components/ErrorNote';
import { Field } from '../components/Field';
import { navigate } from '../router';

function today(): string {
  const d = new Date();
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
}

function NewAudit({ vesselId }: { vesselId?: string }) {
  const { t } = useTranslation();
  const api = useApi();
  const vessels = useLoad((a) => a.call('vessels.search', { query: '', limit: 500 }), []);
  const [values, setValues] = useState({ vesselId: vesselId ?? '', place: '', date: today(), inspector: localStorage.getItem('gangway.inspector') ?? '' });
  const [error, setError] = useState<ErrorShape>();
  const errors = fieldErrors(error);

  async function submit(e: FormEvent) {
    e.preventDefault();
    try {
      const audit = await api.call('audits.create', values);
      localStorage.setItem('gangway.inspector', values.inspector);
      navigate(`audits/${audit.id}`);
    } catch (err) {
      setError(err as ErrorShape);
    }
  }

  return (
    <form className="panel form-grid" onSubmit={submit} aria-label={t('audits.new')}>
      <h2>{t('audits.new')}</h2>
      <Field label={t('audits.vessel')} error={errors.vesselId && t('audits.chooseVessel')}>
        {(id) => (
          <select id={id} name="vesselId" value={values.vesselId} onChange={(e) => setValues({ ...values, vesselId: e.target.value })}>
            <option value="">{t('audits.chooseVessel')}</option>
            {vessels.data?.map((v) => (
              <option key={v.id} value={v.id}>
                {v.name}
                {v.imo ? ` (IMO ${v.imo})` : ''}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('audits.place')} hint={t('audits.placeHint')} error={errors.place}>
        {(id, d) => <input id={id} name="place" aria-describedby={d} value={values.place} onChange={(e) => setValues({ ...values, place: e.target.value })} />}
      </Field>
      <Field label={t('audits.date')} error={errors.date}>
        {(id) => <input id={id} name="date" type="date" value={values.date} onChange={(e) => setValues({ ...values, date: e.target.value })} />}
      </Field>
      <Field label={t('audits.inspector')} error={errors.inspector}>
        {(id) => <input id={id} name="inspector" value={values.inspector} onChange={(e) => setValues({ ...values, inspector: e.target.value })} />}
      </Field>
      <ErrorNote error={error} />
      <div className="actions">
        <button type="submit" className="primary">
          {t('audits.new')}
        </button>
        <button type="button" onClick={() => navigate('audits')}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

function StatusBadge({ status }: { status: Audit['status'] }) {
  const { t } = useTranslation();
  return <span className={`badge badge-${status}`}>{t(`audits.statusNames.${status}`)}</span>;
}

function AuditList() {
  const { t } = useTranslation();
  const audits = useLoad((api) => api.call('audits.list', {}), [], ['audit.changed']);
  return (
    <section aria-labelledby="audits-title">
      <header className="page-header">
        <h1 id="audits-title">{t('audits.title')}</h1>
        <button className="primary" onClick={() => navigate('audits/new')}>
          {t('audits.new')}
        </button>
      </header>
      <ErrorNote error={audits.error} />
      {audits.data?.length === 0 && <p className="empty">{t('audits.empty')}</p>}
      {!!audits.data?.length && (
        <table className="table" data-testid="audit-list">
          <thead>
            <tr>
              <th scope="col">{t('audits.date')}</th>
              <th scope="col">{t('audits.vessel')}</th>
              <th scope="col">{t('audits.place')}</th>
              <th scope="col">{t('audits.inspector')}</th>
              <th scope="col">{t('audits.status')}</th>
              <th scope="col">{t('audits.findings')}</th>
            </tr>
          </thead>
          <tbody>
            {audits.data.map((a) => (
              <tr key={a.id}>
                <td>{a.date}</td>
                <th scope="row">
                  <a href={`#/audits/${a.id}`}>{a.vesselName}</a>
                </th>
                <td>{a.place}</td>
                <td>{a.inspector}</td>
                <td>
                  <StatusBadge status={a.status} />
                </td>
                <td className="num">{a.findingCount}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function AddFinding({ auditId, onAdded }: { auditId: string; onAdded: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const empty = { title: '', description: '', severity: 'medium', checklistCode: '', indicator: '' };
  const [values, setValues] = useState(empty);
  const [error, setError] = useState<ErrorShape>();
  const errors = fieldErrors(error);

  async function submit(e: FormEvent) {
    e.preventDefault();
    try {
      await api.call('findings.add', {
        auditId,
        title: values.title,
        description: values.description,
        severity: values.severity as Severity,
        ...(values.checklistCode ? { checklistCode: values.checklistCode } : {}),
        ...(values.indicator ? { indicator: values.indicator } : {}),
      });
      setValues(empty);
      setError(undefined);
      onAdded();
    } catch (err) {
      setError(err as ErrorShape);
    }
  }

  return (
    <form className="panel form-grid" onSubmit={submit} aria-label={t('audits.addFinding')}>
      <h3>{t('audits.addFinding')}</h3>
      <Field label={t('audits.findingTitle')} error={errors.title}>
        {(id) => <input id={id} name="title" value={values.title} onChange={(e) => setValues({ ...values, title: e.target.value })} />}
      </Field>
      <Field label={t('audits.severity')}>
        {(id) => (
          <select id={id} name="severity" value={values.severity} onChange={(e) => setValues({ ...values, severity: e.target.value })}>
            {Severity.options.map((s) => (
              <option key={s} value={s}>
                {t(`audits.severityNames.${s}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('audits.checklistItem')}>
        {(id) => (
          <select id={id} name="checklistCode" value={values.checklistCode} onChange={(e) => setValues({ ...values, checklistCode: e.target.value })}>
            <option value="">{t('audits.noneSelected')}</option>
            {C188_CHECKLIST.map((c) => (
              <option key={c.code} value={c.code}>
                {t(`audits.items.${c.key}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('audits.indicator')}>
        {(id) => (
          <select id={id} name="indicator" value={values.indicator} onChange={(e) => setValues({ ...values, indicator: e.target.value })}>
            <option value="">{t('audits.noneSelected')}</option>
            {INDICATORS.map((i) => (
              <option key={i} value={i}>
                {t(`audits.indicators.${i}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('audits.description')} error={errors.description}>
        {(id) => <textarea id={id} name="description" rows={3} value={values.description} onChange={(e) => setValues({ ...values, description: e.target.value })} />}
      </Field>
      <ErrorNote error={error} />
      <div className="actions">
        <button type="submit" className="primary">
          {t('audits.addFinding')}
        </button>
      </div>
    </form>
  );
}

function AuditDetail({ id }: { id: string }) {
  const { t } = useTranslation();
  const api = useApi();
  const audit = useLoad((a) => a.call('audits.get', { id }), [id], ['audit.changed']);
  const findings = useLoad((a) => a.call('findings.list', { auditId: id }), [id], ['finding.added']);
  const checklist = useLoad((a) => a.call('checklist.list', { auditId: id }), [id]);
  const [error, setError] = useState<ErrorShape>();
  const results = new Map(checklist.data?.map((c) => [c.code, c.result]));
  const a = audit.data;

  const run = async (fn: () => Promise<unknown>) => {
    try {
      await fn();
      setError(undefined);
    } catch (err) {
      setError(err as ErrorShape);
    }
  };

  return (
    <section aria-labelledby="audit-title">
      <p>
        <a href="#/audits">← {t('audits.back')}</a>
      </p>
      <ErrorNote error={audit.error ?? error} />
      {a && (
        <>
          <header className="page-header">
            <h1 id="audit-title">
              {a.vesselName} · {a.date}
            </h1>
            <StatusBadge status={a.status} />
          </header>
          <p className="muted">
            {a.place} · {a.inspector}
          </p>
          <div className="actions">
            {AUDIT_TRANSITIONS[a.status].map((s) => (
              <button key={s} onClick={() => run(() => api.call('audits.setStatus', { id, status: s }))}>
                {t('audits.moveTo', { status: t(`audits.statusNames.${s}`) })}
              </button>
            ))}
          </div>
          <div className="columns">
            <div>
              <h2>{t('audits.checklist')}</h2>
              <table className="table" data-testid="checklist">
                <tbody>
                  {C188_CHECKLIST.map((c) => (
                    <tr key={c.code}>
                      <th scope="row" title={c.source}>
                        {t(`audits.items.${c.key}`)}
                      </th>
                      <td>
                        <select
                          aria-label={t(`audits.items.${c.key}`)}
                          value={results.get(c.code) ?? 'not_checked'}
                          onChange={(e) => run(async () => {
                            await api.call('checklist.set', { auditId: id, code: c.code, result: e.target.value as ChecklistResult });
                            checklist.reload();
                          })}
                        >
                          {ChecklistResult.options.map((r) => (
                            <option key={r} value={r}>
                              {t(`audits.result.${r}`)}
                            </option>
                          ))}
                        </select>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <div>
              <h2>{t('audits.findings')}</h2>
              <p className="muted">{t('audits.appendOnly')}</p>
              {findings.data?.length === 0 && <p className="empty">{t('audits.noFindings')}</p>}
              <ul className="findings" data-testid="findings">
                {findings.data?.map((f) => (
                  <li key={f.id} className={`finding severity-${f.severity}`}>
                    <strong>{f.title}</strong> <span className={`badge severity-${f.severity}`}>{t(`audits.severityNames.${f.severity}`)}</span>
                    {f.indicator && <span className="tag">{t(`audits.indicators.${f.indicator}`)}</span>}
                    {f.description && <p>{f.description}</p>}
                  </li>
                ))}
              </ul>
              {(a.status === 'in_progress' || a.status === 'planned') && <AddFinding auditId={id} onAdded={findings.reload} />}
            </div>
          </div>
        </>
      )}
    </section>
  );
}

export function AuditsPage({ route }: { route: string[] }) {
  const [first, second] = route;
  if (first === 'new') return <NewAudit vesselId={second} />;
  if (first) return <AuditDetail id={first} />;
  return <AuditList />;
}
