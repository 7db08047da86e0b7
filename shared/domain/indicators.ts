import { z } from 'zod';

/**
 * The ILO's 11 indicators of forced labour (ILO Special Action Programme to
 * Combat Forced Labour, 2012). Codes are stable: they travel in synced documents.
 */
export const Indicator = z.enum([
  'abuse_of_vulnerability',
  'deception',
  'restriction_of_movement',
  'isolation',
  'physical_sexual_violence',
  'intimidation_threats',
  'retention_of_documents',
  'withholding_of_wages',
  'debt_bondage',
  'abusive_conditions',
  'excessive_overtime',
]);
export type Indicator = z.infer<typeof Indicator>;
export const INDICATORS = Indicator.options;

/**
 * ILO 2018 ICLS Guidelines concerning the measurement of forced labour: forced
 * labour needs both involuntariness and coercion (threat or menace of penalty).
 */
export const Dimension = z.enum(['involuntariness', 'coercion']);
export type Dimension = z.infer<typeof Dimension>;
