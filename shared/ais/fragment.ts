import type { Sentence } from '../nmea/framing';

/** One !AIVDM/!AIVDO sentence: a fragment of an armoured AIS payload (IEC 61162-1 §8.3.96). */
export interface Fragment {
  total: number;
  number: number;
  /** Sequential message id 0–9 tying the fragments of one message; '' for single-fragment messages. */
  sequenceId: string;
  /** Radio channel A or B (some receivers write 1/2, or leave it empty). */
  channel: string;
  /** The armoured characters: text, or a copy of the log's bytes (the byte path makes no string). */
  payload: string | Uint8Array;
  fillBits: number;
  /** VDO: our own ship's transponder; VDM: other ships. */
  own: boolean;
}

/** Reads the AIS fields of a VDM/VDO sentence, or null when they make no sense. */
export function readFragment(s: Sentence): Fragment | null {
  const f = s.fields;
  if (f.length < 6) return null;
  const total = smallInt(f[0]!);
  const number = smallInt(f[1]!);
  const fill = smallInt(f[5]!);
  const sequenceId = f[2]!;
  if (total < 1 || number < 1 || number > total || fill < 0 || fill > 5) return null;
  if (sequenceId.length > 1 || (sequenceId !== '' && smallInt(sequenceId) < 0)) return null;
  const payload = f[4]!;
  // An empty payload is a last fragment whose bits all fitted in the ones before (gpsd joins it); anywhere else it is nonsense.
  if (payload === '' && (total === 1 || number !== total)) return null;
  return { total, number, sequenceId, channel: f[3]!, payload, fillBits: fill, own: s.type === 'VDO' };
}

/** A single decimal digit, or -1. */
function smallInt(text: string): number {
  if (text.length !== 1) return -1;
  const c = text.charCodeAt(0) - 48;
  return c >= 0 && c <= 9 ? c : -1;
}
