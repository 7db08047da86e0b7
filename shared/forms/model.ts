import { z } from 'zod';
import { Dimension, Indicator } from '../domain/indicators';

/**
 * The questionnaire as data, after ODK: the definition (this file) is apart
 * from the engine that evaluates it (./evaluator.ts) and from the UI that draws it.
 */

export const LanguageCode = z.string().regex(/^[a-z]{2,3}$/, 'language must be an ISO 639 code, e.g. my');

/** Text per language: { en: 'Do you have a contract?', my: '…' } */
export const Labels = z.record(z.string(), z.string());
export type Labels = z.infer<typeof Labels>;

export const QuestionType = z.enum(['yes_no', 'select_one', 'select_multiple', 'integer', 'decimal', 'date', 'text', 'money', 'note']);
export type QuestionType = z.infer<typeof QuestionType>;

export const Choice = z.object({ value: z.string().min(1), label: Labels });
export type Choice = z.infer<typeof Choice>;

/**
 * "This answer supports that indicator, in that dimension" (ILO 2018 ICLS
 * guidelines concerning the measurement of forced labour). `when` is an
 * expression where `.` is the answer, e.g. `. = 'no'` or `. < 10`.
 */
export const IndicatorSignal = z.object({
  when: z.string().min(1),
  indicator: Indicator,
  dimension: Dimension,
});
export type IndicatorSignal = z.infer<typeof IndicatorSignal>;

/** A C188 checklist point the answer speaks to (codes in shared/domain/checklist.ts). */
export const ChecklistLink = z.object({ code: z.string().min(1), nonCompliantWhen: z.string().min(1) });
export type ChecklistLink = z.infer<typeof ChecklistLink>;

export const Question = z.object({
  kind: z.literal('question'),
  name: z.string().regex(/^[A-Za-z_][A-Za-z0-9_.-]*$/, 'a question name is letters, digits and _ (XLSForm rules)'),
  type: QuestionType,
  label: Labels,
  hint: Labels.optional(),
  choices: z.array(Choice).optional(),
  /** `true`, or an expression that makes the question required */
  required: z.union([z.boolean(), z.string()]).default(false),
  relevant: z.string().optional(),
  constraint: z.string().optional(),
  constraintMessage: Labels.optional(),
  /** Audio prompt per language: a media file name the renderer resolves. */
  audio: Labels.optional(),
  /** ISO 4217 code for money questions. */
  currency: z.string().regex(/^[A-Z]{3}$/).optional(),
  signals: z.array(IndicatorSignal).default([]),
  checklist: ChecklistLink.optional(),
});
export type Question = z.infer<typeof Question>;

export const Group = z.object({
  kind: z.literal('group'),
  name: z.string().regex(/^[A-Za-z_][A-Za-z0-9_.-]*$/),
  label: Labels,
  relevant: z.string().optional(),
  repeat: z.boolean().default(false),
  /** For a repeat: an expression for the number of instances; without it the interviewer adds them. */
  repeatCount: z.string().optional(),
  get children() {
    return z.array(FormNode);
  },
});
export type Group = z.infer<typeof Group>;

export const FormNode = z.discriminatedUnion('kind', [Question, Group]);
export type FormNode = z.infer<typeof FormNode>;

export const TranslationStatus = z.object({
  language: LanguageCode,
  /** false until a native speaker has checked every label; shown to the inspector. */
  reviewed: z.boolean(),
});
export type TranslationStatus = z.infer<typeof TranslationStatus>;

export const Form = z.object({
  id: z.string().min(1).max(120),
  version: z.string().min(1).max(60),
  title: Labels,
  defaultLanguage: LanguageCode,
  languages: z.array(TranslationStatus).min(1),
  /** Crew-facing texts outside the questions (consent, referral), per key then per language. */
  texts: z.record(z.string(), Labels).default({}),
  children: z.array(FormNode),
});
export type Form = z.infer<typeof Form>;
export type FormInput = z.input<typeof Form>;

export const FormSummary = z.object({
  id: z.string(),
  version: z.string(),
  title: Labels,
  languages: z.array(TranslationStatus),
  builtIn: z.boolean(),
});
export type FormSummary = z.infer<typeof FormSummary>;

/** An answer: yes/no and choices are strings (XLSForm values), numbers, money, or "prefers not to say". */
export const Money = z.object({ amount: z.number().finite(), currency: z.string().regex(/^[A-Z]{3}$/) });
export const Declined = z.object({ declined: z.literal(true) });
export const AnswerValue = z.union([z.string().max(20_000), z.number().finite(), z.array(z.string().max(200)).max(100), Money, Declined]);
export type AnswerValue = z.infer<typeof AnswerValue>;

/** Answers keyed by path: `name`, or `repeat[0].name` inside repeats. */
export const Answers = z.record(z.string(), AnswerValue);
export type Answers = z.infer<typeof Answers>;

/** Number of instances of each repeat the interviewer added, keyed by repeat path. */
export const RepeatCounts = z.record(z.string(), z.number().int().min(0).max(200));
export type RepeatCounts = z.infer<typeof RepeatCounts>;

/** Every question of a form, depth first, with the repeats that enclose it. */
export function walkQuestions(nodes: readonly FormNode[], enclosing: readonly Group[] = []): { question: Question; groups: readonly Group[] }[] {
  const out: { question: Question; groups: readonly Group[] }[] = [];
  for (const node of nodes) {
    if (node.kind === 'question') out.push({ question: node, groups: enclosing });
    else out.push(...walkQuestions(node.children, [...enclosing, node]));
  }
  return out;
}
