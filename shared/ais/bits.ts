/**
 * The AIS bit vector: the 6-bit armoured payload of !AIVDM sentences unpacked
 * once into bytes (ITU-R M.1371-5 Annex 8; IEC 61162-1 §8.3.1 "six-bit
 * binary field"), then read MSB-first with integer math, no strings.
 */
export interface Bits {
  bytes: Uint8Array;
  /** Number of valid bits (6 × characters − fill bits). */
  length: number;
}

/** Longest AIS message is 5 slots, 1008 bits (M.1371-5 §3.2.2.5); room for a few over-long fragments more. */
export const MAX_PAYLOAD_BITS = 1_200;

/** 6-bit value of an armour character, or -1 (IEC 61162-1 Table 7). */
const ARMOUR = new Int8Array(128).fill(-1);
for (let c = 48; c < 88; c++) ARMOUR[c] = c - 48; // '0'..'W' → 0..39
for (let c = 96; c < 120; c++) ARMOUR[c] = c - 56; // '`'..'w' → 40..63

/** ARMOUR for a byte: every code 0–255 has an entry, so the byte path needs no range check. */
const ARMOUR_BYTE = new Int8Array(256).fill(-1);
ARMOUR_BYTE.set(ARMOUR);

/** ORs the 6-bit value `v` into `bytes` MSB-first at bit `bit` (the slow tail of the unarmouring loops). */
function orSixBits(bytes: Uint8Array, bit: number, v: number): void {
  const byte = bit >> 3;
  const off = bit & 7;
  if (off <= 2) {
    bytes[byte] = bytes[byte]! | (v << (2 - off));
  } else {
    bytes[byte] = bytes[byte]! | (v >> (off - 2));
    bytes[byte + 1] = bytes[byte + 1]! | ((v << (10 - off)) & 0xff);
  }
}

export function newBits(capacityBits = MAX_PAYLOAD_BITS): Bits {
  return { bytes: new Uint8Array(Math.ceil(capacityBits / 8) + 8), length: 0 };
}

/**
 * Appends the armoured characters `text[from..to)` to `into`, minus `fill`
 * trailing bits. Bytes past the end stay zero, so reading beyond `length`
 * gives 0 (as gpsd's zeroed buffer does). Returns false on a character
 * outside the armour or on overflow.
 */
export function appendArmoured(into: Bits, text: string, from: number, to: number, fill: number): boolean {
  const bytes = into.bytes;
  let bit = into.length;
  if (bit + (to - from) * 6 > (bytes.length - 8) * 8) return false;
  let i = from;
  if ((bit & 7) === 0) {
    // Byte-aligned (every single-sentence message): four characters are exactly three bytes.
    let j = bit >> 3;
    for (; i + 4 <= to; i += 4) {
      const a = text.charCodeAt(i);
      const b = text.charCodeAt(i + 1);
      const c = text.charCodeAt(i + 2);
      const d = text.charCodeAt(i + 3);
      const va = a < 128 ? ARMOUR[a]! : -1;
      const vb = b < 128 ? ARMOUR[b]! : -1;
      const vc = c < 128 ? ARMOUR[c]! : -1;
      const vd = d < 128 ? ARMOUR[d]! : -1;
      if ((va | vb | vc | vd) < 0) break; // let the general loop find and report it
      const v = (va << 18) | (vb << 12) | (vc << 6) | vd;
      bytes[j] = v >> 16;
      bytes[j + 1] = (v >> 8) & 0xff;
      bytes[j + 2] = v & 0xff;
      j += 3;
      bit += 24;
    }
  }
  for (; i < to; i++) {
    const c = text.charCodeAt(i);
    const v = c < 128 ? ARMOUR[c]! : -1;
    if (v < 0) {
      into.length = bit; // so resetBits clears what was written
      return false;
    }
    orSixBits(bytes, bit, v);
    bit += 6;
  }
  into.length = bit - fill;
  return true;
}

/** `appendArmoured` for armoured characters held as bytes (`src[from..to)`). */
export function appendArmouredBytes(into: Bits, src: Uint8Array, from: number, to: number, fill: number): boolean {
  const bytes = into.bytes;
  const bit = into.length;
  if (bit + (to - from) * 6 > (bytes.length - 8) * 8) return false;
  // Fragments after the first rarely start on a byte boundary: carry the bits
  // of the byte being filled in an accumulator (fewer than 8 + 6 bits) and
  // store each byte once, complete.
  let j = bit >> 3;
  let held = bit & 7;
  let acc = held === 0 ? 0 : bytes[j]! >> (8 - held);
  for (let i = from; i < to; i++) {
    const v = ARMOUR_BYTE[src[i]!]!;
    if (v < 0) {
      if (held > 0) bytes[j] = (acc << (8 - held)) & 0xff;
      into.length = bit + (i - from) * 6;
      return false;
    }
    acc = (acc << 6) | v;
    held += 6;
    if (held >= 8) {
      held -= 8;
      bytes[j++] = (acc >> held) & 0xff;
      acc &= (1 << held) - 1;
    }
  }
  if (held > 0) bytes[j] = (acc << (8 - held)) & 0xff;
  into.length = bit + (to - from) * 6 - fill;
  return true;
}

