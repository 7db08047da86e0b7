import { hexDigit } from './checksum';
import { MAX_ENCAPSULATED_LENGTH, MAX_LINE_LENGTH } from './framing';

/** Where the parts of a plain !xxVDM/!xxVDO line are; filled in place to avoid allocating. */
export interface VdmScan {
  total: number;
  number: number;
  /** Sequential message id as a one-character string, or ''. */
  sequenceId: string;
  channel: string;
  payloadStart: number;
  payloadEnd: number;
  fillBits: number;
  own: boolean;
  /** XOR of the sentence without the payload characters. */
  partialSum: number;
  /** The checksum the line claims. */
  checksum: number;
  /** Byte path only: the receive time (Unix ms) a USCG NAIS trailer gives, or NaN (see `readTrailer` in framing.ts). */
  trailerTime: number;
  /** Byte path only: the receiving station a NAIS trailer names, or ''. */
  trailerSource: string;
}

export function newVdmScan(): VdmScan {
  return { total: 0, number: 0, sequenceId: '', channel: '', payloadStart: 0, payloadEnd: 0, fillBits: 0, own: false, partialSum: 0, checksum: 0, trailerTime: NaN, trailerSource: '' };
}

/** 0: may appear in a VDM line before '*'; 1: a comma; 2: may not (control, non-ASCII, or a reserved delimiter). */
const CLASS = new Uint8Array(256).fill(2);
for (let c = 32; c <= 126; c++) CLASS[c] = 0;
CLASS[44] = 1;
for (const c of [33, 36, 42, 92]) CLASS[c] = 2; // ! $ * \

const digit = (line: string, at: number) => {
  const c = line.charCodeAt(at) - 48;
  return c >= 0 && c <= 9 ? c : -1;
};

/**
 * The hot path for AIS: checks a plain VDM/VDO line (no tag block, no trailer)
 * and finds its six fields without splitting it into strings. The payload's
 * characters are left out of `partialSum`: the caller XORs them in while it
 * unarmours them, so each character is read once. Returns false for anything
 * it is not sure of; the caller then frames the line the general way
 * (`parseSentence`), which accepts it or rejects it with a reason.
 */
export function scanVdm(line: string, out: VdmScan): boolean {
  let end = line.length;
  while (end > 0) {
    const c = line.charCodeAt(end - 1);
    if (c === 10 || c === 13 || c === 32) end--;
    else break;
  }
  if (end > MAX_ENCAPSULATED_LENGTH || end < 17 || line.charCodeAt(0) !== 33 /* ! */) return false;
  if (line.charCodeAt(3) !== 86 /* V */ || line.charCodeAt(4) !== 68 /* D */ || line.charCodeAt(6) !== 44 /* , */) return false;
  const kind = line.charCodeAt(5);
  if (kind !== 77 /* M */ && kind !== 79 /* O */) return false;
  const star = end - 3;
  if (line.charCodeAt(star) !== 42 /* * */) return false;
  const hi = hexDigit(line.charCodeAt(star + 1));
  const lo = hexDigit(line.charCodeAt(star + 2));
  if (hi < 0 || lo < 0) return false;
  // ,total,number,seq,channel,payload,fill — fixed positions for the one-digit fields.
  if (line.charCodeAt(8) !== 44 || line.charCodeAt(10) !== 44) return false;
  const total = digit(line, 7);
  const number = digit(line, 9);
  if (total < 1 || number < 1 || number > total) return false;
  const c3 = line.charCodeAt(11) === 44 ? 11 : line.charCodeAt(12) === 44 ? 12 : -1;
  if (c3 < 0 || (c3 === 12 && digit(line, 11) < 0)) return false;
  const c4 = line.charCodeAt(c3 + 1) === 44 ? c3 + 1 : line.charCodeAt(c3 + 2) === 44 ? c3 + 2 : -1;
  if (c4 < 0) return false;
  const c5 = star - 2;
  if (line.charCodeAt(c5) !== 44 || c5 - c4 < 2) return false;
  const fill = digit(line, star - 1);
  if (fill < 0 || fill > 5) return false;
  // XOR of everything but the payload; the header and tail are short.
  let sum = 0;
  for (let i = 1; i <= c4; i++) {
    const c = line.charCodeAt(i);
    if (CLASS[c] === 2 && c !== 44) return false;
    sum ^= c;
  }
  sum ^= 44 ^ line.charCodeAt(star - 1);
  if (c3 === 12) out.sequenceId = line[11]!;
  else out.sequenceId = '';
  out.channel = c4 - c3 === 2 ? line[c3 + 1]! : '';
  out.total = total;
  out.number = number;
  out.payloadStart = c4 + 1;
  out.payloadEnd = c5;
  out.fillBits = fill;
  out.own = kind === 79;
  out.partialSum = sum;
  out.checksum = (hi << 4) | lo;
  return true;
}

