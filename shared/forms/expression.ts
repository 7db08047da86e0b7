import { GangwayError } from '../errors';
import { regexMatches } from './regex';

/**
 * The subset of XPath that XLSForm authors write in `relevant`, `constraint`,
 * `required` and `repeat_count` (ODK XForms spec, "XPath operators" and
 * "Functions"): `${name}` references, `.` for the current answer, string and
 * number literals, or/and, comparisons, + - * div mod, and the common functions.
 * Parsed once into a tree, evaluated many times.
 */

export type Value = string | number | boolean | string[] | null;

export type Expr =
  | { t: 'lit'; v: string | number }
  | { t: 'ref'; name: string }
  | { t: 'self' }
  | { t: 'neg'; e: Expr }
  | { t: 'bin'; op: BinOp; l: Expr; r: Expr }
  | { t: 'call'; fn: string; args: Expr[] };

type BinOp = 'or' | 'and' | '=' | '!=' | '<' | '<=' | '>' | '>=' | '+' | '-' | '*' | 'div' | 'mod';

const FUNCTIONS: Record<string, [min: number, max: number]> = {
  'selected': [2, 2],
  'count-selected': [1, 1],
  'not': [1, 1],
  'string-length': [1, 1],
  'number': [1, 1],
  'string': [1, 1],
  'int': [1, 1],
  'today': [0, 0],
  'true': [0, 0],
  'false': [0, 0],
  'if': [3, 3],
  'concat': [1, 20],
  'regex': [2, 2],
  'coalesce': [2, 2],
  'contains': [2, 2],
  'starts-with': [2, 2],
};

type Token = { k: 'num'; v: number } | { k: 'str'; v: string } | { k: 'ref'; v: string } | { k: 'op'; v: string } | { k: 'name'; v: string };

function fail(source: string, why: string): never {
  throw new GangwayError('VALIDATION', `The expression "${source}" cannot be read: ${why}.`);
}

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (/\s/.test(c)) {
      i++;
    } else if (c === '$' && src[i + 1] === '{') {
      const end = src.indexOf('}', i);
      if (end < 0) fail(src, 'a ${ is not closed');
      const name = src.slice(i + 2, end).trim();
      if (!/^[A-Za-z_][A-Za-z0-9_.-]*$/.test(name)) fail(src, `"\${${name}}" is not a question name`);
      out.push({ k: 'ref', v: name });
      i = end + 1;
    } else if (c === "'" || c === '"') {
      const end = src.indexOf(c, i + 1);
      if (end < 0) fail(src, 'a quote is not closed');
      out.push({ k: 'str', v: src.slice(i + 1, end) });
      i = end + 1;
    } else if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(src[i + 1] ?? ''))) {
      const m = /^[0-9]*\.?[0-9]+(?:[eE][-+]?[0-9]+)?|^[0-9]+/.exec(src.slice(i))!;
      out.push({ k: 'num', v: Number(m[0]) });
      i += m[0].length;
    } else if (c === '!' && src[i + 1] === '=') {
      out.push({ k: 'op', v: '!=' });
      i += 2;
    } else if ((c === '<' || c === '>') && src[i + 1] === '=') {
      out.push({ k: 'op', v: c + '=' });
      i += 2;
    } else if ('=<>+-*(),.'.includes(c)) {
      out.push({ k: 'op', v: c });
      i++;
    } else if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][A-Za-z0-9_-]*/.exec(src.slice(i))!;
      out.push({ k: 'name', v: m[0] });
      i += m[0].length;
    } else {
      fail(src, `unexpected "${c}"`);
    }
  }
  return out;
}

const PRECEDENCE: Record<string, number> = { 'or': 1, 'and': 2, '=': 3, '!=': 3, '<': 4, '<=': 4, '>': 4, '>=': 4, '+': 5, '-': 5, '*': 6, 'div': 6, 'mod': 6 };

export function parseExpression(src: string): Expr {
  const tokens = tokenize(src);
  let pos = 0;
  const peek = () => tokens[pos];
  const isOp = (t: Token | undefined, v: string) => t !== undefined && (t.k === 'op' || t.k === 'name') && t.v === v;

  function binaryOp(t: Token | undefined): string | null {
    if (!t) return null;
    if (t.k === 'op' && t.v in PRECEDENCE) return t.v;
    if (t.k === 'name' && (t.v === 'or' || t.v === 'and' || t.v === 'div' || t.v === 'mod')) return t.v;
    return null;
  }

  function primary(): Expr {
    const t = tokens[pos++];
    if (!t) fail(src, 'it ends too early');
    if (t.k === 'num') return { t: 'lit', v: t.v };
    if (t.k === 'str') return { t: 'lit', v: t.v };
    if (t.k === 'ref') return { t: 'ref', name: t.v };
    if (t.k === 'op' && t.v === '.') return { t: 'self' };
    if (t.k === 'op' && t.v === '-') return { t: 'neg', e: unary() };
    if (t.k === 'op' && t.v === '(') {
      const e = binary(0);
      if (!isOp(tokens[pos++], ')')) fail(src, 'a ( is not closed');
      return e;
    }
    if (t.k === 'name' && isOp(peek(), '(')) {
      pos++;
      const args: Expr[] = [];
      if (!isOp(peek(), ')')) {
        for (;;) {
          args.push(binary(0));
          if (isOp(peek(), ',')) pos++;
          else break;
        }
      }
      if (!isOp(tokens[pos++], ')')) fail(src, `the call to ${t.v}( is not closed`);
      const arity = FUNCTIONS[t.v];
      if (!arity) fail(src, `Gangway does not know the function ${t.v}()`);
      if (args.length < arity[0] || args.length > arity[1]) fail(src, `${t.v}() takes ${arity[0] === arity[1] ? arity[0] : `${arity[0]} to ${arity[1]}`} arguments`);
      return { t: 'call', fn: t.v, args };
    }
    return fail(src, `unexpected "${t.v}"`);
  }

  function unary(): Expr {
    return primary();
  }

  function binary(minPrec: number): Expr {
    let left = unary();
    for (;;) {
      const op = binaryOp(peek());
      if (!op) return left;
      const prec = PRECEDENCE[op]!;
      if (prec <= minPrec) return left;
      pos++;
      const right = binary(prec);
      left = { t: 'bin', op: op as BinOp, l: left, r: right };
    }
  }

  if (tokens.length === 0) fail(src, 'it is empty');
  const e = binary(0);
  if (pos < tokens.length) fail(src, `unexpected "${String(tokens[pos]!.v)}"`);
  return e;
}

