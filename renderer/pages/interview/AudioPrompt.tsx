import { useTranslation } from 'react-i18next';
import type { Labels } from '../../../shared/forms/model';

/**
 * Plays the question for a crew member who does not read: the form's
 * recorded prompt when it has one in his language, else a speech voice for
 * that language when the system has one; otherwise the button says why not.
 */
export function AudioPrompt({ audio, text, language }: { audio: Labels | undefined; text: string; language: string }) {
  const { t } = useTranslation();
  const file = audio?.[language];
  const voice = typeof speechSynthesis !== 'undefined' ? speechSynthesis.getVoices().find((v) => v.lang.toLowerCase().startsWith(language)) : undefined;
  const available = Boolean(file || voice);
  function play() {
    if (file) {
      void new Audio(file).play();
    } else if (voice) {
      const u = new SpeechSynthesisUtterance(text);
      u.voice = voice;
      u.lang = voice.lang;
      speechSynthesis.speak(u);
    }
  }
  return (
    <button type="button" data-testid="play-prompt" onClick={play} disabled={!available} title={available ? undefined : t('interview.question.noAudio')} aria-label={t('interview.question.play')}>
      ▶ {t('interview.question.play')}
    </button>
  );
}
