import { evaluate as evalExpr, parseExpression, toBoolean, type Expr, type Value } from './expression';
import type { AnswerValue, Answers, Form, FormNode, Group, Labels, Question, RepeatCounts } from './model';

/**
 * The form engine, after ODK's web-forms: given a form and the answers so far,
 * it says which questions are visible, which are required, which answers break
 * a constraint, and where the interview stands. No DOM, no I/O: the renderer
 * draws what this returns.
 */

export interface VisibleQuestion {
  /** `name`, or `repeat[0].name` inside a repeat */
  path: string;
  question: Question;
  /** Group names from the top, for section headings */
  sections: string[];
  required: boolean;
  answered: boolean;
  /** The answer breaks the question's constraint */
  invalid: boolean;
  /** The form's hint under the question, in every language the form has it */
  hint?: Labels;
  /** When `invalid`: the form's constraint message in every language it has (else absent) */
  constraintMessage?: Labels;
}

export interface RepeatInstanceInfo {
  path: string;
  group: Group;
  count: number;
  /** true when the count comes from `repeat_count`, false when the interviewer adds instances */
  fixed: boolean;
}

export interface Evaluation {
  questions: VisibleQuestion[];
  repeats: RepeatInstanceInfo[];
  /** Required questions without an answer (or a "prefers not to say") */
  missing: string[];
  /** Answers that break a constraint */
  invalid: string[];
  /** The first visible question without a valid answer: where to resume */
  next: string | null;
  complete: boolean;
}

export interface EvaluationInput {
  answers: Answers;
  repeatCounts?: RepeatCounts;
  /** ISO date for today(), injected so results are reproducible */
  today?: string;
}

const parsed = new Map<string, Expr>();
function compile(src: string): Expr {
  let e = parsed.get(src);
  if (!e) {
    e = parseExpression(src);
    parsed.set(src, e);
  }
  return e;
}

export function isDeclined(v: AnswerValue | undefined): boolean {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && 'declined' in v;
}

/** What an answer looks like to an expression. */
export function answerToValue(v: AnswerValue | undefined): Value {
  if (v === undefined || isDeclined(v)) return null;
  if (typeof v === 'object' && !Array.isArray(v) && 'amount' in v) return v.amount;
  return v as Value;
}

function isAnswered(v: AnswerValue | undefined): boolean {
  if (v === undefined) return false;
  if (typeof v === 'string') return v.trim() !== '';
  if (Array.isArray(v)) return v.length > 0;
  return true;
}

interface Frame {
  /** path prefix of the repeat instance, e.g. `incidents[1].` */
  prefix: string;
  /** names declared directly in this repeat instance (any depth of plain groups) */
  names: Set<string>;
}

function namesIn(nodes: readonly FormNode[]): Set<string> {
  const out = new Set<string>();
  for (const n of nodes) {
    if (n.kind === 'question') out.add(n.name);
    else if (!n.repeat) for (const x of namesIn(n.children)) out.add(x);
  }
  return out;
}

export function evaluateForm(form: Form, input: EvaluationInput): Evaluation {
  const { answers } = input;
  const repeatCounts = input.repeatCounts ?? {};
  const today = input.today ?? new Date().toISOString().slice(0, 10);
  const questions: VisibleQuestion[] = [];
  const repeats: RepeatInstanceInfo[] = [];

  function scopeFor(frames: readonly Frame[], self: Value) {
    return {
      self,
      today,
      // A reference resolves in the innermost repeat instance that declares the name, as in XLSForm.
      resolve(name: string): Value {
        for (let i = frames.length - 1; i >= 0; i--) {
          const f = frames[i]!;
          if (f.names.has(name)) return answerToValue(answers[f.prefix + name]);
        }
        return null;
      },
    };
  }

  function test(src: string | undefined, frames: readonly Frame[], self: Value = null): boolean {
    if (src === undefined || src.trim() === '') return true;
    return toBoolean(evalExpr(compile(src), scopeFor(frames, self)));
  }

  function walk(nodes: readonly FormNode[], frames: readonly Frame[], sections: string[]): void {
    const prefix = frames.at(-1)!.prefix;
    for (const node of nodes) {
      if (node.kind === 'question') {
        if (!test(node.relevant, frames)) continue;
        const path = prefix + node.name;
        const value = answers[path];
        const answered = isAnswered(value);
        const required = typeof node.required === 'boolean' ? node.required : test(node.required, frames);
        const invalid = answered && !isDeclined(value) && node.constraint !== undefined && !test(node.constraint, frames, answerToValue(value));
        questions.push({ path, question: node, sections, required: required && node.type !== 'note', answered, invalid, ...(node.hint ? { hint: node.hint } : {}), ...(invalid && node.constraintMessage ? { constraintMessage: node.constraintMessage } : {}) });
        continue;
      }
      if (!test(node.relevant, frames)) continue;
      if (!node.repeat) {
        walk(node.children, frames, [...sections, node.name]);
        continue;
      }
      const repeatPath = prefix + node.name;
      const fixed = node.repeatCount !== undefined;
      let count = fixed ? Number(evalExpr(compile(node.repeatCount!), scopeFor(frames, null))) : (repeatCounts[repeatPath] ?? 0);
      if (!Number.isFinite(count) || count < 0) count = 0;
      // A repeat count typed by a person is capped as the RepeatCounts schema caps it.
      count = Math.min(Math.trunc(count), 200);
      repeats.push({ path: repeatPath, group: node, count, fixed });
      const names = namesIn(node.children);
      for (let i = 0; i < count; i++) {
        walk(node.children, [...frames, { prefix: `${repeatPath}[${i}].`, names }], [...sections, node.name]);
      }
    }
  }

  walk(form.children, [{ prefix: '', names: namesIn(form.children) }], []);

  const missing = questions.filter((q) => q.required && !q.answered).map((q) => q.path);
  const invalid = questions.filter((q) => q.invalid).map((q) => q.path);
  const next = questions.find((q) => q.question.type !== 'note' && (!q.answered || q.invalid))?.path ?? null;
  return { questions, repeats, missing, invalid, next, complete: missing.length === 0 && invalid.length === 0 };
}

/** The label in the wanted language, else the form's default, else any. */
export function labelIn(labels: Record<string, string> | undefined, language: string, fallback: string): string {
  if (!labels) return '';
  return labels[language] ?? labels[fallback] ?? Object.values(labels)[0] ?? '';
}
