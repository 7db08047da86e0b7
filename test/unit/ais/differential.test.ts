import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeSentences, type EncodableMessage } from '../../../shared/ais/encode';
import { messagesOfType } from './arbitraries';
import { gangwayJson, gpsdecodeJson, hasGpsdecode, normalise } from './helpers';

/**
 * Differential test against the real gpsd decoder (Debian gpsd-clients'
 * gpsdecode): random field values for every message type, encoded by
 * Gangway's encoder from the same tables its decoder reads, decoded by both.
 */
const RUNS = 150;
const seed = Number(process.env.GANGWAY_SEED ?? Date.now() % 2 ** 31);

function sentencesFor(m: EncodableMessage, i: number): string[] {
  const options = { sequenceId: i % 10, channel: i % 2 ? 'B' : 'A' };
  if (m.type === 24) {
    return [
      ...encodeSentences({ ...m, part: 'A', values: { shipname: m.values.shipname } }, options),
      ...encodeSentences({ ...m, part: 'B' }, options),
    ];
  }
  return encodeSentences(m, options);
}

const TYPES = Array.from({ length: 27 }, (_, i) => i + 1);

describe.runIf(hasGpsdecode)(`gpsdecode agrees with Gangway on generated messages (seed ${seed})`, () => {
  it.each(TYPES)('type %i', (type) => {
    const arbs = messagesOfType(type);
    const messages = arbs.flatMap((arb, k) => fc.sample(arb, { numRuns: Math.ceil(RUNS / arbs.length), seed: seed + type * 100 + k }));
    const lines = messages.flatMap((m, i) => sentencesFor(m, i));
    const theirs = normalise(gpsdecodeJson(lines)) as Record<string, unknown>[];
    const ours = normalise(gangwayJson(lines)) as Record<string, unknown>[];
    expect(theirs.length).toBe(messages.length);
    for (let i = 0; i < theirs.length; i++) {
      expect(ours[i], `message ${i}: ${sentencesFor(messages[i]!, i).join(' ')}`).toEqual(theirs[i]);
    }
  });
});