/**
 * appendArmoured that also returns the XOR of the characters it read (the
 * NMEA checksum's share of the payload), so the hot path reads each payload
 * character once. Returns -1 on a character outside the armour.
 */
export function appendArmouredXor(into: Bits, text: string, from: number, to: number, fill: number): number {
  const bytes = into.bytes;
  let bit = into.length;
  if ((bit & 7) !== 0 || bit + (to - from) * 6 > (bytes.length - 8) * 8) {
    let x = 0;
    for (let i = from; i < to; i++) x ^= text.charCodeAt(i);
    return appendArmoured(into, text, from, to, fill) ? x : -1;
  }
  let x = 0;
  let j = bit >> 3;
  let i = from;
  for (; i + 4 <= to; i += 4) {
    const a = text.charCodeAt(i);
    const b = text.charCodeAt(i + 1);
    const c = text.charCodeAt(i + 2);
    const d = text.charCodeAt(i + 3);
    const va = a < 128 ? ARMOUR[a]! : -1;
    const vb = b < 128 ? ARMOUR[b]! : -1;
    const vc = c < 128 ? ARMOUR[c]! : -1;
    const vd = d < 128 ? ARMOUR[d]! : -1;
    if ((va | vb | vc | vd) < 0) {
      into.length = bit;
      return -1;
    }
    x ^= a ^ b ^ c ^ d;
    const v = (va << 18) | (vb << 12) | (vc << 6) | vd;
    bytes[j] = v >> 16;
    bytes[j + 1] = (v >> 8) & 0xff;
    bytes[j + 2] = v & 0xff;
    j += 3;
    bit += 24;
  }
  // The last 0–3 characters, six bits each.
  for (; i < to; i++) {
    const c = text.charCodeAt(i);
    const v = c < 128 ? ARMOUR[c]! : -1;
    if (v < 0) {
      into.length = bit;
      return -1;
    }
    x ^= c;
    orSixBits(bytes, bit, v);
    bit += 6;
  }
  into.length = bit - fill;
  return x;
}

/**
 * A single-sentence payload straight from the bytes of a log, `src[from..to)`,
 * replacing what `into` held: unarmoured four characters to three bytes at a
 * time, written whole instead of OR-ed into a cleared buffer, and the XOR of
 * the characters returned for the checksum (-1 on a character outside the
 * armour, with `into` left empty). The invariant `resetBits` relies on holds:
 * nothing but zeros from byte `(length >> 3) + 3` on.
 */
export function unarmourBytesXor(into: Bits, src: Uint8Array, from: number, to: number, fill: number): number {
  const bytes = into.bytes;
  const oldEnd = (into.length >> 3) + 3;
  if ((to - from) * 6 > (bytes.length - 8) * 8) {
    resetBits(into);
    return -1;
  }
  let x = 0;
  let j = 0;
  let i = from;
  for (; i + 4 <= to; i += 4) {
    const a = src[i]!;
    const b = src[i + 1]!;
    const c = src[i + 2]!;
    const d = src[i + 3]!;
    const va = ARMOUR_BYTE[a]!;
    const vb = ARMOUR_BYTE[b]!;
    const vc = ARMOUR_BYTE[c]!;
    const vd = ARMOUR_BYTE[d]!;
    if ((va | vb | vc | vd) < 0) return clearFailed(into, bytes, j, oldEnd);
    x ^= a ^ b ^ c ^ d;
    const v = (va << 18) | (vb << 12) | (vc << 6) | vd;
    bytes[j] = v >> 16;
    bytes[j + 1] = (v >> 8) & 0xff;
    bytes[j + 2] = v & 0xff;
    j += 3;
  }
  // The last 0–3 characters, left-aligned in the next three bytes.
  let v = 0;
  const rest = to - i;
  for (; i < to; i++) {
    const c = src[i]!;
    const w = ARMOUR_BYTE[c]!;
    if (w < 0) return clearFailed(into, bytes, j, oldEnd);
    x ^= c;
    v = (v << 6) | w;
  }
  v <<= 6 * (4 - rest);
  bytes[j] = v >> 16;
  bytes[j + 1] = (v >> 8) & 0xff;
  bytes[j + 2] = v & 0xff;
  for (let k = j + 3; k < oldEnd; k++) bytes[k] = 0;
  into.length = (to - from) * 6 - fill;
  return x;
}

