import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiClient } from '../../../shared/api/client';
import type { Audit } from '../../../shared/domain/audit';
import type { CrewMember } from '../../../shared/domain/crew';
import type { ErrorShape } from '../../../shared/errors';
import type { Form } from '../../../shared/forms/model';
import type { InterviewSummary } from '../../../shared/forms/session';
import { TRANSLATIONS } from '../../../shared/forms/translations';
import { ErrorNote } from '../../components/ErrorNote';
import { Field } from '../../components/Field';

export interface Choice {
  auditId: string;
  crewMemberId: string;
  crewLanguage: string;
  inspectorLanguage: string;
}

const endonym = (code: string) => TRANSLATIONS.find((t) => t.language === code)?.endonym ?? code;

/** Which audit, which crew member, which languages; or an interview to resume. */
export function ChooseInterview({ api, form, onBegin, onResume }: { api: ApiClient; form: Form; onBegin: (c: Choice) => void; onResume: (id: string) => void }) {
  const { t, i18n } = useTranslation();
  const [audits, setAudits] = useState<Audit[]>([]);
  const [crew, setCrew] = useState<CrewMember[]>([]);
  const [interviews, setInterviews] = useState<InterviewSummary[]>([]);
  const [error, setError] = useState<ErrorShape>();
  const inspectorDefault = form.languages.some((l) => l.language === i18n.language) ? i18n.language : form.defaultLanguage;
  const [choice, setChoice] = useState<Choice>({ auditId: '', crewMemberId: '', crewLanguage: '', inspectorLanguage: inspectorDefault });
  const [adding, setAdding] = useState({ pseudonym: '', name: '', documentNo: '', phone: '' });
  const audit = audits.find((a) => a.id === choice.auditId);

  useEffect(() => {
    api.call('audits.list', {}).then(setAudits, setError);
  }, [api]);

  useEffect(() => {
    if (!audit) return;
    api.call('interviews.crew.list', { vesselId: audit.vesselId }).then(setCrew, setError);
    api.call('interviews.list', { auditId: audit.id }).then(setInterviews, setError);
  }, [api, audit]);

  async function addCrew(e: FormEvent) {
    e.preventDefault();
    if (!audit) return;
    try {
      const member = await api.call('interviews.crew.add', {
        vesselId: audit.vesselId,
        pseudonym: adding.pseudonym,
        role: 'fisher',
        languages: choice.crewLanguage ? [choice.crewLanguage] : [],
        identity: adding.name ? { name: adding.name, documentNo: adding.documentNo || undefined, phone: adding.phone || undefined } : undefined,
      });
      setCrew([...crew, member]);
      setChoice({ ...choice, crewMemberId: member.id });
      setAdding({ pseudonym: '', name: '', documentNo: '', phone: '' });
      setError(undefined);
    } catch (err) {
      setError(err as ErrorShape);
    }
  }

  const languageOptions = form.languages.map((l) => (
    <option key={l.language} value={l.language}>
      {endonym(l.language)}
      {l.reviewed ? '' : ` (${t('interview.choose.notReviewed')})`}
    </option>
  ));

  return (
    <div className="panel stack" data-testid="interview-choose">
      <ErrorNote error={error} />
      <Field label={t('interview.choose.audit')}>
        {(id) => (
          <select id={id} data-testid="choose-audit" value={choice.auditId} onChange={(e) => setChoice({ ...choice, auditId: e.target.value, crewMemberId: '' })}>
            <option value="">{t('interview.choose.chooseAudit')}</option>
            {audits.map((a) => (
              <option key={a.id} value={a.id}>
                {a.vesselName} · {a.place} · {a.date}
              </option>
            ))}
          </select>
        )}
      </Field>
      {audit && interviews.length > 0 && (
        <section aria-label={t('interview.choose.existing')}>
          <h3>{t('interview.choose.existing')}</h3>
          <ul>
            {interviews.map((iv) => (
              <li key={iv.id}>
                {iv.pseudonym} · {endonym(iv.crewLanguage)} · {t(`interview.choose.status.${iv.status}`)} · {iv.answeredCount}{' '}
                {(iv.status === 'in_progress' || iv.status === 'paused') && (
                  <button type="button" data-testid={`resume-${iv.pseudonym}`} onClick={() => onResume(iv.id)}>
                    {t('interview.choose.resume')}
                  </button>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
      {audit && (
        <>
          <Field label={t('interview.choose.crewLanguage')}>
            {(id) => (
              <select id={id} data-testid="choose-crew-language" value={choice.crewLanguage} onChange={(e) => setChoice({ ...choice, crewLanguage: e.target.value })}>
                <option value="" />
                {languageOptions}
              </select>
            )}
          </Field>
          <Field label={t('interview.choose.inspectorLanguage')}>
            {(id) => (
              <select id={id} data-testid="choose-inspector-language" value={choice.inspectorLanguage} onChange={(e) => setChoice({ ...choice, inspectorLanguage: e.target.value })}>
                {languageOptions}
              </select>
            )}
          </Field>
          <Field label={t('interview.choose.crew')}>
            {(id) => (
              <select id={id} data-testid="choose-crew" value={choice.crewMemberId} onChange={(e) => setChoice({ ...choice, crewMemberId: e.target.value })}>
                <option value="">{t('interview.choose.chooseCrew')}</option>
                {crew.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.pseudonym}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <form onSubmit={addCrew} aria-label={t('interview.choose.addCrew')} className="stack">
            <h3>{t('interview.choose.addCrew')}</h3>
            <Field label={t('interview.choose.pseudonym')} hint={t('interview.choose.pseudonymHint')}>
              {(id, d) => <input id={id} aria-describedby={d} data-testid="crew-pseudonym" value={adding.pseudonym} onChange={(e) => setAdding({ ...adding, pseudonym: e.target.value })} />}
            </Field>
            <Field label={t('interview.choose.name')}>
              {(id) => <input id={id} data-testid="crew-name" autoComplete="off" value={adding.name} onChange={(e) => setAdding({ ...adding, name: e.target.value })} />}
            </Field>
            <Field label={t('interview.choose.documentNo')}>
              {(id) => <input id={id} autoComplete="off" value={adding.documentNo} onChange={(e) => setAdding({ ...adding, documentNo: e.target.value })} />}
            </Field>
            <Field label={t('interview.choose.phone')}>
              {(id) => <input id={id} autoComplete="off" value={adding.phone} onChange={(e) => setAdding({ ...adding, phone: e.target.value })} />}
            </Field>
            <button type="submit" data-testid="crew-add">
              {t('interview.choose.add')}
            </button>
          </form>
          <button type="button" className="primary" data-testid="interview-begin" disabled={!choice.crewMemberId || !choice.crewLanguage} onClick={() => onBegin(choice)}>
            {t('interview.choose.begin')}
          </button>
        </>
      )}
    </div>
  );
}
