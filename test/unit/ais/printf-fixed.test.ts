import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { printfFixed } from '../../../shared/ais/field';

/** C's printf("%.Nf") from the exact decimal expansion, ties to even: the oracle, slow on purpose. */
function exact(value: number, digits: number): string {
  const negative = value < 0 || Object.is(value, -0);
  const full = Math.abs(value).toFixed(100);
  const dot = full.indexOf('.');
  const digitsAll = full.slice(0, dot) + full.slice(dot + 1);
  let kept = BigInt(digitsAll.slice(0, dot + digits));
  const rest = digitsAll.slice(dot + digits);
  const half = rest[0]! > '5' || (rest[0] === '5' && (/[1-9]/.test(rest.slice(1)) || kept % 2n === 1n));
  if (half) kept += 1n;
  const s = kept.toString().padStart(digits + 1, '0');
  const body = digits ? `${s.slice(0, s.length - digits)}.${s.slice(s.length - digits)}` : s;
  return (negative ? '-' : '') + body;
}

describe('printfFixed (gpsd prints numbers with C printf)', () => {
  it('matches C on random doubles of AIS magnitudes and on exact ties', () => {
    const digits = fc.integer({ min: 0, max: 6 });
    const anyValue = fc.double({ min: -1e7, max: 1e7, noNaN: true });
    // Exact ties at d decimals: odd multiples of 2^-(d+1), as -569.40625 at 4 decimals.
    const tie = fc.tuple(fc.integer({ min: -2_000_000, max: 2_000_000 }), digits).map(([n, d]) => [(2 * n + 1) / 2 ** (d + 1), d] as const);
    fc.assert(fc.property(anyValue, digits, (v, d) => {
      expect(printfFixed(v, d)).toBe(exact(v, d));
    }), { numRuns: 3000 });
    fc.assert(fc.property(tie, ([v, d]) => {
      expect(printfFixed(v, d)).toBe(exact(v, d));
    }), { numRuns: 3000 });
    expect(printfFixed(-569.40625, 4)).toBe('-569.4062');
    expect(printfFixed(-0, 1)).toBe('-0.0');
  });
});
