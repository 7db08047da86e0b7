import { z } from 'zod';
import { INDICATORS, Indicator } from '../domain/indicators';
import { perCrewDifference, perCrewInterval, type Cluster } from './bootstrap';
import { dominated, K_MIN, protect, RELIABLE_N, SuppressionReason, thresholdReason, type ProtectedItem } from './disclosure';
import { Direction, directionOf, newcombeDifference, wilson } from './intervals';
import { MoneyBasis, MoneyCategory, type AuditSummary } from './summary';

/**
 * The hub's impact figures: audit summaries grouped by fleet (flag, owner),
 * port and month or quarter, with intervals, disclosure control and a
 * before/after programme comparison. Pure: the hub's CLI, the office UI and
 * the public export all call this with the summaries they hold.
 */
export const Dimension = z.enum(['port', 'month', 'quarter', 'flag', 'owner']);
export type Dimension = z.infer<typeof Dimension>;

export const ResultsQuery = z.object({
  by: z.array(Dimension).max(3).default([]),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  /** Compare audits before this date with audits on or after it. */
  programmeDate: z.iso.date().optional(),
});
export type ResultsQuery = z.input<typeof ResultsQuery>;

const Share = z.object({ x: z.number().int(), n: z.number().int(), share: z.number(), lo: z.number(), hi: z.number() });
export type Share = z.infer<typeof Share>;

export const Prevalence = z.discriminatedUnion('suppressed', [
  z.object({
    suppressed: z.literal(false),
    /** Crew interviewed: the denominator of every share below. */
    n: z.number().int(),
    /** Fewer than 30 crew interviewed: the estimate is shown but is not reliable. */
    unreliable: z.boolean(),
    forcedLabour: Share,
    indicators: z.array(Share.extend({ indicator: Indicator })),
    /** Interviewed without the captain or officers present, over the crew whose interview recorded it. */
    withoutOfficers: Share.nullable(),
  }),
  z.object({ suppressed: z.literal(true), reason: SuppressionReason }),
]);
export type Prevalence = z.infer<typeof Prevalence>;

export const MoneyFigure = z.discriminatedUnion('suppressed', [
  z.object({
    suppressed: z.literal(false),
    currency: z.string(),
    category: MoneyCategory,
    basis: MoneyBasis,
    /** Sum in minor units. */
    amount: z.number().int(),
    crew: z.number().int(),
    /** Per crew member covered, in minor units, with a 95 % cluster-bootstrap interval (resampling audits). */
    perCrew: z.number(),
    lo: z.number(),
    hi: z.number(),
  }),
  z.object({ suppressed: z.literal(true), currency: z.string(), category: MoneyCategory, basis: MoneyBasis, reason: SuppressionReason }),
]);
export type MoneyFigure = z.infer<typeof MoneyFigure>;

export const Cell = z.object({
  key: z.record(z.string(), z.string()),
  audits: z.number().int(),
  vessels: z.number().int(),
  prevalence: Prevalence,
  money: z.array(MoneyFigure),
});
export type Cell = z.infer<typeof Cell>;

export const Change = z.discriminatedUnion('suppressed', [
  z.object({ suppressed: z.literal(false), before: z.number(), after: z.number(), difference: z.number(), lo: z.number(), hi: z.number(), direction: Direction }),
  z.object({ suppressed: z.literal(true), reason: z.string() }),
]);
export type Change = z.infer<typeof Change>;

export const Comparison = z.object({
  programmeDate: z.iso.date(),
  before: Cell,
  after: Cell,
  forcedLabour: Change,
  indicators: z.array(z.object({ indicator: Indicator, change: Change })),
  money: z.array(z.object({ currency: z.string(), category: MoneyCategory, basis: MoneyBasis, change: Change })),
  /** The programme is judged on both: prevalence of forced labour and illicit profit (documented, all categories) fell. */
  bothFell: z.boolean(),
});
export type Comparison = z.infer<typeof Comparison>;

export const ImpactResults = z.object({
  query: z.object({ by: z.array(Dimension), from: z.string().optional(), to: z.string().optional(), programmeDate: z.string().optional() }),
  rules: z.object({ minimumCrew: z.number(), reliableCrew: z.number(), dominance: z.string(), interval: z.string(), moneyInterval: z.string(), forcedLabour: z.string() }),
  audits: z.number().int(),
  cells: z.array(Cell),
  /** Totals by each single dimension when grouping by two or more. */
  margins: z.array(Cell),
  total: Cell,
  comparison: Comparison.optional(),
});
export type ImpactResults = z.infer<typeof ImpactResults>;

