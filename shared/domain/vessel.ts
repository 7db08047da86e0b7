import { z } from 'zod';
import { Id, IsoDateTime } from './ids';

/**
 * IMO ship identification number: 7 digits, the last a check digit
 * (IMO Resolution A.1078(28)): sum of the first six digits weighted 7..2, mod 10.
 */
export function isValidImo(imo: string): boolean {
  if (!/^\d{7}$/.test(imo)) return false;
  let sum = 0;
  for (let i = 0; i < 6; i++) sum += Number(imo[i]) * (7 - i);
  return sum % 10 === Number(imo[6]);
}

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optionalText = (max: number) => z.preprocess(blankToUndefined, z.string().trim().max(max).optional());

/** FAO ISSCFG gear groups, the words inspectors know from licences. */
export const GearType = z.enum([
  'purse_seine',
  'trawl',
  'gillnet',
  'longline',
  'pole_and_line',
  'trap',
  'lift_net',
  'dredge',
  'squid_jigging',
  'carrier',
  'other',
]);
export type GearType = z.infer<typeof GearType>;

export const VesselInput = z.object({
  name: z.string().trim().min(1, 'a vessel needs a name').max(120),
  flag: z.preprocess(
    (v) => (typeof v === 'string' ? v.trim().toUpperCase() || undefined : v),
    z.string().regex(/^[A-Z]{3}$/, 'flag must be a three-letter ISO 3166 code, e.g. THA').optional(),
  ),
  imo: z.preprocess(
    (v) => (typeof v === 'string' ? v.replace(/^IMO\s*/i, '').trim() || undefined : v),
    z.string().refine(isValidImo, 'IMO number must be 7 digits with a valid check digit, e.g. 9074729').optional(),
  ),
  mmsi: z.preprocess(
    (v) => (typeof v === 'string' ? v.trim() || undefined : v),
    z.string().regex(/^\d{9}$/, 'MMSI must be 9 digits').optional(),
  ),
  callSign: optionalText(16),
  registrationNo: optionalText(40),
  gear: GearType.optional(),
  owner: optionalText(200),
  homePort: optionalText(120),
});
export type VesselInput = z.input<typeof VesselInput>;

export const Vessel = z.object({
  id: Id,
  name: z.string(),
  flag: z.string().optional(),
  imo: z.string().optional(),
  mmsi: z.string().optional(),
  callSign: z.string().optional(),
  registrationNo: z.string().optional(),
  gear: GearType.optional(),
  owner: z.string().optional(),
  homePort: z.string().optional(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type Vessel = z.infer<typeof Vessel>;
