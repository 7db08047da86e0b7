import { z } from 'zod';
import { CrewRole } from '../domain/crew';
import { Id, IsoDate, IsoDateTime } from '../domain/ids';

/**
 * One crew member in one audit's crew list reconciliation: the declared crew
 * list (port-in/port-out form, agent's list) against the people found on
 * board. The audit knows a pseudonym; name, document and date of birth are
 * sealed in the vault (main/vault), and only the age at the audit date is
 * kept in clear, because the minimum-age check must work with the vault locked.
 */
export const PassportHolder = z.enum(['unknown', 'self', 'captain', 'agent', 'other']);
export type PassportHolder = z.infer<typeof PassportHolder>;
export const CardHolder = z.enum(['unknown', 'self', 'other']);
export type CardHolder = z.infer<typeof CardHolder>;
export const IdentityCheck = z.enum(['not_checked', 'matches', 'mismatch']);
export type IdentityCheck = z.infer<typeof IdentityCheck>;
export const YesNoUnknown = z.enum(['unknown', 'yes', 'no']);
export type YesNoUnknown = z.infer<typeof YesNoUnknown>;

const Nationality = z.string().trim().toUpperCase().regex(/^[A-Z]{3}$/, 'nationality must be a three-letter ISO 3166 code, e.g. MMR');

/** What the inspector records about one person, all optional so a tick or one field can be sent alone. */
export const AuditCrewFields = z.object({
  role: CrewRole,
  nationality: Nationality.nullable(),
  present: z.boolean(),
  identityCheck: IdentityCheck,
  contractSeen: YesNoUnknown,
  medicalValidUntil: IsoDate.nullable(),
  ageYears: z.number().int().min(0).max(120).nullable(),
  passportHeldBy: PassportHolder,
  atmCardHeldBy: CardHolder,
  note: z.string().trim().max(1000).nullable(),
});
export type AuditCrewFields = z.infer<typeof AuditCrewFields>;

export const AuditCrewMember = AuditCrewFields.extend({
  auditId: Id,
  crewMemberId: Id,
  pseudonym: z.string(),
  /** On the declared crew list; false for someone found on board who was not declared. */
  declared: z.boolean(),
  /** Whether a sealed identity (name, document) is held for him. */
  hasIdentity: z.boolean(),
  updatedAt: IsoDateTime,
});
export type AuditCrewMember = z.infer<typeof AuditCrewMember>;

/** The identity part of a crew list row: sealed in the vault, never stored or synced in clear. */
export const DeclaredIdentity = z.object({
  name: z.string().trim().min(1).max(200),
  documentNo: z.string().trim().max(60).optional(),
  dateOfBirth: IsoDate.optional(),
  phone: z.string().trim().max(40).optional(),
});
export type DeclaredIdentity = z.infer<typeof DeclaredIdentity>;

/** One person to add to an audit's crew list, typed or read from a file. */
export const CrewListEntry = AuditCrewFields.partial().extend({
  /** Left out: the next free pseudonym of the vessel (C-01, C-02, …). */
  pseudonym: z.string().trim().min(1).max(40).optional(),
  identity: DeclaredIdentity.optional(),
  declared: z.boolean().default(true),
});
export type CrewListEntry = z.input<typeof CrewListEntry>;

export const CrewListIssue = z.object({
  line: z.number().int().nonnegative(),
  column: z.string().optional(),
  code: z.string(),
  message: z.string(),
});
export type CrewListIssue = z.infer<typeof CrewListIssue>;

/** Ages in whole years on `onDate` (both ISO dates). */
export function ageOn(dateOfBirth: string, onDate: string): number {
  const [by, bm, bd] = dateOfBirth.split('-').map(Number) as [number, number, number];
  const [y, m, d] = onDate.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** The next pseudonym of the form C-NN not in `taken`. */
export function nextPseudonym(taken: ReadonlySet<string>, start = 1): { pseudonym: string; next: number } {
  let n = start;
  for (;;) {
    const p = `C-${String(n).padStart(2, '0')}`;
    n++;
    if (!taken.has(p)) return { pseudonym: p, next: n };
  }
}
