import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { AuditSummary } from '../../../shared/impact/summary';
import { auditParts, readSummaryDoc, summaryDocName } from '../../../shared/sync';
import { publishAuditSummary } from '../../../main/impact/publish';
import { loadDoc } from '../../../main/sync/docStore';
import { recordAuditChange } from '../../../main/sync/mirror';
import { createEnrolmentCode } from '../../../hub/enrolment';
import { startHub, type RunningHub } from '../../../hub/server';
import { enrolDevice } from '../../../main/sync/device';
import { CREW } from '../../fixtures/wages/scenario';
import { tempDir } from '../../support/tmp';
import { testCore } from '../../support/core';
import { seedFleet } from '../../support/seed-fleet';

/** The fleet of test/support/seed-fleet.ts: three interviews with known answers and the wage scenario's known money. */
describe("an audit's impact summary", () => {
  const { api, core } = testCore();
  let latest: string;
  let older: string;
  let summary: AuditSummary;

  let hub: RunningHub;

  beforeAll(async () => {
    // An enrolled inspector's laptop: summaries name the agency the audits belong to.
    hub = await startHub({ dataDir: tempDir('gangway-summary-hub-'), port: 0, host: '127.0.0.1' });
    const code = createEnrolmentCode(hub.store, { role: 'inspector', agency: 'dof-songkhla', userName: 'K' }, hub.url);
    await enrolDevice(core.context()!.store.db, hub.url, code.code, 'laptop');
    await seedFleet(api);
    const audits = await api.call('audits.list', {});
    latest = audits.find((a) => a.vesselName === 'Sea Star 7' && a.date === '2026-11-27')!.id;
    older = audits.find((a) => a.vesselName === 'Sea Star 7' && a.date === '2026-01-10')!.id;
    summary = (await api.call('impact.summary', { auditId: latest }))!;
  });
  afterAll(async () => {
    core.close();
    await hub.close();
  });

  it('counts the crew interviewed, the crew with each indicator and the crew meeting the forced-labour definition', () => {
    // The seed has no crew list reconciliation: what it would say is unknown, not zero. Its
    // interviews were held with nobody else in the room (safety checklist), so all three count as without officers.
    expect(summary.crew).toEqual({ declared: null, present: null, selectedAtRandom: null, interviewed: 3, interviewedWithoutOfficers: 3 });
    expect(summary.signals?.interviewed).toBe(3);
    // C01 alone has both involuntariness (job not as promised) and coercion (documents held by the captain).
    expect(summary.signals?.forcedLabour).toBe(1);
    const byIndicator = Object.fromEntries(summary.signals!.indicators.map((i) => [i.indicator, i.crewWithSignal]));
    expect(byIndicator).toMatchObject({ retention_of_documents: 2, deception: 1 });
    expect(summary).toMatchObject({ port: 'Songkhla', flag: 'THA', date: '2026-11-27', confidentiality: 'agency' });
  });

  it("takes the crew declared, present and drawn at random from the audit's crew list", async () => {
    const vessel = await api.call('vessels.create', { name: 'Crew Listed', flag: 'THA' });
    const audit = await api.call('audits.create', { vesselId: vessel.id, place: 'Songkhla', date: '2026-11-28', inspector: 'K' });
    const crew = await api.call('crew.add', { auditId: audit.id, entries: Array.from({ length: 6 }, () => ({ role: 'fisher' as const, present: true })) });
    await api.call('crew.add', { auditId: audit.id, entries: [{ role: 'fisher', present: true, declared: false }] });
    await api.call('crew.update', { auditId: audit.id, crewMemberIds: [crew[0]!.crewMemberId], fields: { present: false } });
    await api.call('crew.draw', { auditId: audit.id, count: 2 });
    const s = (await api.call('impact.summary', { auditId: audit.id }))!;
    expect(s.crew).toEqual({ declared: 6, present: 6, selectedAtRandom: 2, interviewed: 0, interviewedWithoutOfficers: null });
  });

  it("puts the vessel's wage months on the audit that answers for them, so two audits never count a month twice", async () => {
    const first = (await api.call('impact.summary', { auditId: older }))!;
    // The scenario's wages are of 2024: before the older audit (January 2026), after no audit before it.
    expect(first.wageRecords).toMatchObject({ crew: 20, from: '2024-01' });
    expect(summary.wageRecords.months).toBe(0);
    const sum = (s: AuditSummary, ...categories: string[]) => s.money.filter((m) => categories.includes(m.category) && m.basis === 'documented').reduce((n, m) => n + m.amount, 0);
    // The hand-worked totals of the wage scenario: 70,540.00 THB short, 528,000.00 THB taken by card control.
    expect(sum(first, 'withheld_wages', 'illegal_deductions') + sum(summary, 'withheld_wages', 'illegal_deductions')).toBe(7_054_000);
    expect(sum(first, 'withdrawn_while_card_held')).toBe(52_800_000);
    expect(sum(first, 'illegal_deductions')).toBeGreaterThan(0); // C13's equipment deduction is not in the contract
    expect(sum(first, 'recruitment_fees')).toBeGreaterThan(0); // C05 and C06 repay a recruitment advance
    expect(first.money.every((m) => m.currency === 'THB' && m.crew === 20)).toBe(true);
  });

  it('publishes nothing before the device is enrolled (its audits have no agency yet)', async () => {
    const { core: lone, api: loneApi } = testCore();
    const vessel = await loneApi.call('vessels.create', { name: 'Alone' });
    const audit = await loneApi.call('audits.create', { vesselId: vessel.id, place: 'Satun', date: '2026-11-02', inspector: 'K' });
    expect(publishAuditSummary(lone.context()!.store, audit.id)).toBe('not_enrolled');
    lone.close();
  });

  it('publishes a summary:<auditId> document with no pseudonym, name or answer in it', () => {
    // Importing the wage records published it already; recomputing an unchanged audit writes nothing.
    expect(publishAuditSummary(core.context()!.store, latest)).toBe('unchanged');
    const doc = loadDoc(core.context()!.store.db, summaryDocName(latest));
    expect(readSummaryDoc(doc)?.signals?.forcedLabour).toBe(1);
    const bytes = Buffer.from(Y.encodeStateAsUpdate(doc)).toString('latin1');
    for (const pseudonym of CREW) expect(bytes).not.toContain(pseudonym);
    for (const answer of ['captain', 'broker', 'job_as_promised', 'documents_holder']) expect(bytes).not.toContain(answer);
  });

  it('follows the audit by itself: a status change reaches the published summary within a few seconds', async () => {
    const store = core.context()!.store;
    const vessel = await api.call('vessels.create', { name: 'Follow Me', flag: 'THA' });
    const audit = await api.call('audits.create', { vesselId: vessel.id, place: 'Songkhla', date: '2026-11-29', inspector: 'K' });
    const published = () => readSummaryDoc(loadDoc(store.db, summaryDocName(audit.id)));
    await vi.waitFor(() => expect(published()?.status).toBe('in_progress'), { timeout: 5000, interval: 100 });
    await api.call('audits.setStatus', { id: audit.id, status: 'completed' });
    await vi.waitFor(() => expect(published()?.status).toBe('completed'), { timeout: 5000, interval: 100 });
  });

  it('puts recruitment fees crew said they paid on their own, reported, line', async () => {
    const vessel = (await api.call('vessels.search', { query: 'Sea Star 7' }))[0]!;
    const audit = await api.call('audits.create', { vesselId: vessel.id, place: 'Songkhla', date: '2026-11-30', inspector: 'K' });
    const crew = await api.call('interviews.crew.list', { vesselId: vessel.id });
    const safety = { present: [], place: 'Port welfare office', canBeOverheard: false };
    const consent = { language: 'my', purposeExplained: true, useExplained: true, rightToStopExplained: true, agreed: true, recordingAgreed: false };
    for (const [pseudonym, amount] of [['C05', 20_000], ['C06', 35_000]] as const) {
      const s = await api.call('interviews.start', { auditId: audit.id, crewMemberId: crew.find((c) => c.pseudonym === pseudonym)!.id, crewLanguage: 'my', safety, consent });
      await api.call('interviews.answer', { interviewId: s.interview.id, path: 'paid_fee', value: 'yes' });
      await api.call('interviews.answer', { interviewId: s.interview.id, path: 'fee_amount', value: { amount, currency: 'THB' } });
    }
    const summary = (await api.call('impact.summary', { auditId: audit.id }))!;
    expect(summary.money.filter((m) => m.basis === 'reported')).toEqual([{ category: 'recruitment_fees', basis: 'reported', currency: 'THB', amount: 5_500_000, crew: 2 }]);
  });

  it('keeps the published signals while the vault is locked instead of dropping them', async () => {
    await api.call('vault.lock');
    const locked = (await api.call('impact.summary', { auditId: latest }))!;
    expect(locked.signals).toEqual(summary.signals);
  });

  it('withholds a union-confidential summary while the union does not share aggregates, and publishes it again when it does', async () => {
    const store = core.context()!.store;
    expect(await api.call('impact.sharing')).toEqual({ agency: 'dof-songkhla', role: 'inspector', shareAggregates: true });
    const vessel = await api.call('vessels.create', { name: 'Union Hope', flag: 'THA' });
    const id = (await api.call('audits.create', { vesselId: vessel.id, place: 'Ranong', date: '2026-10-01', inspector: 'U' })).id;
    // Union-confidential, as a union representative's device records it.
    recordAuditChange(store.db, id, (doc) => auditParts(doc).meta.set('confidentiality', 'union'));
    expect(publishAuditSummary(store, id)).toBe('written');
    await api.call('impact.setSharing', { shareAggregates: false });
    expect(publishAuditSummary(store, id)).toBe('withheld');
    expect(readSummaryDoc(loadDoc(store.db, summaryDocName(id)))).toBeNull();
    // Agency audits publish whatever the union's setting.
    expect(readSummaryDoc(loadDoc(store.db, summaryDocName(latest)))).not.toBeNull();
    expect(await api.call('impact.setSharing', { shareAggregates: true })).toMatchObject({ shareAggregates: true });
    expect(readSummaryDoc(loadDoc(store.db, summaryDocName(id)))?.confidentiality).toBe('union');
  });
});
