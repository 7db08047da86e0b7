import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { perCrewDifference, perCrewInterval, seededRandom } from '../../../shared/impact/bootstrap';
import { directionOf, newcombeDifference, wilson } from '../../../shared/impact/intervals';

describe('Wilson 95 % intervals', () => {
  // Published values: Newcombe (1998) table I and Brown, Cai & DasGupta (2001).
  it.each([
    [0, 10, 0, 0.2775],
    [1, 10, 0.0179, 0.4042],
    [5, 10, 0.2366, 0.7634],
    [10, 10, 0.7225, 1],
    [81, 263, 0.2553, 0.3662],
    [15, 148, 0.0624, 0.1605],
  ])('%i of %i is [%f, %f]', (x, n, lo, hi) => {
    const i = wilson(x, n);
    expect(i.lo).toBeCloseTo(lo, 4);
    expect(i.hi).toBeCloseTo(hi, 4);
  });

  it('says nothing (0 to 100 %) when nobody was interviewed', () => expect(wilson(0, 0)).toEqual({ lo: 0, hi: 1 }));

  it('two interviews with a signal are not "100 %": the interval reaches down to 34 %', () => expect(wilson(2, 2).lo).toBeCloseTo(0.3424, 4));

  it('always holds the share, stays in [0, 1] and narrows as more crew are interviewed', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5000 }), fc.double({ min: 0, max: 1, noNaN: true }), (n, q) => {
        const x = Math.round(q * n);
        const i = wilson(x, n);
        expect(i.lo).toBeGreaterThanOrEqual(0);
        expect(i.hi).toBeLessThanOrEqual(1);
        expect(i.lo).toBeLessThanOrEqual(x / n + 1e-12);
        expect(i.hi).toBeGreaterThanOrEqual(x / n - 1e-12);
        const wider = wilson(x * 4, n * 4);
        expect(wider.hi - wider.lo).toBeLessThan(i.hi - i.lo + 1e-12);
      }),
    );
  });

  it('refuses counts that are not counts', () => {
    expect(() => wilson(3, 2)).toThrow();
    expect(() => wilson(1.5, 4)).toThrow();
  });
});

describe('programme comparison of two shares (Newcombe hybrid score)', () => {
  // Newcombe (1998) table II, method 10.
  it.each([
    [48, 80, 56, 70, 0.0524, 0.3339],
    [0, 29, 5, 56, -0.0381, 0.1926],
    [0, 20, 0, 10, -0.1611, 0.2775],
  ])('before %i/%i, after %i/%i: the difference lies in [%f, %f]', (x1, n1, x2, n2, lo, hi) => {
    const d = newcombeDifference(x1, n1, x2, n2);
    expect(d.difference).toBeCloseTo(x2 / n2 - x1 / n1, 12);
    expect(d.lo).toBeCloseTo(lo, 4);
    expect(d.hi).toBeCloseTo(hi, 4);
  });

  it('56 of 70 after 48 of 80 before is a rise', () => expect(directionOf(newcombeDifference(48, 80, 56, 70))).toBe('rose'));

  it('calls a fall only when the whole interval is below zero', () => {
    expect(directionOf(newcombeDifference(60, 200, 30, 200))).toBe('fell');
    expect(directionOf(newcombeDifference(3, 10, 2, 10))).toBe('no_clear_change');
    expect(directionOf(newcombeDifference(0, 0, 0, 0))).toBe('no_clear_change');
  });

  it('holds the observed difference, inside [-1, 1], and mirrors when the periods swap', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 400 }), fc.integer({ min: 1, max: 400 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (n1, n2, q1, q2) => {
        const x1 = Math.round(q1 * n1);
        const x2 = Math.round(q2 * n2);
        const d = newcombeDifference(x1, n1, x2, n2);
        expect(d.lo).toBeLessThanOrEqual(d.difference + 1e-12);
        expect(d.hi).toBeGreaterThanOrEqual(d.difference - 1e-12);
        expect(d.lo).toBeGreaterThanOrEqual(-1 - 1e-12);
        expect(d.hi).toBeLessThanOrEqual(1 + 1e-12);
        const m = newcombeDifference(x2, n2, x1, n1);
        expect(m.lo).toBeCloseTo(-d.hi, 10);
        expect(m.hi).toBeCloseTo(-d.lo, 10);
      }),
    );
  });
});

describe('money per crew member (cluster bootstrap by audit)', () => {
  const audits = (amounts: number[], crew = 10) => amounts.map((amount) => ({ amount, crew }));

  it('gives the same interval for the same figures every time (seeded)', () => {
    const a = perCrewInterval(audits([100, 200, 400, 50, 0, 300]));
    const b = perCrewInterval(audits([100, 200, 400, 50, 0, 300]));
    expect(a).toEqual(b);
    expect(a.value).toBeCloseTo(1050 / 60, 10);
    expect(a.lo).toBeLessThan(a.value);
    expect(a.hi).toBeGreaterThan(a.value);
  });

  it('sees a planted rise in withheld wages, and no rise between two draws of the same vessels', () => {
    const random = seededRandom(5);
    const draw = (mean: number) => audits(Array.from({ length: 20 }, () => Math.round(mean * (0.5 + random()))));
    const before = draw(1000);
    const rise = perCrewDifference(before, draw(3000));
    expect(directionOf(rise)).toBe('rose');
    expect(directionOf(perCrewDifference(before, before))).toBe('no_clear_change');
  });

  it('calls no direction when a period has a single audit (no spread to resample)', () => {
    expect(directionOf(perCrewDifference(audits([10]), audits([5000, 6000, 7000])))).toBe('no_clear_change');
  });
});
