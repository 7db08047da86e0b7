import { appendArmoured, appendArmouredBytes, appendArmouredXor, resetBits, unarmourBytesXor, type Bits } from './bits';
import type { Fragment } from './fragment';
import { latin1 } from '../nmea/latin1';
import type { PendingMessageState } from './reassembler-state';

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
  key: PendingKey;
  /** The key without the source: a later fragment whose tag block names no source (only g:, or none) still joins. */
  loose: PendingKey;
  source: string;
  total: number;
  parts: (Fragment | undefined)[];
  have: number;
  line: number;
  at: number | undefined;
}

export type Reassembled = { kind: 'complete'; bits: Bits; fragments: number } | { kind: 'pending' } | { kind: 'bad_payload'; fragments: number };

type PendingKey = string | number;

/**
 * What ties fragments of one message together: source, VDM/VDO, channel,
 * sequential id and fragment count. A number when the source is unnamed and
 * channel and id are at most one character each (every sentence the hot path
 * takes), so no string is built per fragment; a string otherwise. The two
 * kinds never collide, and each is one-to-one with the tuple it encodes.
 */
function pendingKey(f: Fragment, source: string): PendingKey {
  if (source === '' && f.channel.length <= 1 && f.sequenceId.length <= 1) {
    // Codes below 127 keep the number small enough for V8's small integers (hashed without boxing).
    const channel = f.channel === '' ? 0 : f.channel.charCodeAt(0) + 1;
    const id = f.sequenceId === '' ? 0 : f.sequenceId.charCodeAt(0) + 1;
    if (channel < 128 && id < 128) return ((((f.own ? 1 : 0) << 7) | channel) << 7 | id) * 16 + f.total;
  }
  return `${source}|${f.own ? 'O' : 'M'}|${f.channel}|${f.sequenceId}|${f.total}`;
}

const PENDING: Reassembled = Object.freeze({ kind: 'pending' });

export class Reassembler {
  /**
   * Messages waiting, oldest first. An array, not a Map: it holds at most
   * `maxPending` (16) and almost always zero or one, where a Map's hashing and
   * table churn cost more than a short scan.
   */
  private readonly pending: Pending[] = [];
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
    for (const p of this.pending) n += p.have;
    return n;
  }

  get size(): number {
    return this.pending.length;
  }

  /** Call once per input line, accepted or not, so stale fragments age. */
  tick(receivedAt?: number): void {
    this.line++;
    while (this.pending.length > 0) {
      const p = this.pending[0]!;
      const stale = this.line - p.line > this.maxAgeLines || (receivedAt !== undefined && p.at !== undefined && receivedAt - p.at > this.maxAgeMs);
      if (!stale) break; // oldest first: the rest are younger
      this.drop(0);
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

  /** `single` from the bytes of a log (`src[from..to)`, one byte per character). */
  singleBytes(src: Uint8Array, from: number, to: number, fill: number): number {
    return unarmourBytesXor(this.bits, src, from, to, fill);
  }

  /** The bits of the last `single` message. */
  get current(): Bits {
    return this.bits;
  }

  push(fragment: Fragment, receivedAt?: number, source = ''): Reassembled {
    if (fragment.total === 1) return this.complete([fragment]);
    const key = pendingKey(fragment, source);
    const loose = source === '' ? key : pendingKey(fragment, '');
    let at = this.find(key);
    // Receivers put the tag block (s:, c:) on the first fragment only, or only g: on the later ones: a fragment
    // that names no source joins a message of any source, and one that does joins a message begun without one.
    if (at < 0 && fragment.number > 1) at = this.findLoose(loose, source, fragment.number);
    let p = at < 0 ? undefined : this.pending[at];
    if (p && p.parts[fragment.number - 1]) {
      // The same fragment again: a new message reusing the id; the old one is lost.
      this.drop(at);
      p = undefined;
    }
    if (!p) {
      while (this.pending.length >= this.maxPending) this.drop(0);
      p = { key, loose, source, total: fragment.total, parts: new Array<Fragment | undefined>(fragment.total), have: 0, line: this.line, at: receivedAt };
      this.pending.push(p);
      at = this.pending.length - 1;
    }
    p.parts[fragment.number - 1] = fragment;
    p.have++;
    if (p.have < p.total) return PENDING;
    this.remove(at);
    return this.complete(p.parts as Fragment[]);
  }

  private find(key: PendingKey): number {
    const pending = this.pending;
    for (let i = 0; i < pending.length; i++) if (pending[i]!.key === key) return i;
    return -1;
  }

  private findLoose(loose: PendingKey, source: string, number: number): number {
    const pending = this.pending;
    for (let i = 0; i < pending.length; i++) {
      const p = pending[i]!;
      if (p.loose === loose && (p.source === '' || source === '') && !p.parts[number - 1]) return i;
    }
    return -1;
  }

  private remove(at: number): void {
    if (at === this.pending.length - 1) this.pending.pop();
    else this.pending.splice(at, 1);
  }

  private drop(at: number): void {
    this.dropped += this.pending[at]!.have;
    this.remove(at);
  }

  /**
   * The messages still waiting, as plain data (payloads as text, ages in lines),
   * so a resumed file import continues with the fragments the interrupted one held.
   */
  snapshot(): PendingMessageState[] {
    return this.pending.map((p) => ({
      key: p.key,
      loose: p.loose,
      source: p.source,
      total: p.total,
      parts: p.parts.map((f) => (f ? { ...f, payload: typeof f.payload === 'string' ? f.payload : latin1(f.payload, 0, f.payload.length) } : null)),
      have: p.have,
      age: this.line - p.line,
      at: p.at ?? null,
    }));
  }

  /** Takes back what `snapshot` gave; meant for a fresh reassembler. */
  restore(state: readonly PendingMessageState[]): void {
    this.pending.length = 0;
    for (const p of state.slice(-this.maxPending)) {
      this.pending.push({
        key: p.key,
        loose: p.loose,
        source: p.source,
        total: p.total,
        parts: p.parts.map((f) => f ?? undefined),
        have: p.have,
        line: this.line - p.age,
        at: p.at ?? undefined,
      });
    }
  }

  private complete(parts: Fragment[]): Reassembled {
    const bits = this.bits;
    resetBits(bits);
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i]!;
      // Fill bits pad only the last fragment; a nonzero fill elsewhere is a sender bug we tolerate as gpsd does.
      const fill = i === parts.length - 1 ? part.fillBits : 0;
      const payload = part.payload;
      const ok =
        typeof payload === 'string'
          ? appendArmoured(bits, payload, 0, payload.length, fill)
          : appendArmouredBytes(bits, payload, 0, payload.length, fill);
      if (!ok) {
        resetBits(bits);
        return { kind: 'bad_payload', fragments: parts.length };
      }
    }
    return { kind: 'complete', bits, fragments: parts.length };
  }
}
