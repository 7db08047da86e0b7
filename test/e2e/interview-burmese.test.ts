import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { Audit } from '../../shared/domain/audit';
import type { Vessel } from '../../shared/domain/vessel';
import type { AuditProfile, CrewProfile } from '../../shared/forms/profile';
import type { InterviewState, InterviewSummary } from '../../shared/forms/session';
import { INDICATORS } from '../../shared/domain/indicators';
import { en } from '../../shared/forms/translations/en';
import { my } from '../../shared/forms/translations/my';
import { artifactPath, launchChromium } from '../support/chromium';
import { startServe, type ServeProcess } from '../support/serve';
import { speechWav, type SpeechWav } from '../support/speech';
import { tempDir } from '../support/tmp';

/**
 * Issue 4's end-to-end test: a whole interview in Burmese in Chromium against
 * the real `gangway serve`, the room recorded through Chromium's fake
 * microphone playing Burmese speech from espeak-ng, every answer given by a
 * click, then what reached the disk and the API checked.
 */

const PASSPHRASE = 'tide table anchor 42';
const CREW_NAME = 'Zaw Min Htet Oo';
const CREW_DOCUMENT = 'MM-SB-774120';
/** The free-text answer: Burmese ("the captain keeps the passport") with an English tail, both must stay sealed. */
const TEXT_ANSWER_MY = 'ကပ္ပတိန်က ပတ်စပို့ကို အခန်းထဲက သေတ္တာမှာ သိမ်းထားတယ်';
const TEXT_ANSWER_EN = 'passports locked in the wheelhouse safe since Ranong';
const TEXT_ANSWER = `${TEXT_ANSWER_MY} (${TEXT_ANSWER_EN})`;

/** EBML magic: every WebM file starts with it (Matroska/EBML spec, RFC 8794 §8). */
const EBML = Buffer.from([0x1a, 0x45, 0xdf, 0xa3]);

/** expect.poll waits 1 s by default; a shared two-core machine needs more. */
const WAIT = { timeout: 10_000 };

type Answer = { click: string } | { number: number } | { text: string };

/**
 * The whole interview in the order the form engine asks it (paths are the
 * question names; follow-ups hidden by these answers: fee_amount,
 * must_work_off_debt, threat_kinds and the incidents repeat).
 * Chosen so the profile is known: documents kept by the captain and not
 * given back (retention of documents, coercion, twice), not paid monthly,
 * four months unpaid, the captain holding the wage card (withholding of
 * wages, coercion, three times), and a job not as promised (deception,
 * involuntariness): both ILO 2018 dimensions, so a strong signal.
 */
const PLAN: [path: string, answer: Answer][] = [
  ['age', { number: 34 }],
  ['speaks_captain_language', { click: 'yes' }],
  ['months_on_board', { number: 14 }],
  ['has_contract', { click: 'yes' }],
  ['contract_copy', { click: 'yes' }],
  ['contract_understood', { click: 'yes' }],
  ['job_as_promised', { click: 'no' }],
  ['paid_fee', { click: 'no' }],
  ['owes_debt', { click: 'no' }],
  ['paid_monthly', { click: 'no' }],
  ['months_since_paid', { number: 4 }],
  ['card_holder', { click: 'captain' }],
  ['wages_kept_to_stop_leaving', { click: 'no' }],
  ['documents_holder', { click: 'captain' }],
  ['can_get_documents', { click: 'no' }],
  ['medical_certificate', { click: 'yes' }],
  ['rest_hours', { number: 12 }],
  ['can_refuse_overtime', { click: 'yes' }],
  ['enough_food_water', { click: 'yes' }],
  ['place_to_sleep', { click: 'yes' }],
  ['hurt_no_care', { click: 'no' }],
  ['can_go_ashore', { click: 'yes' }],
  ['want_to_leave_cannot', { click: 'no' }],
  ['can_contact_family', { click: 'yes' }],
  ['moved_at_sea', { click: 'no' }],
  ['hit', { click: 'no' }],
  ['seen_others_hit', { click: 'no' }],
  ['sexual_abuse', { click: 'no' }],
  ['threatened', { click: 'no' }],
  ['repatriation_paid', { click: 'yes' }],
  ['anything_else', { text: TEXT_ANSWER }],
];

const storedValue = (a: Answer) => ('click' in a ? a.click : 'number' in a ? a.number : a.text);

