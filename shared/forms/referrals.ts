import { z } from 'zod';

/**
 * Where a crew member can turn for help, shown at the end of the interview
 * beside the referral sentence in his language. Numbers change: the inspector
 * checks them for the port before the audit (`checkedOn` says when this list was).
 */
export const ReferralKind = z.enum(['hotline', 'shelter', 'union', 'ngo', 'welfare']);

export const Referral = z.object({
  name: z.string(),
  kind: ReferralKind,
  phone: z.string().optional(),
  /** ISO 639 codes the service answers in */
  languages: z.array(z.string()),
  note: z.string().optional(),
});
export type Referral = z.infer<typeof Referral>;

export const ReferralList = z.object({
  /** ISO 3166 alpha-2 country of the port, or `*` for services that answer anywhere */
  country: z.string(),
  checkedOn: z.string(),
  referrals: z.array(Referral),
});
export type ReferralList = z.infer<typeof ReferralList>;

export const REFERRALS: readonly ReferralList[] = [
  {
    country: 'TH',
    checkedOn: '2026-11-01',
    referrals: [
      { name: 'Department of Labour Protection and Welfare hotline', kind: 'hotline', phone: '1546', languages: ['th'], note: 'Labour complaints, free call in Thailand; ask for an interpreter' },
      { name: 'Prachabodi Center (Ministry of Social Development and Human Security)', kind: 'hotline', phone: '1300', languages: ['th'], note: 'Trafficking victims and shelters, 24 hours' },
      { name: 'Stella Maris seafarers centre', kind: 'welfare', languages: ['en', 'th', 'tl'] },
    ],
  },
  {
    country: '*',
    checkedOn: '2026-11-01',
    referrals: [
      { name: 'SeafarerHelp (ISWAN)', kind: 'hotline', phone: '+44 20 7323 2737', languages: ['en', 'tl'], note: 'Free, confidential, 24 hours, for seafarers and fishers and their families' },
      { name: 'International Transport Workers\u2019 Federation (ITF) inspectors', kind: 'union', languages: ['en'] },
    ],
  },
];

/** The port's country list, then the services that answer anywhere. */
export function referralsFor(country: string | undefined): Referral[] {
  const local = REFERRALS.find((r) => r.country === country?.toUpperCase())?.referrals ?? [];
  const anywhere = REFERRALS.find((r) => r.country === '*')?.referrals ?? [];
  return [...local, ...anywhere];
}
