import { z } from 'zod';
import type { RawMessage } from './field';

/**
 * A decoded AIS message: the header, and every field by its gpsd name with its
 * raw (unscaled) value as sent on the air. `scaled.ts` turns raw values into
 * units and drops "not available" sentinels; `gpsd-json.ts` prints them the way
 * gpsd does.
 */
export interface AisMessage {
  type: number;
  repeat: number;
  mmsi: number;
  bitLength: number;
  values: RawMessage;
  /** Types 6 and 8 whose application payload was decoded from a table. */
  structured?: boolean;
  /** Undecoded binary payload (types 6, 8, 17, 25, 26): gpsd's "bits:hex". */
  data?: { bits: number; hex: string };
  /** Type 24: which part this is; `AB` once a part B was joined with its part A. */
  part?: 'A' | 'B' | 'AB';
}

export const AIS_MESSAGE_TYPES = z.number().int().min(1).max(27);
