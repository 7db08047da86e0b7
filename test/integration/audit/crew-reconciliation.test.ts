import { afterEach, describe, expect, it } from 'vitest';
import { testCore } from '../../support/core';
import type { Core } from '../../../main/core';
import { drawFromSeed } from '../../../shared/audit/draw';

const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');
const consent = { language: 'my', purposeExplained: true, useExplained: true, rightToStopExplained: true, agreed: true, recordingAgreed: false };

let core: Core | undefined;
afterEach(() => core?.close());

async function setup() {
  const t = testCore();
  core = t.core;
  await t.api.call('vault.setup', { passphrase: 'a long enough passphrase for the test' });
  const vessel = await t.api.call('vessels.create', { name: 'Sea Star 7', flag: 'THA' });
  const audit = await t.api.call('audits.create', { vesselId: vessel.id, place: 'Songkhla', date: '2026-11-27', inspector: 'K. Srisuk' });
  return { ...t, vessel, audit };
}

const LIST = [
  'name,passport no,date of birth,nationality,role,contract seen,medical valid until,passport held by,atm card held by',
  'Aung Ko Ko,MA1,1994-03-12,MMR,fisher,yes,2027-01-31,self,self',
  'Min Thu,MA2,2009-02-01,MMR,fisher,no,2026-10-01,captain,other',
  'Sok Dara,N3,1990-05-12,KHM,cook,yes,2027-05-01,self,self',
  'Somchai Dee,T4,1975-01-01,THA,captain,yes,2027-05-01,self,self',
].join('\n');

