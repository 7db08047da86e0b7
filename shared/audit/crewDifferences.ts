import { z } from 'zod';
import type { ChecklistResult, Severity } from '../domain/audit';
import type { Indicator } from '../domain/indicators';
import type { AuditCrewMember } from './crew';

/**
 * What the crew list reconciliation turns up, as findings-to-be: the
 * inspector sees each one and records it as a finding with one click.
 */
export const DifferenceKind = z.enum([
  'missing', // declared, not found on board
  'extra', // on board, not declared
  'identity_mismatch', // the document seen is not the one declared
  'under_minimum_age',
  'under_18',
  'medical_expired',
  'contract_not_seen',
  'passport_held',
  'atm_card_held',
]);
export type DifferenceKind = z.infer<typeof DifferenceKind>;

export const Difference = z.object({
  kind: DifferenceKind,
  crewMemberId: z.string(),
  pseudonym: z.string(),
  /** An English title for the finding; the UI shows its own translation of `kind`. */
  title: z.string(),
  severity: z.enum(['low', 'medium', 'high', 'critical']),
  checklistCode: z.string(),
  indicator: z.string().optional(),
});
export type Difference = z.infer<typeof Difference>;

/**
 * Minimum age for work on a fishing vessel: 16 under C188 Art. 9(1), 18 for
 * hazardous work (Art. 9(4)). Some flag states set 18 for all fishing work:
 * Thailand's Ministerial Regulation on Labour Protection in Sea Fishing Work
 * B.E. 2557 (2014), clause 4, forbids employing anyone under 18.
 */
export const FLAG_MINIMUM_AGE: Readonly<Record<string, number>> = { THA: 18 };
export const C188_MINIMUM_AGE = 16;

export function minimumAge(flag: string | undefined): number {
  const key = (flag ?? '').toUpperCase();
  // Vessels carry ISO alpha-2 or alpha-3 flags; TH and THA are the same state.
  return FLAG_MINIMUM_AGE[key] ?? FLAG_MINIMUM_AGE[key === 'TH' ? 'THA' : key] ?? C188_MINIMUM_AGE;
}

export interface DifferenceContext {
  auditDate: string;
  flag?: string;
}

interface Rule {
  kind: DifferenceKind;
  severity: Severity;
  checklistCode: string;
  indicator?: Indicator;
  applies(c: AuditCrewMember, ctx: DifferenceContext): boolean;
  title(c: AuditCrewMember, ctx: DifferenceContext): string;
}

const RULES: readonly Rule[] = [
  {
    kind: 'missing',
    severity: 'high',
    checklistCode: 'c188.crew_list',
    applies: (c) => c.declared && !c.present,
    title: (c) => `${c.pseudonym} is on the declared crew list but was not found on board`,
  },
  {
    kind: 'extra',
    severity: 'high',
    checklistCode: 'c188.crew_list',
    applies: (c) => !c.declared && c.present,
    title: (c) => `${c.pseudonym} is on board but not on the declared crew list`,
  },
  {
    kind: 'identity_mismatch',
    severity: 'high',
    checklistCode: 'c188.crew_list',
    indicator: 'deception',
    applies: (c) => c.identityCheck === 'mismatch',
    title: (c) => `${c.pseudonym}'s identity document does not match the declared crew list`,
  },
  {
    kind: 'under_minimum_age',
    severity: 'critical',
    checklistCode: 'c188.minimum_age',
    indicator: 'abuse_of_vulnerability',
    applies: (c, ctx) => c.ageYears !== null && c.ageYears < minimumAge(ctx.flag),
    title: (c, ctx) => `${c.pseudonym} is ${c.ageYears}, under the minimum age of ${minimumAge(ctx.flag)}`,
  },
  {
    kind: 'under_18',
    severity: 'medium',
    checklistCode: 'c188.minimum_age',
    applies: (c, ctx) => c.ageYears !== null && c.ageYears >= minimumAge(ctx.flag) && c.ageYears < 18,
    title: (c) => `${c.pseudonym} is ${c.ageYears}: check he does no night or hazardous work (C188 Art. 9)`,
  },
  {
    kind: 'medical_expired',
    severity: 'medium',
    checklistCode: 'c188.medical',
    applies: (c, ctx) => c.present && c.medicalValidUntil !== null && c.medicalValidUntil < ctx.auditDate,
    title: (c) => `${c.pseudonym}'s medical certificate expired on ${c.medicalValidUntil}`,
  },
  {
    kind: 'contract_not_seen',
    severity: 'medium',
    checklistCode: 'c188.contract',
    applies: (c) => c.present && c.contractSeen === 'no',
    title: (c) => `${c.pseudonym} has no work agreement to show`,
  },
  {
    kind: 'passport_held',
    severity: 'high',
    checklistCode: 'c188.crew_list',
    indicator: 'retention_of_documents',
    applies: (c) => c.passportHeldBy === 'captain' || c.passportHeldBy === 'agent' || c.passportHeldBy === 'other',
    title: (c) => `${c.pseudonym}'s passport is held by ${c.passportHeldBy === 'other' ? 'someone else' : `the ${c.passportHeldBy}`}`,
  },
  {
    kind: 'atm_card_held',
    severity: 'high',
    checklistCode: 'c188.wage_monthly',
    indicator: 'withholding_of_wages',
    applies: (c) => c.atmCardHeldBy === 'other',
    title: (c) => `${c.pseudonym}'s ATM card is held by someone else`,
  },
];

