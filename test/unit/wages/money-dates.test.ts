import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDate, parsePeriod, parseTime } from '../../../shared/wages/dates';
import { formatMinor, parseAmount } from '../../../shared/wages/money';

describe('amounts as statements print them', () => {
  it.each([
    ['1,234.50', 123450],
    ['(1,234.50)', -123450],
    ['-1234.5', -123450],
    ['1234.50-', -123450],
    ['1,234.50 DR', -123450],
    ['500.00 CR', 50000],
    ['฿12,000', 1200000],
    ['12,000 บาท', 1200000],
    ['0.05', 5],
  ])('reads %s', (text, minor) => expect(parseAmount(text)).toEqual({ ok: true, value: minor }));

  it.each(['', 'abc', '1,23.00', '12.345', '1.2.3'])('refuses %j', (text) => expect(parseAmount(text).ok).toBe(false));

  it('reads European decimals when the profile says so', () => {
    expect(parseAmount('1.234,50', { decimal: ',' })).toEqual({ ok: true, value: 123450 });
  });

  it('round-trips any amount through its printed form, to the satang', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e13, max: 1e13 }), fc.boolean(), (minor, parens) => {
        const printed = parens && minor < 0 ? `(${formatMinor(-minor)})` : formatMinor(minor);
        expect(parseAmount(printed)).toEqual({ ok: true, value: minor });
      }),
    );
  });
});

describe('dates as Thai banks print them', () => {
  it('reads Buddhist-era years, four or two digits', () => {
    expect(parseDate('15/01/2567')).toEqual({ ok: true, value: '2024-01-15' });
    expect(parseDate('15/01/67')).toEqual({ ok: true, value: '2024-01-15' });
    expect(parseDate('15-01-2024')).toEqual({ ok: true, value: '2024-01-15' });
    expect(parseDate('2024-01-15')).toEqual({ ok: true, value: '2024-01-15' });
    expect(parseDate('01/15/2024', 'mdy')).toEqual({ ok: true, value: '2024-01-15' });
    expect(parseDate('15/01/24', 'dmy', 'gregorian')).toEqual({ ok: true, value: '2024-01-15' });
  });

  it('knows 29 February 2567 exists (2024 is a leap year) and 29 February 2566 does not', () => {
    expect(parseDate('29/02/2567')).toEqual({ ok: true, value: '2024-02-29' });
    expect(parseDate('29/02/2566')).toEqual({ ok: false, reason: '"29/02/2566" does not exist' });
  });

  it('round-trips every day of 1950–2100 written in B.E., day first', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1950-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true }), (d) => {
        const iso = d.toISOString().slice(0, 10);
        const be = `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${Number(iso.slice(0, 4)) + 543}`;
        expect(parseDate(be)).toEqual({ ok: true, value: iso });
      }),
    );
  });

  it('reads times and wage periods', () => {
    expect(parseTime('9.05')).toEqual({ ok: true, value: '09:05:00' });
    expect(parseTime('24:00').ok).toBe(false);
    expect(parsePeriod('01/2567')).toEqual({ ok: true, value: '2024-01' });
    expect(parsePeriod('2024-12')).toEqual({ ok: true, value: '2024-12' });
    expect(parsePeriod('13/2024').ok).toBe(false);
  });
});
