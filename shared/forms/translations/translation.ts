import { z } from 'zod';
import { LanguageCode } from '../model';

/**
 * One language's words for the built-in forms. `reviewed` stays false until a
 * native speaker has checked every string; the inspector sees that flag beside
 * the language, so a machine-made or non-native wording is never mistaken for
 * a checked one.
 */
export const Translation = z.object({
  language: LanguageCode,
  /** The language's name in itself, for the picker */
  endonym: z.string().min(1),
  reviewed: z.boolean(),
  reviewedBy: z.string().optional(),
  strings: z.record(z.string(), z.string().min(1)),
});
export type Translation = z.infer<typeof Translation>;
