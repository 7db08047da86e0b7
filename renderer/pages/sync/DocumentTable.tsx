import { useTranslation } from 'react-i18next';
import type { DocStatus } from '../../../shared/sync';

/** One row per shared document: what it is, its state, and whether the hub has all our changes. */
export function DocumentTable({ documents, onReset }: { documents: DocStatus[]; onReset: (name: string) => void }) {
  const { t } = useTranslation();
  if (documents.length === 0) return <p className="empty">{t('sync.docs.empty')}</p>;
  return (
    <table className="table" aria-label={t('sync.docs.title')}>
      <thead>
        <tr>
          <th>{t('sync.docs.document')}</th>
          <th>{t('sync.docs.state')}</th>
          <th className="num">{t('sync.docs.unsent')}</th>
          <th>{t('sync.docs.message')}</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {documents.map((d) => {
          const [kind, key] = d.name.split(':');
          return (
            <tr key={d.name}>
              <th scope="row">
                {t(`sync.kind.${kind}`, { defaultValue: kind })} <span className="mono muted">{key?.slice(0, 8)}</span>
              </th>
              <td>
                <span className={`badge sync-${d.state}`}>{t(`sync.state.${d.state}`)}</span>
              </td>
              <td className="num">{d.localClock > d.pushedClock ? t('sync.docs.yes') : t('sync.docs.no')}</td>
              <td>{d.message ?? ''}</td>
              <td className="row-actions">
                {d.state === 'refused' ? (
                  <button type="button" onClick={() => onReset(d.name)}>
                    {t('sync.docs.reset')}
                  </button>
                ) : null}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
