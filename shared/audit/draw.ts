/**
 * Picks interviewees from a pool with a seed, so the choice can be shown to
 * be random: anyone with the stored seed and pool re-runs this and gets the
 * same people. The generator is sfc32 (Chris Doty-Humphrey's PractRand
 * "small fast chaotic"), seeded from 128 bits of the seed; the pick is a
 * partial Fisher-Yates shuffle with rejection sampling, so every subset of
 * the pool is equally likely.
 */
export function seededRandom(seedHex: string): () => number {
  if (!/^[0-9a-f]{32}$/.test(seedHex)) throw new Error('a draw seed is 32 hex digits (128 bits)');
  let a = parseInt(seedHex.slice(0, 8), 16) >>> 0;
  let b = parseInt(seedHex.slice(8, 16), 16) >>> 0;
  let c = parseInt(seedHex.slice(16, 24), 16) >>> 0;
  let d = parseInt(seedHex.slice(24, 32), 16) >>> 0;
  const next = (): number => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = ((c << 21) | (c >>> 11)) >>> 0;
    c = (c + t) >>> 0;
    return t;
  };
  for (let i = 0; i < 12; i++) next(); // the first outputs of sfc32 still echo the seed
  return next;
}

/** An unbiased integer in [0, n) from 32-bit outputs. */
function below(next: () => number, n: number): number {
  const limit = Math.floor(0x1_0000_0000 / n) * n;
  for (;;) {
    const x = next();
    if (x < limit) return x % n;
  }
}

export function drawFromSeed<T>(seedHex: string, pool: readonly T[], count: number): T[] {
  const next = seededRandom(seedHex);
  const items = [...pool];
  const k = Math.min(count, items.length);
  for (let i = 0; i < k; i++) {
    const j = i + below(next, items.length - i);
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items.slice(0, k);
}
