import i18next from 'i18next';
import { renderToStaticMarkup } from 'react-dom/server';
import { initReactI18next } from 'react-i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../../../shared/api/client';
import { buildFisherInterview } from '../../../shared/forms/fisherInterview';
import type { InterviewState } from '../../../shared/forms/session';
import en from '../../../renderer/i18n/interview.en.json';
import { QuestionStep } from '../../../renderer/pages/interview/QuestionStep';
import { SafetyStep } from '../../../renderer/pages/interview/SafetyStep';
import { ReferralStep } from '../../../renderer/pages/interview/ReferralStep';
import { referralsFor } from '../../../shared/forms/referrals';
import fs from 'node:fs';
import path from 'node:path';
import { importXlsForm } from '../../../main/forms/xlsform';

/** The renderer only draws what the engine says; these check what it draws, without a browser. */

const form = buildFisherInterview();
const noApi = {} as ApiClient;

function state(answers: InterviewState['answers'], next: string): InterviewState {
  return {
    interview: {
      id: '00000000-0000-4000-8000-000000000001',
      auditId: '00000000-0000-4000-8000-000000000002',
      crewMemberId: '00000000-0000-4000-8000-000000000003',
      pseudonym: 'F-07',
      formId: form.id,
      formVersion: form.version,
      crewLanguage: 'my',
      inspectorLanguage: 'en',
      status: 'in_progress',
      warnings: [],
      consentAgreed: true,
      recordingAgreed: true,
      answeredCount: Object.keys(answers).length,
      startedAt: '2026-11-27T08:00:00.000Z',
      updatedAt: '2026-11-27T08:00:00.000Z',
    },
    safety: { present: [], place: 'Port office', canBeOverheard: false },
    answers,
    repeatCounts: {},
    progress: { next, complete: false, missing: [], invalid: [], answeredCount: 0 },
    recordings: [],
  };
}

beforeAll(async () => {
  await i18next.use(initReactI18next).init({ resources: { en: { translation: { interview: en } } }, lng: 'en', interpolation: { escapeValue: false } });
});

describe('interview screens', () => {
  it('shows the Burmese question beside the English one, each tagged with its language, with tap answers in both', () => {
    const html = renderToStaticMarkup(<QuestionStep api={noApi} form={form} state={state({ age: 30, speaks_captain_language: 'yes', months_on_board: 3 }, 'has_contract')} onPause={() => {}} onEnd={() => {}} onLocked={() => {}} />);
    expect(html).toContain('data-path="has_contract"');
    expect(html).toMatch(/lang="my"[^>]*>.*အလုပ်စာချုပ် လက်မှတ်ထိုးခဲ့ပါသလား။/s);
    expect(html).toMatch(/lang="en"[^>]*>.*Did you sign a work contract\?/s);
    expect(html).toContain('data-testid="answer-yes"');
    expect(html).toContain('ဟုတ်ကဲ့');
    expect(html).toContain('This translation has not been checked by a native speaker.');
  });

  it('resumes on the question after the last answer', () => {
    const html = renderToStaticMarkup(<QuestionStep api={noApi} form={form} state={state({ age: 30 }, 'speaks_captain_language')} onPause={() => {}} onEnd={() => {}} onLocked={() => {}} />);
    expect(html).toContain('data-path="speaks_captain_language"');
    expect(html).toContain('Question 2 of');
  });

  it('opens the safety checklist with every person who may be in the room', () => {
    const html = renderToStaticMarkup(<SafetyStep onNext={() => {}} />);
    for (const p of ['captain', 'officer', 'owner', 'recruiter', 'interpreter']) expect(html).toContain(`data-testid="present-${p}"`);
  });

  it('ends with the referral sentence in Khmer and the port list', () => {
    const html = renderToStaticMarkup(<ReferralStep form={form} crew="km" inspector="en" referrals={referralsFor('TH')} onBack={() => {}} />);
    expect(html).toMatch(/lang="km"[^>]*>.*ប្រសិនបើអ្នកត្រូវការជំនួយ/s);
    expect(html).toContain('1546');
  });

  it('shows the form hint and, for a refused answer, its constraint message in both languages', async () => {
    // A real Swahili/English form from pyxform's tests (BSD-2, test/fixtures/xlsform/pyxform)
    const bytes = fs.readFileSync(path.join(__dirname, '../../fixtures/xlsform/pyxform/UCL_Biomass_Plot_Form.xlsx'));
    const { form: ucl } = await importXlsForm(bytes, 'UCL_Biomass_Plot_Form.xlsx');
    const s = state({ leader_name: 'Aloyce', leader_number: 'not a phone' }, 'leader_number');
    s.interview = { ...s.interview, formId: ucl!.id, formVersion: ucl!.version, crewLanguage: 'sw' };
    const html = renderToStaticMarkup(<QuestionStep api={noApi} form={ucl!} state={s} onPause={() => {}} onEnd={() => {}} onLocked={() => {}} />);
    expect(html).toMatch(/data-testid="question-hint-crew"[^>]*>.*Andika/s);
    expect(html).toMatch(/data-testid="question-hint-inspector"[^>]*>.*Type/s);
    expect(html).toMatch(/role="alert".*10 digit phone number/s);
  });
});
