import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SIXBIT_CHARS, sixbitText } from '../../../shared/ais/bits';

/** The definition, one character at a time: stop at '@' (0), then drop trailing spaces. */
function reference(bytes: Uint8Array, start: number, count: number, trim: boolean): string {
  let s = '';
  for (let i = 0; i < count; i++) {
    let v = 0;
    for (let k = 0; k < 6; k++) {
      const at = start + 6 * i + k;
      v = (v << 1) | ((bytes[at >> 3]! >> (7 - (at & 7))) & 1);
    }
    if (v === 0) break;
    s += SIXBIT_CHARS[v];
  }
  return trim ? s.replace(/ +$/, '') : s;
}

describe('AIS 6-bit text', () => {
  it('reads names the same at every bit offset, with padding, spaces and odd lengths', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 40, maxLength: 40 }).map((b) => {
          const bytes = new Uint8Array(48); // the bit buffer's zero padding
          bytes.set(b);
          return bytes;
        }),
        fc.nat(100),
        fc.nat(35),
        fc.boolean(),
        (bytes, start, count, trim) => {
          expect(sixbitText(bytes, start, count, trim)).toBe(reference(bytes, start, count, trim));
        },
      ),
      { numRuns: 3000 },
    );
  });
});
