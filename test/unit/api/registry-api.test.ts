import { describe, expect, it } from 'vitest';
import { GangwayError } from '../../../shared/errors';
import { testCore } from '../../support/core';

async function rejection(p: Promise<unknown>): Promise<GangwayError> {
  try {
    await p;
  } catch (e) {
    return e as GangwayError;
  }
  throw new Error('expected the call to fail');
}

describe('the registry and audit API', () => {
  it('round-trips a vessel with every registry field, normalised', async () => {
    const { api } = testCore();
    const created = await api.call('vessels.create', {
      name: '  Sea Star 7 ',
      flag: 'tha',
      imo: 'IMO 9074729',
      mmsi: '567000123',
      callSign: 'HSB1234',
      registrationNo: '123-45678',
      gear: 'trawl',
      owner: 'Songkhla Fishing Co.',
      homePort: 'Songkhla',
    });
    expect(created).toMatchObject({ name: 'Sea Star 7', flag: 'THA', imo: '9074729', gear: 'trawl', homePort: 'Songkhla' });
    expect(await api.call('vessels.get', { id: created.id })).toEqual(created);
    const updated = await api.call('vessels.update', { id: created.id, patch: { homePort: 'Pattani', callSign: '' } });
    expect(updated.homePort).toBe('Pattani');
    expect(updated.callSign).toBeUndefined();
    expect(updated.name).toBe('Sea Star 7');
  });

  it('finds vessels by any identifier, and a search for "%" matches only a literal %', async () => {
    const { api } = testCore();
    await api.call('vessels.create', { name: 'Sea Star 7', imo: '9074729', mmsi: '567000123' });
    await api.call('vessels.create', { name: 'Ocean Pride', callSign: 'HSX99', owner: 'Pride 100% Ltd' });
    expect((await api.call('vessels.search', { query: '567000' })).map((v) => v.name)).toEqual(['Sea Star 7']);
    expect((await api.call('vessels.search', { query: 'hsx' })).map((v) => v.name)).toEqual(['Ocean Pride']);
    expect((await api.call('vessels.search', { query: '100%' })).map((v) => v.name)).toEqual(['Ocean Pride']);
    expect((await api.call('vessels.search', { query: '%' })).map((v) => v.name)).toEqual(['Ocean Pride']);
    expect(await api.call('vessels.search', {})).toHaveLength(2);
  });

  it('rejects bad input with a typed error naming each field, and stores nothing', async () => {
    const { api } = testCore();
    const e = await rejection(api.call('vessels.create', { name: '', imo: '9074728', mmsi: '12345', flag: 'Thailand' }));
    expect(e).toBeInstanceOf(GangwayError);
    expect(e.code).toBe('VALIDATION');
    expect(e.issues?.map((i) => i.path).sort()).toEqual(['flag', 'imo', 'mmsi', 'name']);
    expect(e.message).toMatch(/and 3 more/);
    expect(await api.call('vessels.search', {})).toEqual([]);
  });

  it('refuses a second vessel with the same IMO or MMSI, saying which', async () => {
    const { api } = testCore();
    await api.call('vessels.create', { name: 'A', imo: '9074729', mmsi: '567000123' });
    const byImo = await rejection(api.call('vessels.create', { name: 'B', imo: '9074729' }));
    expect(byImo).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('IMO 9074729') });
    const byMmsi = await rejection(api.call('vessels.create', { name: 'C', mmsi: '567000123' }));
    expect(byMmsi).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('MMSI 567000123') });
  });

  it('answers unknown methods and unknown ids with typed errors', async () => {
    const { core, api } = testCore();
    expect(await core.invoke('vessels.sink', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    expect(await rejection(api.call('vessels.get', { id: '00000000-0000-4000-8000-000000000000' }))).toMatchObject({ code: 'NOT_FOUND' });
    expect(await rejection(api.call('vessels.get', { id: 'not-a-uuid' }))).toMatchObject({ code: 'VALIDATION' });
  });

  it('runs an audit from planned work to completion, with findings and checklist, and tells the UI', async () => {
    const { api, events } = testCore();
    const vessel = await api.call('vessels.create', { name: 'Sea Star 7' });
    const audit = await api.call('audits.create', { vesselId: vessel.id, place: 'Songkhla', date: '2026-11-27', inspector: 'K. Srisuk' });
    expect(audit).toMatchObject({ status: 'in_progress', vesselName: 'Sea Star 7', findingCount: 0 });
    const f = await api.call('findings.add', { auditId: audit.id, title: 'No contract copies', severity: 'high', indicator: 'deception' });
    await api.call('findings.add', { auditId: audit.id, title: 'Correction: 6 of 9 crew', severity: 'high', amends: f.id });
    await api.call('checklist.set', { auditId: audit.id, code: 'c188.contract', result: 'non_compliant', note: 'captain keeps them' });
    expect((await api.call('findings.list', { auditId: audit.id })).map((x) => x.title)).toEqual(['No contract copies', 'Correction: 6 of 9 crew']);
    expect(await api.call('checklist.list', { auditId: audit.id })).toEqual([expect.objectContaining({ code: 'c188.contract', result: 'non_compliant', note: 'captain keeps them' })]);
    expect((await api.call('audits.get', { id: audit.id })).findingCount).toBe(2);

    const done = await api.call('audits.setStatus', { id: audit.id, status: 'completed' });
    expect(done.status).toBe('completed');
    expect(await rejection(api.call('findings.add', { auditId: audit.id, title: 'late', severity: 'low' }))).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/reopen/) });
    expect(await rejection(api.call('audits.setStatus', { id: audit.id, status: 'planned' }))).toMatchObject({ code: 'CONFLICT' });
    expect(events.map(([e]) => e)).toEqual(expect.arrayContaining(['vessel.changed', 'audit.changed', 'finding.added']));
  });

  it('keeps findings append-only, even against a direct SQL update', async () => {
    const { api, core } = testCore();
    const vessel = await api.call('vessels.create', { name: 'Sea Star 7' });
    const audit = await api.call('audits.create', { vesselId: vessel.id, place: 'Songkhla', date: '2026-11-27', inspector: 'K' });
    await api.call('findings.add', { auditId: audit.id, title: 'original', severity: 'low' });
    const { openStore } = await import('../../../main/store/database');
    const store = openStore(core.dataDir);
    expect(() => store.db.prepare("UPDATE findings SET title = 'rewritten'").run()).toThrow(/append-only/);
    expect(() => store.db.prepare('DELETE FROM findings').run()).toThrow(/append-only/);
    store.close();
  });

  it('keeps a vessel that has audits instead of deleting it', async () => {
    const { api } = testCore();
    const vessel = await api.call('vessels.create', { name: 'Sea Star 7' });
    await api.call('audits.create', { vesselId: vessel.id, place: 'Songkhla', date: '2026-11-27', inspector: 'K' });
    expect(await rejection(api.call('vessels.delete', { id: vessel.id }))).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/never removed/) });
    const lone = await api.call('vessels.create', { name: 'Typo' });
    expect(await api.call('vessels.delete', { id: lone.id })).toEqual({ id: lone.id });
    expect((await api.call('vessels.search', {})).map((v) => v.name)).toEqual(['Sea Star 7']);
  });

  it('answers NOT_IMPLEMENTED from a partial handler table (as tests and the hub use)', async () => {
    const { api } = testCore({ 'app.info': () => ({ version: 'x', dataDir: '/d', schemaVersion: 1, shell: 'test' }) });
    expect((await api.call('app.info')).version).toBe('x');
    expect(await rejection(api.call('vessels.search', {}))).toMatchObject({ code: 'NOT_IMPLEMENTED' });
  });
});
