import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiClient } from '../../../shared/api/client';
import type { ErrorShape } from '../../../shared/errors';
import { ErrorNote } from '../../components/ErrorNote';
import { Field } from '../../components/Field';

/** Changing the passphrase needs the current one; the answers are not re-encrypted, only their key re-wrapped. */
export function ChangePassphrase({ api }: { api: ApiClient }) {
  const { t } = useTranslation();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const [error, setError] = useState<ErrorShape>();
  const [done, setDone] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setDone(false);
    if (next !== again) {
      setError({ code: 'VALIDATION', message: t('interview.vault.mismatch') });
      return;
    }
    try {
      await api.call('vault.changePassphrase', { current, next });
      setError(undefined);
      setDone(true);
    } catch (err) {
      setError(err as ErrorShape);
    }
    setCurrent('');
    setNext('');
    setAgain('');
  }

  return (
    <details className="panel" data-testid="vault-change">
      <summary>{t('interview.vault.changeTitle')}</summary>
      <form className="stack" onSubmit={submit} aria-label={t('interview.vault.changeTitle')}>
        <p>{t('interview.vault.changeHint')}</p>
        <Field label={t('interview.vault.current')}>
          {(id) => <input id={id} data-testid="vault-current" type="password" autoComplete="current-password" value={current} onChange={(e) => setCurrent(e.target.value)} />}
        </Field>
        <Field label={t('interview.vault.next')}>
          {(id) => <input id={id} data-testid="vault-next" type="password" autoComplete="new-password" value={next} onChange={(e) => setNext(e.target.value)} />}
        </Field>
        <Field label={t('interview.vault.repeat')}>
          {(id) => <input id={id} data-testid="vault-next-again" type="password" autoComplete="new-password" value={again} onChange={(e) => setAgain(e.target.value)} />}
        </Field>
        <ErrorNote error={error} />
        {done && <p role="status">{t('interview.vault.changed')}</p>}
        <button type="submit" data-testid="vault-change-submit">
          {t('interview.vault.change')}
        </button>
      </form>
    </details>
  );
}
