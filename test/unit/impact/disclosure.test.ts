import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dominated, protect, thresholdReason, type ProtectedItem } from '../../../shared/impact/disclosure';
import { derivable } from './leak-oracle';

/** A rows × cols table of base cells with every row, column and the grand total published. */
function table(n: number[][]): { items: ProtectedItem[]; width: number; cell: (r: number, c: number) => number } {
  const rows = n.length;
  const cols = n[0]!.length;
  const cell = (r: number, c: number) => r * cols + c;
  const items: ProtectedItem[] = [];
  const add = (cells: number[], published = true) => {
    const weight = cells.reduce((s, c) => s + n[Math.floor(c / cols)]![c % cols]!, 0);
    items.push({ cells, published, primary: thresholdReason(weight), n: weight });
  };
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) add([cell(r, c)]);
  if (cols > 1) for (let r = 0; r < rows; r++) add(Array.from({ length: cols }, (_, c) => cell(r, c)));
  if (rows > 1) for (let c = 0; c < cols; c++) add(Array.from({ length: rows }, (_, r) => cell(r, c)));
  add(Array.from({ length: rows * cols }, (_, i) => i));
  return { items, width: rows * cols, cell };
}

function leaks(items: readonly ProtectedItem[], status: readonly (string | null)[], width: number): number[] {
  const published = items.filter((i, at) => i.published && status[at] === null).map((i) => i.cells);
  return items.flatMap((i, at) => ((status[at] !== null || (!i.published && i.primary !== null)) && derivable(published, i.cells, width) ? [at] : []));
}

describe('disclosure control: small cells are withheld and cannot be worked out from totals', () => {
  it('one port with 3 crew interviewed: the total would give it away, so a second port is withheld', () => {
    const { items, width } = table([[3, 20, 25]]);
    const status = protect(items, width);
    expect(status.slice(0, 3)).toEqual(['fewer_than_5_interviewed', 'complementary', null]);
    expect(status[3]).toBeNull(); // the total of 48 stays published
    expect(leaks(items, status, width)).toEqual([]);
  });

  it('one small cell in a port × month table takes a rectangle of four withheld cells with it', () => {
    const { items, width, cell } = table([
      [2, 40, 30],
      [35, 50, 45],
      [20, 60, 70],
    ]);
    const status = protect(items, width);
    const withheld = items.flatMap((i, at) => (status[at] && i.cells.length === 1 ? [i.cells[0]] : []));
    expect(withheld).toContain(cell(0, 0));
    expect(withheld.length).toBeGreaterThanOrEqual(4);
    expect(leaks(items, status, width)).toEqual([]);
  });

  it('a before/after total cutting across the months cannot be used to recover a withheld month', () => {
    // months 1-4 at one port; months 1-2 are "before", 3-4 "after"; month 1 and 3 are small.
    const n = [3, 30, 4, 40];
    const items: ProtectedItem[] = n.map((w, c) => ({ cells: [c], published: true, primary: thresholdReason(w), n: w }));
    items.push({ cells: [0, 1, 2, 3], published: true, primary: null, n: 77 }); // the port's year
    items.push({ cells: [0, 1], published: true, primary: null, n: 33 }); // before
    items.push({ cells: [2, 3], published: true, primary: null, n: 44 }); // after
    const status = protect(items, 4);
    expect(status[0]).toBe('fewer_than_5_interviewed');
    expect(status[2]).toBe('fewer_than_5_interviewed');
    expect(leaks(items, status, 4)).toEqual([]);
    // Without the period totals, months 1 and 3 would protect each other against the year total alone.
    expect(protect(items.slice(0, 5), 4).filter((s) => s === 'complementary')).toEqual([]);
  });

  it('an unpublished small base cell is not recoverable as a difference of published totals', () => {
    // Ports A and B are published only as their sum and as "A", but base cell B (n = 2) is what the difference gives.
    const items: ProtectedItem[] = [
      { cells: [0], published: true, primary: null, n: 40 },
      { cells: [0, 1], published: true, primary: null, n: 42 },
      { cells: [1], published: false, primary: 'fewer_than_5_interviewed', n: 2 },
    ];
    const status = protect(items, 2);
    expect(status.filter(Boolean).length).toBe(1);
    expect(leaks(items, status, 2)).toEqual([]);
  });

  it('any table, however its small cells fall, leaks none of them (checked by exact rank over the integers)', () => {
    const tables = fc
      .tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 5 }))
      .chain(([r, c]) => fc.array(fc.array(fc.oneof(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 5, max: 60 })), { minLength: c, maxLength: c }), { minLength: r, maxLength: r }));
    fc.assert(
      fc.property(tables, (n) => {
        const { items, width } = table(n);
        const status = protect(items, width);
        items.forEach((i, at) => {
          if (i.primary) expect(status[at]).toBe(i.primary);
        });
        expect(leaks(items, status, width)).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });
});

describe('dominance rule for money', () => {
  it('withholds a sum where two vessels make more than 85 %', () => {
    expect(dominated([900, 50, 30, 20])).toBe(true);
    expect(dominated([500, 360, 100, 40])).toBe(true);
    expect(dominated([400, 300, 200, 100])).toBe(false);
    expect(dominated([0, 0])).toBe(false);
  });

  it('a single vessel is always dominant', () => expect(dominated([1234])).toBe(true));
});
