import { hexDigit } from './checksum';
import { MAX_ENCAPSULATED_LENGTH } from './framing';

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
}

export function newVdmScan(): VdmScan {
  return { total: 0, number: 0, sequenceId: '', channel: '', payloadStart: 0, payloadEnd: 0, fillBits: 0, own: false, partialSum: 0, checksum: 0 };
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
