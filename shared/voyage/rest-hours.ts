import { z } from 'zod';
import type { PortVisit, Voyage } from './events';
import { HOUR_MS } from './params';

/**
 * Hours of rest: ILO Work in Fishing Convention 2007 (C188) Art. 14(1)(b)
 * and MLC 2006 Standard A2.3(5)(b): at least 10 hours of rest in any 24-hour
 * period and 77 hours in any 7-day period.
 */
export const REST_MIN_24H = 10;
export const REST_MIN_7D = 77;
const DAY = 24 * HOUR_MS;
const WEEK = 7 * DAY;

const Interval = z.object({ start: z.number(), end: z.number() }).refine((i) => i.end > i.start, 'a period must end after it starts');

/** One person's declared work over a covered period (interview or logbook); rest is the rest of the period. */
export const WorkSchedule = z.object({
  person: z.string(),
  coverage: Interval,
  work: z.array(Interval),
  /** Where the record came from, cited in the breach. */
  source: z.string().optional(),
});
export type WorkSchedule = z.infer<typeof WorkSchedule>;

export const RestBreach = z.object({
  person: z.string(),
  rule: z.enum(['24h', '7d']),
  /** The worst window: the least rest found. */
  windowStart: z.number(),
  windowEnd: z.number(),
  restH: z.number(),
  requiredH: z.number(),
  source: z.string().optional(),
});
export type RestBreach = z.infer<typeof RestBreach>;

function mergedWork(s: WorkSchedule): { start: number; end: number }[] {
  const clipped = s.work
    .map((w) => ({ start: Math.max(w.start, s.coverage.start), end: Math.min(w.end, s.coverage.end) }))
    .filter((w) => w.end > w.start)
    .sort((a, b) => a.start - b.start);
  const out: { start: number; end: number }[] = [];
  for (const w of clipped) {
    const last = out.at(-1);
    if (last && w.start <= last.end) last.end = Math.max(last.end, w.end);
    else out.push({ ...w });
  }
  return out;
}

function workWithin(work: readonly { start: number; end: number }[], a: number, b: number): number {
  let sum = 0;
  for (const w of work) sum += Math.max(0, Math.min(b, w.end) - Math.max(a, w.start));
  return sum;
}

/**
 * Every stretch where a rolling window holds too little rest. Rest in a window
 * changes only where a window edge meets a work edge, so the minimum is found
 * by trying windows that start at a work edge or end at one. Overlapping
 * breaching windows are reported once, at their worst.
 */
export function checkRestHours(schedule: WorkSchedule): RestBreach[] {
  const work = mergedWork(schedule);
  const out: RestBreach[] = [];
  for (const [rule, span, required] of [['24h', DAY, REST_MIN_24H], ['7d', WEEK, REST_MIN_7D]] as const) {
    const { start: c0, end: c1 } = schedule.coverage;
    if (c1 - c0 < span) continue; // a window this long is not covered by the record
    const starts = new Set<number>([c0, c1 - span]);
    for (const w of work) for (const edge of [w.start, w.end]) for (const s of [edge, edge - span]) if (s >= c0 && s <= c1 - span) starts.add(s);
    const windows = [...starts].sort((a, b) => a - b).map((s) => ({ s, rest: span - workWithin(work, s, s + span) }));
    let group: { s: number; rest: number }[] = [];
    const flush = (): void => {
      if (group.length === 0) return;
      const worst = group.reduce((a, b) => (b.rest < a.rest ? b : a));
      out.push({ person: schedule.person, rule, windowStart: worst.s, windowEnd: worst.s + span, restH: worst.rest / HOUR_MS, requiredH: required, ...(schedule.source ? { source: schedule.source } : {}) });
      group = [];
    };
    for (const w of windows) {
      if (w.rest < required * HOUR_MS - 1) {
        const prev = group.at(-1);
        if (prev && w.s > prev.s + span) flush();
        group.push(w);
      } else flush();
    }
    flush();
  }
  return out;
}

export const DeclaredPeriod = z.object({
  label: z.string(),
  where: z.enum(['at_sea', 'in_port']),
  start: z.number(),
  end: z.number(),
  source: z.string().optional(),
});
export type DeclaredPeriod = z.infer<typeof DeclaredPeriod>;

export const ScheduleConflict = z.object({
  label: z.string(),
  declared: z.enum(['at_sea', 'in_port']),
  contradictedH: z.number(),
  /** The track's events that contradict it, by id, for a finding to cite. */
  evidence: z.array(z.string()),
  message: z.string(),
});
export type ScheduleConflict = z.infer<typeof ScheduleConflict>;

/**
 * Declared periods the track makes impossible: "in port" while the track has
 * the vessel on a voyage, or "at sea" while it sat in a port visit, for more
 * than `toleranceH` (clock slips and the port radius blur the edges).
 */
export function checkDeclaredSchedule(declared: readonly DeclaredPeriod[], track: { visits: readonly PortVisit[]; voyages: readonly Voyage[] }, toleranceH = 2): ScheduleConflict[] {
  const out: ScheduleConflict[] = [];
  for (const d of declared) {
    const against = d.where === 'in_port' ? track.voyages : track.visits;
    let overlap = 0;
    const evidence: string[] = [];
    for (const e of against) {
      const o = Math.min(d.end, e.end) - Math.max(d.start, e.start);
      if (o > 0) {
        overlap += o;
        evidence.push(e.id);
      }
    }
    const hours = overlap / HOUR_MS;
    if (hours > toleranceH) {
      out.push({
        label: d.label,
        declared: d.where,
        contradictedH: hours,
        evidence,
        message:
          d.where === 'in_port'
            ? `Declared in port, but the track shows the vessel at sea for ${hours.toFixed(1)} h of "${d.label}".`
            : `Declared at sea, but the track shows the vessel in port for ${hours.toFixed(1)} h of "${d.label}".`,
      });
    }
  }
  return out;
}
