import { z } from 'zod';
import { Id, IsoDate } from '../domain/ids';
import { Indicator, INDICATORS } from '../domain/indicators';
import { Currency, Minor } from '../wages/schemas';

/**
 * The two numbers Gangway exists to show, so programmes are judged by results:
 * how often the ILO forced-labour indicators occur among the crew interviewed
 * (prevalence), and how much money was withheld or diverted (illicit profit).
 */

export const IndicatorCount = z.object({ indicator: Indicator, crewWithSignal: z.number().int() });

export const AuditSignals = z.object({
  auditId: Id,
  date: IsoDate,
  interviewed: z.number().int(),
  strongSignals: z.number().int(),
  indicators: z.array(IndicatorCount),
});
export type AuditSignals = z.infer<typeof AuditSignals>;

export const Money = z.object({ currency: Currency, withheld: Minor, diverted: Minor });
export type Money = z.infer<typeof Money>;

/** What the wage records say about a crew: the flags that are evidence for an indicator (withholding of wages, debt bondage…). */
export const RecordSignals = z.object({ crew: z.number().int(), indicators: z.array(IndicatorCount) });
export type RecordSignals = z.infer<typeof RecordSignals>;

export const VesselResult = z.object({
  vesselId: Id,
  vesselName: z.string(),
  flag: z.string().optional(),
  audits: z.number().int(),
  /** The most recent audit with consenting interviews; absent when none, or while the vault is locked. */
  latest: AuditSignals.optional(),
  money: z.array(Money),
  records: RecordSignals.optional(),
});
export type VesselResult = z.infer<typeof VesselResult>;

export const Prevalence = z.object({ indicator: Indicator, crewWithSignal: z.number().int(), share: z.number().min(0).max(1) });
export type Prevalence = z.infer<typeof Prevalence>;

export const FleetResults = z.object({
  /** Interview answers are encrypted: counts need the vault unlocked. */
  vaultLocked: z.boolean(),
  vessels: z.array(VesselResult),
  interviewed: z.number().int(),
  strongSignals: z.number().int(),
  prevalence: z.array(Prevalence),
  money: z.array(Money),
  /** The same indicators as read from wage records, over the crews whose records were imported. */
  records: z.object({ crew: z.number().int(), prevalence: z.array(Prevalence) }),
});
export type FleetResults = z.infer<typeof FleetResults>;

/** Fleet totals from each vessel's latest audit (a crew is counted once per vessel, not once per visit). */
export function summariseFleet(vessels: readonly VesselResult[], vaultLocked: boolean): FleetResults {
  const latest = vessels.flatMap((v) => (v.latest ? [v.latest] : []));
  const interviewed = latest.reduce((n, a) => n + a.interviewed, 0);
  const prevalence = INDICATORS.map((indicator) => {
    const crewWithSignal = latest.reduce((n, a) => n + (a.indicators.find((i) => i.indicator === indicator)?.crewWithSignal ?? 0), 0);
    return { indicator, crewWithSignal, share: interviewed === 0 ? 0 : crewWithSignal / interviewed };
  });
  const recorded = vessels.flatMap((v) => (v.records ? [v.records] : []));
  const recordCrew = recorded.reduce((n, r) => n + r.crew, 0);
  const recordPrevalence = INDICATORS.map((indicator) => {
    const crewWithSignal = recorded.reduce((n, r) => n + (r.indicators.find((i) => i.indicator === indicator)?.crewWithSignal ?? 0), 0);
    return { indicator, crewWithSignal, share: recordCrew === 0 ? 0 : crewWithSignal / recordCrew };
  });
  const byCurrency = new Map<string, Money>();
  for (const m of vessels.flatMap((v) => v.money)) {
    const sum = byCurrency.get(m.currency) ?? { currency: m.currency, withheld: 0, diverted: 0 };
    sum.withheld += m.withheld;
    sum.diverted += m.diverted;
    byCurrency.set(m.currency, sum);
  }
  return {
    vaultLocked,
    vessels: [...vessels],
    interviewed,
    strongSignals: latest.reduce((n, a) => n + a.strongSignals, 0),
    prevalence,
    money: [...byCurrency.values()].sort((a, b) => a.currency.localeCompare(b.currency)),
    records: { crew: recordCrew, prevalence: recordPrevalence },
  };
}
