import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiClient } from '../../../shared/api/client';
import type { ErrorShape } from '../../../shared/errors';
import { evaluateForm, isDeclined, labelIn, type VisibleQuestion } from '../../../shared/forms/evaluator';
import type { AnswerValue, Answers, Form, RepeatCounts } from '../../../shared/forms/model';
import type { InterviewState } from '../../../shared/forms/session';
import { ErrorNote } from '../../components/ErrorNote';
import { AudioPrompt } from './AudioPrompt';
import { Bilingual } from './Bilingual';

interface Props {
  api: ApiClient;
  form: Form;
  state: InterviewState;
  onPause: () => void;
  onEnd: (stopped: boolean) => void;
  /** A LOCKED error (idle lock) goes up so the page asks for the passphrase; the answers already saved stay saved. */
  onLocked: (e: ErrorShape) => void;
}

/** The question screen: what the engine says is visible, one question at a time, saved the moment it is answered. */
export function QuestionStep({ api, form, state, onPause, onEnd, onLocked }: Props) {
  const { t } = useTranslation();
  const { id: interviewId, crewLanguage: crew, inspectorLanguage: inspector } = state.interview;
  const [answers, setAnswers] = useState<Answers>(state.answers);
  const [repeatCounts, setRepeatCounts] = useState<RepeatCounts>(state.repeatCounts);
  const evaluation = useMemo(() => evaluateForm(form, { answers, repeatCounts }), [form, answers, repeatCounts]);
  const visible = evaluation.questions;
  const [index, setIndex] = useState(() => Math.max(0, visible.findIndex((q) => q.path === state.progress.next)));
  const [error, setError] = useState<ErrorShape>();
  const [saving, setSaving] = useState(false);
  const current: VisibleQuestion | undefined = visible[Math.min(index, visible.length - 1)];
  const [draft, setDraft] = useState<Record<string, AnswerValue | undefined>>({});

  async function save(path: string, value: AnswerValue, advance: boolean) {
    setSaving(true);
    try {
      await api.call('interviews.answer', { interviewId, path, value });
      setAnswers((a) => ({ ...a, [path]: value }));
      setError(undefined);
      if (advance) setIndex((i) => i + 1);
    } catch (e) {
      setError(e as ErrorShape);
      if ((e as ErrorShape).code === 'LOCKED') onLocked(e as ErrorShape);
    } finally {
      setSaving(false);
    }
  }

  async function addRepeat(path: string) {
    const count = (repeatCounts[path] ?? 0) + 1;
    try {
      await api.call('interviews.setRepeatCount', { interviewId, path, count });
      setRepeatCounts((r) => ({ ...r, [path]: count }));
    } catch (e) {
      setError(e as ErrorShape);
    }
  }

  const atEnd = index >= visible.length;
  const openRepeats = evaluation.repeats.filter((r) => !r.fixed && (r.count === 0 || current?.sections.includes(r.group.name) || atEnd));

  return (
    <section className="stack" aria-label={t('interview.title')} data-testid="question-step">
      {current && !atEnd ? (
        <QuestionView
          key={current.path}
          q={current}
          form={form}
          crew={crew}
          inspector={inspector}
          value={answers[current.path]}
          draft={draft[current.path]}
          setDraft={(v) => setDraft((d) => ({ ...d, [current.path]: v }))}
          onSave={(v, advance) => void save(current.path, v, advance)}
          n={index + 1}
          total={visible.length}
        />
      ) : (
        <p data-testid="questions-done">{evaluation.missing.length > 0 ? t('interview.question.missing', { count: evaluation.missing.length }) : ''}</p>
      )}
      <ErrorNote error={error} />
      {saving && <span role="status">{t('interview.question.saving')}</span>}
      {openRepeats.map((r) => (
        <button key={r.path} type="button" data-testid={`add-repeat-${r.group.name}`} onClick={() => void addRepeat(r.path)}>
          + {t('interview.question.addRepeat')}: <span className="crew-text" lang={crew}>{labelIn(r.group.label, crew, form.defaultLanguage)}</span> / {labelIn(r.group.label, inspector, form.defaultLanguage)}
        </button>
      ))}
      <div className="question-nav">
        <button type="button" data-testid="question-previous" disabled={index === 0} onClick={() => setIndex((i) => Math.max(0, i - 1))}>
          {t('interview.question.previous')}
        </button>
        <button type="button" data-testid="question-next" disabled={atEnd} onClick={() => setIndex((i) => i + 1)}>
          {t('interview.question.next')}
        </button>
      </div>
      <div className="question-nav">
        <button type="button" data-testid="interview-pause" onClick={() => void api.call('interviews.pause', { interviewId }).then(onPause, setError)}>
          {t('interview.question.pause')}
        </button>
        <button type="button" data-testid="interview-stop" onClick={() => onEnd(true)}>
          {t('interview.question.stop')}
        </button>
        <button type="button" className="primary" data-testid="interview-finish" onClick={() => onEnd(false)}>
          {t('interview.question.finish')}
        </button>
      </div>
    </section>
  );
}

interface ViewProps {
  q: VisibleQuestion;
  form: Form;
  crew: string;
  inspector: string;
  value: AnswerValue | undefined;
  draft: AnswerValue | undefined;
  setDraft: (v: AnswerValue | undefined) => void;
  onSave: (v: AnswerValue, advance: boolean) => void;
  n: number;
  total: number;
}