const quarterOf = (date: string) => `${date.slice(0, 4)}-Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`;

export function keyOf(s: AuditSummary, dim: Dimension): string {
  switch (dim) {
    case 'port':
      return s.port || '(no port)';
    case 'month':
      return s.date.slice(0, 7);
    case 'quarter':
      return quarterOf(s.date);
    case 'flag':
      return s.flag ?? '(no flag)';
    case 'owner':
      return s.owner ?? '(no owner)';
  }
}

interface Group {
  key: Record<string, string>;
  /** Base cells (indices) the group sums. */
  cells: number[];
}

const share = (x: number, n: number): Share => ({ x, n, share: n === 0 ? 0 : x / n, ...wilson(x, n) });

const moneyKey = (m: { currency: string; category: string; basis: string }) => `${m.currency}\u001f${m.category}\u001f${m.basis}`;

/** The figures of one group of summaries, before disclosure control. */
function figures(members: readonly AuditSummary[]) {
  const withSignals = members.filter((s) => s.signals);
  const n = withSignals.reduce((t, s) => t + s.signals!.interviewed, 0);
  const forced = withSignals.reduce((t, s) => t + s.signals!.forcedLabour, 0);
  const indicators = INDICATORS.map((indicator) => ({
    indicator,
    ...share(
      withSignals.reduce((t, s) => t + (s.signals!.indicators.find((i) => i.indicator === indicator)?.crewWithSignal ?? 0), 0),
      n,
    ),
  }));
  const known = members.filter((s) => s.crew.interviewedWithoutOfficers !== null);
  const officersN = known.reduce((t, s) => t + s.crew.interviewed, 0);
  const withoutOfficers = officersN > 0 ? share(known.reduce((t, s) => t + s.crew.interviewedWithoutOfficers!, 0), officersN) : null;
  const money = new Map<string, { currency: string; category: MoneyCategory; basis: 'documented' | 'reported'; clusters: Cluster[]; byVessel: Map<string, number> }>();
  for (const s of members) {
    for (const line of s.money) {
      const k = moneyKey(line);
      let m = money.get(k);
      if (!m) money.set(k, (m = { currency: line.currency, category: line.category, basis: line.basis, clusters: [], byVessel: new Map() }));
      m.clusters.push({ amount: line.amount, crew: line.crew });
      m.byVessel.set(s.vesselId, (m.byVessel.get(s.vesselId) ?? 0) + line.amount);
    }
  }
  return { n, forced, indicators, withoutOfficers, money };
}

/** Money crew per currency: the crew covered by wage records (documented) in the group. */
function moneyCrew(members: readonly AuditSummary[], currency: string, basis: string): number {
  return members.reduce((t, s) => t + Math.max(0, ...s.money.filter((m) => m.currency === currency && m.basis === basis).map((m) => m.crew)), 0);
}

/**
 * Groups, computes and protects. Cancelled audits and audits without a date
 * in [from, to] are left out. With a programme date, every base cell is
 * also split by period, so the before/after totals are protected with the
 * table they cut across.
 */