/** Every `${name}` an expression refers to (for broken-reference checks). */
export function references(e: Expr): string[] {
  switch (e.t) {
    case 'ref':
      return [e.name];
    case 'neg':
      return references(e.e);
    case 'bin':
      return [...references(e.l), ...references(e.r)];
    case 'call':
      return e.args.flatMap(references);
    default:
      return [];
  }
}

export interface Scope {
  resolve(name: string): Value;
  self: Value;
  today: string;
}

function toNumber(v: Value): number {
  if (v === null || v === '') return NaN;
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (Array.isArray(v)) return NaN;
  // ODK XForms: a date converts to the number of days since 1970-01-01, so `. <= today()` compares dates.
  if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return Date.parse(`${v}T00:00:00Z`) / 86_400_000;
  return Number(v);
}

function toStr(v: Value): string {
  if (v === null) return '';
  if (Array.isArray(v)) return v.join(' ');
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return String(v);
}

export function toBoolean(v: Value): boolean {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0 && !Number.isNaN(v);
  if (Array.isArray(v)) return v.length > 0;
  return v !== null && v !== '';
}

function compare(op: BinOp, a: Value, b: Value): boolean {
  // XPath 1.0 §3.4: booleans compare as booleans, then numbers if either side is one, else strings.
  if (typeof a === 'boolean' || typeof b === 'boolean') {
    const x = toBoolean(a);
    const y = toBoolean(b);
    if (op === '=') return x === y;
    if (op === '!=') return x !== y;
  }
  const numeric = typeof a === 'number' || typeof b === 'number' || !['=', '!='].includes(op);
  if (numeric) {
    const x = toNumber(a);
    const y = toNumber(b);
    // An empty answer is NaN: it satisfies no comparison but `!=` (XPath 1.0 §4.4).
    if (Number.isNaN(x) || Number.isNaN(y)) return op === '!=';
    switch (op) {
      case '=':
        return x === y;
      case '!=':
        return x !== y;
      case '<':
        return x < y;
      case '<=':
        return x <= y;
      case '>':
        return x > y;
      default:
        return x >= y;
    }
  }
  return op === '=' ? toStr(a) === toStr(b) : toStr(a) !== toStr(b);
}

export function evaluate(e: Expr, scope: Scope): Value {
  switch (e.t) {
    case 'lit':
      return e.v;
    case 'ref':
      return scope.resolve(e.name);
    case 'self':
      return scope.self;
    case 'neg':
      return -toNumber(evaluate(e.e, scope));
    case 'bin': {
      if (e.op === 'or') return toBoolean(evaluate(e.l, scope)) || toBoolean(evaluate(e.r, scope));
      if (e.op === 'and') return toBoolean(evaluate(e.l, scope)) && toBoolean(evaluate(e.r, scope));
      const l = evaluate(e.l, scope);
      const r = evaluate(e.r, scope);
      switch (e.op) {
        case '+':
          return toNumber(l) + toNumber(r);
        case '-':
          return toNumber(l) - toNumber(r);
        case '*':
          return toNumber(l) * toNumber(r);
        case 'div':
          return toNumber(l) / toNumber(r);
        case 'mod':
          return toNumber(l) % toNumber(r);
        default:
          return compare(e.op, l, r);
      }
    }
    case 'call': {
      const a = e.args.map((x) => evaluate(x, scope));
      const list = (v: Value) => (Array.isArray(v) ? v : toStr(v).split(' ').filter(Boolean));
      switch (e.fn) {
        case 'selected':
          return list(a[0] ?? null).includes(toStr(a[1] ?? null));
        case 'count-selected':
          return list(a[0] ?? null).length;
        case 'not':
          return !toBoolean(a[0] ?? null);
        case 'string-length':
          return toStr(a[0] ?? null).length;
        case 'number':
          return toNumber(a[0] ?? null);
        case 'int':
          return Math.trunc(toNumber(a[0] ?? null));
        case 'string':
          return toStr(a[0] ?? null);
        case 'today':
          return scope.today;
        case 'true':
          return true;
        case 'false':
          return false;
        case 'if':
          return toBoolean(a[0] ?? null) ? (a[1] ?? null) : (a[2] ?? null);
        case 'concat':
          return a.map(toStr).join('');
        case 'regex':
          return regexMatches(toStr(a[0] ?? null), toStr(a[1] ?? null));
        case 'coalesce':
          return toStr(a[0] ?? null) !== '' ? (a[0] ?? null) : (a[1] ?? null);
        case 'contains':
          return toStr(a[0] ?? null).includes(toStr(a[1] ?? null));
        case 'starts-with':
          return toStr(a[0] ?? null).startsWith(toStr(a[1] ?? null));
        default:
          return null;
      }
    }
  }
}
