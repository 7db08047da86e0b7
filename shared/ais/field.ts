/**
 * A field of an AIS message, as a row of gpsd's AIVDM.adoc tables: where it
 * sits, how wide it is, whether it is signed, how gpsd scales it for JSON and
 * which value means "not available" (ITU-R M.1371-5). One bit reader decodes
 * every table; the encoder writes the same tables; the JSON names are gpsd's.
 */
export interface Field {
  /** gpsd JSON name (also the key in the decoded message). */
  name: string;
  start: number;
  /** Width in bits; for text, 6 × characters. `0` with `toEnd` means "up to the end of the message". */
  width: number;
  kind: 'u' | 'i' | 'b' | 't';
  /** Text that runs to the end of the message (types 12, 14, 6/1/30, 8/1/29). */
  toEnd?: boolean;
  /** gpsd's JSON value is raw / scale (+ offset), printed with `digits` decimals. */
  scale?: number;
  offset?: number;
  digits?: number;
  /** Print the scaled number as a quoted string (gpsd does this for type 22/23 corners). */
  quoted?: boolean;
  /** The raw value ITU-R M.1371 reserves for "not available". */
  na?: number;
  /** A legend: gpsd prints `name` and `name_text` (`pair`) or only the text under `name` (`text`). */
  legend?: { values: readonly string[]; fallback: string; style: 'pair' | 'text' };
  /** Not printed in gpsd JSON on its own (e.g. parts of a date printed as one timestamp). */
  hidden?: boolean;
  /** Present only when the message is longer than this many bits; otherwise 0 (types 7, 13, 15, 16). */
  ifLongerThan?: number;
  /** Present only when this other boolean field has this value (type 22). */
  ifFlag?: { name: string; value: boolean };
}

/** A value computed from several fields for gpsd JSON (timestamps), printed after `after`. */
export interface Composite {
  name: string;
  after: string;
  render(m: RawMessage): JsonValue;
}

export type JsonValue = number | string | boolean | JsonValue[] | { [k: string]: JsonValue } | FixedNumber;

/** A number gpsd prints with a fixed number of decimals ("224.0"). */
export class FixedNumber {
  constructor(
    readonly value: number,
    readonly digits: number,
  ) {}
  toText(): string {
    return printfFixed(this.value, this.digits);
  }
}

/**
 * C's printf("%.Nf"): the exact binary value, ties to even. JavaScript's
 * toFixed breaks exact ties away from zero instead (-569.40625 → -569.4063
 * where gpsd prints -569.4062), so we round the exact decimal expansion here.
 */
export function printfFixed(value: number, digits: number): string {
  if (!Number.isFinite(value)) return String(value);
  // toFixed is already the exact nearest (ECMA-262 Number.prototype.toFixed) except on an exact tie and for -0.
  // A double is a tie at `digits` decimals exactly when value·2^(digits+1) is an odd integer (its lowest set bit is
  // 2^-(digits+1)); multiplying by a power of two is exact, so this test is too.
  const a = Math.abs(value);
  if (a < 1e21 && !Object.is(value, -0)) {
    const z = a * 2 ** (digits + 1);
    if (!(Number.isInteger(z) && z % 2 === 1)) return value.toFixed(digits);
  }
  const negative = value < 0 || Object.is(value, -0);
  // toFixed(100) is the exact expansion for any double of the magnitudes AIS uses.
  const exact = Math.abs(value).toFixed(100);
  const dot = exact.indexOf('.');
  let kept = exact.slice(0, dot) + exact.slice(dot + 1, dot + 1 + digits);
  const rest = exact.slice(dot + 1 + digits);
  const first = rest.charCodeAt(0) - 48;
  const tail = /[1-9]/.test(rest.slice(1));
  const lastKept = kept.charCodeAt(kept.length - 1) - 48;
  if (first > 5 || (first === 5 && (tail || lastKept % 2 === 1))) kept = increment(kept);
  const int = kept.slice(0, kept.length - digits) || '0';
  const text = digits > 0 ? `${int}.${kept.slice(kept.length - digits)}` : int;
  return negative ? `-${text}` : text;
}

function increment(digits: string): string {
  const chars = digits.split('');
  for (let i = chars.length - 1; i >= 0; i--) {
    if (chars[i] === '9') chars[i] = '0';
    else {
      chars[i] = String.fromCharCode(chars[i]!.charCodeAt(0) + 1);
      return chars.join('');
    }
  }
  return `1${chars.join('')}`;
}

/** A decoded message: raw field values by gpsd name, before scaling. */
export type RawMessage = Record<string, number | boolean | string | RawMessage[] | undefined>;

/** Repeating groups (tidal windows, targets): element table, first bit, element size. */
export interface ArrayField {
  name: string;
  base: number;
  size: number;
  fields: Field[];
  /** How many elements: gpsd counts every element whose first bit is ≤ the message length. */
  count(bitLength: number, m: RawMessage): number;
}

export interface MessageTable {
  /** For logs and docs. */
  title: string;
  /** Bits a well-formed message has; the encoder writes this many. */
  bits: number;
  /** gpsd rejects messages outside [minBits, maxBits]. */
  minBits: number;
  maxBits: number;
  fields: Field[];
  arrays?: ArrayField[];
  composites?: Composite[];
  /** A field printed specially (type 1 turn and speed). */
  special?: Record<string, (m: RawMessage) => JsonValue>;
  /** Binary payload kept as gpsd's "bits:hex" data field, from this bit. */
  dataFrom?: number;
  /** gpsd's order of the JSON keys where it differs from the bit order (a `_text` key follows its field). */
  jsonOrder?: string[];
}

let cursor = 0;
/** Builds a table row by row: each row starts where the previous one ended. */
export function seq(start: number): void {
  cursor = start;
}
export function f(name: string, width: number, kind: Field['kind'], extra: Partial<Field> = {}): Field {
  const field: Field = { name, start: cursor, width, kind, ...extra };
  cursor += width;
  return field;
}
/** Skips spare bits. */
export function spare(width: number): null {
  cursor += width;
  return null;
}
export function rows(...list: (Field | null)[]): Field[] {
  return list.filter((x): x is Field => x !== null);
}

export function two(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}