export function aggregate(summaries: readonly AuditSummary[], rawQuery: ResultsQuery = {}): ImpactResults {
  const query = ResultsQuery.parse(rawQuery);
  const selected = summaries.filter((s) => s.status !== 'cancelled' && (!query.from || s.date >= query.from) && (!query.to || s.date <= query.to));
  const side = (s: AuditSummary) => (query.programmeDate ? (s.date < query.programmeDate ? 'before' : 'after') : '');
  // Base cells: the finest grain anything published sums.
  const baseIndex = new Map<string, number>();
  const baseMembers: AuditSummary[][] = [];
  const baseOf = (s: AuditSummary) => {
    const k = [...query.by.map((d) => keyOf(s, d)), side(s)].join('\u001f');
    let i = baseIndex.get(k);
    if (i === undefined) {
      baseIndex.set(k, (i = baseMembers.length));
      baseMembers.push([]);
    }
    return i;
  };
  const memberBase = new Map<AuditSummary, number>();
  for (const s of selected) {
    const b = baseOf(s);
    baseMembers[b]!.push(s);
    memberBase.set(s, b);
  }
  const groupBy = (dims: readonly Dimension[], filter: (s: AuditSummary) => boolean = () => true): Group[] => {
    const groups = new Map<string, Group>();
    for (const s of selected) {
      if (!filter(s)) continue;
      const key = Object.fromEntries(dims.map((d) => [d, keyOf(s, d)]));
      const k = JSON.stringify(key);
      let g = groups.get(k);
      if (!g) groups.set(k, (g = { key, cells: [] }));
      const b = memberBase.get(s)!;
      if (!g.cells.includes(b)) g.cells.push(b);
    }
    return [...groups.values()].sort((a, b) => JSON.stringify(a.key).localeCompare(JSON.stringify(b.key)));
  };
  const cellGroups = groupBy(query.by);
  const marginGroups = query.by.length >= 2 ? query.by.flatMap((d) => groupBy([d])) : [];
  const totalGroup: Group = { key: {}, cells: baseMembers.map((_, i) => i) };
  const periodGroups = query.programmeDate
    ? (['before', 'after'] as const).map((p) => ({ key: { period: p }, cells: baseMembers.flatMap((m, i) => (m.length && side(m[0]!) === p ? [i] : [])) }))
    : [];
  const published: Group[] = [...cellGroups, ...marginGroups, totalGroup, ...periodGroups];
  const membersOf = (g: Group) => g.cells.flatMap((c) => baseMembers[c]!);
  const width = baseMembers.length;

  // Prevalence: threshold on crew interviewed.
  const interviewedOf = (ms: readonly AuditSummary[]) => ms.reduce((t, s) => t + (s.signals?.interviewed ?? 0), 0);
  const prevalenceItems: ProtectedItem[] = [
    ...published.map((g) => {
      const n = interviewedOf(membersOf(g));
      return { cells: g.cells, published: true, primary: thresholdReason(n), n };
    }),
    ...baseMembers.map((m, i) => {
      const n = interviewedOf(m);
      return { cells: [i], published: false, primary: thresholdReason(n), n };
    }),
  ];
  const prevalenceStatus = protect(prevalenceItems, width);

  // Money: one pattern per currency and basis; threshold on crew covered, dominance per category.
  const lines = new Map<string, { currency: string; basis: 'documented' | 'reported' }>();
  for (const s of selected) for (const m of s.money) lines.set(`${m.currency}\u001f${m.basis}`, { currency: m.currency, basis: m.basis });
  const moneyStatus = new Map<string, (SuppressionReason | null)[]>();
  for (const [k, { currency, basis }] of lines) {
    const reasonFor = (ms: readonly AuditSummary[]): SuppressionReason | null => {
      const crew = moneyCrew(ms, currency, basis);
      if (crew > 0 && crew < K_MIN) return 'fewer_than_5_crew_with_records';
      for (const category of MoneyCategory.options) {
        const byVessel = new Map<string, number>();
        for (const s of ms) for (const m of s.money) if (m.currency === currency && m.basis === basis && m.category === category) byVessel.set(s.vesselId, (byVessel.get(s.vesselId) ?? 0) + m.amount);
        if (dominated([...byVessel.values()])) return 'dominated_by_two_vessels';
      }
      return null;
    };
    const items: ProtectedItem[] = [
      ...published.map((g) => {
        const ms = membersOf(g);
        return { cells: g.cells, published: true, primary: reasonFor(ms), n: moneyCrew(ms, currency, basis) };
      }),
      ...baseMembers.map((m, i) => ({ cells: [i], published: false, primary: reasonFor(m), n: moneyCrew(m, currency, basis) })),
    ];
    moneyStatus.set(k, protect(items, width));
  }

  const cellOf = (g: Group, at: number): Cell => {
    const ms = membersOf(g);
    const f = figures(ms);
    const pStatus = prevalenceStatus[at]!;
    const prevalence: Prevalence = pStatus
      ? { suppressed: true, reason: pStatus }
      : { suppressed: false, n: f.n, unreliable: f.n < RELIABLE_N, forcedLabour: share(f.forced, f.n), indicators: f.indicators, withoutOfficers: f.withoutOfficers };
    const money: MoneyFigure[] = [...f.money.values()]
      .sort((a, b) => moneyKey(a).localeCompare(moneyKey(b)))
      .map((m) => {
        const status = moneyStatus.get(`${m.currency}\u001f${m.basis}`)?.[at] ?? null;
        if (status) return { suppressed: true as const, currency: m.currency, category: m.category, basis: m.basis, reason: status };
        const i = perCrewInterval(m.clusters);
        return { suppressed: false as const, currency: m.currency, category: m.category, basis: m.basis, amount: m.clusters.reduce((t, c) => t + c.amount, 0), crew: m.clusters.reduce((t, c) => t + c.crew, 0), perCrew: i.value, lo: i.lo, hi: i.hi };
      });
    return { key: g.key, audits: ms.length, vessels: new Set(ms.map((s) => s.vesselId)).size, prevalence, money };
  };
  const cells = published.map(cellOf);
  const nCells = cellGroups.length;
  const result: ImpactResults = {
    query: { by: query.by, ...(query.from ? { from: query.from } : {}), ...(query.to ? { to: query.to } : {}), ...(query.programmeDate ? { programmeDate: query.programmeDate } : {}) },
    rules: RULES,
    audits: selected.length,
    cells: cells.slice(0, nCells),
    margins: cells.slice(nCells, nCells + marginGroups.length),
    total: cells[nCells + marginGroups.length]!,
  };
  if (query.programmeDate) {
    const [before, after] = cells.slice(nCells + marginGroups.length + 1);
    result.comparison = compare(query.programmeDate, before!, after!, periodGroups.map(membersOf) as [AuditSummary[], AuditSummary[]]);
  }
  return result;
}

