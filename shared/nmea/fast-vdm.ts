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
}

export function newVdmScan(): VdmScan {
  return { total: 0, number: 0, sequenceId: '', channel: '', payloadStart: 0, payloadEnd: 0, fillBits: 0, own: false };
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
 * The hot path for AIS: one pass over a plain VDM/VDO line (no tag block, no
 * trailer) that checks printable characters, the checksum and the six fields,
 * without splitting the line into strings. Returns false for anything it is
 * not sure of; the caller then frames the line the general way
 * (`parseSentence`), which accepts or rejects it with a reason.
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
  let sum = 0;
  let commas = 0;
  let c1 = 0;
  let c2 = 0;
  let c3 = 0;
  let c4 = 0;
  let c5 = 0;
  for (let i = 1; i < star; i++) {
    const c = line.charCodeAt(i);
    const k = c < 256 ? CLASS[c]! : 2;
    if (k === 0) {
      sum ^= c;
      continue;
    }
    if (k === 2) return false;
    sum ^= c;
    {
      commas++;
      if (commas === 2) c1 = i;
      else if (commas === 3) c2 = i;
      else if (commas === 4) c3 = i;
      else if (commas === 5) c4 = i;
      else if (commas === 6) c5 = i;
    }
  }
  if (commas !== 6) return false;
  const hi = hexDigit(line.charCodeAt(star + 1));
  const lo = hexDigit(line.charCodeAt(star + 2));
  if (hi < 0 || lo < 0 || ((hi << 4) | lo) !== sum) return false;
  // ,total,number,seq,channel,payload,fill
  if (c1 !== 8 || c2 !== 10) return false;
  const total = digit(line, 7);
  const number = digit(line, 9);
  if (total < 1 || number < 1 || number > total) return false;
  const seqLen = c3 - c2 - 1;
  if (seqLen > 1 || (seqLen === 1 && digit(line, c2 + 1) < 0)) return false;
  const chanLen = c4 - c3 - 1;
  if (chanLen > 1) return false;
  if (c5 - c4 - 1 < 1 || star - c5 !== 2) return false;
  const fill = digit(line, c5 + 1);
  if (fill < 0 || fill > 5) return false;
  out.total = total;
  out.number = number;
  out.sequenceId = seqLen === 1 ? line[c2 + 1]! : '';
  out.channel = chanLen === 1 ? line[c3 + 1]! : '';
  out.payloadStart = c4 + 1;
  out.payloadEnd = c5;
  out.fillBits = fill;
  out.own = kind === 79;
  return true;
}
