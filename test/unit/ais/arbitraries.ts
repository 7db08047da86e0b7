import fc from 'fast-check';
import { BINARY_TABLES } from '../../../shared/ais/binary';
import { SIXBIT_CHARS } from '../../../shared/ais/bits';
import type { Field, RawMessage } from '../../../shared/ais/field';
import type { EncodableMessage } from '../../../shared/ais/encode';
import { MESSAGE_TABLES, STATIC_PARTS } from '../../../shared/ais/tables';

/** Printable 6-bit characters; '@' is the standard's padding, so text never contains it. */
const textChar = fc.constantFrom(...SIXBIT_CHARS.slice(1).split(''));

/** Text as a transponder would send it: no padding inside, no trailing spaces. */
export const text = (maxChars: number) =>
  fc.array(textChar, { maxLength: maxChars }).map((chars) => chars.join('').replace(/ +$/, ''));

function fieldArb(field: Field): fc.Arbitrary<number | boolean | string> {
  switch (field.kind) {
    case 'b':
      return fc.boolean();
    case 't':
      return text(field.toEnd ? 40 : field.width / 6);
    case 'i':
      return fc.integer({ min: -(2 ** (field.width - 1)), max: 2 ** (field.width - 1) - 1 });
    case 'u':
      return fc.integer({ min: 0, max: 2 ** field.width - 1 });
  }
}

export function valuesArb(fields: Field[], overrides: Record<string, fc.Arbitrary<unknown>> = {}): fc.Arbitrary<RawMessage> {
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const field of fields) model[field.name] = overrides[field.name] ?? fieldArb(field);
  return fc.record(model) as fc.Arbitrary<RawMessage>;
}

const mmsi = fc.integer({ min: 0, max: 2 ** 30 - 1 });
const vendorId = text(3);
const repeat = fc.integer({ min: 0, max: 3 });

function message(type: number, values: fc.Arbitrary<RawMessage>, extra: Partial<EncodableMessage> = {}): fc.Arbitrary<EncodableMessage> {
  return fc.record({ mmsi, repeat, values }).map((m) => ({ type, ...m, ...extra }));
}

const hexData = (maxBytes: number) =>
  fc.uint8Array({ minLength: 1, maxLength: maxBytes }).chain((b) =>
    fc.integer({ min: Math.max(1, b.length * 8 - 7), max: b.length * 8 }).map((bits) => ({
      bits,
      hex: Array.from(b, (x) => x.toString(16).padStart(2, '0')).join(''),
    })),
  );

/** Random messages of one type, valid for its table (and for gpsd's length rules). */
export function messagesOfType(type: number): fc.Arbitrary<EncodableMessage>[] {
  const t = MESSAGE_TABLES[type];
  switch (type) {
    case 6:
    case 8: {
      // Application ids gpsd does not decode: kept as "data" by both.
      const unknownDac = fc.integer({ min: 2, max: 199 });
      const raw = valuesArb(t!.fields, { dac: unknownDac }).chain((values) =>
        hexData(type === 6 ? 100 : 110).map((data) => ({ type, mmsi: 0, repeat: 0, values, structured: false, data }) as EncodableMessage),
      );
      const withHeader = fc.record({ mmsi, repeat, m: raw }).map(({ mmsi: id, repeat: r, m }) => ({ ...m, mmsi: id, repeat: r }));
      const structured = [...BINARY_TABLES.entries()]
        .filter(([key]) => key.startsWith(`${type}:`))
        .map(([key, app]) => {
          const [, dac, fid] = key.split(':').map(Number);
          // gpsd 3.22 computes 8/1/11 water level in unsigned arithmetic, so levels
          // below 0 m (raw < 100) wrap to 42949663.1; Gangway prints the true
          // value, and the comparison stays within the range gpsd gets right.
          // Same for 8/1/31 below raw 1000.
          const levels: Record<string, Record<string, fc.Arbitrary<unknown>>> = { '8:1:11': { waterlevel: fc.integer({ min: 100, max: 511 }) }, '8:1:31': { waterlevel: fc.integer({ min: 1000, max: 4095 }) } };
          const level = levels[key] ?? {};
          const appValues = valuesArb(app.fields, level);
          const arrays = app.arrays?.[0]
            ? fc.array(valuesArb(app.arrays[0].fields), { minLength: 1, maxLength: 3 }).map((items) => ({ [app.arrays![0]!.name]: items }))
            : fc.constant({});
          return fc
            .record({ mmsi, repeat, head: valuesArb(t!.fields), app: appValues, arrays })
            .map(({ mmsi: id, repeat: r, head, app: a, arrays: arr }) => ({
              type,
              mmsi: id,
              repeat: r,
              structured: true,
              values: { ...head, ...a, ...arr, dac: dac!, fid: fid! } as RawMessage,
            }));
        });
      return [withHeader, ...structured];
    }
    case 7:
    case 13:
      return [72, 104, 136, 168].map((bitLength) => message(type, valuesArb(t!.fields), { bitLength }));
    case 15:
      return [88, 112, 160].map((bitLength) => message(type, valuesArb(t!.fields), { bitLength }));
    case 16:
      return [96, 144].map((bitLength) => message(type, valuesArb(t!.fields), { bitLength }));
    case 17:
      return [fc.record({ mmsi, repeat, values: valuesArb(t!.fields), data: hexData(90) }).map((m) => ({ type, ...m }))];
    case 21:
      // Names over 20 characters continue in the extension.
      return [message(type, valuesArb(t!.fields, { name: text(34) }))].map((arb) =>
        arb.map((m) => {
          const name = String(m.values.name);
          if (name.length <= 20) return m;
          return { ...m, bitLength: 272 + 6 * (name.length - 20) };
        }),
      );
    case 24:
      // The M.1371-4 vendor id is 3 characters: model and serial overlay what were its characters 4 to 7,
      // so a longer one (or a 3-character one ending in a space) cannot come back as it was written.
      return [
        // MMSI 0 is no station; gpsd's zeroed part-A queue would match it to empty slots.
        fc.record({ mmsi: fc.integer({ min: 1, max: 2 ** 30 - 1 }), repeat, a: valuesArb(STATIC_PARTS.A.fields), b: valuesArb(STATIC_PARTS.B.fields, { vendorid: vendorId }) }).map(({ mmsi: id, repeat: r, a, b }) => ({
          type: 24,
          mmsi: id,
          repeat: r,
          part: 'AB' as const,
          values: { ...b, shipname: a.shipname },
        })),
      ];
    case 25:
    case 26:
      return [
        fc
          .record({ mmsi, repeat, values: valuesArb(t!.fields), appId: fc.integer({ min: 0, max: 65535 }), data: hexData(type === 25 ? 10 : 60) })
          .filter((m) => type === 26 || 40 + (m.values.addressed ? 30 : 0) + (m.values.structured ? 16 : 0) + m.data.bits <= 168)
          .map(({ appId, ...m }) => ({ type, ...m, values: { ...m.values, app_id: appId } })),
      ];
    default:
      return [message(type, valuesArb(t!.fields))];
  }
}
