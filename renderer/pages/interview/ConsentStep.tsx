import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { labelIn } from '../../../shared/forms/evaluator';
import { walkQuestions, type Form } from '../../../shared/forms/model';
import type { Consent } from '../../../shared/forms/safety';
import { AudioPrompt } from './AudioPrompt';
import { Bilingual } from './Bilingual';

const PARTS = [
  ['purpose', 'consent.purpose', 'purposeExplained'],
  ['use', 'consent.use', 'useExplained'],
  ['rights', 'consent.rights', 'rightToStopExplained'],
] as const;

/** Informed consent in the crew member's language, before anything else; he may refuse the recording and still talk. */
export function ConsentStep({ form, crew, inspector, onDone }: { form: Form; crew: string; inspector: string; onDone: (c: Consent) => void }) {
  const { t } = useTranslation();
  const [c, setC] = useState<Consent>({ language: crew, purposeExplained: false, useExplained: false, rightToStopExplained: false, agreed: false, recordingAgreed: false });
  const explained = c.purposeExplained && c.useExplained && c.rightToStopExplained;
  const text = (key: string) => form.texts[key];
  const yesNo = walkQuestions(form.children).find((w) => w.question.type === 'yes_no')?.question.choices ?? [];
  const yes = yesNo.find((x) => x.value === 'yes')?.label ?? { en: 'Yes' };
  const no = yesNo.find((x) => x.value === 'no')?.label ?? { en: 'No' };

  return (
    <section className="panel stack" aria-label={t('interview.consent.title')} data-testid="consent-step">
      <h2>{t('interview.consent.title')}</h2>
      <p>{t('interview.consent.readAloud')}</p>
      {PARTS.map(([part, key, flag]) => (
        <div key={part}>
          <Bilingual form={form} labels={text(key)} crew={crew} inspector={inspector} extra={<AudioPrompt audio={undefined} text={labelIn(text(key), crew, 'en')} language={crew} />} />
          <label>
            <input type="checkbox" data-testid={`consent-${part}`} checked={c[flag]} onChange={(e) => setC({ ...c, [flag]: e.target.checked })} /> {t(`interview.consent.${part}`)}
          </label>
        </div>
      ))}
      <Bilingual form={form} labels={text('consent.recording')} crew={crew} inspector={inspector} />
      <fieldset className="answer-row">
        <legend>{t('interview.consent.agreesRecording')}</legend>
        <button type="button" className="tap crew-text" lang={crew} aria-pressed={c.recordingAgreed} data-testid="consent-recording-yes" onClick={() => setC({ ...c, recordingAgreed: true })}>
          ✓ {labelIn(yes, crew, form.defaultLanguage)}
        </button>
        <button type="button" className="tap crew-text" lang={crew} aria-pressed={!c.recordingAgreed} data-testid="consent-recording-no" onClick={() => setC({ ...c, recordingAgreed: false })}>
          ✗ {labelIn(no, crew, form.defaultLanguage)}
        </button>
      </fieldset>
      <Bilingual form={form} labels={text('consent.question')} crew={crew} inspector={inspector} />
      <div className="answer-row">
        <button type="button" className="primary tap" data-testid="consent-start" disabled={!explained} onClick={() => onDone({ ...c, agreed: true })}>
          {t('interview.consent.start')}
        </button>
        <button type="button" data-testid="consent-refused" onClick={() => onDone({ ...c, agreed: false, recordingAgreed: false })}>
          {t('interview.consent.refused')}
        </button>
      </div>
    </section>
  );
}
