/** Longest line a line reader keeps whole: NMEA 0183 sentences are at most 82 characters, tag blocks add a few dozen. */
export const MAX_LINE = 4096;

/** What a reader tells the user after cutting `count` overlong lines of `source`. */
export function longLinesSentence(count: number, source: string): string {
  return `${count === 1 ? '1 line was' : `${count} lines were`} longer than ${MAX_LINE} bytes and read in pieces of that size, which are not NMEA (a sentence is at most 82 characters); ${source} may be damaged or not an NMEA log.`;
}

/**
 * Splits a byte stream into text lines. NMEA 0183 ends sentences with CR LF, but
 * many receivers and logs use LF alone; both are accepted and CR is stripped.
 * A line longer than `maxLength` is cut into pieces of `maxLength` so noise
 * cannot grow memory; `cut` counts the lines that were, for a sentence to the user.
 */
export class LineSplitter {
  private pending = '';
  /** The line being read was already too long (its start was passed on in pieces). */
  private longLine = false;
  /** Lines longer than `maxLength` seen so far. */
  cut = 0;

  constructor(
    private readonly onLine: (line: string) => void,
    private readonly maxLength = MAX_LINE,
  ) {}

  push(chunk: string): void {
    let text = this.pending + chunk;
    let start = 0;
    for (let nl = text.indexOf('\n', start); nl !== -1; nl = text.indexOf('\n', start)) {
      const end = nl > start && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
      if (end - start > this.maxLength && !this.longLine) this.cut++;
      this.emit(text, start, end);
      this.longLine = false;
      start = nl + 1;
    }
    text = text.slice(start);
    if (text.length > this.maxLength) {
      if (!this.longLine) this.cut++;
      this.longLine = true;
      this.emit(text, 0, text.length);
      text = '';
    }
    this.pending = text;
  }

  /** Passes on text[start, end) in pieces of at most `maxLength`; an empty line is no line. */
  private emit(text: string, start: number, end: number): void {
    for (let at = start; at < end; at += this.maxLength) this.onLine(text.slice(at, Math.min(end, at + this.maxLength)));
  }

  /** The last line of a stream may lack its newline. */
  end(): void {
    const rest = this.pending.endsWith('\r') ? this.pending.slice(0, -1) : this.pending;
    this.pending = '';
    this.emit(rest, 0, rest.length);
    this.longLine = false;
  }
}
