import type { RejectReason } from '../nmea/reject';
import { binaryTable, type BinaryTable } from './binary';
import { bitsHex, sbits, sixbitText, ubits, type Bits } from './bits';
import type { ArrayField, Field, MessageTable, RawMessage } from './field';
import type { AisMessage } from './message';
import { isAuxiliaryCraft } from './messages/static-b';
import { STATIC_PARTS, tableFor } from './tables';
import { compileFields, type FieldReader } from './compile';

export type DecodeResult = { ok: true; message: AisMessage } | { ok: false; reason: RejectReason };

/** Fields whose presence depends on a flag later in the message are read last (cached on the array). */
const ORDER = Symbol('read order');
type Ordered = Field[] & { [ORDER]?: Field[] };
function ordered(fields: Ordered): Field[] {
  let list = fields[ORDER];
  if (!list) {
    list = fields.some((x) => x.ifFlag) ? [...fields.filter((x) => !x.ifFlag), ...fields.filter((x) => x.ifFlag)] : fields;
    fields[ORDER] = list;
  }
  return list;
}

const COMPILED = Symbol('compiled reader');
type WithReader = Field[] & { [COMPILED]?: FieldReader };
/** The table's compiled reader (compile.ts), or the interpreter when code generation is not allowed. */
function readerFor(fields: WithReader): FieldReader {
  let reader = fields[COMPILED];
  if (!reader) {
    reader =
      compileFields(fields) ??
      ((bytes, bitLength) => {
        const values: RawMessage = {};
        readFields(fields, bytes, bitLength, values);
        return values;
      });
    fields[COMPILED] = reader;
  }
  return reader;
}

/** Reads every field of a table into `values`. The one bit reader for all message types. */
export function readFields(fields: Field[], bytes: Uint8Array, bitLength: number, values: RawMessage, base = 0): void {
  const list = ordered(fields);
  for (let k = 0; k < list.length; k++) {
    const field = list[k]!;
    const start = base + field.start;
    if (field.ifLongerThan !== undefined && bitLength <= field.ifLongerThan) {
      values[field.name] = field.kind === 'b' ? false : 0;
      continue;
    }
    if (field.ifFlag && values[field.ifFlag.name] !== field.ifFlag.value) continue;
    switch (field.kind) {
      case 'u':
        values[field.name] = ubits(bytes, start, field.width);
        break;
      case 'i':
        values[field.name] = sbits(bytes, start, field.width);
        break;
      case 'b':
        values[field.name] = ubits(bytes, start, 1) !== 0;
        break;
      case 't': {
        const chars = field.toEnd ? Math.max(0, Math.floor((bitLength - start) / 6)) : field.width / 6;
        values[field.name] = sixbitText(bytes, start, chars);
        break;
      }
    }
  }
}

function readArray(array: ArrayField, bytes: Uint8Array, bitLength: number, values: RawMessage): void {
  const n = array.count(bitLength, values);
  const items: RawMessage[] = [];
  for (let i = 0; i < n; i++) {
    const item: RawMessage = {};
    readFields(array.fields, bytes, bitLength, item, array.base + array.size * i);
    items.push(item);
  }
  values[array.name] = items;
}

function data(bytes: Uint8Array, start: number, bitLength: number, maskLast = false): { bits: number; hex: string } {
  const bits = Math.max(0, bitLength - start);
  return { bits, hex: bitsHex(bytes, start, bits, maskLast) };
}

/** Tables and their compiled readers by type number, for the hot path (type 24 goes by part). */
const TABLE_BY_TYPE: (MessageTable | undefined)[] = Array.from({ length: 64 }, (_, t) => (t === 24 ? undefined : tableFor(t)));
const READER_BY_TYPE: (FieldReader | undefined)[] = TABLE_BY_TYPE.map((t) => (t ? readerFor(t.fields) : undefined));

/** Type 24 part B: whether the craft is auxiliary decides which fields it has (static-b.ts), so the reader is told first. */
const PART_B_READER: FieldReader =
  compileFields(STATIC_PARTS.B.fields, 'auxiliary') ??
  ((bytes, bitLength, auxiliary) => {
    const values: RawMessage = { auxiliary };
    readFields(STATIC_PARTS.B.fields, bytes, bitLength, values);
    return values;
  });

/** Length rules gpsd applies beyond a table's range (exact sizes). */
function lengthOk(type: number, table: MessageTable, bitLength: number): boolean {
  if (bitLength < table.minBits || bitLength > table.maxBits) return false;
  if (type === 27) return bitLength === 96 || bitLength === 168; // gpsd: 168 is a known transmitter bug, 96 the standard
  return true;
}

/**
 * Decodes one complete AIS payload (already unarmoured and reassembled).
 * Never throws: a payload too short for its type is `bad_payload`, an unknown
 * type `unsupported`.
 */
export function decodeBits(bits: Bits): DecodeResult {
  const m = decodeMessage(bits);
  return typeof m === 'string' ? { ok: false, reason: m } : { ok: true, message: m };
}

/**
 * `decodeBits` without the result wrapper: the message, or why there is none.
 * The streaming decoder calls this once per message, so one object fewer each time.
 */
