import { binaryTable } from './binary';
import { FixedNumber, printfFixed, type Composite, type Field, type JsonValue, type MessageTable, type RawMessage } from './field';
import type { AisMessage } from './message';
import { tableFor, STATIC_PARTS } from './tables';

type Pairs = [string, JsonValue][];

/** One field as gpsd prints it when `scaled` is true. */
function render(field: Field, raw: RawMessage[string]): JsonValue | undefined {
  if (raw === undefined || Array.isArray(raw)) return undefined;
  if (field.kind === 'b' || field.kind === 't') return raw as boolean | string;
  const n = Number(raw);
  if (field.scale !== undefined || field.offset !== undefined) {
    // Offset first, in whole units, then one division: the same double gpsd's C computes.
    const scale = field.scale ?? 1;
    const value = (n + (field.offset ?? 0) * scale) / scale;
    if (field.quoted) return printfFixed(value, field.digits ?? 0);
    return field.digits ? new FixedNumber(value, field.digits) : value;
  }
  return n;
}

function emitFields(pairs: Pairs, fields: Field[], composites: Composite[], values: RawMessage, special?: MessageTable['special']): void {
  for (const field of fields) {
    if (!field.hidden && values[field.name] !== undefined) {
      const custom = special?.[field.name];
      if (custom) {
        pairs.push([field.name, custom(values)]);
      } else if (field.legend) {
        const raw = Number(values[field.name]);
        const text = field.legend.values[raw] ?? field.legend.fallback;
        if (field.legend.style === 'text') pairs.push([field.name, text]);
        else pairs.push([field.name, raw], [`${field.name}_text`, text]);
      } else {
        const v = render(field, values[field.name]);
        if (v !== undefined) pairs.push([field.name, v]);
      }
    }
    for (const c of composites) if (c.after === field.name) pairs.push([c.name, c.render(values)]);
  }
}

/**
 * The message as `gpsdecode -j` prints it (gpsd's AIS JSON, scaled): gpsd's
 * field names, units, legends and quirks. Returns the fields in gpsd's order as
 * pairs; `toGpsdJson` and `gpsdJsonLine` build on it. `null` for a lone type 24
 * part, which gpsd does not print until it can join A and B.
 */
export function gpsdPairs(message: AisMessage, device = 'stdin'): Pairs | null {
  if (message.type === 24 && message.part !== 'AB') return null;
  const pairs: Pairs = [
    ['class', 'AIS'],
    ['device', device],
    ['type', message.type],
    ['repeat', message.repeat],
    ['mmsi', message.mmsi],
    ['scaled', true],
  ];
  const v = message.values;
  if (message.type === 24) {
    emitFields(pairs, STATIC_PARTS.A.fields, [], v);
    emitFields(pairs, STATIC_PARTS.B.fields, [], v);
    return pairs;
  }
  const table = tableFor(message.type);
  if (!table) return null;
  const composites = table.composites ?? [];
  for (const c of composites) if (c.after === 'scaled') pairs.push([c.name, c.render(v)]);
  emitFields(pairs, table.fields, composites, v, table.special);
  if (message.type === 6 || message.type === 8) {
    const app = message.structured ? binaryTable(message.type, Number(v.dac), Number(v.fid)) : undefined;
    if (app) {
      emitFields(pairs, app.fields, app.composites ?? [], v);
      for (const array of app.arrays ?? []) {
        const items = (v[array.name] as RawMessage[] | undefined) ?? [];
        pairs.push([array.name, items.map((item) => Object.fromEntries(objectPairs(array.fields, item)))]);
      }
    }
  }
  const app = message.structured ? binaryTable(message.type, Number(v.dac), Number(v.fid)) : undefined;
  reorder(pairs, [...(table.jsonOrder ?? []), ...(app?.jsonOrder ?? [])]);
  if (message.data) pairs.push(['data', `${message.data.bits}:${message.data.hex}`]);
  // gpsd 3.22 never reads type 26's communication state and always prints 0;
  // we print what gpsd prints (the decoded value is in message.values.radio).
  if (message.type === 26) pairs.push(['radio', 0]);
  return pairs;
}

/** Moves the keys named in `order` into that order, after the six header keys; a `_text` key follows its field. */
function reorder(pairs: Pairs, order: string[]): void {
  if (order.length === 0) return;
  const rank = (key: string) => {
    const base = key.endsWith('_text') ? key.slice(0, -5) : key;
    const i = order.indexOf(base);
    return i < 0 ? -1 : i + (base === key ? 0 : 0.5);
  };
  const head = pairs.slice(0, 6);
  const rest = pairs.slice(6);
  const listed = rest.filter(([k]) => rank(k) >= 0).sort((a, b) => rank(a[0]) - rank(b[0]));
  let next = 0;
  const merged = rest.map((p) => (rank(p[0]) >= 0 ? listed[next++]! : p));
  pairs.splice(0, pairs.length, ...head, ...merged);
}

function objectPairs(fields: Field[], values: RawMessage): Pairs {
  const pairs: Pairs = [];
  emitFields(pairs, fields, [], values);
  return pairs;
}

function plain(v: JsonValue): unknown {
  // "Numbers equal after gpsd's scaling": the value gpsd's printf would show.
  if (v instanceof FixedNumber) return Number(v.toText());
  if (Array.isArray(v)) return v.map(plain);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plain(x)]));
  return v;
}

/** gpsd's JSON for `message` as an object (numbers as numbers), or null (see gpsdPairs). */
export function toGpsdJson(message: AisMessage, device = 'stdin'): Record<string, unknown> | null {
  const pairs = gpsdPairs(message, device);
  if (!pairs) return null;
  const out: Record<string, unknown> = {};
  for (const [k, v] of pairs) out[k] = plain(v);
  return out;
}

/** `"key":` per key, made once: the keys are a few dozen field names. */
const keyTexts = new Map<string, string>();
function keyText(k: string): string {
  let t = keyTexts.get(k);
  if (t === undefined) {
    t = `${JSON.stringify(k)}:`;
    keyTexts.set(k, t);
  }
  return t;
}

function text(v: JsonValue): string {
  // By type first: numbers and booleans (most values) need no JSON.stringify call.
  switch (typeof v) {
    case 'number':
      return Number.isFinite(v) ? String(v) : 'null';
    case 'boolean':
      return v ? 'true' : 'false';
    case 'string':
      return JSON.stringify(v);
  }
  if (v instanceof FixedNumber) return v.toText();
  if (Array.isArray(v)) return `[${v.map(text).join(',')}]`;
  if (v && typeof v === 'object') return `{${Object.entries(v).map(([k, x]) => `${keyText(k)}${text(x)}`).join(',')}}`;
  return JSON.stringify(v);
}

/** gpsd's JSON for `message` as one line of text, with gpsd's fixed decimals ("224.0"). */
export function gpsdJsonLine(message: AisMessage, device = 'stdin'): string | null {
  const pairs = gpsdPairs(message, device);
  if (!pairs) return null;
  let out = '{';
  for (let i = 0; i < pairs.length; i++) {
    const [k, v] = pairs[i]!;
    out += (i === 0 ? '' : ',') + keyText(k) + text(v);
  }
  return out + '}';
}
