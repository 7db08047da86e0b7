import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiClient } from '../../../shared/api/client';
import type { SourceSpec } from '../../../shared/api/methods/ingest';
import type { ErrorShape } from '../../../shared/errors';
import { ErrorNote } from '../../components/ErrorNote';

type Kind = SourceSpec['kind'];

/** Open a serial port, a TCP or UDP feed, or a Bluetooth device. Serial ports are listed from the computer. */
export function OpenSourceForm({ api }: { api: ApiClient }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<Kind>('serial');
  const [v, setV] = useState<Record<string, string>>({ path: '', baud: 'auto', host: '', port: '', address: '', service: 'nus', place: '' });
  const [ports, setPorts] = useState<{ path: string; manufacturer?: string | undefined }[]>();
  const [error, setError] = useState<ErrorShape>();
  const [busy, setBusy] = useState(false);
  const set = (k: string) => (e: { target: { value: string } }) => setV({ ...v, [k]: e.target.value });

  async function listPorts() {
    try {
      setPorts(await api.call('ingest.ports'));
    } catch (e) {
      setError(e as ErrorShape);
    }
  }

  function spec(): SourceSpec {
    const port = Number(v.port);
    switch (kind) {
      case 'serial':
        return { kind, path: v.path ?? '', baud: v.baud === 'auto' ? 'auto' : (Number(v.baud) as 4800 | 38400) };
      case 'tcp':
        return { kind, host: v.host ?? '', port };
      case 'udp':
        return v.host ? { kind, port, host: v.host } : { kind, port };
      case 'ble':
        return { kind, address: v.address ?? '', service: v.service === 'environment' ? 'environment' : 'nus', place: v.place ?? '' };
    }
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await api.call('ingest.open', spec());
    } catch (err) {
      setError(err as ErrorShape);
    } finally {
      setBusy(false);
    }
  }

  const input = (k: string, label: string, extra: Record<string, unknown> = {}) => (
    <div className="field">
      <label htmlFor={`live-${k}`}>{label}</label>
      <input id={`live-${k}`} name={k} value={v[k]} onChange={set(k)} {...extra} />
    </div>
  );

  return (
    <form className="panel form-grid" onSubmit={submit} aria-label={t('live.open.title')}>
      <h2>{t('live.open.title')}</h2>
      <div className="field">
        <label htmlFor="live-kind">{t('live.open.kind')}</label>
        <select id="live-kind" value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
          {(['serial', 'tcp', 'udp', 'ble'] as const).map((k) => (
            <option key={k} value={k}>
              {t(`live.kinds.${k}`)}
            </option>
          ))}
        </select>
      </div>
      {kind === 'serial' && (
        <>
          <div className="field">
            <label htmlFor="live-path">{t('live.open.path')}</label>
            <input id="live-path" name="path" list="live-ports" value={v.path} onChange={set('path')} onFocus={() => ports ?? void listPorts()} placeholder="/dev/ttyUSB0" />
            <datalist id="live-ports">
              {(ports ?? []).map((p) => (
                <option key={p.path} value={p.path}>
                  {p.manufacturer ?? ''}
                </option>
              ))}
            </datalist>
          </div>
          <div className="field">
            <label htmlFor="live-baud">{t('live.open.baud')}</label>
            <select id="live-baud" value={v.baud} onChange={set('baud')}>
              <option value="auto">{t('live.open.baudAuto')}</option>
              <option value="4800">4800</option>
              <option value="38400">38400</option>
            </select>
          </div>
        </>
      )}
      {(kind === 'tcp' || kind === 'udp') && (
        <>
          {input('host', kind === 'tcp' ? t('live.open.host') : t('live.open.listenHost'), { placeholder: kind === 'tcp' ? '192.168.1.10' : '0.0.0.0' })}
          {input('port', t('live.open.port'), { inputMode: 'numeric', placeholder: kind === 'tcp' ? '10110' : '10110' })}
        </>
      )}
      {kind === 'ble' && (
        <>
          {input('address', t('live.open.address'), { placeholder: 'AA:BB:CC:DD:EE:FF', className: 'mono' })}
          <div className="field">
            <label htmlFor="live-service">{t('live.open.service')}</label>
            <select id="live-service" value={v.service} onChange={set('service')}>
              <option value="nus">{t('live.open.serviceNus')}</option>
              <option value="environment">{t('live.open.serviceEnv')}</option>
            </select>
          </div>
          {v.service === 'environment' && input('place', t('live.open.place'), { placeholder: t('live.open.placeHint') })}
        </>
      )}
      <ErrorNote error={error} />
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {t('live.open.submit')}
        </button>
      </div>
    </form>
  );
}
