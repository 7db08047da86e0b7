import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BINARY_TABLES } from '../../../shared/ais/binary';
import { compileFields } from '../../../shared/ais/compile';
import { readFields } from '../../../shared/ais/decode';
import type { RawMessage } from '../../../shared/ais/field';
import { MESSAGE_TABLES, STATIC_PARTS } from '../../../shared/ais/tables';

const bitsArb = fc.tuple(fc.uint8Array({ minLength: 130, maxLength: 130 }), fc.integer({ min: 38, max: 1040 })).map(([b, length]) => {
  const bytes = new Uint8Array(158); // MAX_PAYLOAD_BITS / 8 + 8 of zero padding, as newBits makes
  bytes.set(b.subarray(0, Math.ceil(length / 8)));
  return { bytes, length };
});

/** The same values, with the same keys in the same order. */
const same = (a: RawMessage, b: RawMessage) => expect(JSON.stringify(a)).toBe(JSON.stringify(b));

describe('compiled field readers', () => {
  const tables = [
    ...Object.entries(MESSAGE_TABLES).map(([type, t]) => [`type ${type}`, t.fields] as const),
    ['type 24 A', STATIC_PARTS.A.fields] as const,
    ...[...BINARY_TABLES].map(([key, t]) => [`application ${key}`, t.fields] as const),
  ];

  it.each(tables)('%s reads every bit pattern as the table interpreter does', (_, fields) => {
    const read = compileFields(fields)!;
    fc.assert(
      fc.property(bitsArb, ({ bytes, length }) => {
        const interpreted: RawMessage = {};
        readFields(fields, bytes, length, interpreted);
        same(read(bytes, length), interpreted);
      }),
      { numRuns: 200 },
    );
  });

  it('type 24 B reads as the interpreter does for auxiliary craft and own hulls alike', () => {
    const read = compileFields(STATIC_PARTS.B.fields, 'auxiliary')!;
    fc.assert(
      fc.property(bitsArb, fc.boolean(), ({ bytes, length }, auxiliary) => {
        const interpreted: RawMessage = { auxiliary };
        readFields(STATIC_PARTS.B.fields, bytes, length, interpreted);
        const compiled = read(bytes, length, auxiliary);
        same(compiled, interpreted);
        expect('mothership_mmsi' in compiled).toBe(auxiliary);
      }),
      { numRuns: 500 },
    );
  });
});
