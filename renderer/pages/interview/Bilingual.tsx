import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { labelIn } from '../../../shared/forms/evaluator';
import type { Form, Labels } from '../../../shared/forms/model';

/** The crew member's language beside the inspector's, each tagged so the right font and shaping apply. */
export function Bilingual({ form, labels, crew, inspector, testId, extra }: { form: Form; labels: Labels | undefined; crew: string; inspector: string; testId?: string; extra?: ReactNode }) {
  const { t } = useTranslation();
  const reviewed = form.languages.find((l) => l.language === crew)?.reviewed ?? false;
  return (
    <>
    <div className="bilingual" data-testid={testId}>
      <div className="crew crew-text" lang={crew} data-testid={testId ? `${testId}-crew` : undefined}>
        <span className="lang-tag">{crew}</span>
        {labelIn(labels, crew, form.defaultLanguage)}
        {!reviewed && <small className="unreviewed" lang="en">{t('interview.question.translationNotReviewed')}</small>}
      </div>
      {crew !== inspector && (
        <div className="inspector" lang={inspector} data-testid={testId ? `${testId}-inspector` : undefined}>
          <span className="lang-tag">{inspector}</span>
          {labelIn(labels, inspector, form.defaultLanguage)}
        </div>
      )}
    </div>
    {extra && <div className="prompt-row">{extra}</div>}
    </>
  );
}
