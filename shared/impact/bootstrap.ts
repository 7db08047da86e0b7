import type { Interval } from './intervals';

/**
 * A small seeded generator (mulberry32, public domain by Tommy Ettinger):
 * the same seed gives the same resamples, so a published interval can be
 * reproduced by anyone with the same figures.
 */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One audit's contribution to a money figure: an amount over a number of crew. */
export interface Cluster {
  amount: number;
  crew: number;
}

export const BOOTSTRAP_RESAMPLES = 2000;
export const BOOTSTRAP_SEED = 17;

const ratio = (sample: readonly Cluster[]): number => {
  let a = 0;
  let c = 0;
  for (const s of sample) {
    a += s.amount;
    c += s.crew;
  }
  return c === 0 ? 0 : a / c;
};

function resample(clusters: readonly Cluster[], random: () => number): Cluster[] {
  const out: Cluster[] = new Array(clusters.length);
  for (let i = 0; i < clusters.length; i++) out[i] = clusters[Math.floor(random() * clusters.length)]!;
  return out;
}

function percentile(sorted: readonly number[], q: number): number {
  const at = q * (sorted.length - 1);
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (at - lo);
}

/**
 * Money per crew member (sum of amounts / sum of crew) with a 95 % percentile
 * bootstrap interval. The unit resampled is the audit, not the crew member:
 * wages are withheld vessel by vessel, so crew of one vessel are not
 * independent (a cluster bootstrap, Davison & Hinkley 1997, ch. 3.8).
 */
export function perCrewInterval(clusters: readonly Cluster[], options: { resamples?: number; seed?: number } = {}): Interval & { value: number } {
  const value = ratio(clusters);
  if (clusters.length < 2) return { value, lo: value, hi: value };
  const random = seededRandom(options.seed ?? BOOTSTRAP_SEED);
  const stats: number[] = [];
  for (let b = 0; b < (options.resamples ?? BOOTSTRAP_RESAMPLES); b++) stats.push(ratio(resample(clusters, random)));
  stats.sort((x, y) => x - y);
  return { value, lo: percentile(stats, 0.025), hi: percentile(stats, 0.975) };
}

/**
 * The change in money per crew member between two periods (after − before),
 * with a 95 % percentile bootstrap interval: each period's audits resampled
 * independently, B = 2000, fixed seed. A period with fewer than two audits
 * has no spread to resample; its interval is then unbounded and no direction
 * can be called.
 */
export function perCrewDifference(before: readonly Cluster[], after: readonly Cluster[], options: { resamples?: number; seed?: number } = {}): Interval & { difference: number } {
  const difference = ratio(after) - ratio(before);
  if (before.length < 2 || after.length < 2) return { difference, lo: -Infinity, hi: Infinity };
  const random = seededRandom(options.seed ?? BOOTSTRAP_SEED);
  const stats: number[] = [];
  for (let b = 0; b < (options.resamples ?? BOOTSTRAP_RESAMPLES); b++) stats.push(ratio(resample(after, random)) - ratio(resample(before, random)));
  stats.sort((x, y) => x - y);
  return { difference, lo: percentile(stats, 0.025), hi: percentile(stats, 0.975) };
}
