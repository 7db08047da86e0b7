import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FleetResults } from '../../../shared/results/fleet';
import { seedFleet } from '../../support/seed-fleet';
import { testCore } from '../../support/core';

/** The fleet of test/support/seed-fleet.ts, whose numbers are known: the view must add them up exactly. */
describe('fleet results: prevalence of indicators and illicit profit', () => {
  const { api, core } = testCore();
  let results: FleetResults;

  beforeAll(async () => {
    await seedFleet(api);
    results = await api.call('results.fleet');
  });
  afterAll(() => core.close());

  it('counts each vessel once, from its latest audit with interviews', () => {
    expect(results.vaultLocked).toBe(false);
    expect(results.interviewed).toBe(3);
    expect(results.strongSignals).toBe(1);
    const sea = results.vessels.find((v) => v.vesselName === 'Sea Star 7')!;
    expect(sea).toMatchObject({ audits: 2, latest: { date: '2026-11-27', interviewed: 3, strongSignals: 1 } });
    expect(results.vessels.find((v) => v.vesselName === 'Ocean Pride')).toMatchObject({ audits: 1, money: [] });
    expect(results.vessels.find((v) => v.vesselName === 'Ocean Pride')!.latest).toBeUndefined();
  });

  it('gives the share of interviewed crew with each indicator', () => {
    const share = Object.fromEntries(results.prevalence.map((p) => [p.indicator, [p.crewWithSignal, p.share]]));
    expect(share.retention_of_documents).toEqual([2, 2 / 3]);
    expect(share.deception).toEqual([1, 1 / 3]);
    expect(share.physical_sexual_violence).toEqual([0, 0]);
    expect(results.prevalence).toHaveLength(11);
  });

  it('puts a number on withheld and diverted wages, with the currency', () => {
    // The wage scenario's hand-worked totals: 70,540.00 THB withheld, 528,000.00 THB suspected diverted.
    expect(results.money).toEqual([{ currency: 'THB', withheld: 7_054_000, diverted: 52_800_000 }]);
  });

  it('reads the same indicators out of the wage records: who was paid short, and whose debt never falls', () => {
    // The planted anomalies of test/fixtures/wages/scenario.ts: C03 and C09–C20 lose wages; C06's debt never falls.
    const share = Object.fromEntries(results.records.prevalence.map((p) => [p.indicator, [p.crewWithSignal, p.share]]));
    expect(results.records.crew).toBe(20);
    expect(share.withholding_of_wages).toEqual([13, 0.65]);
    expect(share.debt_bondage).toEqual([1, 0.05]);
    expect(share.deception).toEqual([0, 0]);
  });

  it('keeps interview counts hidden while the vault is locked, and still shows the money', async () => {
    await api.call('vault.lock');
    const locked = await api.call('results.fleet');
    expect(locked.vaultLocked).toBe(true);
    expect(locked.interviewed).toBe(0);
    expect(locked.money).toEqual(results.money);
  });
});
