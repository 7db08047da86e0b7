import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { InterpreterOf, PresentPerson, safetyWarnings, type SafetyChecklist } from '../../../shared/forms/safety';
import { Field } from '../../components/Field';

/** Before any question: who is in the room, where, and who can hear. Warnings appear as boxes are ticked. */
export function SafetyStep({ onNext }: { onNext: (s: SafetyChecklist) => void }) {
  const { t } = useTranslation();
  const [s, setS] = useState<SafetyChecklist>({ present: [], place: '', canBeOverheard: false });
  const warnings = safetyWarnings(s);
  const toggle = (p: PresentPerson) => {
    const present = s.present.includes(p) ? s.present.filter((x) => x !== p) : [...s.present, p];
    setS({ ...s, present, interpreter: present.includes('interpreter') ? (s.interpreter ?? { of: 'inspector' }) : undefined });
  };

  return (
    <section className="panel stack" aria-label={t('interview.safety.title')} data-testid="safety-step">
      <h2>{t('interview.safety.title')}</h2>
      <fieldset className="checks">
        <legend>{t('interview.safety.present')}</legend>
        {PresentPerson.options.map((p) => (
          <label key={p}>
            <input type="checkbox" data-testid={`present-${p}`} checked={s.present.includes(p)} onChange={() => toggle(p)} />
            {t(`interview.safety.person.${p}`)}
          </label>
        ))}
      </fieldset>
      {s.interpreter && (
        <Field label={t('interview.safety.interpreterOf')}>
          {(id) => (
            <select id={id} data-testid="interpreter-of" value={s.interpreter!.of} onChange={(e) => setS({ ...s, interpreter: { of: InterpreterOf.parse(e.target.value) } })}>
              {InterpreterOf.options.map((o) => (
                <option key={o} value={o}>
                  {t(`interview.safety.of.${o}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      <Field label={t('interview.safety.place')}>
        {(id) => <input id={id} data-testid="safety-place" value={s.place} onChange={(e) => setS({ ...s, place: e.target.value })} />}
      </Field>
      <label>
        <input type="checkbox" data-testid="safety-overheard" checked={s.canBeOverheard} onChange={(e) => setS({ ...s, canBeOverheard: e.target.checked })} /> {t('interview.safety.overheard')}
      </label>
      {warnings.map((w) => (
        <div key={w.code} role="alert" className={`safety-warning ${w.level}`} data-testid={`warning-${w.code}`}>
          {t(`interview.safety.warning.${w.code}`)}
        </div>
      ))}
      <button type="button" className="primary" data-testid="safety-next" disabled={!s.place.trim()} onClick={() => onNext(s)}>
        {t('interview.safety.next')}
      </button>
    </section>
  );
}
