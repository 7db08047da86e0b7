import { z } from 'zod';
import { PendingMessageStateSchema } from '../ais/reassembler-state';

/**
 * What a streaming decoder knows beyond the line in hand, as plain data: the
 * last date an RMC/ZDA gave, the type 24 part A names waiting for their part B,
 * and the AIS fragments waiting for the rest of their message. A file import
 * commits it with its byte offset, so a resumed import decodes the next line
 * exactly as the uninterrupted one would.
 */
export const DecoderStateSchema = z.object({
  day: z.object({ start: z.number(), time: z.number() }).nullable(),
  ring: z.array(z.object({ mmsi: z.number().int(), name: z.string() })),
  ringAt: z.number().int().min(0),
  pending: z.array(PendingMessageStateSchema),
});
export type DecoderState = z.infer<typeof DecoderStateSchema>;