function QuestionView({ q, form, crew, inspector, value, draft, setDraft, onSave, n, total }: ViewProps) {
  const { t } = useTranslation();
  const question = q.question;
  const section = q.sections.at(-1);
  const sectionNode = section ? findGroup(form, section) : undefined;
  const current = draft ?? value;
  const choices = question.choices ?? [];
  const label = (l: Record<string, string>) => (
    <>
      <span className="crew-text" lang={crew}>
        {labelIn(l, crew, form.defaultLanguage)}
      </span>
      {crew !== inspector && <small lang={inspector}> {labelIn(l, inspector, form.defaultLanguage)}</small>}
    </>
  );

  return (
    <div className="stack" data-testid="question" data-path={q.path} data-type={question.type}>
      <p>
        {t('interview.question.progress', { n, total })}
        {q.required && ` · ${t('interview.question.required')}`}
        {value !== undefined && ` · ${t('interview.question.saved')}`}
      </p>
      {sectionNode && <h3>{label(sectionNode.label)}</h3>}
      <Bilingual
        form={form}
        labels={question.label}
        crew={crew}
        inspector={inspector}
        testId="question-text"
        extra={<AudioPrompt audio={question.audio} text={labelIn(question.label, crew, form.defaultLanguage)} language={crew} />}
      />
      {q.hint && <Bilingual form={form} labels={q.hint} crew={crew} inspector={inspector} testId="question-hint" />}
      {q.constraintMessage && (
        <div role="alert">
          <Bilingual form={form} labels={q.constraintMessage} crew={crew} inspector={inspector} testId="question-constraint" />
        </div>
      )}
      {(question.type === 'yes_no' || question.type === 'select_one') && (
        <div className="answer-row">
          {choices.map((c) => (
            <button key={c.value} type="button" className={question.type === 'yes_no' ? 'tap' : 'choice'} aria-pressed={value === c.value} data-testid={`answer-${c.value}`} onClick={() => onSave(c.value, true)}>
              {label(c.label)}
            </button>
          ))}
        </div>
      )}
      {question.type === 'select_multiple' && (
        <div className="answer-row">
          {choices.map((c) => {
            const list = Array.isArray(current) ? current : [];
            const on = list.includes(c.value);
            return (
              <button key={c.value} type="button" className="choice" aria-pressed={on} data-testid={`answer-${c.value}`} onClick={() => setDraft(on ? list.filter((x) => x !== c.value) : [...list, c.value])}>
                {label(c.label)}
              </button>
            );
          })}
        </div>
      )}
      {(question.type === 'integer' || question.type === 'decimal') && (
        <input
          type="number"
          inputMode={question.type === 'integer' ? 'numeric' : 'decimal'}
          step={question.type === 'integer' ? 1 : 'any'}
          data-testid="answer-number"
          aria-label={labelIn(question.label, inspector, form.defaultLanguage)}
          value={typeof current === 'number' ? current : ''}
          onChange={(e) => setDraft(e.target.value === '' ? undefined : Number(e.target.value))}
        />
      )}
      {question.type === 'date' && (
        <input type="date" data-testid="answer-date" aria-label={labelIn(question.label, inspector, form.defaultLanguage)} value={typeof current === 'string' ? current : ''} onChange={(e) => setDraft(e.target.value || undefined)} />
      )}
      {question.type === 'text' && (
        <textarea data-testid="answer-text" rows={4} aria-label={labelIn(question.label, inspector, form.defaultLanguage)} value={typeof current === 'string' ? current : ''} onChange={(e) => setDraft(e.target.value)} />
      )}
      {question.type === 'money' && <MoneyInput value={current} currency={question.currency} onChange={setDraft} />}
      {['select_multiple', 'integer', 'decimal', 'date', 'text', 'money'].includes(question.type) && (
        <button type="button" className="primary" data-testid="answer-save" disabled={draft === undefined} onClick={() => draft !== undefined && onSave(draft, true)}>
          {t('interview.question.save')}
        </button>
      )}
      <button type="button" data-testid="answer-declined" aria-pressed={isDeclined(value)} onClick={() => onSave({ declined: true }, true)}>
        <span className="crew-text" lang={crew}>
          {labelIn(form.texts.declined, crew, form.defaultLanguage)}
        </span>{' '}
        / {t('interview.question.declined')}
      </button>
    </div>
  );
}

function MoneyInput({ value, currency, onChange }: { value: AnswerValue | undefined; currency: string | undefined; onChange: (v: AnswerValue | undefined) => void }) {
  const { t } = useTranslation();
  const money = typeof value === 'object' && value !== null && !Array.isArray(value) && 'amount' in value ? value : undefined;
  const [cur, setCur] = useState(money?.currency ?? currency ?? 'THB');
  const [amount, setAmount] = useState(money ? String(money.amount) : '');
  const update = (a: string, c: string) => onChange(a !== '' && /^[A-Z]{3}$/.test(c) ? { amount: Number(a), currency: c } : undefined);
  return (
    <div className="answer-row">
      <input
        type="number"
        step="any"
        data-testid="answer-amount"
        aria-label={t('interview.question.amount')}
        value={amount}
        onChange={(e) => {
          setAmount(e.target.value);
          update(e.target.value, cur);
        }}
      />
      <input
        data-testid="answer-currency"
        aria-label={t('interview.question.currency')}
        maxLength={3}
        value={cur}
        onChange={(e) => {
          const c = e.target.value.toUpperCase();
          setCur(c);
          update(amount, c);
        }}
      />
    </div>
  );
}

function findGroup(form: Form, name: string) {
  const walk = (nodes: Form['children']): (Form['children'][number] & { kind: 'group' }) | undefined => {
    for (const n of nodes) {
      if (n.kind !== 'group') continue;
      if (n.name === name) return n;
      const inner = walk(n.children);
      if (inner) return inner;
    }
    return undefined;
  };
  return walk(form.children);
}
