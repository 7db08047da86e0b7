import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiClient } from '../../../shared/api/client';
import type { ErrorShape } from '../../../shared/errors';
import { ErrorNote } from '../../components/ErrorNote';
import { Field } from '../../components/Field';

interface Status {
  initialised: boolean;
  unlocked: boolean;
  idleLockSeconds: number;
}

/** Nothing of an interview shows until the vault is open; first use chooses the passphrase. */
export function VaultGate({ api, status, onOpen }: { api: ApiClient; status: Status; onOpen: (s: Status) => void }) {
  const { t } = useTranslation();
  const [pass, setPass] = useState('');
  const [again, setAgain] = useState('');
  const [error, setError] = useState<ErrorShape>();
  const setup = !status.initialised;

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (setup && pass !== again) {
      setError({ code: 'VALIDATION', message: t('interview.vault.mismatch') });
      return;
    }
    try {
      onOpen(setup ? await api.call('vault.setup', { passphrase: pass }) : await api.call('vault.unlock', { passphrase: pass }));
    } catch (err) {
      setError(err as ErrorShape);
      setPass('');
    }
  }

  return (
    <form className="panel stack" onSubmit={submit} aria-label={setup ? t('interview.vault.setupTitle') : t('interview.vault.unlockTitle')}>
      <h2>{setup ? t('interview.vault.setupTitle') : t('interview.vault.unlockTitle')}</h2>
      <p>{setup ? t('interview.vault.setupHint') : t('interview.vault.unlockHint', { minutes: Math.round(status.idleLockSeconds / 60) })}</p>
      <Field label={t('interview.vault.passphrase')}>
        {(id) => <input id={id} data-testid="vault-passphrase" type="password" autoComplete={setup ? 'new-password' : 'current-password'} value={pass} onChange={(e) => setPass(e.target.value)} />}
      </Field>
      {setup && (
        <Field label={t('interview.vault.repeat')}>
          {(id) => <input id={id} data-testid="vault-passphrase-again" type="password" autoComplete="new-password" value={again} onChange={(e) => setAgain(e.target.value)} />}
        </Field>
      )}
      <ErrorNote error={error} />
      <button type="submit" className="primary" data-testid="vault-submit">
        {setup ? t('interview.vault.setup') : t('interview.vault.unlock')}
      </button>
    </form>
  );
}
