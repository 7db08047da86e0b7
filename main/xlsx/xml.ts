import { SaxesParser } from 'saxes';

/**
 * A streaming XML reader for OOXML parts (saxes: strict, well-formedness
 * checked, and four times faster than sax here). Element names come without
 * their prefix, because some writers emit `<x:row>` where Excel writes `<row>`.
 * An exception thrown by a handler stops the part and rejects its read.
 */
export interface XmlHandlers {
  open?(name: string, attrs: Record<string, string>): void;
  text?(text: string): void;
  close?(name: string): void;
}

const local = (name: string) => {
  const i = name.indexOf(':');
  return i < 0 ? name : name.slice(i + 1);
};

export function xmlReader(h: XmlHandlers): { write(text: string): void; end(): void } {
  const parser = new SaxesParser({ position: false });
  let failure: unknown;
  parser.on('error', (e) => {
    failure ??= e;
  });
  if (h.open) parser.on('opentag', (tag) => h.open!(local(tag.name), tag.attributes as Record<string, string>));
  if (h.close) parser.on('closetag', (tag) => h.close!(local(tag.name)));
  if (h.text) {
    parser.on('text', h.text);
    parser.on('cdata', h.text);
  }
  const check = () => {
    if (failure) throw failure;
  };
  return {
    write(text) {
      parser.write(text);
      check();
    },
    end() {
      parser.close();
      check();
    },
  };
}

/** OOXML escapes characters XML cannot hold as `_xHHHH_` (ECMA-376 part 1, 22.9.2.19, ST_Xstring). */
export function unescapeXstring(s: string): string {
  return s.includes('_x') ? s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : s;
}