/** ARMOUR for two characters at once, by `first << 8 | second`: their 12 bits, or -1. */
const ARMOUR_PAIR = new Int16Array(65_536).fill(-1);
for (let a = 0; a < 256; a++) {
  for (let b = 0; b < 256; b++) {
    if (ARMOUR_BYTE[a]! >= 0 && ARMOUR_BYTE[b]! >= 0) ARMOUR_PAIR[(a << 8) | b] = (ARMOUR_BYTE[a]! << 6) | ARMOUR_BYTE[b]!;
  }
}

/**
 * Unarmours `src` from `from` up to the first character outside the armour
 * (or `limit`), replacing what `into` held, for a reader that does not yet
 * know where the payload ends: it is where this stops. Returns that index;
 * `sum.xor` gets the XOR of the characters read and `into.length` six bits
 * each (the caller takes off the fill bits). Keeps `resetBits`' invariant.
 * `view` is a DataView over the same bytes as `src` (same indices): four
 * characters are read as one big-endian word and looked up two at a time.
 */
export function unarmourRun(into: Bits, src: Uint8Array, view: DataView, from: number, limit: number, sum: { xor: number }): number {
  const bytes = into.bytes;
  const oldEnd = (into.length >> 3) + 3;
  const to = Math.min(limit, from + Math.floor(((bytes.length - 8) * 8) / 6));
  let word = 0;
  let j = 0;
  let i = from;
  for (; i + 4 <= to; i += 4) {
    const w = view.getUint32(i);
    const hi = ARMOUR_PAIR[w >>> 16]!;
    const lo = ARMOUR_PAIR[w & 0xffff]!;
    if ((hi | lo) < 0) break;
    word ^= w;
    const v = (hi << 12) | lo;
    bytes[j] = v >> 16;
    bytes[j + 1] = (v >> 8) & 0xff;
    bytes[j + 2] = v & 0xff;
    j += 3;
  }
  let x = (word >>> 24) ^ ((word >>> 16) & 0xff) ^ ((word >>> 8) & 0xff) ^ (word & 0xff);
  // At most three more armour characters before the stop (one of the next four is not), left-aligned in the next three bytes.
  let v = 0;
  const start = i;
  for (; i < to; i++) {
    const c = src[i]!;
    const w = ARMOUR_BYTE[c]!;
    if (w < 0) break;
    x ^= c;
    v = (v << 6) | w;
  }
  v <<= 6 * (4 - (i - start));
  bytes[j] = (v >> 16) & 0xff;
  bytes[j + 1] = (v >> 8) & 0xff;
  bytes[j + 2] = v & 0xff;
  for (let k = j + 3; k < oldEnd; k++) bytes[k] = 0;
  into.length = (i - from) * 6;
  sum.xor = x;
  return i;
}

function clearFailed(into: Bits, bytes: Uint8Array, written: number, oldEnd: number): -1 {
  bytes.fill(0, 0, Math.max(written, oldEnd));
  into.length = 0;
  return -1;
}

/** Clears `bits` for reuse (only the bytes that were written). */
export function resetBits(bits: Bits): void {
  bits.bytes.fill(0, 0, (bits.length >> 3) + 3);
  bits.length = 0;
}

/** Unsigned integer of `width` bits (≤ 48) at `start`, MSB first. */
export function ubits(bytes: Uint8Array, start: number, width: number): number {
  const off = start & 7;
  if (off + width <= 32) {
    // Common case: the field lies within four bytes; one 32-bit window, two shifts.
    const i = start >> 3;
    const window = ((bytes[i]! << 24) | (bytes[i + 1]! << 16) | (bytes[i + 2]! << 8) | bytes[i + 3]!) >>> 0;
    return width === 0 ? 0 : ((window << off) >>> 0) >>> (32 - width);
  }
  return ubitsWide(bytes, start, width);
}

function ubitsWide(bytes: Uint8Array, start: number, width: number): number {
  let v = 0;
  let bit = start;
  const end = start + width;
  while (bit < end) {
    const off = bit & 7;
    const take = Math.min(8 - off, end - bit);
    const chunk = (bytes[bit >> 3]! >> (8 - off - take)) & ((1 << take) - 1);
    v = v * (1 << take) + chunk;
    bit += take;
  }
  return v;
}

/** Two's-complement signed integer of `width` bits at `start`. */
export function sbits(bytes: Uint8Array, start: number, width: number): number {
  const u = ubits(bytes, start, width);
  const half = 2 ** (width - 1);
  return u >= half ? u - 2 * half : u;
}

/** The AIS 6-bit character set (ITU-R M.1371-5 Table 47): 0 is '@', 32 is ' '. */
export const SIXBIT_CHARS = '@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_ !"#$%&\'()*+,-./0123456789:;<=>?';

/**
 * `count` 6-bit characters at `start`: stops at the first '@' (the standard's
 * padding) and trims trailing spaces, as gpsd does.
 */
