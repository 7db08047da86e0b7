import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

/**
 * Spoken audio for tests that need a microphone: Debian's espeak-ng writes a
 * WAV that Chromium's fake capture device plays in a loop
 * (`--use-file-for-fake-audio-capture`), so a recording holds real speech
 * rather than the fake device's default beep.
 */

export interface SpeechWav {
  file: string;
  /** The espeak-ng voice actually used (the requested one, or `en` when it is missing). */
  voice: string;
  sampleRate: number;
  seconds: number;
}

/** Whether espeak-ng has a voice for this language (`--voices=xx` lists only the header line when not). */
export function hasVoice(voice: string): boolean {
  const out = execFileSync('espeak-ng', [`--voices=${voice}`], { encoding: 'utf8' });
  return out
    .split('\n')
    .slice(1)
    .some((line) => line.trim().split(/\s+/)[1] === voice);
}

/** Reads the header of a canonical PCM WAV (RIFF/WAVE, `fmt ` then `data` somewhere after). */
function wavFormat(bytes: Buffer): { sampleRate: number; seconds: number } {
  if (bytes.toString('ascii', 0, 4) !== 'RIFF' || bytes.toString('ascii', 8, 12) !== 'WAVE') throw new Error('espeak-ng did not write a RIFF/WAVE file');
  let at = 12;
  let sampleRate = 0;
  let byteRate = 0;
  while (at + 8 <= bytes.length) {
    const id = bytes.toString('ascii', at, at + 4);
    const size = bytes.readUInt32LE(at + 4);
    if (id === 'fmt ') {
      sampleRate = bytes.readUInt32LE(at + 12);
      byteRate = bytes.readUInt32LE(at + 16);
    } else if (id === 'data') {
      // espeak-ng writing to a file fills in the real size; 0 or 0xffffffff would mean a stream.
      const dataBytes = size === 0 || size === 0xffffffff ? bytes.length - at - 8 : size;
      if (!byteRate) throw new Error('WAV data chunk before its fmt chunk');
      return { sampleRate, seconds: dataBytes / byteRate };
    }
    at += 8 + size + (size % 2);
  }
  throw new Error('WAV file has no data chunk');
}

/**
 * Speaks `text` into `file` with espeak-ng. Burmese (`my`) is in Debian's
 * espeak-ng-data; should a build lack it, English is used so the test still
 * has speech to record, and `voice` says so.
 */
export function speechWav(text: string, file: string, voice = 'my'): SpeechWav {
  const used = hasVoice(voice) ? voice : 'en';
  // espeak-ng 1.51 does not end a clause at the Myanmar full stop (U+104B) and
  // aborts ("buffer overflow detected") once a run of Burmese sentences grows
  // too long for one clause; a blank line always ends one, so each sentence
  // goes to stdin as its own paragraph.
  const paragraphs = text.split(/(?<=[\u104b.!?])\s+/u).join('\n\n');
  execFileSync('espeak-ng', ['-v', used, '-s', '140', '-w', file, '--stdin'], { input: paragraphs });
  const { sampleRate, seconds } = wavFormat(fs.readFileSync(file));
  if (seconds < 0.5) throw new Error(`espeak-ng wrote only ${seconds.toFixed(2)} s of audio for "${text}"`);
  return { file, voice: used, sampleRate, seconds };
}
