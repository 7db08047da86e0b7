import { describe, expect, it } from 'vitest';
import { testCore } from '../../support/core';

describe('a recording whose upload is interrupted', () => {
  it('accepts a chunk sent again after a lost answer once, refuses a different one, and keeps the audio whole', async () => {
    const { api, core } = testCore();
    await api.call('vault.setup', { passphrase: 'a long enough passphrase for the test' });
    const vessel = await api.call('vessels.create', { name: 'Sea Star 7' });
    const audit = await api.call('audits.create', { vesselId: vessel.id, place: 'Songkhla', date: '2026-11-27', inspector: 'K' });
    const crew = await api.call('interviews.crew.add', { vesselId: vessel.id, pseudonym: 'F-01', role: 'fisher', languages: ['my'] });
    const { interview } = await api.call('interviews.start', {
      auditId: audit.id,
      crewMemberId: crew.id,
      crewLanguage: 'my',
      safety: { present: [], place: 'office', canBeOverheard: false },
      consent: { language: 'my', purposeExplained: true, useExplained: true, rightToStopExplained: true, agreed: true, recordingAgreed: true },
    });
    const one = Buffer.from('first slice of opus').toString('base64');
    const two = Buffer.from('second slice').toString('base64');
    const { uploadId } = await api.call('interviews.audio.begin', { interviewId: interview.id, mediaType: 'audio/webm;codecs=opus' });
    await api.call('interviews.audio.chunk', { uploadId, index: 0, base64: one });
    expect(await api.call('interviews.audio.chunk', { uploadId, index: 0, base64: one })).toEqual({ received: 1 });
    await expect(api.call('interviews.audio.chunk', { uploadId, index: 0, base64: two })).rejects.toMatchObject({ code: 'VALIDATION' });
    await api.call('interviews.audio.chunk', { uploadId, index: 1, base64: two });
    const meta = await api.call('interviews.audio.finish', { uploadId });
    const back = await api.call('interviews.audio.get', { interviewId: interview.id, sha256: meta.sha256 });
    expect(Buffer.from(back.base64, 'base64').toString()).toBe('first slice of opussecond slice');
    core.close();
  });
});