export function sixbitText(bytes: Uint8Array, start: number, count: number, trim = true): string {
  // Two characters per step, from a 12-bit window and a table of every pair:
  // half the string concatenations (names and destinations dominate the
  // decoding time of types 5, 12, 21 and 24).
  let s = '';
  let bit = start;
  let left = count;
  for (; left >= 2; left -= 2, bit += 12) {
    const i = bit >> 3;
    const v = (((bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!) >> (12 - (bit & 7))) & 0xfff;
    if (v >> 6 === 0) return trimmed(s, trim);
    if ((v & 63) === 0) return trimmed(s + SIXBIT_CHARS[v >> 6]!, trim);
    s += SIXBIT_PAIRS[v]!;
  }
  if (left === 1) {
    const v = ubits(bytes, bit, 6);
    if (v !== 0) s += SIXBIT_CHARS[v];
  }
  return trimmed(s, trim);
}

/** Every pair of 6-bit characters, by their 12 bits. */
const SIXBIT_PAIRS: readonly string[] = Array.from({ length: 4096 }, (_, v) => SIXBIT_CHARS[v >> 6]! + SIXBIT_CHARS[v & 63]!);

function trimmed(s: string, trim: boolean): string {
  if (!trim) return s;
  let end = s.length;
  while (end > 0 && s.charCodeAt(end - 1) === 32) end--;
  return end === s.length ? s : s.slice(0, end);
}

/** Two lower-case hex digits for each byte value. */
const HEX: readonly string[] = Array.from({ length: 256 }, (_, v) => v.toString(16).padStart(2, '0'));

/**
 * Lower-case hex of `count` bits at `start` (gpsd's "data" field). gpsd copies
 * the last byte whole (its bits past `count` are whatever followed), except
 * for type 8, where it clears them: `maskLast`.
 */
export function bitsHex(bytes: Uint8Array, start: number, count: number, maskLast = false): string {
  if (count > 64 && count <= MAX_PAYLOAD_BITS) return longHex(bytes, start, count, maskLast);
  let s = '';
  for (let at = 0; at < count; at += 8) {
    const take = maskLast ? Math.min(8, count - at) : 8;
    s += HEX[ubits(bytes, start + at, take) << (8 - take)];
  }
  return s;
}

/** Hex digits as ASCII codes, for longHex. */
const HEX_CODES = new Uint8Array([48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 97, 98, 99, 100, 101, 102]);
/** Room for the hex of the longest payload (MAX_PAYLOAD_BITS). */
const hexScratch = new Uint8Array(2 * Math.ceil(MAX_PAYLOAD_BITS / 8) + 2);
const ascii = new TextDecoder();

/**
 * bitsHex for long payloads (types 6, 8, 17, 25, 26 carry up to ~1000 bits):
 * the digits written as bytes and made a string once, instead of one string
 * concatenation per byte.
 */
function longHex(bytes: Uint8Array, start: number, count: number, maskLast: boolean): string {
  let k = 0;
  for (let at = 0; at < count; at += 8) {
    const take = maskLast ? Math.min(8, count - at) : 8;
    const v = ubits(bytes, start + at, take) << (8 - take);
    hexScratch[k++] = HEX_CODES[v >> 4]!;
    hexScratch[k++] = HEX_CODES[v & 15]!;
  }
  return ascii.decode(hexScratch.subarray(0, k));
}

/** Writes an unsigned or two's-complement value (encoder side). */
export function putBits(bytes: Uint8Array, start: number, width: number, value: number): void {
  let v = value < 0 ? 2 ** width + value : value;
  for (let i = width - 1; i >= 0; i--) {
    const bit = v % 2;
    v = Math.floor(v / 2);
    const at = start + i;
    if (bit) bytes[at >> 3] = bytes[at >> 3]! | (0x80 >> (at & 7));
    else bytes[at >> 3] = bytes[at >> 3]! & ~(0x80 >> (at & 7));
  }
}

/** Writes `text` as 6-bit characters padded with '@' to `count` characters. */
export function putText(bytes: Uint8Array, start: number, count: number, text: string): void {
  for (let i = 0; i < count; i++) {
    const ch = text[i];
    const v = ch === undefined ? 0 : Math.max(0, SIXBIT_CHARS.indexOf(ch.toUpperCase()));
    putBits(bytes, start + 6 * i, 6, v);
  }
}

/** Armours `length` bits of `bytes` into 6-bit characters; returns the text and fill bits. */
export function armour(bytes: Uint8Array, length: number): { payload: string; fill: number } {
  const chars = Math.ceil(length / 6);
  let payload = '';
  for (let i = 0; i < chars; i++) {
    const v = ubits(bytes, i * 6, 6);
    payload += String.fromCharCode(v < 40 ? v + 48 : v + 56);
  }
  return { payload, fill: chars * 6 - length };
}
