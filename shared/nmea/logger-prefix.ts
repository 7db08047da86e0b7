/**
 * A logger's timestamp before the sentence, as Python's logging and many capture
 * scripts write it: `2019-01-03 10:11:12,345: !AIVDM,…` (also with `T`, `.` for the
 * fraction, a trailing `Z`, no colon). gpsd skips such prefixes; we read the time too.
 * The prefix carries no zone: it is taken as UTC, as loggers on receivers are set.
 */
const PREFIX = /^(\d{4})-(\d\d)-(\d\d)[ T](\d\d):(\d\d):(\d\d)(?:[.,](\d{1,6}))?Z?:?\s*(?=[$!\\])/;

export interface LoggerPrefix {
  /** Where the sentence starts. */
  rest: number;
  /** Unix ms, or undefined when the date or time is not a real one. */
  t: number | undefined;
}

export function loggerPrefix(line: string): LoggerPrefix | undefined {
  const c = line.charCodeAt(0);
  if (c < 48 || c > 57) return undefined;
  const m = PREFIX.exec(line);
  if (!m) return undefined;
  const [y, mo, d, h, mi, s] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const ms = m[7] ? Math.round(Number(`0.${m[7]}`) * 1000) : 0;
  const t = Date.UTC(y, mo - 1, d, h, mi, s, ms);
  const real = mo >= 1 && mo <= 12 && d >= 1 && d <= 31 && h < 24 && mi < 60 && s < 61 && new Date(t).getUTCDate() === d;
  return { rest: m[0].length, t: real ? t : undefined };
}