/** One-character strings by code, so the byte path names a channel or sequence id without allocating. */
const CHAR: readonly string[] = Array.from({ length: 256 }, (_, c) => String.fromCharCode(c));

const digitAt = (bytes: Uint8Array, at: number) => {
  const c = bytes[at]! - 48;
  return c >= 0 && c <= 9 ? c : -1;
};

/**
 * `scanVdm` on the bytes of one line, `bytes[start..end)`, read as Latin-1:
 * the same checks in the same order, so it accepts exactly the lines the
 * string scan accepts. Offsets in `out` are indices into `bytes`.
 */
export function scanVdmBytes(bytes: Uint8Array, start: number, end: number, out: VdmScan): boolean {
  const untrimmed = end;
  while (end > start) {
    const c = bytes[end - 1]!;
    if (c === 10 || c === 13 || c === 32) end--;
    else break;
  }
  if (end - start < 17 || bytes[start] !== 33 /* ! */) return false;
  if (bytes[start + 3] !== 86 /* V */ || bytes[start + 4] !== 68 /* D */ || bytes[start + 6] !== 44 /* , */) return false;
  const kind = bytes[start + 5];
  if (kind !== 77 /* M */ && kind !== 79 /* O */) return false;
  let star = end - 3;
  let trailer = false;
  if (bytes[star] !== 42 /* * */) {
    // Text after the checksum (a USCG NAIS trailer, or noise): the string
    // path frames such lines the general way, so take one here only where
    // that would accept it as it stands — see trailerOk.
    star = trailerStar(bytes, start, end, untrimmed);
    if (star < 0) return false;
    trailer = true;
  }
  if (star + 3 - start > MAX_ENCAPSULATED_LENGTH) return false;
  const hi = hexDigit(bytes[star + 1]!);
  const lo = hexDigit(bytes[star + 2]!);
  if (hi < 0 || lo < 0) return false;
  if (bytes[start + 8] !== 44 || bytes[start + 10] !== 44) return false;
  const total = digitAt(bytes, start + 7);
  const number = digitAt(bytes, start + 9);
  if (total < 1 || number < 1 || number > total) return false;
  const c3 = bytes[start + 11] === 44 ? start + 11 : bytes[start + 12] === 44 ? start + 12 : -1;
  if (c3 < 0 || (c3 === start + 12 && digitAt(bytes, start + 11) < 0)) return false;
  const c4 = bytes[c3 + 1] === 44 ? c3 + 1 : bytes[c3 + 2] === 44 ? c3 + 2 : -1;
  if (c4 < 0) return false;
  const c5 = star - 2;
  if (bytes[c5] !== 44 || c5 - c4 < 2) return false;
  const fill = digitAt(bytes, star - 1);
  if (fill < 0 || fill > 5) return false;
  // XOR of the header without a loop: bytes 3–10 and the commas are already
  // known; only the talker's two characters and the channel are still to check.
  const t1 = bytes[start + 1]!;
  const t2 = bytes[start + 2]!;
  if (CLASS[t1] === 2 || CLASS[t2] === 2) return false;
  let sum = t1 ^ t2 ^ 86 ^ 68 ^ kind ^ bytes[start + 7]! ^ bytes[start + 9]!; // the three commas at 6, 8, 10 cancel to one
  sum ^= 44;
  if (c3 === start + 12) sum ^= bytes[start + 11]!;
  if (c4 - c3 === 2) {
    const channel = bytes[c3 + 1]!;
    if (CLASS[channel] === 2) return false;
    sum ^= channel;
  }
  // The commas at c3 and c4 cancel; then the comma before the fill digit, and the digit.
  sum ^= 44 ^ bytes[star - 1]!;
  out.sequenceId = c3 === start + 12 ? CHAR[bytes[start + 11]!]! : '';
  out.channel = c4 - c3 === 2 ? CHAR[bytes[c3 + 1]!]! : '';
  out.total = total;
  out.number = number;
  out.payloadStart = c4 + 1;
  out.payloadEnd = c5;
  out.fillBits = fill;
  out.own = kind === 79;
  out.partialSum = sum;
  out.checksum = (hi << 4) | lo;
  out.trailerTime = NaN;
  out.trailerSource = '';
  if (trailer && bytes[star + 3] === 44) readTrailerBytes(bytes, star + 4, end, out);
  return true;
}

const isUpperAlnum = (c: number) => (c >= 65 && c <= 90) || (c >= 48 && c <= 57);

