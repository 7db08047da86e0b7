import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiClient } from '../../../shared/api/client';
import type { ErrorShape } from '../../../shared/errors';
import type { Flag, Transaction } from '../../../shared/wages/schemas';
import { ErrorNote } from '../../components/ErrorNote';
import { baht } from './money';

/** Every flag with its reason; the ones that rest on transactions open them, so a person can look. */
export function FlagList({ api, vesselId, flags }: { api: ApiClient; vesselId: string; flags: readonly Flag[] }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<number>();
  const [txs, setTxs] = useState<Transaction[]>([]);
  const [error, setError] = useState<ErrorShape>();

  async function show(i: number, flag: Flag) {
    if (open === i) {
      setOpen(undefined);
      return;
    }
    setError(undefined);
    try {
      setTxs(await api.call('wages.transactions', { vesselId, identities: flag.transactions }));
      setOpen(i);
    } catch (e) {
      setError(e as ErrorShape);
    }
  }

  if (flags.length === 0) return <p>{t('wages.flags.none')}</p>;
  return (
    <div>
      <ErrorNote error={error} />
      {flags.map((f, i) => (
        <div key={i} className={`wages-flag ${f.severity}`}>
          <strong>{f.month} · {t(`wages.flags.codes.${f.code}`)}</strong>
          {f.amount !== undefined && <> · {baht(f.amount)}</>}
          <div>{f.message}</div>
          {f.transactions.length > 0 && (
            <button type="button" onClick={() => show(i, f)} aria-expanded={open === i}>
              {t('wages.flags.transactions', { count: f.transactions.length })}
            </button>
          )}
          {open === i && (
            <table className="table">
              <thead>
                <tr>
                  <th>{t('wages.tx.when')}</th>
                  <th>{t('wages.tx.account')}</th>
                  <th className="wages-num">{t('wages.tx.amount')}</th>
                  <th>{t('wages.tx.kind')}</th>
                  <th>{t('wages.tx.terminal')}</th>
                  <th>{t('wages.tx.where')}</th>
                  <th>{t('wages.tx.line')}</th>
                </tr>
              </thead>
              <tbody>
                {txs.map((x) => (
                  <tr key={x.identity}>
                    <td>{x.bookedAt.replace('T', ' ')}</td>
                    <td>{x.account}</td>
                    <td className="wages-num">{baht(x.amount)} {x.currency}</td>
                    <td>{t(`wages.tx.kinds.${x.kind}`)}</td>
                    <td>{x.terminalId ?? ''}</td>
                    <td>{x.location ?? x.description ?? ''}</td>
                    <td>{x.line}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      ))}
    </div>
  );
}
