import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createCore, type Core } from '../../../main/core';
import { createClient, type ApiClient } from '../../../shared/api/client';
import type { GangwayError } from '../../../shared/errors';
import { tempDir } from '../../support/tmp';

/**
 * The interview path through the real core and handler table, on a real
 * SQLite store and blob folder, with the vault's production scrypt cost.
 */

const PASSPHRASE = 'salt wind and a long night watch';
const NAME = 'Thura Zaw Lin Htet';
const PASSPORT = 'MC9931774';
const SECRET_ANSWER = 'ZEBRA-4411 the bosun kept my passport in his cabin';

const cores: Core[] = [];
afterEach(() => {
  for (const c of cores.splice(0)) c.close();
});

function boot(dataDir: string): ApiClient {
  const core = createCore({ dataDir, shell: 'test' });
  cores.push(core);
  return createClient({ invoke: (m, i) => core.invoke(m, i), subscribe: (l) => core.subscribe(l) });
}

async function fails(p: Promise<unknown>): Promise<GangwayError> {
  try {
    await p;
  } catch (e) {
    return e as GangwayError;
  }
  throw new Error('expected the call to fail');
}

async function setup(api: ApiClient) {
  await api.call('vault.setup', { passphrase: PASSPHRASE });
  const vessel = await api.call('vessels.create', { name: 'Sea Pearl 7', flag: 'THA' });
  const audit = await api.call('audits.create', { vesselId: vessel.id, place: 'Songkhla fishing port', date: '2026-11-27', inspector: 'K. Somchai' });
  const crew = await api.call('interviews.crew.add', {
    vesselId: vessel.id,
    pseudonym: 'F-07',
    role: 'fisher',
    nationality: 'MMR',
    languages: ['my'],
    identity: { name: NAME, documentNo: PASSPORT, phone: '+95 9 4500 1234' },
  });
  return { vessel, audit, crew };
}

const SAFE = { present: ['interpreter' as const], interpreter: { of: 'ngo' as const, language: 'my' }, place: 'Port welfare office', canBeOverheard: false };
const CONSENT = { language: 'my', purposeExplained: true, useExplained: true, rightToStopExplained: true, agreed: true, recordingAgreed: true };

/** Every byte Gangway keeps on disk: the SQLite files (with -wal and -shm), backups and blobs. */
function diskContains(dataDir: string, needle: string): string[] {
  const hits: string[] = [];
  const forms = [Buffer.from(needle, 'utf8'), Buffer.from(needle, 'utf16le')];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (forms.some((f) => fs.readFileSync(p).includes(f))) hits.push(p);
    }
  };
  walk(dataDir);
  return hits;
}

