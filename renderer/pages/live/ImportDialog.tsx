import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiClient } from '../../../shared/api/client';
import type { ImportResult } from '../../../shared/api/methods/ingest';
import type { ErrorShape } from '../../../shared/errors';
import { ErrorNote } from '../../components/ErrorNote';

/** Import an NMEA/AIS log by path, with a progress bar fed by the core's `progress` events. */
export function ImportDialog({ api, onClose }: { api: ApiClient; onClose: () => void }) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const [path, setPath] = useState('');
  const [progress, setProgress] = useState<{ done: number; total?: number | undefined }>();
  const [result, setResult] = useState<ImportResult>();
  const [error, setError] = useState<ErrorShape>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open && typeof d.showModal === 'function') d.showModal();
  }, []);

  useEffect(
    () =>
      api.on('progress', (p) => {
        if (p.task === `import:${path}` && !p.finished) setProgress({ done: p.done, total: p.total });
      }),
    [api, path],
  );

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    setResult(undefined);
    setProgress({ done: 0 });
    try {
      setResult(await api.call('ingest.importFile', { path }));
    } catch (err) {
      setError(err as ErrorShape);
    } finally {
      setBusy(false);
      setProgress(undefined);
    }
  }

  return (
    <dialog ref={dialog} aria-labelledby="live-import-title" onClose={onClose} className="panel">
      <form onSubmit={submit} className="form-grid">
        <h2 id="live-import-title">{t('live.import.title')}</h2>
        <div className="field">
          <label htmlFor="live-import-path">{t('live.import.path')}</label>
          <input id="live-import-path" value={path} onChange={(e) => setPath(e.target.value)} placeholder="/media/usb/voyage.nmea.gz" autoFocus />
          <small>{t('live.import.hint')}</small>
        </div>
        {progress && (
          <div className="field">
            <label htmlFor="live-import-progress">{t('live.import.progress')}</label>
            <progress id="live-import-progress" value={progress.done} max={progress.total ?? undefined} />
          </div>
        )}
        {result && (
          <p role="status">
            {result.alreadyImported
              ? t('live.import.already')
              : t('live.import.done', { lines: result.lines, accepted: result.accepted, rejected: result.rejected })}
            {result.resumedFrom > 0 && !result.alreadyImported ? ` ${t('live.import.resumed')}` : ''}
          </p>
        )}
        <ErrorNote error={error} />
        <div className="actions">
          <button type="submit" className="primary" disabled={busy || path.trim() === ''}>
            {t('live.import.submit')}
          </button>
          <button type="button" onClick={() => (dialog.current?.open ? dialog.current.close() : onClose())}>
            {t('live.import.close')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
