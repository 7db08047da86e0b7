import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiClient } from '../../../shared/api/client';
import type { ErrorShape } from '../../../shared/errors';
import type { SyncStatus } from '../../../shared/sync';
import { ErrorNote, fieldErrors } from '../../components/ErrorNote';
import { Field } from '../../components/Field';

/**
 * Enrolment: the hub address and the one-time code the administrator shows
 * (as text or QR). A scanned QR link "gangway://enrol?hub=…&code=…" pasted
 * into the code field fills both.
 */
export function EnrolForm({ api, status, onEnrolled }: { api: ApiClient; status: SyncStatus; onEnrolled: (s: SyncStatus) => void }) {
  const { t } = useTranslation();
  const [hub, setHub] = useState(status.hubUrl ?? '');
  const [code, setCode] = useState('');
  const [deviceName, setDeviceName] = useState('');
  const [error, setError] = useState<ErrorShape>();
  const [busy, setBusy] = useState(false);
  const errors = fieldErrors(error);

  function takeLink(text: string) {
    const m = /^gangway:\/\/enrol\?(.*)$/.exec(text.trim());
    if (!m) return setCode(text);
    const params = new URLSearchParams(m[1]);
    setHub(params.get('hub') ?? hub);
    setCode(params.get('code') ?? '');
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      onEnrolled(await api.call('sync.enrol', { hub, code, ...(deviceName ? { deviceName } : {}) }));
      setCode('');
    } catch (err) {
      setError(err as ErrorShape);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="panel form-grid" onSubmit={submit} aria-label={t('sync.enrol.title')}>
      <h2>{status.enrolled ? t('sync.enrol.again') : t('sync.enrol.title')}</h2>
      <Field label={t('sync.enrol.hub')} hint={t('sync.enrol.hubHint')} error={errors.hub}>
        {(id, describedBy) => <input id={id} name="hub" value={hub} aria-describedby={describedBy} onChange={(e) => setHub(e.target.value)} />}
      </Field>
      <Field label={t('sync.enrol.code')} hint={t('sync.enrol.codeHint')} error={errors.code}>
        {(id, describedBy) => <input id={id} name="code" className="mono" value={code} aria-describedby={describedBy} onChange={(e) => takeLink(e.target.value)} />}
      </Field>
      <Field label={t('sync.enrol.deviceName')} error={errors.deviceName}>
        {(id) => <input id={id} name="deviceName" value={deviceName} onChange={(e) => setDeviceName(e.target.value)} />}
      </Field>
      <ErrorNote error={error} />
      <div className="actions">
        <button type="submit" className="primary" disabled={busy || !hub || !code}>
          {busy ? t('sync.enrol.busy') : t('sync.enrol.submit')}
        </button>
      </div>
    </form>
  );
}
