import { withChecksum } from '../nmea/checksum';
import { binaryTable } from './binary';
import { armour, putBits, putText } from './bits';
import type { Field, MessageTable, RawMessage } from './field';
import type { AisMessage } from './message';
import { isAuxiliaryCraft } from './messages/static-b';
import { tableFor } from './tables';

/** What the encoder needs: a message as `decodeBits` returns it (bitLength is computed). */
export type EncodableMessage = Omit<AisMessage, 'bitLength'> & { bitLength?: number };

function writeFields(bytes: Uint8Array, fields: Field[], values: RawMessage, bitLength: number, base = 0): void {
  for (const field of fields) {
    if (field.ifLongerThan !== undefined && bitLength <= field.ifLongerThan) continue;
    if (field.ifFlag && values[field.ifFlag.name] !== field.ifFlag.value) continue;
    const v = values[field.name];
    if (v === undefined || Array.isArray(v)) continue;
    const start = base + field.start;
    if (field.kind === 't') {
      const text = String(v);
      putText(bytes, start, field.toEnd ? text.length : field.width / 6, text);
    } else {
      putBits(bytes, start, field.kind === 'b' ? 1 : field.width, field.kind === 'b' ? (v ? 1 : 0) : Number(v));
    }
  }
}

function textEnd(fields: Field[], values: RawMessage): number | undefined {
  const t = fields.find((x) => x.toEnd);
  return t ? t.start + 6 * String(values[t.name] ?? '').length : undefined;
}

function hexInto(bytes: Uint8Array, start: number, data: { bits: number; hex: string }): void {
  for (let at = 0; at < data.bits; at += 8) {
    const byte = parseInt(data.hex.slice(at / 4, at / 4 + 2) || '0', 16);
    const take = Math.min(8, data.bits - at);
    putBits(bytes, start + at, take, byte >> (8 - take));
  }
}

/**
 * Writes a message back into bits from the same field tables the decoder
 * reads: the differential test uses it to make inputs for the real gpsdecode.
 */
export function encodeBits(message: EncodableMessage): { bytes: Uint8Array; length: number } {
  const part = message.type === 24 ? (message.part === 'A' ? 'A' : 'B') : undefined;
  const table: MessageTable | undefined = tableFor(message.type, part);
  if (!table) throw new RangeError(`no table for AIS type ${message.type}`);
  const bytes = new Uint8Array(160);
  const v = part === 'B' ? { ...message.values, auxiliary: isAuxiliaryCraft(message.mmsi) } : message.values;
  putBits(bytes, 0, 6, message.type);
  putBits(bytes, 6, 2, message.repeat);
  putBits(bytes, 8, 30, message.mmsi);

  let length = message.bitLength ?? textEnd(table.fields, v) ?? table.bits;
  writeFields(bytes, table.fields, v, length);
  if (part) putBits(bytes, 38, 2, part === 'A' ? 0 : 1); // the part number follows `part`, whatever values says

  if (message.type === 6 || message.type === 8) {
    const app = message.structured ? binaryTable(message.type, Number(v.dac), Number(v.fid)) : undefined;
    if (app) {
      length = message.bitLength ?? textEnd(app.fields, v) ?? app.bits;
      writeFields(bytes, app.fields, v, length);
      for (const array of app.arrays ?? []) {
        const items = (v[array.name] as RawMessage[] | undefined) ?? [];
        items.forEach((item, i) => writeFields(bytes, array.fields, item, length, array.base + array.size * i));
        if (message.bitLength === undefined) length = array.base + array.size * items.length;
      }
    } else if (message.data) {
      hexInto(bytes, table.dataFrom ?? length, message.data);
      length = message.bitLength ?? (table.dataFrom ?? 0) + message.data.bits;
    }
  } else if (message.type === 17 && message.data) {
    hexInto(bytes, 80, message.data);
    length = message.bitLength ?? 80 + message.data.bits;
  } else if (message.type === 25 || message.type === 26) {
    const addressed = v.addressed === true;
    const structured = v.structured === true;
    if (structured) putBits(bytes, 40 + (addressed ? 30 : 0), 16, Number(v.app_id ?? 0));
    const start = 40 + (addressed ? 30 : 0) + (structured ? 16 : 0);
    const data = message.data ?? { bits: 0, hex: '' };
    hexInto(bytes, start, data);
    length = start + data.bits;
    if (message.type === 26) {
      putBits(bytes, length, 20, Number(v.radio ?? 0));
      length += 20;
    }
    if (message.bitLength !== undefined) length = message.bitLength;
  }
  return { bytes, length };
}

export interface SentenceOptions {
  channel?: string;
  /** Sequential message id for multi-sentence messages (0–9). */
  sequenceId?: number;
  /** Armoured characters per sentence; 60 keeps a fragment within 82 characters. */
  maxChars?: number;
  talker?: 'AIVDM' | 'AIVDO';
}

/** Armours a message into one or more !AIVDM sentences with checksums. */
export function encodeSentences(message: EncodableMessage, options: SentenceOptions = {}): string[] {
  const { bytes, length } = encodeBits(message);
  const { payload, fill } = armour(bytes, length);
  const max = options.maxChars ?? 60;
  const parts: string[] = [];
  for (let at = 0; at < payload.length; at += max) parts.push(payload.slice(at, at + max));
  if (parts.length === 0) parts.push('');
  const seq = parts.length > 1 ? String(options.sequenceId ?? 0) : '';
  const channel = options.channel ?? 'A';
  const talker = options.talker ?? 'AIVDM';
  return parts.map((p, i) => withChecksum(`!${talker},${parts.length},${i + 1},${seq},${channel},${p},${i === parts.length - 1 ? fill : 0}`));
}