describe('crew interviews', () => {
  it('keeps answers, free text, names and audio off the disk in clear text', async () => {
    const dataDir = tempDir('gangway-interview-');
    const api = boot(dataDir);
    const { audit, crew } = await setup(api);
    const started = await api.call('interviews.start', { auditId: audit.id, crewMemberId: crew.id, crewLanguage: 'my', safety: SAFE, consent: CONSENT });
    const id = started.interview.id;
    await api.call('interviews.answer', { interviewId: id, path: 'documents_holder', value: 'captain' });
    await api.call('interviews.answer', { interviewId: id, path: 'anything_else', value: SECRET_ANSWER });
    // Which questions were answered is itself testimony: an incident added says violence was reported.
    await api.call('interviews.answer', { interviewId: id, path: 'hit', value: 'yes' });
    await api.call('interviews.setRepeatCount', { interviewId: id, path: 'incidents', count: 1 });
    await api.call('interviews.answer', { interviewId: id, path: 'incidents[0].incident_what', value: 'kicked on deck' });
    const audio = Buffer.from(`OggS fake opus payload said by ${NAME}`.repeat(2000));
    const { uploadId } = await api.call('interviews.audio.begin', { interviewId: id, mediaType: 'audio/webm;codecs=opus' });
    const b64 = audio.toString('base64');
    for (let i = 0, n = 0; i < b64.length; i += 40_000, n++) await api.call('interviews.audio.chunk', { uploadId, index: n, base64: b64.slice(i, i + 40_000) });
    const meta = await api.call('interviews.audio.finish', { uploadId });
    expect(meta.encrypted).toBe(true);
    expect(fs.existsSync(path.join(dataDir, 'blobs', meta.sha256.slice(0, 2), meta.sha256))).toBe(true);

    // While the app runs (the WAL holds the latest writes) and after it closes.
    expect(fs.existsSync(path.join(dataDir, 'gangway.sqlite-wal'))).toBe(true);
    // The search does see what is stored in clear (the audit's place), so zero hits mean something.
    expect(diskContains(dataDir, 'Songkhla fishing port').length).toBeGreaterThan(0);
    const needles = [SECRET_ANSWER, NAME, PASSPORT, 'OggS fake opus', PASSPHRASE, 'documents_holder', 'incident_what', 'incidents[', 'kicked on deck'];
    for (const needle of needles) expect(diskContains(dataDir, needle), needle).toEqual([]);
    cores.splice(0).forEach((c) => c.close());
    for (const needle of needles) expect(diskContains(dataDir, needle), needle).toEqual([]);

    // …and all of it comes back with the passphrase.
    const again = boot(dataDir);
    expect((await fails(again.call('interviews.resume', { interviewId: id }))).code).toBe('LOCKED');
    await again.call('vault.unlock', { passphrase: PASSPHRASE });
    const resumed = await again.call('interviews.resume', { interviewId: id });
    expect(resumed.answers.anything_else).toBe(SECRET_ANSWER);
    expect(resumed.answers['incidents[0].incident_what']).toBe('kicked on deck');
    expect(resumed.repeatCounts).toEqual({ incidents: 1 });
    expect(await again.call('interviews.identity.get', { crewMemberId: crew.id })).toEqual({ name: NAME, documentNo: PASSPORT, phone: '+95 9 4500 1234' });
    const back = await again.call('interviews.audio.get', { interviewId: id, sha256: meta.sha256 });
    expect(Buffer.from(back.base64, 'base64').equals(audio)).toBe(true);
  });

  it('resumes an interrupted interview with no answer lost, where it stopped', async () => {
    const dataDir = tempDir('gangway-interview-');
    const api = boot(dataDir);
    const { audit, crew } = await setup(api);
    const s = await api.call('interviews.start', { auditId: audit.id, crewMemberId: crew.id, crewLanguage: 'my', safety: SAFE, consent: CONSENT });
    const id = s.interview.id;
    expect(s.progress.next).toBe('age');
    const given = { age: 17, speaks_captain_language: 'no', months_on_board: 14, has_contract: 'yes', contract_copy: 'no' } as const;
    for (const [p, v] of Object.entries(given)) await api.call('interviews.answer', { interviewId: id, path: p, value: v });
    // The power goes: no pause, no finish, the process is gone.
    cores.splice(0).forEach((c) => c.close());

    const again = boot(dataDir);
    await again.call('vault.unlock', { passphrase: PASSPHRASE });
    const resumed = await again.call('interviews.resume', { interviewId: id });
    expect(resumed.answers).toEqual(given);
    expect(resumed.progress.next).toBe('contract_understood');
    expect(resumed.safety).toEqual(SAFE);
    expect(resumed.interview.status).toBe('in_progress');
  });

  it('warns when the captain is in the room or interpreting', async () => {
    const api = boot(tempDir('gangway-interview-'));
    const { audit, crew } = await setup(api);
    const s = await api.call('interviews.start', {
      auditId: audit.id,
      crewMemberId: crew.id,
      crewLanguage: 'my',
      safety: { present: ['captain'], interpreter: { of: 'captain' }, place: 'Wheelhouse', canBeOverheard: true },
      consent: CONSENT,
    });
    expect(s.interview.warnings.map((w) => w.code)).toEqual(['captain_present', 'interpreter_from_vessel', 'can_be_overheard']);
    expect(s.interview.warnings[0]!.level).toBe('stop');
  });

  it('records a refused consent and takes no answer or recording', async () => {
    const api = boot(tempDir('gangway-interview-'));
    const { audit, crew } = await setup(api);
    const s = await api.call('interviews.start', { auditId: audit.id, crewMemberId: crew.id, crewLanguage: 'my', safety: SAFE, consent: { ...CONSENT, agreed: false } });
    expect(s.interview.status).toBe('consent_refused');
    expect((await fails(api.call('interviews.answer', { interviewId: s.interview.id, path: 'age', value: 30 }))).code).toBe('FORBIDDEN');
    expect((await fails(api.call('interviews.audio.begin', { interviewId: s.interview.id, mediaType: 'audio/webm' }))).code).toBe('FORBIDDEN');
    const end = await api.call('interviews.finish', { interviewId: s.interview.id, portCountry: 'TH' });
    expect(end.referrals.map((r) => r.phone)).toContain('1546');
  });

  it('keeps the interview without audio when he refuses only the recording', async () => {
    const api = boot(tempDir('gangway-interview-'));
    const { audit, crew } = await setup(api);
    const s = await api.call('interviews.start', { auditId: audit.id, crewMemberId: crew.id, crewLanguage: 'my', safety: SAFE, consent: { ...CONSENT, recordingAgreed: false } });
    await api.call('interviews.answer', { interviewId: s.interview.id, path: 'age', value: 30 });
    expect((await fails(api.call('interviews.audio.begin', { interviewId: s.interview.id, mediaType: 'audio/webm' }))).message).toMatch(/did not agree to be recorded/);
  });

  it('refuses a wrong passphrase with a sentence, and an answer that breaks a rule without losing earlier ones', async () => {
    const api = boot(tempDir('gangway-interview-'));
    const { audit, crew } = await setup(api);
    const s = await api.call('interviews.start', { auditId: audit.id, crewMemberId: crew.id, crewLanguage: 'my', safety: SAFE, consent: CONSENT });
    await api.call('interviews.answer', { interviewId: s.interview.id, path: 'age', value: 30 });
    const bad = await fails(api.call('interviews.answer', { interviewId: s.interview.id, path: 'rest_hours', value: 30 }));
    expect(bad.code).toBe('VALIDATION');
    await api.call('vault.lock');
    const wrong = await fails(api.call('vault.unlock', { passphrase: 'salt wind and a short night watch' }));
    expect(wrong.code).toBe('UNAUTHORIZED');
    expect(wrong.message).toMatch(/passphrase is wrong/);
    await api.call('vault.unlock', { passphrase: PASSPHRASE });
    expect((await api.call('interviews.resume', { interviewId: s.interview.id })).answers).toEqual({ age: 30 });
  });

  it('builds the indicator profile per crew member and per audit, and logs every export', async () => {
    const dataDir = tempDir('gangway-interview-');
    const api = boot(dataDir);
    const { vessel, audit, crew } = await setup(api);
    const other = await api.call('interviews.crew.add', { vesselId: vessel.id, pseudonym: 'F-08', role: 'fisher', languages: ['km'] });
    const a = await api.call('interviews.start', { auditId: audit.id, crewMemberId: crew.id, crewLanguage: 'my', safety: SAFE, consent: CONSENT });
    for (const [p, v] of Object.entries({ card_holder: 'captain', want_to_leave_cannot: 'yes', hit: 'yes' })) await api.call('interviews.answer', { interviewId: a.interview.id, path: p, value: v });
    const b = await api.call('interviews.start', { auditId: audit.id, crewMemberId: other.id, crewLanguage: 'km', safety: SAFE, consent: { ...CONSENT, language: 'km' } });
    await api.call('interviews.answer', { interviewId: b.interview.id, path: 'hit', value: 'yes' });

    const p = await api.call('interviews.profile', { crewMemberId: crew.id, auditId: audit.id });
    expect(p.strongSignal).toBe(true);
    expect(p.indicators.map((l) => [l.indicator, l.involuntariness.length > 0, l.coercion.length > 0])).toEqual([
      ['restriction_of_movement', true, false],
      ['physical_sexual_violence', false, true],
      ['withholding_of_wages', false, true],
    ]);
    const ap = await api.call('interviews.auditProfile', { auditId: audit.id });
    expect(ap.interviewed).toBe(2);
    expect(ap.strongSignals).toBe(1);
    expect(ap.indicators.find((l) => l.indicator === 'physical_sexual_violence')!.crewWithSignal).toBe(2);

    const out = await api.call('interviews.export', { scope: 'audit', id: audit.id, reason: 'referral to the labour court', exportedBy: 'K. Somchai' });
    expect(out.interviews).toHaveLength(2);
    const db = new Database(path.join(dataDir, 'gangway.sqlite'), { readonly: true });
    expect(db.prepare('SELECT scope, subject_id AS subject, reason, exported_by AS who FROM interview_exports').all()).toEqual([
      { scope: 'audit', subject: audit.id, reason: 'referral to the labour court', who: 'K. Somchai' },
    ]);
    db.close();
    await api.call('vault.lock');
    expect((await fails(api.call('interviews.export', { scope: 'audit', id: audit.id, reason: 'again', exportedBy: 'K. Somchai' }))).code).toBe('LOCKED');
  });

  it('on a full disk keeps the recording in memory with a clear message, and saves it once space is freed', async () => {
    const dataDir = tempDir('gangway-interview-');
    const api = boot(dataDir);
    const { audit, crew } = await setup(api);
    const s = await api.call('interviews.start', { auditId: audit.id, crewMemberId: crew.id, crewLanguage: 'my', safety: SAFE, consent: CONSENT });
    await api.call('interviews.answer', { interviewId: s.interview.id, path: 'age', value: 41 });
    const { uploadId } = await api.call('interviews.audio.begin', { interviewId: s.interview.id, mediaType: 'audio/webm;codecs=opus' });
    await api.call('interviews.audio.chunk', { uploadId, index: 0, base64: Buffer.from('OggS opus bytes').toString('base64') });
    // The disk fills up just as the blob is written (ENOSPC from write(2)).
    const full = vi.spyOn(fs, 'writeSync').mockImplementation(() => {
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    });
    const e = await fails(api.call('interviews.audio.finish', { uploadId }));
    full.mockRestore();
    expect(e.code).toBe('STORE_READONLY');
    expect(e.message).toMatch(/disk is full.*kept in memory.*answers are safe/);
    expect((await api.call('interviews.resume', { interviewId: s.interview.id })).answers).toEqual({ age: 41 });
    const meta = await api.call('interviews.audio.finish', { uploadId });
    const back = await api.call('interviews.audio.get', { interviewId: s.interview.id, sha256: meta.sha256 });
    expect(Buffer.from(back.base64, 'base64').toString()).toBe('OggS opus bytes');
  });
});
