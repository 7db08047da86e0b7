import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiClient } from '../../shared/api/client';
import type { ErrorShape } from '../../shared/errors';
import { FISHER_INTERVIEW_ID } from '../../shared/forms/fisherInterview';
import type { Form } from '../../shared/forms/model';
import type { Referral } from '../../shared/forms/referrals';
import type { Consent, SafetyChecklist } from '../../shared/forms/safety';
import type { InterviewState } from '../../shared/forms/session';
import { ErrorNote } from '../components/ErrorNote';
import { ChooseInterview, type Choice } from './interview/ChooseInterview';
import { ConsentStep } from './interview/ConsentStep';
import { QuestionStep } from './interview/QuestionStep';
import { RecordingBar } from './interview/RecordingBar';
import { ReferralStep } from './interview/ReferralStep';
import { SafetyStep } from './interview/SafetyStep';
import { useRecorder } from './interview/useRecorder';
import { VaultGate } from './interview/VaultGate';
import { ChangePassphrase } from './interview/ChangePassphrase';
import './interview/interview.css';

type Step =
  | { at: 'choose' }
  | { at: 'safety'; choice: Choice }
  | { at: 'consent'; choice: Choice; safety: SafetyChecklist }
  | { at: 'questions'; state: InterviewState }
  | { at: 'end'; state: InterviewState; referrals: Referral[] };

interface VaultStatus {
  initialised: boolean;
  unlocked: boolean;
  idleLockSeconds: number;
}

/**
 * A crew interview from first screen to last: vault, who and which language,
 * safety checklist, consent, the bilingual questions with the recording bar,
 * and the referral list. The form engine (shared/forms) decides what is
 * asked; this page only draws it and sends each answer as it is given.
 */
export function InterviewPage({ api }: { api: ApiClient }) {
  const { t } = useTranslation();
  const [vault, setVault] = useState<VaultStatus>();
  const [form, setForm] = useState<Form>();
  const [step, setStep] = useState<Step>({ at: 'choose' });
  const [error, setError] = useState<ErrorShape>();
  const deviceError = useCallback((reason: string) => t('interview.recording.deviceError', { reason }), [t]);
  const interviewId = step.at === 'questions' ? step.state.interview.id : undefined;
  const recorder = useRecorder(api, interviewId, deviceError);

  useEffect(() => {
    api.call('vault.status').then(setVault, setError);
    api.call('forms.get', { id: FISHER_INTERVIEW_ID }).then(setForm, setError);
  }, [api]);

  /** Any call may find the vault locked by the idle timer: back to the passphrase, the interview resumes after. */
  const guard = useCallback(
    (e: ErrorShape) => {
      if (e.code === 'LOCKED') void api.call('vault.status').then(setVault);
      setError(e);
    },
    [api],
  );

  async function start(choice: Choice, safety: SafetyChecklist, consent: Consent) {
    try {
      const state = await api.call('interviews.start', { ...choice, safety, consent, formId: FISHER_INTERVIEW_ID });
      setError(undefined);
      if (state.interview.status === 'consent_refused') await end(state, false);
      else setStep({ at: 'questions', state });
    } catch (e) {
      guard(e as ErrorShape);
    }
  }

  async function resume(id: string) {
    try {
      const state = await api.call('interviews.resume', { interviewId: id });
      if (state.interview.formId !== form?.id || state.interview.formVersion !== form?.version) {
        setForm(await api.call('forms.get', { id: state.interview.formId, version: state.interview.formVersion }));
      }
      setStep({ at: 'questions', state });
      setError(undefined);
    } catch (e) {
      guard(e as ErrorShape);
    }
  }

  async function pause() {
    if (recorder.state === 'recording' || recorder.state === 'paused') await recorder.stop();
    setStep({ at: 'choose' });
  }

  async function end(state: InterviewState, stopped: boolean) {
    try {
      if (recorder.state === 'recording' || recorder.state === 'paused') await recorder.stop();
      const done = await api.call('interviews.finish', { interviewId: state.interview.id, stopped });
      setStep({ at: 'end', state: { ...state, interview: done.interview }, referrals: done.referrals });
    } catch (e) {
      guard(e as ErrorShape);
    }
  }

  if (!vault || !form) {
    return (
      <div className="interview">
        <h1>{t('interview.title')}</h1>
        <ErrorNote error={error} />
      </div>
    );
  }

  return (
    <div className="interview" data-testid="interview-page">
      <div className="page-header">
        <h1>{t('interview.title')}</h1>
        {vault.unlocked && (
          <button type="button" data-testid="vault-lock" onClick={() => void api.call('vault.lock').then(setVault, setError)}>
            {t('interview.vault.lock')}
          </button>
        )}
      </div>
      <ErrorNote error={error} />
      {vault.unlocked && step.at === 'choose' && <ChangePassphrase api={api} />}
      {!vault.unlocked ? (
        <VaultGate
          api={api}
          status={vault}
          onOpen={(s) => {
            setVault(s);
            setError(undefined);
          }}
        />
      ) : step.at === 'choose' ? (
        <ChooseInterview api={api} form={form} onBegin={(choice) => setStep({ at: 'safety', choice })} onResume={(id) => void resume(id)} />
      ) : step.at === 'safety' ? (
        <SafetyStep onNext={(safety) => setStep({ at: 'consent', choice: step.choice, safety })} />
      ) : step.at === 'consent' ? (
        <ConsentStep form={form} crew={step.choice.crewLanguage} inspector={step.choice.inspectorLanguage} onDone={(consent) => void start(step.choice, step.safety, consent)} />
      ) : step.at === 'questions' ? (
        <>
          <RecordingBar recorder={recorder} agreed={step.state.interview.recordingAgreed} />
          <QuestionStep api={api} form={form} state={step.state} onPause={() => void pause()} onEnd={(stopped) => void end(step.state, stopped)} onLocked={guard} />
        </>
      ) : (
        <ReferralStep form={form} crew={step.state.interview.crewLanguage} inspector={step.state.interview.inspectorLanguage} referrals={step.referrals} onBack={() => setStep({ at: 'choose' })} />
      )}
    </div>
  );
}
