import { RE2JS } from 're2js';

/**
 * `regex()` in a form's constraint runs on RE2 (re2js, a pure-JS port), whose
 * matching time grows linearly with the answer, never exponentially: a
 * pattern from an imported XLSForm such as `^(a+)+$` cannot hang an
 * interview. RE2 has no backreferences or lookahead; such a pattern (and any
 * pattern that does not parse) matches nothing, as a broken pattern did before.
 */
const compiled = new Map<string, RE2JS | null>();
const CACHE = 256;

function compile(pattern: string): RE2JS | null {
  if (compiled.has(pattern)) return compiled.get(pattern)!;
  let re: RE2JS | null;
  try {
    re = RE2JS.compile(pattern);
  } catch {
    re = null;
  }
  // Forms hold a handful of patterns; the cap only keeps a pathological form from growing the map.
  if (compiled.size >= CACHE) compiled.delete(compiled.keys().next().value!);
  compiled.set(pattern, re);
  return re;
}

/** True when `pattern` occurs anywhere in `text` (XPath `regex()`, as JavaScript's `test`). */
export function regexMatches(text: string, pattern: string): boolean {
  return compile(pattern)?.matcher(text).find() ?? false;
}
