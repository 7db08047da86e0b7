import type { ArrayField, Composite, Field, RawMessage } from '../field';

/**
 * An application-specific payload of a type 6 or 8 message, identified by its
 * DAC (designated area code) and FID (function identifier). Bit positions
 * count from the start of the whole message, as in gpsd's AIVDM.adoc.
 */
export interface BinaryTable {
  title: string;
  /** Bits in a well-formed message (the encoder writes this many). */
  bits: number;
  fields: Field[];
  arrays?: ArrayField[];
  composites?: Composite[];
  /**
   * Whether gpsd decodes this payload; if not it prints the raw "data".
   * gpsd checks exact lengths for some payloads and range-checks others.
   */
  accept?(bitLength: number, m: RawMessage): boolean;
  /** gpsd's order of the payload's JSON keys where it differs from the bit order. */
  jsonOrder?: string[];
}
