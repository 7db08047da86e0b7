import { z } from 'zod';
import { Id, IsoDate } from './ids';

/**
 * A crew member as the audit knows him: a pseudonym, never a name.
 * Names, passport and phone live in the encrypted identity vault (main/vault/).
 */
export const CrewRole = z.enum(['captain', 'officer', 'engineer', 'cook', 'deckhand', 'fisher', 'other']);

export const CrewMemberInput = z.object({
  vesselId: Id,
  pseudonym: z.string().trim().min(1, 'a crew member needs a pseudonym').max(60),
  role: CrewRole,
  nationality: z.string().trim().toUpperCase().regex(/^[A-Z]{3}$/, 'nationality must be a three-letter ISO 3166 code, e.g. MMR').optional(),
  languages: z.array(z.string().regex(/^[a-z]{2,3}$/, 'language must be an ISO 639 code, e.g. my')).default([]),
  onBoardFrom: IsoDate.optional(),
  onBoardTo: IsoDate.optional(),
});
export type CrewMemberInput = z.input<typeof CrewMemberInput>;

export const CrewMember = CrewMemberInput.extend({ id: Id, languages: z.array(z.string()) });
export type CrewMember = z.infer<typeof CrewMember>;