/**
 * The `*` of a line with text after its checksum, or -1 unless `parseSentence`
 * would frame the line exactly as the fast path reads it: no longer than
 * MAX_LINE_LENGTH, every character printable (it trims tabs too; a tab here
 * is left to it), and an address of five upper-case letters or digits that is
 * not proprietary (the string fast path sees no trailers, so it never needed
 * these checks).
 */
function trailerStar(bytes: Uint8Array, start: number, end: number, untrimmed: number): number {
  if (untrimmed - start > MAX_LINE_LENGTH) return -1;
  if (bytes[start + 1] === 80 /* P */) return -1;
  for (let i = start + 1; i < start + 6; i++) if (!isUpperAlnum(bytes[i]!)) return -1;
  let star = -1;
  for (let i = start + 7; i < end; i++) {
    const c = bytes[i]!;
    if (c < 32 || c > 126) return -1;
    if (c === 42 && star < 0) star = i;
  }
  return star >= 0 && star + 3 <= end ? star : -1;
}

/**
 * framing.ts `readTrailer` on bytes: `,part,part,…` after the checksum; a last
 * part of 9–10 digits is the Unix time in seconds, the first part `r<station>`
 * (longer than one character) names the receiver.
 */
function readTrailerBytes(bytes: Uint8Array, from: number, end: number, out: VdmScan): void {
  let partStart = from;
  for (let i = from; i <= end; i++) {
    if (i < end && bytes[i] !== 44) continue;
    if (out.trailerSource === '' && i - partStart > 1 && bytes[partStart] === 114 /* r */) {
      let name = '';
      for (let k = partStart + 1; k < i; k++) name += CHAR[bytes[k]!]!;
      out.trailerSource = name;
    }
    if (i === end) {
      const digits = i - partStart;
      if (digits === 9 || digits === 10) {
        let seconds = 0;
        for (let k = partStart; k < i && seconds >= 0; k++) seconds = digitAt(bytes, k) < 0 ? -1 : seconds * 10 + digitAt(bytes, k);
        if (seconds >= 0) out.trailerTime = seconds * 1000;
      }
    }
    partStart = i + 1;
  }
}

/**
 * The header of a plain VDM/VDO line at `bytes[at]`, up to the comma before
 * the payload, for a reader that does not know where the line ends yet
 * (`pushLog`): the checks `scanVdmBytes` makes on those characters. Fills
 * everything in `out` but the payload end, fill bits and checksum; its
 * `partialSum` covers the header only. Returns the index of that comma, or -1.
 */
export function scanVdmHead(bytes: Uint8Array, at: number, out: VdmScan): number {
  if (bytes[at] !== 33 /* ! */ || bytes[at + 3] !== 86 /* V */ || bytes[at + 4] !== 68 /* D */ || bytes[at + 6] !== 44 /* , */) return -1;
  const kind = bytes[at + 5];
  if (kind !== 77 /* M */ && kind !== 79 /* O */) return -1;
  if (bytes[at + 8] !== 44 || bytes[at + 10] !== 44) return -1;
  const total = digitAt(bytes, at + 7);
  const number = digitAt(bytes, at + 9);
  if (total < 1 || number < 1 || number > total) return -1;
  const c3 = bytes[at + 11] === 44 ? at + 11 : bytes[at + 12] === 44 ? at + 12 : -1;
  if (c3 < 0 || (c3 === at + 12 && digitAt(bytes, at + 11) < 0)) return -1;
  const c4 = bytes[c3 + 1] === 44 ? c3 + 1 : bytes[c3 + 2] === 44 ? c3 + 2 : -1;
  if (c4 < 0) return -1;
  const t1 = bytes[at + 1]!;
  const t2 = bytes[at + 2]!;
  if (CLASS[t1] === 2 || CLASS[t2] === 2) return -1;
  let sum = t1 ^ t2 ^ 86 ^ 68 ^ kind ^ bytes[at + 7]! ^ bytes[at + 9]! ^ 44; // three commas at 6, 8, 10
  if (c3 === at + 12) sum ^= bytes[at + 11]!;
  if (c4 - c3 === 2) {
    const channel = bytes[c3 + 1]!;
    if (CLASS[channel] === 2) return -1;
    sum ^= channel;
  }
  out.sequenceId = c3 === at + 12 ? CHAR[bytes[at + 11]!]! : '';
  out.channel = c4 - c3 === 2 ? CHAR[bytes[c3 + 1]!]! : '';
  out.total = total;
  out.number = number;
  out.payloadStart = c4 + 1;
  out.own = kind === 79;
  out.partialSum = sum; // the commas at c3 and c4 cancel
  out.trailerTime = NaN;
  out.trailerSource = '';
  return c4;
}
