import { appendArmoured, appendArmouredXor, resetBits, type Bits } from './bits';
import type { Fragment } from './fragment';

/**
 * Joins multi-sentence AIS messages. Fragments are keyed by channel and
 * sequential message id (IEC 61162-1 §8.3.96), so two messages interleaved on
 * channels A and B both complete. Memory is bounded: at most `maxPending`
 * messages wait, and a message whose fragments stop coming is dropped after
 * `maxAgeLines` further lines or `maxAgeMs` — transponders send the fragments
 * of one message back to back, so anything older is lost.
 */
export interface ReassemblerOptions {
  maxPending?: number;
  maxAgeLines?: number;
  maxAgeMs?: number;
}

interface Pending {
  total: number;
  parts: (Fragment | undefined)[];
  have: number;
  line: number;
  at: number | undefined;
}

export type Reassembled = { kind: 'complete'; bits: Bits; fragments: number } | { kind: 'pending' } | { kind: 'bad_payload'; fragments: number };

export class Reassembler {
  private readonly pending = new Map<string, Pending>();
  private readonly maxPending: number;
  private readonly maxAgeLines: number;
  private readonly maxAgeMs: number;
  private line = 0;
  /** Fragments dropped because their message never completed (or was superseded). */
  dropped = 0;

  constructor(
    private readonly bits: Bits,
    options: ReassemblerOptions = {},
  ) {
    this.maxPending = options.maxPending ?? 16;
    this.maxAgeLines = options.maxAgeLines ?? 64;
    this.maxAgeMs = options.maxAgeMs ?? 30_000;
  }

  /** Fragments held, waiting for the rest of their message. */
  get held(): number {
    let n = 0;
    for (const p of this.pending.values()) n += p.have;
    return n;
  }

  get size(): number {
    return this.pending.size;
  }

  /** Call once per input line, accepted or not, so stale fragments age. */
  tick(receivedAt?: number): void {
    this.line++;
    if (this.pending.size === 0) return;
    for (const [key, p] of this.pending) {
      const stale = this.line - p.line > this.maxAgeLines || (receivedAt !== undefined && p.at !== undefined && receivedAt - p.at > this.maxAgeMs);
      if (!stale) break; // insertion order: the rest are younger
      this.drop(key, p);
    }
  }

  /**
   * A single-sentence message straight from the line, without copying the
   * payload. Returns the payload characters' XOR (for the checksum), or -1
   * when a character is outside the armour; the bits are then in `this.bits`.
   */
  single(line: string, from: number, to: number, fill: number): number {
    const bits = this.bits;
    resetBits(bits);
    const x = appendArmouredXor(bits, line, from, to, fill);
    if (x < 0) resetBits(bits);
    return x;
  }

  /** The bits of the last `single` message. */
  get current(): Bits {
    return this.bits;
  }

  push(fragment: Fragment, receivedAt?: number, source = ''): Reassembled {
    if (fragment.total === 1) return this.complete([fragment]);
    const key = `${source}|${fragment.own ? 'O' : 'M'}|${fragment.channel}|${fragment.sequenceId}|${fragment.total}`;
    let p = this.pending.get(key);
    if (p && p.parts[fragment.number - 1]) {
      // The same fragment again: a new message reusing the id; the old one is lost.
      this.drop(key, p);
      p = undefined;
    }
    if (!p) {
      while (this.pending.size >= this.maxPending) {
        const [oldKey, old] = this.pending.entries().next().value as [string, Pending];
        this.drop(oldKey, old);
      }
      p = { total: fragment.total, parts: new Array<Fragment | undefined>(fragment.total), have: 0, line: this.line, at: receivedAt };
      this.pending.set(key, p);
    }
    p.parts[fragment.number - 1] = fragment;
    p.have++;
    if (p.have < p.total) return { kind: 'pending' };
    this.pending.delete(key);
    return this.complete(p.parts as Fragment[]);
  }

  private drop(key: string, p: Pending): void {
    this.pending.delete(key);
    this.dropped += p.have;
  }

  private complete(parts: Fragment[]): Reassembled {
    const bits = this.bits;
    resetBits(bits);
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i]!;
      // Fill bits pad only the last fragment; a nonzero fill elsewhere is a sender bug we tolerate as gpsd does.
      const fill = i === parts.length - 1 ? part.fillBits : 0;
      if (!appendArmoured(bits, part.payload, 0, part.payload.length, fill)) {
        resetBits(bits);
        return { kind: 'bad_payload', fragments: parts.length };
      }
    }
    return { kind: 'complete', bits, fragments: parts.length };
  }
}