/** The findings-to-be of a crew list, in crew order then rule order. */
export function crewDifferences(crew: readonly AuditCrewMember[], ctx: DifferenceContext): Difference[] {
  const out: Difference[] = [];
  for (const c of crew) {
    for (const r of RULES) {
      if (!r.applies(c, ctx)) continue;
      out.push({
        kind: r.kind,
        crewMemberId: c.crewMemberId,
        pseudonym: c.pseudonym,
        title: r.title(c, ctx),
        severity: r.severity,
        checklistCode: r.checklistCode,
        ...(r.indicator ? { indicator: r.indicator } : {}),
      });
    }
  }
  return out;
}

export const Rollup = z.object({ result: z.enum(['not_checked', 'compliant', 'non_compliant']), failing: z.number().int(), checked: z.number().int(), of: z.number().int() });
export type Rollup = z.infer<typeof Rollup>;

/** The checklist items that are really per-crew checks, and what each looks at. */
const PER_CREW: Record<string, { known(c: AuditCrewMember): boolean; kinds: DifferenceKind[] }> = {
  'c188.crew_list': { known: (c) => c.present || c.identityCheck !== 'not_checked', kinds: ['missing', 'extra', 'identity_mismatch', 'passport_held'] },
  'c188.medical': { known: (c) => c.medicalValidUntil !== null, kinds: ['medical_expired'] },
  'c188.minimum_age': { known: (c) => c.ageYears !== null, kinds: ['under_minimum_age'] },
  'c188.contract': { known: (c) => c.contractSeen !== 'unknown', kinds: ['contract_not_seen'] },
};
export const PER_CREW_CODES = Object.keys(PER_CREW);

/**
 * Per-crew checklist items rolled up from the crew list: non-compliant as
 * soon as one person fails, compliant once everyone on board was checked and
 * none fails, not checked otherwise. The inspector's own result, when set, wins.
 */
export function crewRollup(crew: readonly AuditCrewMember[], ctx: DifferenceContext): Record<string, Rollup> {
  const onBoard = crew.filter((c) => c.present || c.declared);
  const diffs = crewDifferences(crew, ctx);
  const out: Record<string, Rollup> = {};
  for (const [code, rule] of Object.entries(PER_CREW)) {
    const failing = new Set(diffs.filter((d) => rule.kinds.includes(d.kind)).map((d) => d.crewMemberId)).size;
    const checked = onBoard.filter(rule.known).length;
    const result: ChecklistResult = failing > 0 ? 'non_compliant' : onBoard.length > 0 && checked === onBoard.length ? 'compliant' : 'not_checked';
    out[code] = { result: result as Rollup['result'], failing, checked, of: onBoard.length };
  }
  return out;
}