export const RULES = {
  minimumCrew: K_MIN,
  reliableCrew: RELIABLE_N,
  dominance: 'a money figure where two vessels make more than 85 % of the sum is withheld',
  interval: 'Wilson 95 % score interval; changes by Newcombe hybrid score 95 % interval',
  moneyInterval: 'per crew member, 95 % percentile bootstrap resampling audits (B = 2000, seed 17)',
  forcedLabour: 'involuntariness and menace of penalty in the same job in the reference period (ILO, 20th ICLS 2018): a statistical flag, not a verdict',
};

function compare(programmeDate: string, before: Cell, after: Cell, members: [AuditSummary[], AuditSummary[]]): Comparison {
  const withheld = (c: Cell) => (c.prevalence.suppressed ? `the ${c.key['period']} period is withheld (${c.prevalence.reason})` : null);
  const shareChange = (pick: (p: Extract<Prevalence, { suppressed: false }>) => Share): Change => {
    const reason = withheld(before) ?? withheld(after);
    if (reason || before.prevalence.suppressed || after.prevalence.suppressed) return { suppressed: true, reason: reason! };
    const b = pick(before.prevalence);
    const a = pick(after.prevalence);
    const d = newcombeDifference(b.x, b.n, a.x, a.n);
    return { suppressed: false, before: b.share, after: a.share, difference: d.difference, lo: d.lo, hi: d.hi, direction: directionOf(d) };
  };
  const money: Comparison['money'] = [];
  const keys = new Map<string, { currency: string; category: MoneyCategory; basis: 'documented' | 'reported' }>();
  for (const m of [...before.money, ...after.money]) keys.set(moneyKey(m), { currency: m.currency, category: m.category, basis: m.basis });
  for (const [k, m] of [...keys].sort(([a], [b]) => a.localeCompare(b))) {
    const b = before.money.find((x) => moneyKey(x) === k);
    const a = after.money.find((x) => moneyKey(x) === k);
    if (!b || !a || b.suppressed || a.suppressed) {
      money.push({ ...m, change: { suppressed: true, reason: !b || !a ? `no ${m.category} figures in one of the periods` : 'a period is withheld by disclosure control' } });
      continue;
    }
    const clusters = (ms: AuditSummary[]) => ms.flatMap((s) => s.money.filter((x) => moneyKey(x) === k).map((x) => ({ amount: x.amount, crew: x.crew })));
    const d = perCrewDifference(clusters(members[0]), clusters(members[1]));
    money.push({ ...m, change: { suppressed: false, before: b.perCrew, after: a.perCrew, difference: d.difference, lo: d.lo, hi: d.hi, direction: directionOf(d) } });
  }
  const forcedLabour = shareChange((p) => p.forcedLabour);
  // Illicit profit as a whole: all documented categories per currency, per crew member.
  const profitFell = [...new Set(money.map((m) => m.currency))].every((currency) => {
    const clusters = (ms: AuditSummary[]) =>
      ms.flatMap((s) => {
        const ls = s.money.filter((x) => x.currency === currency && x.basis === 'documented');
        return ls.length ? [{ amount: ls.reduce((t, x) => t + x.amount, 0), crew: Math.max(...ls.map((x) => x.crew)) }] : [];
      });
    const blocked = money.some((m) => m.currency === currency && m.basis === 'documented' && m.change.suppressed);
    return !blocked && directionOf(perCrewDifference(clusters(members[0]), clusters(members[1]))) === 'fell';
  });
  return {
    programmeDate,
    before,
    after,
    forcedLabour,
    indicators: INDICATORS.map((indicator) => ({ indicator, change: shareChange((p) => p.indicators.find((i) => i.indicator === indicator)!) })),
    money,
    bothFell: !forcedLabour.suppressed && forcedLabour.direction === 'fell' && money.length > 0 && profitFell,
  };
}
