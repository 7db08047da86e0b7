import { describe, expect, it } from 'vitest';
import { aggregate, ImpactResults, keyOf, type Cell } from '../../../shared/impact/aggregate';
import type { AuditSummary } from '../../../shared/impact/summary';
import { impactScenario, PORTS, PROGRAMME_DATE, SMALL_PORT } from '../../support/impact-scenario';
import { derivable } from './leak-oracle';

const scenario = impactScenario();

/** What a reader of the published table can set up: each figure as a sum of (port, month, period) base cells. */
function readerCheck(results: ImpactResults, summaries: readonly AuditSummary[]) {
  const bases = [...new Set(summaries.map((s) => `${keyOf(s, 'port')}|${keyOf(s, 'month')}|${s.date < PROGRAMME_DATE ? 'before' : 'after'}`))];
  const vectorOf = (key: Record<string, string>) =>
    bases.flatMap((b, i) => {
      const [port, month, period] = b.split('|');
      return (!key['port'] || key['port'] === port) && (!key['month'] || key['month'] === month) && (!key['period'] || key['period'] === period) ? [i] : [];
    });
  const all: Cell[] = [...results.cells, ...results.margins, results.total, results.comparison!.before, results.comparison!.after];
  const published = all.filter((c) => !c.prevalence.suppressed).map((c) => vectorOf(c.key));
  const withheld = all.filter((c) => c.prevalence.suppressed);
  return { bases, withheld, recoverable: withheld.filter((c) => derivable(published, vectorOf(c.key), bases.length)) };
}

describe('impact figures on a seeded year of inspections (3 ports, 12 months, 40 vessels)', () => {
  const results = aggregate(scenario, { by: ['port', 'month'], programmeDate: PROGRAMME_DATE });

  it('has the scenario it claims', () => {
    expect(new Set(scenario.map((s) => s.vesselId)).size).toBe(40);
    expect(new Set(scenario.map((s) => s.date.slice(0, 7))).size).toBe(12);
    expect(new Set(scenario.map((s) => s.port))).toEqual(new Set([...PORTS, SMALL_PORT]));
    expect(scenario.some((s) => s.date < PROGRAMME_DATE) && scenario.some((s) => s.date >= PROGRAMME_DATE)).toBe(true);
  });

  it('finds the planted fall in forced labour and the planted rise in withheld wages', () => {
    const c = results.comparison!;
    expect(c.forcedLabour).toMatchObject({ suppressed: false, direction: 'fell' });
    const withheld = c.money.find((m) => m.category === 'withheld_wages' && m.basis === 'documented')!;
    expect(withheld.change).toMatchObject({ suppressed: false, direction: 'rose' });
    // Both must fall for the programme to count: here illicit profit rose.
    expect(c.bothFell).toBe(false);
  });

  it('calls no change on an indicator that did not move much, and no fall where nothing was planted', () => {
    const unplanted = aggregate(impactScenario(7).map((s) => ({ ...s, signals: s.signals && { ...s.signals, forcedLabour: Math.min(s.signals.interviewed, 1) } })), { programmeDate: PROGRAMME_DATE });
    expect(unplanted.comparison!.forcedLabour).toMatchObject({ direction: 'no_clear_change' });
  });

  it('withholds every cell of the small port with fewer than 5 crew interviewed, and says why', () => {
    const small = results.cells.filter((c) => c.key['port'] === SMALL_PORT);
    expect(small.length).toBeGreaterThan(0);
    for (const c of small) expect(c.prevalence).toEqual({ suppressed: true, reason: 'fewer_than_5_interviewed' });
    const complementary = results.cells.filter((c) => c.prevalence.suppressed && c.prevalence.reason === 'complementary');
    expect(complementary.length).toBeGreaterThan(0);
  });

  it('leaves no withheld cell recoverable from the published cells, port and month totals, the grand total and the two periods', () => {
    const check = readerCheck(results, scenario);
    expect(check.withheld.length).toBeGreaterThan(0);
    expect(check.recoverable.map((c) => c.key)).toEqual([]);
  });

  it('shows n, share and interval beside every published cell and flags those under 30 crew as unreliable', () => {
    for (const c of [...results.cells, results.total]) {
      if (c.prevalence.suppressed) continue;
      const p = c.prevalence;
      expect(p.forcedLabour.n).toBe(p.n);
      expect(p.forcedLabour.lo).toBeLessThanOrEqual(p.forcedLabour.share);
      expect(p.forcedLabour.hi).toBeGreaterThanOrEqual(p.forcedLabour.share);
      expect(p.unreliable).toBe(p.n < 30);
    }
    expect(results.total.prevalence).toMatchObject({ suppressed: false, unreliable: false });
  });

  it('withholds a money figure where two vessels make more than 85 % of the sum', () => {
    const few = scenario.filter((s) => s.port === 'Songkhla' && s.date.startsWith('2026-03')).slice(0, 3);
    const rich = few.map((s, i) => ({ ...s, money: s.money.map((m) => ({ ...m, amount: i < 2 ? m.amount * 50 : m.amount })) }));
    const r = aggregate(rich, { by: [] });
    expect(r.total.money.find((m) => m.category === 'withheld_wages')).toMatchObject({ suppressed: true, reason: 'dominated_by_two_vessels' });
  });

  it('is the same every time for the same summaries (seeded bootstrap)', () => {
    expect(JSON.stringify(aggregate(scenario, { by: ['port', 'month'], programmeDate: PROGRAMME_DATE }))).toBe(JSON.stringify(results));
    expect(ImpactResults.safeParse(results).success).toBe(true);
  });
});
