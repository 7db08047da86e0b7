import { z } from 'zod';

/**
 * Intervals for shares of crew, the way survey statisticians report them.
 * Everything here is a pure function of counts; the hub and the device call
 * the same code so both show the same figures.
 */

/** The 97.5th percentile of the standard normal: a two-sided 95 % interval. */
export const Z95 = 1.959963984540054;

export const Interval = z.object({ lo: z.number(), hi: z.number() });
export type Interval = z.infer<typeof Interval>;

/**
 * Wilson score interval for x successes in n trials (Wilson 1927). Unlike the
 * "p ± 1.96·SE" (Wald) interval it stays inside [0, 1], is not zero-width at
 * 0 or n, and keeps close to its nominal 95 % coverage for small n, which is
 * what a port with a dozen interviews has (Brown, Cai & DasGupta 2001).
 * n = 0 says nothing: the interval is the whole [0, 1].
 */
export function wilson(x: number, n: number, z = Z95): Interval {
  if (!Number.isInteger(x) || !Number.isInteger(n) || n < 0 || x < 0 || x > n) throw new RangeError(`wilson(${x}, ${n}): need whole numbers 0 <= x <= n`);
  if (n === 0) return { lo: 0, hi: 1 };
  const p = x / n;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  // Exact ends at 0 and n (the formula gives them up to rounding).
  return { lo: x === 0 ? 0 : Math.max(0, centre - half), hi: x === n ? 1 : Math.min(1, centre + half) };
}

/**
 * 95 % interval for the difference of two independent proportions
 * p2 − p1 ("after" minus "before"), by Newcombe's hybrid score method
 * (Newcombe 1998, "Interval estimation for the difference between independent
 * proportions", method 10): each proportion's Wilson interval, combined by
 * the square-root rule. It keeps good coverage with small or extreme counts,
 * where the Wald interval for a difference fails.
 */
export function newcombeDifference(x1: number, n1: number, x2: number, n2: number, z = Z95): Interval & { difference: number } {
  const p1 = n1 === 0 ? 0 : x1 / n1;
  const p2 = n2 === 0 ? 0 : x2 / n2;
  const a = wilson(x1, n1, z);
  const b = wilson(x2, n2, z);
  const d = p2 - p1;
  return {
    difference: d,
    lo: d - Math.sqrt((p2 - b.lo) ** 2 + (a.hi - p1) ** 2),
    hi: d + Math.sqrt((b.hi - p2) ** 2 + (p1 - a.lo) ** 2),
  };
}

export const Direction = z.enum(['fell', 'rose', 'no_clear_change']);
export type Direction = z.infer<typeof Direction>;

/** A change is called only when its whole interval is on one side of zero. */
export function directionOf(interval: Interval): Direction {
  if (interval.hi < 0) return 'fell';
  if (interval.lo > 0) return 'rose';
  return 'no_clear_change';
}
