/**
 * Which sums can be worked out from which published sums: linear algebra
 * over the finest cells ("base cells"). A published figure is a sum of base
 * cells; someone holding every published figure can compute exactly the
 * combinations in their span, and no other.
 */

const EPS = 1e-9;

/** Row echelon form built one row at a time; a row is the list of base cells it sums. */
export class Span {
  private readonly rows: Float64Array[] = [];
  private readonly pivots: number[] = [];

  constructor(private readonly width: number) {}

  private dense(cells: readonly number[]): Float64Array {
    const v = new Float64Array(this.width);
    for (const c of cells) v[c]! += 1;
    return v;
  }

  /** Subtracts every pivot row from v (each row is zero in the pivots of the rows before it). */
  private reduce(v: Float64Array): void {
    for (let i = 0; i < this.rows.length; i++) {
      const p = this.pivots[i]!;
      const f = v[p]!;
      if (Math.abs(f) < EPS) continue;
      const row = this.rows[i]!;
      for (let j = 0; j < this.width; j++) if (row[j] !== 0) v[j]! -= f * row[j]!;
    }
  }

  add(cells: readonly number[]): void {
    const v = this.dense(cells);
    this.reduce(v);
    let p = -1;
    let best = EPS;
    for (let j = 0; j < this.width; j++) {
      const a = Math.abs(v[j]!);
      if (a > best) {
        best = a;
        p = j;
      }
    }
    if (p < 0) return;
    const f = v[p]!;
    for (let j = 0; j < this.width; j++) v[j]! /= f;
    this.rows.push(v);
    this.pivots.push(p);
  }

  /** True when the sum over `cells` can be computed from the rows added so far. */
  contains(cells: readonly number[]): boolean {
    const v = this.dense(cells);
    this.reduce(v);
    for (let j = 0; j < this.width; j++) if (Math.abs(v[j]!) > 1e-7) return false;
    return true;
  }
}
