/**
 * Dates as statements write them. Thai banks print Buddhist-era years
 * (B.E. = C.E. + 543, so 2567 is 2024), often day first, sometimes with a
 * two-digit year ("15/01/67").
 */

export type DateOrder = 'dmy' | 'mdy' | 'ymd';
export type Era = 'auto' | 'buddhist' | 'gregorian';

export type DateResult = { ok: true; value: string } | { ok: false; reason: string };

const BE_OFFSET = 543;

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function toGregorian(year: number, digits: number, era: Era): number {
  if (digits <= 2) {
    if (era === 'buddhist') return 2500 + year - BE_OFFSET;
    if (era === 'gregorian') return 2000 + year;
    // "67" read as 2067 would lie decades in the future; Thai exports mean B.E. 2567.
    return 2000 + year > 2045 ? 2500 + year - BE_OFFSET : 2000 + year;
  }
  if (era === 'buddhist') return year - BE_OFFSET;
  if (era === 'gregorian') return year;
  // No wage record of interest predates 1900 C.E.; 2400 B.E. is 1857 C.E.
  return year >= 2400 ? year - BE_OFFSET : year;
}

function iso(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Reads "15/01/2567", "2024-01-15", "1.15.24" (mdy) into an ISO date, checking the day exists. */
export function parseDate(text: string, order: DateOrder = 'dmy', era: Era = 'auto'): DateResult {
  const s = text.trim();
  if (s === '') return { ok: false, reason: 'is empty' };
  let parts: [string, string, string] | undefined;
  let ord = order;
  const isoLike = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/.exec(s);
  if (isoLike) {
    parts = [isoLike[1]!, isoLike[2]!, isoLike[3]!];
    ord = 'ymd';
  } else {
    const m = /^(\d{1,4})[/.-](\d{1,2})[/.-](\d{1,4})(?:\s.*)?$/.exec(s);
    if (m) parts = [m[1]!, m[2]!, m[3]!];
  }
  if (!parts) return { ok: false, reason: `"${s}" is not a date` };
  const [a, b, c] = parts;
  const [ys, ms, ds] = ord === 'ymd' ? [a, b, c] : ord === 'dmy' ? [c, b, a] : [c, a, b];
  if (ys.length !== 2 && ys.length !== 4) return { ok: false, reason: `"${s}" has no clear year` };
  const year = toGregorian(Number(ys), ys.length, era);
  const month = Number(ms);
  const day = Number(ds);
  if (month < 1 || month > 12) return { ok: false, reason: `"${s}" has no month ${month}` };
  if (day < 1 || day > daysInMonth(year, month)) return { ok: false, reason: `"${s}" does not exist` };
  return { ok: true, value: iso(year, month, day) };
}

/** Reads "08:15", "8.15", "08:15:30" into "08:15:30". */
export function parseTime(text: string): DateResult {
  const m = /^(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?$/.exec(text.trim());
  if (!m) return { ok: false, reason: `"${text.trim()}" is not a time` };
  const [h, mi, se] = [Number(m[1]), Number(m[2]), Number(m[3] ?? 0)];
  if (h > 23 || mi > 59 || se > 59) return { ok: false, reason: `"${text.trim()}" does not exist` };
  return { ok: true, value: `${String(h).padStart(2, '0')}:${String(mi).padStart(2, '0')}:${String(se).padStart(2, '0')}` };
}

/** "2024-01" or "01/2567" or "1/2024" → "2024-01" (a wage period). */
export function parsePeriod(text: string, era: Era = 'auto'): DateResult {
  const s = text.trim();
  const ym = /^(\d{4})-(\d{1,2})$/.exec(s);
  const my = /^(\d{1,2})[/.-](\d{4})$/.exec(s);
  const m = ym ? { y: ym[1]!, mo: ym[2]! } : my ? { y: my[2]!, mo: my[1]! } : undefined;
  if (!m) {
    const full = parseDate(s, 'dmy', era);
    return full.ok ? { ok: true, value: full.value.slice(0, 7) } : { ok: false, reason: `"${s}" is not a month like 2024-01 or 01/2567` };
  }
  const month = Number(m.mo);
  if (month < 1 || month > 12) return { ok: false, reason: `"${s}" has no month ${month}` };
  return { ok: true, value: `${toGregorian(Number(m.y), 4, era)}-${String(month).padStart(2, '0')}` };
}

/** Months from `from` to `to` inclusive, as "YYYY-MM". */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let y = Number(from.slice(0, 4));
  let m = Number(from.slice(5, 7));
  const endY = Number(to.slice(0, 4));
  const endM = Number(to.slice(5, 7));
  while (y < endY || (y === endY && m <= endM)) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
  return out;
}

/** Minutes since 1970 for a local "YYYY-MM-DDTHH:mm:ss" (statements carry no zone; we compare within one). */
export function localMinutes(dateTime: string): number {
  const n = (a: number, b: number) => Number(dateTime.slice(a, b));
  const day = Date.UTC(n(0, 4), n(5, 7) - 1, n(8, 10)) / 60_000;
  return dateTime.length < 16 ? day : day + n(11, 13) * 60 + n(14, 16);
}

export function addDays(date: string, days: number): string {
  const d = new Date(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)) + days));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;
}
