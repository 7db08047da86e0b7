import type { Dimension, Indicator } from '../domain/indicators';
import { Form, type FormInput, type Labels, type QuestionType } from './model';
import { TRANSLATIONS, type Translation } from './translations';

/**
 * The built-in fisher interview. Structure here, words in ./translations.
 * Covers the ILO's 11 forced-labour indicators (ILO, "ILO indicators of forced
 * labour", 2012) and the C188 points an inspector checks with the crew
 * (Work in Fishing Convention, 2007, No. 188). Each signal names the dimension
 * it supports as the ILO 2018 ICLS Guidelines concerning the measurement of
 * forced labour sort them: involuntariness (work without free and informed
 * consent: deception, forced overtime, degrading conditions, no way to leave)
 * or coercion (threat or menace of penalty: violence, threats, debt
 * manipulation, withheld wages or documents, isolation, confinement).
 */

export const FISHER_INTERVIEW_ID = 'gangway.fisher-interview';
export const FISHER_INTERVIEW_VERSION = '2026.11.1';

type Sig = [when: string, indicator: Indicator, dimension: Dimension];

interface Q {
  name: string;
  type: QuestionType;
  signals?: Sig[];
  list?: string[];
  relevant?: string;
  constraint?: string;
  checklist?: [code: string, when: string];
  required?: boolean;
  currency?: string;
}

const q = (name: string, type: Q['type'], more: Omit<Q, 'name' | 'type'> = {}): Q => ({ name, type, ...more });
const yn = (name: string, more: Omit<Q, 'name' | 'type'> = {}): Q => q(name, 'yes_no', more);

const SECTIONS: { name: string; relevant?: string; repeat?: boolean; questions: Q[] }[] = [
  {
    name: 'about',
    questions: [
      q('age', 'integer', {
        constraint: '. >= 10 and . <= 90',
        // C188 Art. 9(1): minimum age 16; under 18, a child cannot give free consent to this work.
        signals: [['. < 18', 'abuse_of_vulnerability', 'involuntariness']],
        checklist: ['c188.minimum_age', '. < 16'],
      }),
      yn('speaks_captain_language', { signals: [[". = 'no'", 'abuse_of_vulnerability', 'coercion']] }),
      q('months_on_board', 'integer', { constraint: '. >= 0 and . <= 240' }),
    ],
  },
  {
    name: 'recruitment',
    questions: [
      yn('has_contract', { checklist: ['c188.contract', ". = 'no'"] }),
      yn('contract_copy', { relevant: "${has_contract} = 'yes'", checklist: ['c188.contract', ". = 'no'"] }),
      yn('contract_understood', { relevant: "${has_contract} = 'yes'", signals: [[". = 'no'", 'deception', 'involuntariness']], checklist: ['c188.contract', ". = 'no'"] }),
      yn('job_as_promised', { signals: [[". = 'no'", 'deception', 'involuntariness']] }),
      // ILO C181 Art. 7 and the ILO General Principles on Fair Recruitment: workers pay no recruitment fees.
      yn('paid_fee', { signals: [[". = 'yes'", 'debt_bondage', 'involuntariness']] }),
      q('fee_amount', 'money', { relevant: "${paid_fee} = 'yes'", constraint: '. >= 0', required: false }),
    ],
  },
  {
    name: 'debt',
    questions: [
      yn('owes_debt', { signals: [[". = 'yes'", 'debt_bondage', 'coercion']] }),
      yn('must_work_off_debt', { relevant: "${owes_debt} = 'yes'", signals: [[". = 'yes'", 'debt_bondage', 'involuntariness']] }),
    ],
  },
  {
    name: 'wages',
    questions: [
      yn('paid_monthly', { signals: [[". = 'no'", 'withholding_of_wages', 'coercion']], checklist: ['c188.wage_monthly', ". = 'no'"] }),
      // C188 Art. 23: paid monthly or at another regular interval; more than a month unpaid is withheld pay.
      q('months_since_paid', 'integer', { constraint: '. >= 0 and . <= 120', signals: [['. > 1', 'withholding_of_wages', 'coercion']] }),
      q('card_holder', 'select_one', {
        list: ['self', 'captain', 'owner', 'broker', 'other', 'no_card'],
        signals: [[". = 'captain' or . = 'owner' or . = 'broker'", 'withholding_of_wages', 'coercion']],
      }),
      yn('wages_kept_to_stop_leaving', { signals: [[". = 'yes'", 'withholding_of_wages', 'coercion']] }),
    ],
  },
  {
    name: 'documents',
    questions: [
      q('documents_holder', 'select_one', { list: ['self', 'captain', 'owner', 'broker', 'other'], signals: [[". != 'self'", 'retention_of_documents', 'coercion']] }),
      yn('can_get_documents', { relevant: "${documents_holder} != 'self'", signals: [[". = 'no'", 'retention_of_documents', 'coercion']] }),
      yn('medical_certificate', { checklist: ['c188.medical', ". = 'no'"] }),
    ],
  },
  {
    name: 'work',
    questions: [
      // C188 Art. 14(1)(b): at least 10 hours of rest in any 24-hour period.
      q('rest_hours', 'integer', {
        constraint: '. >= 0 and . <= 24',
        signals: [['. < 10', 'excessive_overtime', 'involuntariness']],
        checklist: ['c188.rest.24h', '. < 10'],
      }),
      yn('can_refuse_overtime', { signals: [[". = 'no'", 'excessive_overtime', 'involuntariness']] }),
      yn('enough_food_water', { signals: [[". = 'no'", 'abusive_conditions', 'involuntariness']], checklist: ['c188.accommodation', ". = 'no'"] }),
      yn('place_to_sleep', { signals: [[". = 'no'", 'abusive_conditions', 'involuntariness']], checklist: ['c188.accommodation', ". = 'no'"] }),
      yn('hurt_no_care', { signals: [[". = 'yes'", 'abusive_conditions', 'involuntariness']] }),
    ],
  },
  {
    name: 'movement',
    questions: [
      yn('can_go_ashore', { signals: [[". = 'no'", 'restriction_of_movement', 'coercion']] }),
      yn('want_to_leave_cannot', { signals: [[". = 'yes'", 'restriction_of_movement', 'involuntariness']] }),
      yn('can_contact_family', { signals: [[". = 'no'", 'isolation', 'coercion']] }),
      yn('moved_at_sea', { signals: [[". = 'yes'", 'isolation', 'coercion']] }),
    ],
  },
  {
    name: 'violence',
    questions: [
      yn('hit', { signals: [[". = 'yes'", 'physical_sexual_violence', 'coercion']] }),
      yn('seen_others_hit', { signals: [[". = 'yes'", 'physical_sexual_violence', 'coercion']] }),
      yn('sexual_abuse', { signals: [[". = 'yes'", 'physical_sexual_violence', 'coercion']] }),
      yn('threatened', { signals: [[". = 'yes'", 'intimidation_threats', 'coercion']] }),
      q('threat_kinds', 'select_multiple', {
        relevant: "${threatened} = 'yes'",
        list: ['violence', 'police', 'dismissal', 'family', 'fines', 'other'],
        signals: [['count-selected(.) > 0', 'intimidation_threats', 'coercion']],
      }),
    ],
  },
  {
    name: 'incidents',
    repeat: true,
    relevant: "${hit} = 'yes' or ${sexual_abuse} = 'yes' or ${threatened} = 'yes'",
    questions: [q('incident_date', 'date', { constraint: '. <= today()', required: false }), q('incident_what', 'text', { required: false })],
  },
  {
    name: 'ending',
    questions: [yn('repatriation_paid', { checklist: ['c188.repatriation', ". = 'no'"] }), q('anything_else', 'text', { required: false })],
  },
];

