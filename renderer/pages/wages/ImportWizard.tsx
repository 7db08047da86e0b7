import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiClient } from '../../../shared/api/client';
import type { ErrorShape } from '../../../shared/errors';
import type { WageFileKind, WageImportPreview, WageImportResult } from '../../../shared/wages/import-schemas';
import { ErrorNote } from '../../components/ErrorNote';
import { fileToBase64 } from './file-data';

type Encoding = 'auto' | 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-874' | 'tis-620';
const ENCODINGS: Encoding[] = ['auto', 'windows-874', 'tis-620', 'utf-8', 'utf-16le', 'utf-16be'];
const KINDS: WageFileKind[] = ['contracts', 'statement', 'payroll'];

interface Props {
  api: ApiClient;
  vesselId: string;
  onImported: () => void;
}

/**
 * Import in three steps: choose the file and how to read it; look at the
 * preview (rows, already stored, every problem with its line and column);
 * then import, which stores all rows or none.
 */
export function ImportWizard({ api, vesselId, onImported }: Props) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<WageFileKind>('statement');
  const [file, setFile] = useState<File>();
  const [encoding, setEncoding] = useState<Encoding>('auto');
  const [account, setAccount] = useState('');
  const [profile, setProfile] = useState('');
  const [profiles, setProfiles] = useState<string[]>([]);
  const [preview, setPreview] = useState<WageImportPreview>();
  const [result, setResult] = useState<WageImportResult>();
  const [progress, setProgress] = useState<{ done: number; total?: number }>();
  const [error, setError] = useState<ErrorShape>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    api.call('wages.profiles.list').then((list) => setProfiles(list.map((p) => p.name)), () => setProfiles([]));
  }, [api]);

  useEffect(
    () =>
      api.on('progress', (p) => {
        if (p.task.startsWith('import:wages:')) setProgress({ done: p.done, total: p.total });
      }),
    [api],
  );

  const request = async () => ({
    vesselId,
    kind,
    filename: file!.name,
    encoding,
    ...(account.trim() ? { account: account.trim() } : {}),
    ...(profile ? { profile } : {}),
    data: await fileToBase64(file!),
  });

  async function runPreview() {
    if (!file) return;
    setBusy(true);
    setError(undefined);
    setResult(undefined);
    try {
      setPreview(await api.call('wages.preview', await request()));
    } catch (e) {
      setError(e as ErrorShape);
    } finally {
      setBusy(false);
    }
  }

  async function runImport() {
    setBusy(true);
    setError(undefined);
    setProgress({ done: 0, total: preview?.rows });
    try {
      setResult(await api.call('wages.import', await request()));
      setPreview(undefined);
      onImported();
    } catch (e) {
      setError(e as ErrorShape);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="panel" aria-labelledby="wages-import">
      <h2 id="wages-import">{t('wages.import.title')}</h2>
      <ol className="wages-steps">
        <li aria-current={!preview && !result ? 'step' : undefined}>{t('wages.import.stepChoose')}</li>
        <li aria-current={preview ? 'step' : undefined}>{t('wages.import.stepPreview')}</li>
        <li aria-current={result ? 'step' : undefined}>{t('wages.import.stepDone')}</li>
      </ol>
      <div className="field">
        <label htmlFor="wages-kind">{t('wages.import.kind')}</label>
        <select id="wages-kind" value={kind} onChange={(e) => { setKind(e.target.value as WageFileKind); setPreview(undefined); }}>
          {KINDS.map((k) => (
            <option key={k} value={k}>{t(`wages.import.kinds.${k}`)}</option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="wages-file">{t('wages.import.file')}</label>
        <input id="wages-file" type="file" accept=".csv,.txt,.xlsx,.xml" onChange={(e) => { setFile(e.target.files?.[0]); setPreview(undefined); setResult(undefined); }} />
        <small>{t('wages.import.fileHint')}</small>
      </div>
      <div className="field">
        <label htmlFor="wages-encoding">{t('wages.import.encoding')}</label>
        <select id="wages-encoding" value={encoding} onChange={(e) => setEncoding(e.target.value as Encoding)}>
          {ENCODINGS.map((enc) => (
            <option key={enc} value={enc}>{t(`wages.import.encodings.${enc}`)}</option>
          ))}
        </select>
      </div>
      {kind === 'statement' && (
        <>
          <div className="field">
            <label htmlFor="wages-profile">{t('wages.import.profile')}</label>
            <select id="wages-profile" value={profile} onChange={(e) => setProfile(e.target.value)}>
              <option value="">{t('wages.import.profileAuto')}</option>
              {profiles.map((p) => (
                <option key={p} value={p}>{p}</option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="wages-account">{t('wages.import.account')}</label>
            <input id="wages-account" value={account} onChange={(e) => setAccount(e.target.value)} inputMode="numeric" />
            <small>{t('wages.import.accountHint')}</small>
          </div>
        </>
      )}
      <button type="button" onClick={runPreview} disabled={!file || busy}>{t('wages.import.preview')}</button>
      <ErrorNote error={error} />
      {preview && (
        <div className="wages-preview">
          <h3>{t('wages.import.previewTitle')}</h3>
          <p>
            {t('wages.import.previewSummary', { format: preview.format, encoding: preview.encoding ?? '—', profile: preview.profile ?? '—', rows: preview.rows, newRows: preview.newRows, stored: preview.alreadyStored })}
          </p>
          {preview.issues.length > 0 ? (
            <>
              <p className="error-note" role="alert">{t('wages.import.issuesCount', { count: preview.issues.length })}</p>
              <table className="table">
                <thead>
                  <tr><th>{t('wages.import.line')}</th><th>{t('wages.import.column')}</th><th>{t('wages.import.problem')}</th></tr>
                </thead>
                <tbody>
                  {preview.issues.slice(0, 200).map((i, n) => (
                    <tr key={n}><td>{i.line || '—'}</td><td>{i.column ?? ''}</td><td>{i.message}</td></tr>
                  ))}
                </tbody>
              </table>
            </>
          ) : (
            <>
              <table className="table">
                <thead>
                  <tr><th>{t('wages.import.line')}</th><th>{t('wages.import.row')}</th></tr>
                </thead>
                <tbody>
                  {preview.sample.map((r) => (
                    <tr key={r.line}>
                      <td>{r.line}</td>
                      <td>{Object.entries(r.cells).map(([k, v]) => `${k}: ${v}`).join(' · ')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <button type="button" className="primary" onClick={runImport} disabled={busy || preview.newRows === 0}>
                {preview.newRows === 0 ? t('wages.import.nothingNew') : t('wages.import.apply', { count: preview.newRows })}
              </button>
            </>
          )}
        </div>
      )}
      {busy && progress && (
        <progress max={progress.total ?? 1} value={progress.done} aria-label={t('wages.import.progress')} />
      )}
      {result && <p role="status">{t('wages.import.done', { added: result.added, stored: result.alreadyStored })}</p>}
    </section>
  );
}
