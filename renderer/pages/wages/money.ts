import { formatMinor } from '../../../shared/wages/money';

/** Minor units → "12,345.50" (or "12,346" with 0 decimals, for axes). */
export function baht(minor: number, decimals: 0 | 2 = 2): string {
  if (decimals === 2) return formatMinor(minor);
  return Math.round(minor / 100).toLocaleString('en-US');
}
