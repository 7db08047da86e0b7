/**
 * An independent check of what a reader can compute from published sums:
 * exact rank over the integers (fraction-free elimination with BigInt), so it
 * shares no code and no rounding with shared/impact/span.ts.
 */
function rank(rows: bigint[][]): number {
  const m = rows.map((r) => [...r]);
  let r = 0;
  const width = m[0]?.length ?? 0;
  for (let c = 0; c < width && r < m.length; c++) {
    const p = m.findIndex((row, i) => i >= r && row[c] !== 0n);
    if (p < 0) continue;
    [m[r], m[p]] = [m[p]!, m[r]!];
    for (let i = 0; i < m.length; i++) {
      if (i === r || m[i]![c] === 0n) continue;
      const a = m[r]![c]!;
      const b = m[i]![c]!;
      m[i] = m[i]!.map((v, j) => v * a - m[r]![j]! * b);
    }
    r++;
  }
  return r;
}

const vector = (cells: readonly number[], width: number): bigint[] => {
  const v = new Array<bigint>(width).fill(0n);
  for (const c of cells) v[c]! += 1n;
  return v;
};

/** True when the sum over `target` follows from the published sums. */
export function derivable(published: readonly (readonly number[])[], target: readonly number[], width: number): boolean {
  const rows = published.map((p) => vector(p, width));
  return rank(rows) === rank([...rows, vector(target, width)]);
}
