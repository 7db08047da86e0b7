/**
 * Splits a byte stream into text lines. NMEA 0183 ends sentences with CR LF, but
 * many receivers and logs use LF alone; both are accepted and CR is stripped.
 * A line that never ends is cut at `maxLength` so noise cannot grow memory.
 */
export class LineSplitter {
  private pending = '';

  constructor(
    private readonly onLine: (line: string) => void,
    private readonly maxLength = 4096,
  ) {}

  push(chunk: string): void {
    let text = this.pending + chunk;
    let start = 0;
    for (let nl = text.indexOf('\n', start); nl !== -1; nl = text.indexOf('\n', start)) {
      const end = nl > start && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
      if (end > start) this.onLine(text.slice(start, end));
      start = nl + 1;
    }
    text = text.slice(start);
    if (text.length > this.maxLength) {
      this.onLine(text);
      text = '';
    }
    this.pending = text;
  }

  /** The last line of a stream may lack its newline. */
  end(): void {
    const rest = this.pending.endsWith('\r') ? this.pending.slice(0, -1) : this.pending;
    this.pending = '';
    if (rest.length > 0) this.onLine(rest);
  }
}
