import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvToGrid } from '../../../shared/wages/parse/grid';
import { parseStatementGrid } from '../../../shared/wages/parse/statement-grid';
import { BUILTIN_PROFILES } from '../../../shared/wages/profiles';
import { formatMinor } from '../../../shared/wages/money';

interface Row {
  day: number; // days since 2020-01-01
  minute: number;
  amount: number; // minor, non-zero
  text: string;
}

const row = fc.record({
  day: fc.integer({ min: 0, max: 3000 }),
  minute: fc.integer({ min: 0, max: 1439 }),
  amount: fc.integer({ min: -5_000_000, max: 5_000_000 }).filter((a) => a !== 0),
  text: fc.string({ maxLength: 20 }).map((s) => s.replace(/[\r\n"]/g, ' ')),
});

/** Writes rows the way a Thai bank does: B.E. dates, debit/credit columns, thousands separators, quoted text. */
function render(rows: Row[]): { csv: string; dates: string[]; balances: number[] } {
  let balance = 10_000_000;
  const dates: string[] = [];
  const balances: number[] = [];
  const lines = ['เลขที่บัญชี,123-4-56789-0', 'วันที่,เวลา,รายการ,ถอนเงิน,ฝากเงิน,ยอดคงเหลือ'];
  for (const r of rows) {
    // The parser does not reconcile running balances; growing it keeps it non-negative whatever the debits.
    balance += Math.abs(r.amount);
    const d = new Date(Date.UTC(2020, 0, 1) + r.day * 86_400_000);
    const iso = d.toISOString().slice(0, 10);
    dates.push(`${iso}T${String(Math.floor(r.minute / 60)).padStart(2, '0')}:${String(r.minute % 60).padStart(2, '0')}:00`);
    balances.push(balance);
    const be = `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${d.getUTCFullYear() + 543}`;
    const hm = `${Math.floor(r.minute / 60)}:${String(r.minute % 60).padStart(2, '0')}`;
    const debit = r.amount < 0 ? `"${formatMinor(-r.amount)}"` : '';
    const credit = r.amount > 0 ? `"${formatMinor(r.amount)}"` : '';
    lines.push(`${be},${hm},"${r.text}",${debit},${credit},"${formatMinor(balance)}"`);
  }
  return { csv: lines.join('\r\n'), dates, balances };
}

describe('Thai statement CSV', () => {
  it('reads back every amount, date, time and balance a bank writes, whatever the rows', () => {
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 40 }), (rows) => {
        const { csv, dates, balances } = render(rows);
        const r = parseStatementGrid(csvToGrid(csv), BUILTIN_PROFILES);
        expect(r.issues).toEqual([]);
        expect(r.transactions.map((t) => t.amount)).toEqual(rows.map((x) => x.amount));
        expect(r.transactions.map((t) => t.bookedAt)).toEqual(dates);
        expect(r.transactions.map((t) => t.balance)).toEqual(balances);
        expect(new Set(r.transactions.map((t) => t.identity)).size).toBe(rows.length);
        expect(r.transactions.every((t) => t.account === '1234567890')).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('gives a row the same identity however often it is read, so re-imports add nothing', () => {
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 20 }), (rows) => {
        const { csv } = render(rows);
        const a = parseStatementGrid(csvToGrid(csv), BUILTIN_PROFILES).transactions.map((t) => t.identity);
        const b = parseStatementGrid(csvToGrid(csv), BUILTIN_PROFILES).transactions.map((t) => t.identity);
        expect(b).toEqual(a);
      }),
    );
  });
});