export function decodeMessage(bits: Bits): AisMessage | RejectReason {
  const { bytes, length } = bits;
  if (length < 38) return 'bad_payload';
  // The header (M.1371-5 Table 46): type 6 bits, repeat 2, MMSI 30 — read straight from the first five bytes.
  const b0 = bytes[0]!;
  const type = b0 >> 2;
  const repeat = b0 & 3;
  const mmsi = ((bytes[1]! << 22) | (bytes[2]! << 14) | (bytes[3]! << 6) | (bytes[4]! >> 2)) >>> 0;
  let part: AisMessage['part'];
  let table: MessageTable | undefined;
  let reader: FieldReader | undefined;
  if (type === 24) {
    const partno = ubits(bytes, 38, 2);
    if (partno > 1) return 'unsupported';
    part = partno === 0 ? 'A' : 'B';
    table = tableFor(type, part);
  } else {
    table = TABLE_BY_TYPE[type];
    reader = READER_BY_TYPE[type];
  }
  if (!table) return 'unsupported';
  if (!lengthOk(type, table, length)) return 'bad_payload';

  let values: RawMessage;
  let structured = false;
  if (part === 'B') {
    values = PART_B_READER(bytes, length, isAuxiliaryCraft(mmsi));
  } else {
    // Types 6 and 8 with a known application payload: its reader covers the
    // type's own fields too, so the type's reader need not run first.
    const app = type === 6 || type === 8 ? readApplication(type, bytes, length) : undefined;
    values = app ?? (reader ?? readerFor(table.fields))(bytes, length);
    structured = app !== undefined;
  }
  // Every message has the same shape (all keys, some undefined): one hidden class, monomorphic code downstream.
  const message: AisMessage = { type, repeat, mmsi, bitLength: length, values, structured: undefined, data: undefined, part };

  switch (type) {
    case 1:
    case 2:
    case 3:
      // Short Class A reports (163 bits seen in the wild) carry a truncated radio status.
      if (length < 168) values.radio = ubits(bytes, 149, length - 149);
      break;
    case 6:
    case 8:
      message.structured = structured;
      if (!structured) message.data = data(bytes, table.dataFrom ?? length, length, type === 8);
      break;
    case 17:
      message.data = data(bytes, 80, length);
      break;
    case 21:
      joinNameExtension(message, bytes);
      break;
    case 25:
    case 26:
      decodeBinarySlot(message, bytes);
      break;
  }
  return message;
}

const APP_READERS = new Map<BinaryTable, FieldReader>();
/** The reader of a type's own fields (seqno, dest_mmsi, dac, fid, …) followed by the payload's (each binary table belongs to one type: see binary/index.ts). */
function appReader(type: number, table: BinaryTable): FieldReader {
  let reader = APP_READERS.get(table);
  if (!reader) {
    reader = readerFor([...(tableFor(type)?.fields ?? []), ...table.fields]);
    APP_READERS.set(table, reader);
  }
  return reader;
}

/** Where types 6 and 8 keep their DAC and FID, from their own tables. */
const APP_ID_AT = [6, 8].map((type) => {
  const fields = tableFor(type)?.fields ?? [];
  const at = (name: string) => fields.find((x) => x.name === name)!;
  return { type, dac: at('dac'), fid: at('fid') };
});

/**
 * A type 6 or 8 message's application payload read by its table (header and
 * payload by one compiled reader into one object: merging ~40 fields
 * afterwards would push the object into slow dictionary mode), or undefined
 * when there is no table for its DAC/FID or gpsd would not decode it (the
 * message then keeps its raw data).
 */
function readApplication(type: number, bytes: Uint8Array, bitLength: number): RawMessage | undefined {
  const at = type === 6 ? APP_ID_AT[0]! : APP_ID_AT[1]!;
  const table = binaryTable(type, ubits(bytes, at.dac.start, at.dac.width), ubits(bytes, at.fid.start, at.fid.width));
  if (!table) return undefined;
  const app = appReader(type, table)(bytes, bitLength);
  for (const array of table.arrays ?? []) readArray(array, bytes, bitLength, app);
  return !table.accept || table.accept(bitLength, app) ? app : undefined;
}

/** Type 21 names longer than 20 characters continue after bit 272 (M.1371-5 Table 72). */
function joinNameExtension(message: AisMessage, bytes: Uint8Array): void {
  const full = sixbitText(bytes, 43, 20, false);
  if (full.length === 20 && message.bitLength > 272) {
    const more = sixbitText(bytes, 272, Math.floor((message.bitLength - 272) / 6), false);
    message.values.name = (full + more).replace(/ +$/, '');
  }
}

/** Types 25/26: the destination and application id move the payload's start. */
function decodeBinarySlot(message: AisMessage, bytes: Uint8Array): void {
  const v = message.values;
  const addressed = v.addressed === true;
  const structured = v.structured === true;
  if (!addressed) v.dest_mmsi = 0;
  v.app_id = structured ? ubits(bytes, 40 + (addressed ? 30 : 0), 16) : 0;
  const start = 40 + (addressed ? 30 : 0) + (structured ? 16 : 0);
  // Type 26 ends with a 20-bit communication state (M.1371-5 Table 79).
  const end = message.type === 26 ? message.bitLength - 20 : message.bitLength;
  if (end < start) {
    message.data = { bits: 0, hex: '' };
    return;
  }
  message.data = data(bytes, start, end);
  if (message.type === 26) v.radio = ubits(bytes, end, 20);
}
