/** Arguments per `String.fromCharCode` call: well under every engine's limit on spread arguments. */
const CHUNK = 8192;

/**
 * `bytes[from..to)` as a string, one byte per character (ISO 8859-1): what
 * Node's `buffer.toString('latin1')` gives, without Node. (TextDecoder cannot
 * do it: WHATWG maps the label "latin1" to windows-1252, which changes 0x80–0x9F.)
 */
export function latin1(bytes: Uint8Array, from: number, to: number): string {
  if (to - from <= CHUNK) return String.fromCharCode.apply(null, bytes.subarray(from, to) as unknown as number[]);
  let s = '';
  for (let at = from; at < to; at += CHUNK) {
    s += String.fromCharCode.apply(null, bytes.subarray(at, Math.min(to, at + CHUNK)) as unknown as number[]);
  }
  return s;
}
