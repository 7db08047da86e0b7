import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiClient } from '../../shared/api/client';
import type { ErrorShape } from '../../shared/errors';
import type { SyncStatus } from '../../shared/sync';
import { ErrorNote } from '../components/ErrorNote';
import { DocumentTable } from './sync/DocumentTable';
import { EnrolForm } from './sync/EnrolForm';

// Layout for the two blocks only this page has; colours come from the shared stylesheet's variables.
const FACTS = { display: 'grid', gridTemplateColumns: 'max-content 1fr', gap: '6px 16px', margin: 0 } as const;
const PROGRESS = { display: 'grid', gap: '4px', marginTop: '12px', maxWidth: '520px' } as const;

/**
 * The Sync page: which hub, whether this device is enrolled, what is moving
 * right now, and each shared document's state. Sync itself needs no button;
 * "Sync now" is for the impatient.
 */
export function SyncPage({ api }: { api: ApiClient }) {
  const { t, i18n } = useTranslation();
  const [status, setStatus] = useState<SyncStatus>();
  const [error, setError] = useState<ErrorShape>();
  const [busy, setBusy] = useState(false);

  const refresh = useCallback(() => {
    api.call('sync.status').then(setStatus, (e: ErrorShape) => setError(e));
  }, [api]);

  useEffect(() => {
    refresh();
    // Progress events arrive while a round runs; a slow poll catches the rest.
    const off = api.on('progress', (p) => {
      if (p.task === 'sync') refresh();
    });
    const timer = setInterval(refresh, 5000);
    return () => {
      off();
      clearInterval(timer);
    };
  }, [api, refresh]);

  async function act(fn: () => Promise<unknown>) {
    setBusy(true);
    setError(undefined);
    try {
      await fn();
    } catch (e) {
      setError(e as ErrorShape);
    } finally {
      setBusy(false);
      refresh();
    }
  }

  if (!status) return <p className="muted">{error ? error.message : t('sync.loading')}</p>;
  const { progress, blobs } = status;
  const fmt = (iso: string | null) => (iso ? new Date(iso).toLocaleString(i18n.language) : t('sync.never'));

  return (
    <section aria-labelledby="sync-title">
      <div className="page-header">
        <h1 id="sync-title">{t('sync.title')}</h1>
        {status.enrolled ? (
          <div className="actions">
            <button type="button" className="primary" disabled={busy} onClick={() => act(() => api.call('sync.now'))}>
              {t('sync.now')}
            </button>
            <button type="button" disabled={busy} onClick={() => act(() => api.call('sync.start'))}>
              {t('sync.start')}
            </button>
          </div>
        ) : null}
      </div>
      <ErrorNote error={error} />
      <div className="panel" role="status" aria-live="polite">
        <dl className="sync-facts" style={FACTS}>
          <dt>{t('sync.hub')}</dt>
          <dd className="mono">{status.hubUrl ?? t('sync.noHub')}</dd>
          <dt>{t('sync.connection')}</dt>
          <dd>
            <span className={`badge sync-${status.connection}`}>{t(`sync.connectionState.${status.connection}`)}</span>
          </dd>
          {status.enrolled ? (
            <>
              <dt>{t('sync.device')}</dt>
              <dd>
                {t(`sync.role.${status.role}`)} · {status.agency} · <span className="mono">{status.deviceId?.slice(0, 8)}</span>
              </dd>
            </>
          ) : null}
          <dt>{t('sync.lastSync')}</dt>
          <dd>{fmt(status.lastSyncAt)}</dd>
          {status.nextAttemptAt ? (
            <>
              <dt>{t('sync.nextAttempt')}</dt>
              <dd>{fmt(status.nextAttemptAt)}</dd>
            </>
          ) : null}
          {status.lastError ? (
            <>
              <dt>{t('sync.lastError')}</dt>
              <dd className="error-text" style={{ color: 'var(--danger)' }}>{status.lastError}</dd>
            </>
          ) : null}
        </dl>
        {progress.total > 0 ? (
          <label className="sync-progress" style={PROGRESS}>
            {t('sync.progress', { done: progress.done, total: progress.total })}
            <progress max={progress.total} value={progress.done} />
          </label>
        ) : null}
        {blobs.totalBytes > 0 ? (
          <label className="sync-progress" style={PROGRESS}>
            {t('sync.blobs', { pending: blobs.pending, mb: (blobs.uploadedBytes / 1e6).toFixed(1), totalMb: (blobs.totalBytes / 1e6).toFixed(1) })}
            <progress max={blobs.totalBytes} value={blobs.uploadedBytes} />
          </label>
        ) : null}
      </div>
      <EnrolForm api={api} status={status} onEnrolled={setStatus} />
      <h2>{t('sync.docs.title')}</h2>
      <DocumentTable documents={status.documents} onReset={(name) => act(() => api.call('sync.resetDocument', { name }))} />
    </section>
  );
}