/** The clock the recording indicator shows ("Recording 0:07"), in seconds. */
async function recordedSeconds(page: Page): Promise<number> {
  const m = /(\d+):(\d\d)/.exec((await page.getByTestId('recording-indicator').textContent()) ?? '');
  return m ? Number(m[1]) * 60 + Number(m[2]) : 0;
}

/** Every file under a folder, with its path relative to it. */
function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => fs.statSync(path.join(dir, f)).isFile());
}

/** Which of the secrets occur in which files, as UTF-8 or UTF-16 (SQLite can store either). */
function plaintextLeaks(dir: string, secrets: string[]): string[] {
  const leaks: string[] = [];
  for (const f of filesUnder(dir)) {
    const bytes = fs.readFileSync(path.join(dir, f));
    for (const s of secrets) {
      if (bytes.includes(Buffer.from(s, 'utf8')) || bytes.includes(Buffer.from(s, 'utf16le'))) leaks.push(`${f}: ${s}`);
    }
  }
  return leaks;
}

describe('a crew interview in Burmese, in Chromium with a microphone', () => {
  let dataDir: string;
  let serve: ServeProcess;
  let browser: Browser;
  let page: Page;
  let speech: SpeechWav;
  let audit: Audit;

  async function call<T>(method: string, input: unknown = {}): Promise<T> {
    const res = await fetch(`${serve.url}/api/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${serve.token}` },
      body: JSON.stringify(input),
    });
    const body = (await res.json()) as T & { error?: { code: string; message: string } };
    if (!res.ok) throw Object.assign(new Error(`${method}: ${res.status} ${body.error?.code} ${body.error?.message}`), { status: res.status, code: body.error?.code });
    return body;
  }

  beforeAll(async () => {
    dataDir = tempDir('gangway-e2e-interview-');
    // What the interviewer says at the start, in Burmese: the fake microphone loops it for the whole recording.
    speech = speechWav(`${my.strings['consent.purpose']} ${my.strings['q.documents_holder']}`, path.join(tempDir('gangway-speech-'), 'interview-my.wav'));
    serve = await startServe(dataDir);
    browser = await launchChromium(['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-audio-capture=${speech.file}`]);
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });

    const vessel = await call<Vessel>('vessels.create', { name: 'Sea Star 7', mmsi: '567000123', flag: 'THA', homePort: 'Ranong' });
    audit = await call<Audit>('audits.create', { vesselId: vessel.id, place: 'Ranong fish pier', date: '2026-11-27', inspector: 'K. Srisuk' });
  });

  afterAll(async () => {
    await browser?.close();
    await serve?.stop();
  });

  it('records the answers sealed, keeps the recording encrypted, and profiles documents and wages withheld', async () => {
    // Debian's espeak-ng-data has Burmese; only a build without it makes the helper fall back to English speech.
    if (speech.voice !== 'my') console.warn(`espeak-ng has no Burmese voice here: the fake microphone plays ${speech.voice} speech instead`);

    await page.goto(serve.browserUrl);
    await expect.poll(() => page.url(), WAIT).not.toContain('token=');
    await page.getByRole('link', { name: 'Interviews' }).click();

    // First use: choose the passphrase, which leaves the vault open.
    await page.getByTestId('vault-passphrase').fill(PASSPHRASE);
    await page.getByTestId('vault-passphrase-again').fill(PASSPHRASE);
    await page.getByTestId('vault-submit').click();

    await page.getByTestId('choose-audit').selectOption(audit.id);
    await page.getByTestId('choose-crew-language').selectOption('my');
    await page.getByTestId('crew-pseudonym').fill('F-07');
    await page.getByTestId('crew-name').fill(CREW_NAME);
    await page.getByLabel('Passport or seafarer ID (encrypted)').fill(CREW_DOCUMENT);
    await page.getByTestId('crew-add').click();
    await expect.poll(() => page.getByTestId('choose-crew').inputValue(), WAIT).not.toBe('');
    await page.getByTestId('interview-begin').click();

    // Safety: an NGO interpreter, nobody from the vessel side, not overheard: no warning.
    await page.getByTestId('present-interpreter').check();
    await page.getByTestId('interpreter-of').selectOption('ngo');
    await page.getByTestId('safety-place').fill('Ice room on the pier, door closed');
    expect(await page.locator('[data-testid^="warning-"]').count()).toBe(0);
    await page.getByTestId('safety-next').click();

    // Consent read out in Burmese beside English; he agrees to talk and to be recorded.
    await expect.poll(() => page.getByTestId('consent-step').textContent(), WAIT).toContain(my.strings['consent.purpose']);
    for (const part of ['purpose', 'use', 'rights']) await page.getByTestId(`consent-${part}`).check();
    await page.getByTestId('consent-recording-yes').click();
    await page.getByTestId('consent-start').click();

    await page.getByTestId('recording-start').click();
    await page.getByTestId('recording-indicator').waitFor();
    expect(await page.getByTestId('recording-bar').getAttribute('data-state')).toBe('recording');

    const question = page.getByTestId('question');
    for (const [questionPath, answer] of PLAN) {
      await expect.poll(() => question.getAttribute('data-path'), { ...WAIT, message: `the next question should be ${questionPath}` }).toBe(questionPath);
      const crewText = page.getByTestId('question-text-crew');
      expect(await crewText.getAttribute('lang')).toBe('my');
      expect(await crewText.textContent()).toContain(my.strings[`q.${questionPath}`]);
      expect(await page.getByTestId('question-text-inspector').textContent()).toContain(en.strings[`q.${questionPath}`]);

      if (questionPath === 'documents_holder') {
        // The Myanmar webfont must be loaded before the picture is worth looking at.
        await page.evaluate(() => document.fonts.ready.then(() => undefined));
        expect(await page.evaluate(() => document.fonts.check('26px "Noto Sans Myanmar"', 'ပတ်စပို့'))).toBe(true);
        await page.screenshot({ path: artifactPath('interview-bilingual.png'), fullPage: true });
      }

      if ('click' in answer) {
        await question.getByTestId(`answer-${answer.click}`).click();
      } else if ('number' in answer) {
        await page.getByTestId('answer-number').fill(String(answer.number));
        await page.getByTestId('answer-save').click();
      } else {
        await page.getByTestId('answer-text').fill(answer.text);
        await page.getByTestId('answer-save').click();
      }
    }
    // Past the last question the engine lists what is still required: nothing (the note is empty, so not "visible").
    await page.getByTestId('questions-done').waitFor({ state: 'attached' });
    expect(await page.getByTestId('questions-done').textContent()).toBe('');

    // Record past the first 5 s slice, so the upload streams slices during the interview and one more at the stop.
    await expect.poll(() => recordedSeconds(page), { timeout: 15_000 }).toBeGreaterThanOrEqual(6);
    await page.getByTestId('recording-stop').click();
    await page.getByTestId('recording-saved').waitFor();
    await page.getByTestId('interview-finish').click();
    await page.getByTestId('referral-step').waitFor();
    expect(await page.getByTestId('referral-intro-crew').textContent()).toContain(my.strings['referral.intro']);

    // The interview as stored, read back through the API while the vault is open.
    const [summary, ...others] = await call<InterviewSummary[]>('interviews.list', { auditId: audit.id });
    expect(others).toHaveLength(0);
    expect(summary).toMatchObject({ status: 'finished', crewLanguage: 'my', inspectorLanguage: 'en', consentAgreed: true, recordingAgreed: true, answeredCount: PLAN.length, warnings: [] });
    const state = await call<InterviewState>('interviews.resume', { interviewId: summary!.id });
    expect(state.answers).toEqual(Object.fromEntries(PLAN.map(([p, a]) => [p, storedValue(a)])));
    expect(state.progress).toMatchObject({ complete: true, missing: [], invalid: [] });
    expect(state.safety).toEqual({ present: ['interpreter'], interpreter: { of: 'ngo' }, place: 'Ice room on the pier, door closed', canBeOverheard: false });
    expect(await call('interviews.identity.get', { crewMemberId: summary!.crewMemberId })).toEqual({ name: CREW_NAME, documentNo: CREW_DOCUMENT });

    // One recording, stored as an evidence blob whose bytes are ciphertext.
    expect(state.recordings).toHaveLength(1);
    const recording = state.recordings[0]!;
    expect(recording.mediaType).toMatch(/^audio\/webm/);
    const blobFile = path.join(dataDir, 'blobs', recording.sha256.slice(0, 2), recording.sha256);
    const sealed = fs.readFileSync(blobFile);
    expect(crypto.createHash('sha256').update(sealed).digest('hex')).toBe(recording.sha256);
    expect(sealed.subarray(0, 4).equals(EBML)).toBe(false);
    expect(sealed.includes('OpusHead')).toBe(false);
    expect(sealed.includes('webm')).toBe(false);

    // Decrypted through the API it is a WebM/Opus file (EBML header, "webm" DocType, Opus codec header).
    const audio = await call<{ mediaType: string; base64: string }>('interviews.audio.get', { interviewId: summary!.id, sha256: recording.sha256 });
    const plain = Buffer.from(audio.base64, 'base64');
    expect(plain.subarray(0, 4).equals(EBML)).toBe(true);
    expect(plain.includes('webm')).toBe(true);
    expect(plain.includes('OpusHead')).toBe(true);
    // AES-GCM adds a fixed header and no padding: same length give or take the envelope.
    expect(sealed.length - plain.length).toBeGreaterThan(0);
    expect(sealed.length - plain.length).toBeLessThan(256);

    // Chromium decodes it back to sound: the fake microphone's speech, not silence.
    const decoded = await page.evaluate(async (b64) => {
      const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const ctx = new OfflineAudioContext(1, 1, 48_000);
      const buffer = await ctx.decodeAudioData(bytes.buffer);
      const samples = buffer.getChannelData(0);
      let sum = 0;
      for (const s of samples) sum += s * s;
      return { seconds: buffer.duration, rms: Math.sqrt(sum / samples.length) };
    }, audio.base64);
    expect(decoded.seconds).toBeGreaterThan(1);
    expect(decoded.rms).toBeGreaterThan(0.005);

    // The profile, exactly: deception (involuntariness) beside documents and wages withheld (coercion).
    const profile = await call<CrewProfile>('interviews.profile', { crewMemberId: summary!.crewMemberId, auditId: audit.id });
    expect(profile.indicators).toEqual([
      { indicator: 'deception', involuntariness: ['job_as_promised'], coercion: [] },
      { indicator: 'retention_of_documents', involuntariness: [], coercion: ['documents_holder', 'can_get_documents'] },
      { indicator: 'withholding_of_wages', involuntariness: [], coercion: ['paid_monthly', 'months_since_paid', 'card_holder'] },
    ]);
    expect(profile).toMatchObject({ bothDimensions: true, strongSignal: true, checklist: [{ code: 'c188.wage_monthly', path: 'paid_monthly' }] });
    expect(profile.caveat).toMatch(/Not a legal finding/);

    const counts: Partial<Record<(typeof INDICATORS)[number], [number, number, number]>> = {
      deception: [1, 1, 0],
      retention_of_documents: [1, 0, 1],
      withholding_of_wages: [1, 0, 1],
    };
    const auditProfile = await call<AuditProfile>('interviews.auditProfile', { auditId: audit.id });
    expect(auditProfile).toMatchObject({ interviewed: 1, strongSignals: 1 });
    expect(auditProfile.indicators).toEqual(
      INDICATORS.map((indicator) => {
        const [crewWithSignal, involuntariness, coercion] = counts[indicator] ?? [0, 0, 0];
        return { indicator, crewWithSignal, involuntariness, coercion };
      }),
    );

    // Nothing the crew member said, nor his name or papers, is readable anywhere in the data folder, the WAL included.
    const secrets = [CREW_NAME, CREW_DOCUMENT, TEXT_ANSWER, TEXT_ANSWER_MY, TEXT_ANSWER_EN];
    expect(filesUnder(dataDir)).toContain('gangway.sqlite-wal');
    expect(plaintextLeaks(dataDir, secrets)).toEqual([]);
    // The same scan does find what is meant to be in clear: the pseudonym, in the WAL before any checkpoint.
    expect(plaintextLeaks(dataDir, ['F-07'])).toContain('gangway.sqlite-wal: F-07');

    // Locked, the answers are out of reach; the passphrase opens them again.
    await call('vault.lock');
    await expect(call('interviews.resume', { interviewId: summary!.id })).rejects.toMatchObject({ status: 423, code: 'LOCKED' });
    await expect(call('interviews.profile', { crewMemberId: summary!.crewMemberId })).rejects.toMatchObject({ code: 'LOCKED' });
    await call('vault.unlock', { passphrase: PASSPHRASE });
    expect((await call<InterviewState>('interviews.resume', { interviewId: summary!.id })).answers.anything_else).toBe(TEXT_ANSWER);

    // After the server stops (WAL checkpointed into the database file) the folder still holds no plaintext.
    await serve.stop();
    expect(plaintextLeaks(dataDir, secrets)).toEqual([]);
  }, 90_000);
});
