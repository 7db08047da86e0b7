import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bitsHex } from '../../../shared/ais/bits';

/** gpsd's "data" by definition: bit by bit, whole bytes, the last one padded with zeros when masked, else with the bits that follow. */
function reference(bytes: Uint8Array, start: number, count: number, maskLast: boolean): string {
  let s = '';
  for (let at = 0; at < count; at += 8) {
    let v = 0;
    for (let k = 0; k < 8; k++) {
      const bit = start + at + k;
      const inside = !maskLast || at + k < count;
      v = (v << 1) | (inside ? (bytes[bit >> 3]! >> (7 - (bit & 7))) & 1 : 0);
    }
    s += v.toString(16).padStart(2, '0');
  }
  return s;
}

describe('binary payloads as hex', () => {
  it('prints short and long payloads alike, masked or not, at any bit offset', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 160, maxLength: 160 }), fc.nat(120), fc.nat(1100), fc.boolean(), (raw, start, count, mask) => {
        const bytes = new Uint8Array(170);
        bytes.set(raw);
        expect(bitsHex(bytes, start, count, mask)).toBe(reference(bytes, start, count, mask));
      }),
      { numRuns: 2000 },
    );
  });
});
