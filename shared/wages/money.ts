/**
 * Amounts are integers in minor units (satang for THB, cents for USD), so sums
 * over thousands of rows are exact; a float would drift by a satang here and there
 * and a shortfall must match to the satang.
 */

export type AmountResult = { ok: true; value: number } | { ok: false; reason: string };

export interface AmountFormat {
  /** '.' in Thai and English exports; ',' in some European ones. */
  decimal: '.' | ',';
}

// Currency marks banks put into amount cells: THB, the baht sign, the Thai word for baht.
const CURRENCY_MARKS = /(THB|USD|EUR|MMK|KHR|฿|บาท|\$|€)/gi;

// Thousands separators must sit every three digits; "1,23.00" is a typo, not 123.
const DOT = { grouped: /^\d{1,3}(,\d{3})+(\.\d+)?$/, plain: /^\d+(\.\d+)?$/ };
const FAST = /^(\d{1,3}(,\d{3})+|\d{1,12})(\.\d{1,2})?$/;
const COMMA = { grouped: /^\d{1,3}(\.\d{3})+(,\d+)?$/, plain: /^\d+(,\d+)?$/ };

/**
 * Reads an amount the way statements write it: "1,234.50", "(1,234.50)" for a debit,
 * "-1234.5", "1234.50-", "1,234.50 DR", "฿12,000". Empty text is not an amount.
 */
export function parseAmount(text: string, format: AmountFormat = { decimal: '.' }): AmountResult {
  // Fast path for the common "11,500.00": most statement cells look like this.
  if (format.decimal === '.' && FAST.test(text)) {
    const dot = text.indexOf('.');
    const whole = dot < 0 ? text : text.slice(0, dot);
    const frac = dot < 0 ? '' : text.slice(dot + 1);
    return { ok: true, value: Number(whole.replaceAll(',', '')) * 100 + Number(frac.padEnd(2, '0')) };
  }
  let s = text.trim().replace(CURRENCY_MARKS, '').replace(/\s+/g, '');
  if (s === '') return { ok: false, reason: 'is empty' };
  let negative = false;
  if (/^\(.*\)$/.test(s)) {
    negative = true;
    s = s.slice(1, -1);
  }
  const drcr = /^(.*?)(DR|CR)$/i.exec(s);
  if (drcr) {
    negative = negative || drcr[2]!.toUpperCase() === 'DR';
    s = drcr[1]!;
  }
  if (s.startsWith('-')) {
    negative = !negative;
    s = s.slice(1);
  } else if (s.endsWith('-')) {
    negative = !negative;
    s = s.slice(0, -1);
  } else if (s.startsWith('+')) s = s.slice(1);
  const thousands = format.decimal === '.' ? ',' : '.';
  const { grouped, plain } = format.decimal === '.' ? DOT : COMMA;
  if (!grouped.test(s) && !plain.test(s)) return { ok: false, reason: `"${text.trim()}" is not an amount` };
  const [whole = '0', fraction = ''] = s.split(thousands).join('').split(format.decimal);
  if (fraction.length > 2) return { ok: false, reason: `"${text.trim()}" has more than two decimals` };
  const value = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  if (!Number.isSafeInteger(value)) return { ok: false, reason: `"${text.trim()}" is too large` };
  return { ok: true, value: negative ? -value : value };
}

/** 1234550 → "12,345.50" (for messages a person reads). */
export function formatMinor(minor: number): string {
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(minor);
  // Grouped by hand: toLocaleString goes through ICU and is slow in a loop over thousands of flags.
  const whole = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${whole}.${String(abs % 100).padStart(2, '0')}`;
}