describe('the crew list of an audit', () => {
  it('imports a declared list with names sealed, reconciles it against the people on board and shows the differences as findings-to-be', async () => {
    const { api, audit, vessel, dataDir } = await setup();
    const preview = await api.call('crew.import', { auditId: audit.id, filename: 'crew.csv', data: b64(LIST), preview: true });
    expect(preview).toEqual({ rows: 4, issues: [], added: [] });
    expect((await api.call('crew.list', { auditId: audit.id })).crew).toEqual([]);

    const { added } = await api.call('crew.import', { auditId: audit.id, filename: 'crew.csv', data: b64(LIST) });
    expect(added.map((c) => c.pseudonym)).toEqual(['C-01', 'C-02', 'C-03', 'C-04']);
    expect(added[1]).toMatchObject({ declared: true, present: false, ageYears: 17, hasIdentity: true, passportHeldBy: 'captain' });
    // The name is in the vault, not in the clear rows of the database file.
    const fs = await import('node:fs');
    const file = fs.readFileSync(`${dataDir}/gangway.sqlite`);
    const wal = fs.existsSync(`${dataDir}/gangway.sqlite-wal`) ? fs.readFileSync(`${dataDir}/gangway.sqlite-wal`) : Buffer.alloc(0);
    expect(Buffer.concat([file, wal]).includes('Aung Ko Ko')).toBe(false);
    expect(await api.call('interviews.identity.get', { crewMemberId: added[0]!.crewMemberId })).toMatchObject({ name: 'Aung Ko Ko', dateOfBirth: '1994-03-12' });

    // Tick who is present (C-03 is not found), add a stowaway-like extra person found on board.
    await api.call('crew.update', { auditId: audit.id, crewMemberIds: [added[0]!.crewMemberId, added[1]!.crewMemberId, added[3]!.crewMemberId], fields: { present: true } });
    await api.call('crew.update', { auditId: audit.id, crewMemberIds: [added[0]!.crewMemberId], fields: { identityCheck: 'mismatch' } });
    const [extra] = await api.call('crew.add', { auditId: audit.id, entries: [{ declared: false, role: 'fisher', nationality: 'MMR', identity: { name: 'Unknown man' } }] });
    expect(extra).toMatchObject({ pseudonym: 'C-05', declared: false, present: true });

    const r = await api.call('crew.list', { auditId: audit.id });
    expect(r.counts).toMatchObject({ declared: 4, present: 4, missing: 1, extra: 1 });
    expect(r.minimumAge).toBe(18); // Thai flag
    expect(r.differences.map((d) => `${d.pseudonym} ${d.kind}`)).toEqual([
      'C-01 identity_mismatch',
      'C-02 under_minimum_age',
      'C-02 medical_expired',
      'C-02 contract_not_seen',
      'C-02 passport_held',
      'C-02 atm_card_held',
      'C-03 missing',
      'C-05 extra',
    ]);
    expect(r.differences.find((d) => d.kind === 'passport_held')).toMatchObject({ indicator: 'retention_of_documents', title: "C-02's passport is held by the captain" });
    expect(r.rollup['c188.minimum_age']).toMatchObject({ result: 'non_compliant', failing: 1 });
    expect(r.rollup['c188.medical']).toMatchObject({ result: 'non_compliant' });

    // The same list again (a second look, another audit of the vessel) doubles nobody.
    await api.call('crew.import', { auditId: audit.id, filename: 'crew.csv', data: b64(LIST) });
    expect((await api.call('crew.list', { auditId: audit.id })).crew).toHaveLength(5);
    const audit2 = await api.call('audits.create', { vesselId: vessel.id, place: 'Songkhla', date: '2027-03-01', inspector: 'K' });
    await api.call('crew.import', { auditId: audit2.id, filename: 'crew.csv', data: b64(LIST) });
    expect((await api.call('interviews.crew.list', { vesselId: vessel.id })).map((c) => c.pseudonym)).toEqual(['C-01', 'C-02', 'C-03', 'C-04', 'C-05']);
  });

  it('refuses a list with problems as a whole, and a list with names while the vault is locked', async () => {
    const { api, audit } = await setup();
    await expect(api.call('crew.import', { auditId: audit.id, filename: 'crew.csv', data: b64('name,nationality\nA,Atlantis\nB,MMR\n') })).rejects.toMatchObject({ code: 'IMPORT', issues: [{ path: 'line 2, column nationality' }] });
    await api.call('vault.lock');
    await expect(api.call('crew.import', { auditId: audit.id, filename: 'crew.csv', data: b64(LIST) })).rejects.toMatchObject({ code: 'LOCKED' });
    expect((await api.call('crew.list', { auditId: audit.id })).crew).toEqual([]);
    // Pseudonyms alone need no vault.
    await api.call('crew.add', { auditId: audit.id, entries: [{ pseudonym: 'F-01' }, { pseudonym: 'F-02' }] });
    expect((await api.call('crew.list', { auditId: audit.id })).counts.declared).toBe(2);
  });

  it('draws interviewees at random from the crew present with a seed anyone can re-run, and counts how interviews were held', async () => {
    const { api, audit } = await setup();
    await expect(api.call('crew.draw', { auditId: audit.id, count: 2 })).rejects.toMatchObject({ code: 'CONFLICT' });
    const entries = Array.from({ length: 10 }, (_, i) => ({ pseudonym: `F-${i}`, present: i < 8, role: i === 0 ? ('captain' as const) : ('fisher' as const) }));
    await api.call('crew.add', { auditId: audit.id, entries });
    const draw = await api.call('crew.draw', { auditId: audit.id, count: 3 });
    expect(draw.pool).toHaveLength(7); // present, less the captain
    expect(draw.picks.map((p) => p.crewMemberId)).toEqual(drawFromSeed(draw.seed, draw.pool, 3));
    const second = await api.call('crew.draw', { auditId: audit.id, count: 10 });
    expect(second.picks).toHaveLength(4); // the rest of the pool, nobody twice
    expect(await api.call('crew.draws', { auditId: audit.id })).toHaveLength(2);

    const start = (crewMemberId: string, present: ('captain' | 'officer' | 'other_crew')[]) =>
      api.call('interviews.start', { auditId: audit.id, crewMemberId, crewLanguage: 'my', safety: { present, place: 'office', canBeOverheard: false }, consent });
    const crew = (await api.call('crew.list', { auditId: audit.id })).crew;
    await start(draw.picks[0]!.crewMemberId, []);
    await start(draw.picks[1]!.crewMemberId, ['officer']);
    await start(crew.find((c) => c.pseudonym === 'F-9')!.crewMemberId, ['other_crew']);
    expect((await api.call('crew.list', { auditId: audit.id })).counts).toMatchObject({ randomlySelected: 7, interviewed: 3, interviewedRandomlySelected: 2, interviewedWithoutOfficers: 2 });
  });
});
