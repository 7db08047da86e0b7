import { z } from 'zod';

/** One fragment as plain data: its armoured payload as text. */
export const FragmentStateSchema = z.object({
  total: z.number().int().min(2).max(9),
  number: z.number().int().min(1).max(9),
  sequenceId: z.string().max(1),
  channel: z.string(),
  payload: z.string(),
  fillBits: z.number().int().min(0).max(5),
  own: z.boolean(),
});

/** A multi-sentence message still waiting for fragments, as a resumed import takes it back. */
export const PendingMessageStateSchema = z.object({
  key: z.union([z.string(), z.number()]),
  loose: z.union([z.string(), z.number()]),
  source: z.string(),
  total: z.number().int().min(2).max(9),
  parts: z.array(FragmentStateSchema.nullable()),
  have: z.number().int().min(1),
  /** Lines since its first fragment arrived. */
  age: z.number().int().min(0),
  at: z.number().nullable(),
});
export type PendingMessageState = z.infer<typeof PendingMessageStateSchema>;
