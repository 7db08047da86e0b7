import { z } from 'zod';
import { Dimension, Indicator, INDICATORS } from '../domain/indicators';
import { answerToValue, evaluateForm, type EvaluationInput } from './evaluator';
import { evaluate as evalExpr, parseExpression, toBoolean } from './expression';
import type { Form } from './model';

/**
 * The indicator profile: which ILO forced-labour indicators the answers
 * support, and in which dimension. The ILO 2018 ICLS guidelines define forced
 * labour as work that is both involuntary and under coercion; when one crew
 * member's answers show both dimensions, that is a strong signal for the
 * inspector to follow up. It is never a legal finding: only a competent
 * authority decides that.
 */

export const SignalHit = z.object({ path: z.string(), indicator: Indicator, dimension: Dimension });
export type SignalHit = z.infer<typeof SignalHit>;

export const IndicatorLine = z.object({
  indicator: Indicator,
  involuntariness: z.array(z.string()), // question paths
  coercion: z.array(z.string()),
});
export type IndicatorLine = z.infer<typeof IndicatorLine>;

export const ChecklistHit = z.object({ code: z.string(), path: z.string() });

export const CrewProfile = z.object({
  indicators: z.array(IndicatorLine),
  /** Some answer supports involuntariness and some answer supports coercion. */
  bothDimensions: z.boolean(),
  strongSignal: z.boolean(),
  /** C188 points the answers say are not met */
  checklist: z.array(ChecklistHit),
  /** Always shown beside the profile. */
  caveat: z.string(),
});
export type CrewProfile = z.infer<typeof CrewProfile>;

export const PROFILE_CAVEAT =
  'Signals for the inspector to follow up, from what one crew member said. Not a legal finding: only a competent authority can decide that forced labour took place.';

export function crewProfile(form: Form, input: EvaluationInput): CrewProfile {
  const evaluation = evaluateForm(form, input);
  const hits: SignalHit[] = [];
  const checklist: { code: string; path: string }[] = [];
  for (const q of evaluation.questions) {
    if (!q.answered || q.invalid) continue;
    const self = answerToValue(input.answers[q.path]);
    if (self === null) continue; // "prefers not to say" supports nothing
    const scope = { self, today: input.today ?? '', resolve: () => null };
    for (const s of q.question.signals) {
      if (toBoolean(evalExpr(parseExpression(s.when), scope))) hits.push({ path: q.path, indicator: s.indicator, dimension: s.dimension });
    }
    const c = q.question.checklist;
    if (c && toBoolean(evalExpr(parseExpression(c.nonCompliantWhen), scope))) checklist.push({ code: c.code, path: q.path });
  }
  const indicators = INDICATORS.map((indicator) => ({
    indicator,
    involuntariness: hits.filter((h) => h.indicator === indicator && h.dimension === 'involuntariness').map((h) => h.path),
    coercion: hits.filter((h) => h.indicator === indicator && h.dimension === 'coercion').map((h) => h.path),
  })).filter((l) => l.involuntariness.length + l.coercion.length > 0);
  const bothDimensions = hits.some((h) => h.dimension === 'involuntariness') && hits.some((h) => h.dimension === 'coercion');
  return { indicators, bothDimensions, strongSignal: bothDimensions, checklist, caveat: PROFILE_CAVEAT };
}

export const AuditProfileLine = z.object({
  indicator: Indicator,
  /** crew members with at least one answer supporting this indicator */
  crewWithSignal: z.number().int(),
  involuntariness: z.number().int(),
  coercion: z.number().int(),
});

export const AuditProfile = z.object({
  interviewed: z.number().int(),
  indicators: z.array(AuditProfileLine),
  /** crew members whose answers show both dimensions */
  strongSignals: z.number().int(),
  caveat: z.string(),
});
export type AuditProfile = z.infer<typeof AuditProfile>;

/** Counts across the crew of one audit. */
export function auditProfile(profiles: readonly CrewProfile[]): AuditProfile {
  return {
    interviewed: profiles.length,
    indicators: INDICATORS.map((indicator) => {
      const lines = profiles.map((p) => p.indicators.find((l) => l.indicator === indicator));
      return {
        indicator,
        crewWithSignal: lines.filter(Boolean).length,
        involuntariness: lines.filter((l) => l && l.involuntariness.length > 0).length,
        coercion: lines.filter((l) => l && l.coercion.length > 0).length,
      };
    }),
    strongSignals: profiles.filter((p) => p.strongSignal).length,
    caveat: PROFILE_CAVEAT,
  };
}
