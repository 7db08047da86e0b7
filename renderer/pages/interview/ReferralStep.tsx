import { useTranslation } from 'react-i18next';
import type { Form } from '../../../shared/forms/model';
import type { Referral } from '../../../shared/forms/referrals';
import { Bilingual } from './Bilingual';

/** The last screen, for the crew member: where to get help, in his language, even if he stopped or refused. */
export function ReferralStep({ form, crew, inspector, referrals, onBack }: { form: Form; crew: string; inspector: string; referrals: Referral[]; onBack: () => void }) {
  const { t } = useTranslation();
  return (
    <section className="panel stack" aria-label={t('interview.end.referrals')} data-testid="referral-step">
      <h2>{t('interview.end.title')}</h2>
      <Bilingual form={form} labels={form.texts['referral.intro']} crew={crew} inspector={inspector} testId="referral-intro" />
      <h3>{t('interview.end.referrals')}</h3>
      <ul className="referrals" data-testid="referrals">
        {referrals.map((r) => (
          <li key={r.name}>
            <strong>{r.name}</strong>
            {r.phone && (
              <>
                {' '}
                · <a href={`tel:${r.phone.replace(/\s+/g, '')}`}>{r.phone}</a>
              </>
            )}
            {r.note && <small> · {r.note}</small>}
          </li>
        ))}
      </ul>
      <button type="button" data-testid="interview-back" onClick={onBack}>
        {t('interview.end.another')}
      </button>
    </section>
  );
}
