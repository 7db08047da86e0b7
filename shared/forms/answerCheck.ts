import { evaluateForm, isDeclined, labelIn, type EvaluationInput } from './evaluator';
import { walkQuestions, type AnswerValue, type Form, type Question } from './model';

/**
 * Whether a value fits the question at a path, before it is saved: the type,
 * the choices, and the question's constraint (as ODK refuses a value that
 * breaks a constraint). Returns a sentence for the interviewer, or null.
 */

/** `incidents[1].incident_date` → the question, when the repeats in the path are the ones around it. */
export function questionAt(form: Form, path: string): Question | undefined {
  const segments = path.split('.');
  const name = segments.pop();
  const repeats = segments.map((s) => /^([A-Za-z_][A-Za-z0-9_-]*)\[(\d+)\]$/.exec(s)?.[1]);
  if (repeats.some((r) => r === undefined)) return undefined;
  const found = walkQuestions(form.children).find((w) => w.question.name === name);
  if (!found) return undefined;
  const enclosing = found.groups.filter((g) => g.repeat).map((g) => g.name);
  return enclosing.length === repeats.length && enclosing.every((g, i) => g === repeats[i]) ? found.question : undefined;
}

function typeProblem(q: Question, v: AnswerValue): string | null {
  const values = (q.choices ?? []).map((c) => c.value);
  switch (q.type) {
    case 'yes_no':
      return v === 'yes' || v === 'no' ? null : 'answer yes or no';
    case 'select_one':
      return typeof v === 'string' && values.includes(v) ? null : `choose one of: ${values.join(', ')}`;
    case 'select_multiple':
      return Array.isArray(v) && v.every((x) => values.includes(x)) && new Set(v).size === v.length ? null : `choose among: ${values.join(', ')}`;
    case 'integer':
      return typeof v === 'number' && Number.isInteger(v) ? null : 'answer with a whole number';
    case 'decimal':
      return typeof v === 'number' ? null : 'answer with a number';
    case 'date':
      return typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v)) ? null : 'answer with a date like 2026-11-27';
    case 'text':
      return typeof v === 'string' ? null : 'answer with text';
    case 'money':
      return typeof v === 'object' && !Array.isArray(v) && 'amount' in v ? null : 'answer with an amount and its currency';
    case 'note':
      return 'this is a note, not a question';
  }
}

/** `language`: the interviewer's; the form's constraint message comes in it when the form has it, else in the form's default language. */
export function answerProblem(form: Form, path: string, value: AnswerValue, context: EvaluationInput, language: string = form.defaultLanguage): string | null {
  const q = questionAt(form, path);
  if (!q) return `the form has no question at "${path}"`;
  if (isDeclined(value)) return null;
  const t = typeProblem(q, value);
  if (t) return t;
  if (q.constraint) {
    const trial = evaluateForm(form, { ...context, answers: { ...context.answers, [path]: value } });
    if (trial.invalid.includes(path)) return labelIn(q.constraintMessage, language, form.defaultLanguage) || `the answer breaks the rule ${q.constraint}`;
  }
  return null;
}