/** Crew-facing texts outside the questions. */
export const FORM_TEXT_KEYS = ['consent.purpose', 'consent.use', 'consent.rights', 'consent.recording', 'consent.question', 'referral.intro', 'declined', 'invalid'] as const;

function labels(translations: readonly Translation[], key: string): Labels {
  const out: Labels = {};
  for (const t of translations) {
    const s = t.strings[key];
    if (s !== undefined) out[t.language] = s;
  }
  return out;
}

export function buildFisherInterview(translations: readonly Translation[] = TRANSLATIONS): Form {
  const L = (key: string) => labels(translations, key);
  const input: FormInput = {
    id: FISHER_INTERVIEW_ID,
    version: FISHER_INTERVIEW_VERSION,
    title: L('title'),
    defaultLanguage: 'en',
    languages: translations.map((t) => ({ language: t.language, reviewed: t.reviewed })),
    texts: Object.fromEntries(FORM_TEXT_KEYS.map((k) => [k, L(k)])),
    children: SECTIONS.map((s) => ({
      kind: 'group' as const,
      name: s.name,
      label: L(`section.${s.name}`),
      relevant: s.relevant,
      repeat: s.repeat ?? false,
      children: s.questions.map((x) => ({
        kind: 'question' as const,
        name: x.name,
        type: x.type,
        label: L(`q.${x.name}`),
        required: x.required ?? true,
        relevant: x.relevant,
        constraint: x.constraint,
        constraintMessage: x.constraint ? L('invalid') : undefined,
        currency: x.currency,
        choices: x.type === 'yes_no' ? ['yes', 'no'].map((v) => ({ value: v, label: L(`c.${v}`) })) : x.list?.map((v) => ({ value: v, label: L(`c.${x.name}.${v}`) })),
        signals: (x.signals ?? []).map(([when, indicator, dimension]) => ({ when, indicator, dimension })),
        checklist: x.checklist ? { code: x.checklist[0], nonCompliantWhen: x.checklist[1] } : undefined,
      })),
    })),
  };
  return Form.parse(input);
}

/** Every label key the form needs: a translation file is complete when it has them all. */
export function fisherInterviewKeys(): string[] {
  const keys = ['title', 'c.yes', 'c.no', ...FORM_TEXT_KEYS];
  for (const s of SECTIONS) {
    keys.push(`section.${s.name}`);
    for (const x of s.questions) {
      keys.push(`q.${x.name}`);
      for (const v of x.list ?? []) keys.push(`c.${x.name}.${v}`);
    }
  }
  return keys;
}
