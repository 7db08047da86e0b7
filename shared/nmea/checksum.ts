/**
 * The NMEA 0183 checksum: XOR of every character between the start delimiter
 * (`$`, `!` or the tag block's `\`) and the `*`, written as two hex digits.
 * `from` is inclusive, `to` exclusive.
 */
export function xorChecksum(text: string, from: number, to: number): number {
  let sum = 0;
  for (let i = from; i < to; i++) sum ^= text.charCodeAt(i);
  return sum;
}

/** Value of one hex digit (either case), or -1. */
export function hexDigit(code: number): number {
  if (code >= 48 && code <= 57) return code - 48;
  if (code >= 65 && code <= 70) return code - 55;
  if (code >= 97 && code <= 102) return code - 87;
  return -1;
}

/** The two hex digits at `at`, or -1 when they are not both hex. */
export function readHexByte(text: string, at: number): number {
  if (at + 2 > text.length) return -1;
  const hi = hexDigit(text.charCodeAt(at));
  const lo = hexDigit(text.charCodeAt(at + 1));
  return hi < 0 || lo < 0 ? -1 : (hi << 4) | lo;
}

/** Appends `*hh` to a sentence body that starts with its delimiter (`$`, `!`). */
export function withChecksum(body: string): string {
  return `${body}*${xorChecksum(body, 1, body.length).toString(16).toUpperCase().padStart(2, '0')}`;
}
