import { useTranslation } from 'react-i18next';
import type { Recorder } from './useRecorder';

function clock(s: number): string {
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** Always visible during the interview: whether the room is being recorded is never a guess. */
export function RecordingBar({ recorder, agreed }: { recorder: Recorder; agreed: boolean }) {
  const { t } = useTranslation();
  if (!agreed) {
    return (
      <div className="recording-bar" data-testid="recording-bar">
        {t('interview.recording.notAgreed')}
      </div>
    );
  }
  const { state } = recorder;
  return (
    <div className="recording-bar" data-testid="recording-bar" data-state={state}>
      {(state === 'recording' || state === 'paused') && (
        <span role="status" data-testid="recording-indicator">
          <span className={`rec-dot${state === 'paused' ? ' paused' : ''}`} aria-hidden="true" />
          {state === 'recording' ? t('interview.recording.active') : t('interview.recording.paused')} {clock(recorder.seconds)}
        </span>
      )}
      {(state === 'idle' || state === 'saved') && (
        <button type="button" data-testid="recording-start" onClick={() => void recorder.start()}>
          {t('interview.recording.start')}
        </button>
      )}
      {state === 'recording' && (
        <button type="button" data-testid="recording-pause" onClick={recorder.pause}>
          {t('interview.recording.pause')}
        </button>
      )}
      {state === 'paused' && (
        <button type="button" data-testid="recording-resume" onClick={recorder.resume}>
          {t('interview.recording.resume')}
        </button>
      )}
      {(state === 'recording' || state === 'paused') && (
        <button type="button" data-testid="recording-stop" onClick={() => void recorder.stop()}>
          {t('interview.recording.stop')}
        </button>
      )}
      {state === 'saving' && <span role="status">{t('interview.question.saving')}</span>}
      {state === 'saved' && <span role="status" data-testid="recording-saved">{t('interview.recording.saved')}</span>}
      {state === 'error' && (
        <>
          <span role="alert" className="error-note">
            {recorder.error}
          </span>
          {recorder.canRetry ? (
            <button type="button" data-testid="recording-retry" onClick={() => void recorder.retrySave()}>
              {t('interview.recording.retry')}
            </button>
          ) : (
            <button type="button" data-testid="recording-start" onClick={() => void recorder.start()}>
              {t('interview.recording.start')}
            </button>
          )}
        </>
      )}
    </div>
  );
}
