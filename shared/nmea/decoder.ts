import { newBits, unarmourRun } from '../ais/bits';
import { decodeMessage } from '../ais/decode';
import { readFragment } from '../ais/fragment';
import type { AisMessage } from '../ais/message';
import { Reassembler, type Reassembled, type ReassemblerOptions } from '../ais/reassembler';
import { hexDigit, xorChecksum } from './checksum';
import { MAX_ENCAPSULATED_LENGTH } from './framing';
import { newVdmScan, scanVdm, scanVdmBytes, scanVdmHead } from './fast-vdm';
import { latin1 } from './latin1';
import { parseSentence } from './framing';
import { loggerPrefix } from './logger-prefix';
import { instant, type Fix } from './gnss/fix';
import { parseGnss } from './gnss';
import type { DecoderState } from './decoder-state';
import { emptyRejectCounts, type RejectCounts, type RejectReason } from './reject';

const copyOf = (bytes: Uint8Array, from: number, to: number): Uint8Array => Uint8Array.prototype.slice.call(bytes, from, to);

export type Decoded =
  | { kind: 'fix'; fix: Fix; receivedAt?: number; source?: string }
  | {
      kind: 'ais';
      message: AisMessage;
      /** From !AIVDO: our own transponder. */
      own: boolean;
      channel: string;
      /** Sentences this message was made of. */
      sentences: number;
      receivedAt?: number;
      source?: string;
    };

export interface DecoderCounts {
  lines: number;
  fixes: number;
  /** AIS messages decoded. */
  ais: number;
  /** Lines that went into a decoded AIS message. */
  aisSentences: number;
  /** Valid sentences Gangway does not use (GSV, TXT, …): not errors. */
  ignored: number;
  /** Lines rejected, by reason. `incomplete` counts fragments of messages that never completed. */
  rejects: RejectCounts;
}

export interface DecoderOptions extends ReassemblerOptions {
  /** gpsd keeps 8 part-A names waiting for their part B (MAX_TYPE24_INTERLEAVE). */
  type24Cache?: number;
  /** Continue from a `snapshot()` of an earlier decoder (a resumed file import). */
  resume?: DecoderState | undefined;
}

export interface NmeaDecoder {
  /** Feeds one line; returns what it completed, if anything. Never throws. */
  push(line: string, receivedAt?: number): Decoded | undefined;
  /**
   * `push` for one line held as bytes, `bytes[start..end)` (a log read as-is,
   * one byte per character as Latin-1): the same result and counts as pushing
   * that line as a string, without making a string for the lines the AIS hot
   * path takes.
   */
  pushBytes(bytes: Uint8Array, start: number, end: number, receivedAt?: number): Decoded | undefined;
  /**
   * Every complete line (ending in LF) of a log chunk `bytes[from..to)`,
   * each as `pushBytes` would take it, with what each completes passed to
   * `onDecoded`. Returns the index just past the last complete line: the
   * caller keeps the rest for the next chunk. A plain single-sentence line is
   * framed, checked and unarmoured in one pass, its end found on the way.
   */
  pushLog(bytes: Uint8Array, from: number, to: number, onDecoded: (d: Decoded) => void, receivedAt?: number): number;
  readonly counts: DecoderCounts;
  /** AIS fragments held waiting for the rest of their message (bounded). */
  readonly pendingFragments: number;
  /** What the next line's decoding depends on, as plain data (see DecoderState). */
  snapshot(): DecoderState;
}

/**
 * The streaming decoder the ingest pipeline uses: framing, GNSS fixes and AIS
 * (reassembly, 24A/B joining) behind one `push`. Every line ends up counted
 * exactly once: as a fix, part of an AIS message, ignored, pending, or a
 * reject with its reason.
 */
export function createDecoder(options: DecoderOptions = {}): NmeaDecoder {
  const bits = newBits();
  const scan = newVdmScan();
  const reassembler = new Reassembler(bits, options);
  const counts: DecoderCounts = { lines: 0, fixes: 0, ais: 0, aisSentences: 0, ignored: 0, rejects: emptyRejectCounts() };
  // Slots start as MMSI 0 with no name, as gpsd's zeroed queue does.
  const ring = Array.from({ length: options.type24Cache ?? 8 }, () => ({ mmsi: 0, name: '' }));
  let ringAt = 0;
  /** Midnight (Unix ms) of the last date an RMC or ZDA gave, and the time of day it came with. */
  let dayStart: number | undefined;
  let dayTime = 0;
  let droppedSeen = 0;
  const resume = options.resume;
  if (resume) {
    if (resume.day) {
      dayStart = resume.day.start;
      dayTime = resume.day.time;
    }
    resume.ring.slice(0, ring.length).forEach((slot, i) => (ring[i] = { ...slot }));
    ringAt = resume.ringAt % ring.length;
    reassembler.restore(resume.pending);
  }

  const reject = (reason: RejectReason, n = 1): undefined => {
    counts.rejects[reason] += n;
    return undefined;
  };

  function syncDropped(): void {
    if (reassembler.dropped !== droppedSeen) {
      counts.rejects.incomplete += reassembler.dropped - droppedSeen;
      droppedSeen = reassembler.dropped;
    }
  }

  /**
   * Part A names waiting for their part B, in a ring like gpsd's (8 slots,
   * MAX_TYPE24_INTERLEAVE): the first slot with the MMSI wins and is then
   * cleared, so a repeated part B does not match twice.
   */
  function joinStatic(message: AisMessage): void {
    if (message.part === 'A') {
      ring[ringAt] = { mmsi: message.mmsi, name: String(message.values.shipname ?? '') };
      ringAt = (ringAt + 1) % ring.length;
      return;
    }
    const slot = ring.find((s) => s.mmsi === message.mmsi);
    if (slot) {
      message.values.shipname = slot.name;
      message.part = 'AB';
      slot.mmsi = 0;
    }
  }

  const completed: Reassembled = { kind: 'complete', bits, fragments: 1 };
  const singleComplete = (b: typeof bits): Reassembled => (b === completed.bits ? completed : { kind: 'complete', bits: b, fragments: 1 });

  function finishAis(r: Reassembled, own: boolean, channel: string, at: number | undefined, source: string | undefined): Decoded | undefined {
    syncDropped();
    if (r.kind === 'pending') return undefined;
    if (r.kind === 'bad_payload') return reject('bad_payload', r.fragments);
    const message = decodeMessage(r.bits);
    if (typeof message === 'string') return reject(message, r.fragments);
    if (message.type === 24) joinStatic(message);
    counts.ais++;
    counts.aisSentences += r.fragments;
    return { kind: 'ais', message, own, channel, sentences: r.fragments, receivedAt: at, source };
  }

  function startLine(receivedAt: number | undefined): void {
    counts.lines++;
    if (reassembler.size > 0) {
      reassembler.tick(receivedAt);
      syncDropped();
    }
  }

  function pushBytes(bytes: Uint8Array, start: number, end: number, receivedAt?: number): Decoded | undefined {
    startLine(receivedAt);
    if (scanVdmBytes(bytes, start, end, scan)) {
      const { payloadStart: from, payloadEnd: to } = scan;
      // A NAIS trailer's time and station win over the caller's, as in parseSentence.
      const at = scan.trailerTime === scan.trailerTime ? scan.trailerTime : receivedAt;
      const source = scan.trailerSource === '' ? undefined : scan.trailerSource;
      if (scan.total === 1) {
        const x = reassembler.singleBytes(bytes, from, to, scan.fillBits);
        if (x >= 0 && (x ^ scan.partialSum) === scan.checksum) {
          return finishAis(singleComplete(reassembler.current), scan.own, scan.channel, at, source);
        }
      } else {
        let x = scan.partialSum;
        for (let i = from; i < to; i++) x ^= bytes[i]!;
        if (x === scan.checksum) {
          const fragment = {
            total: scan.total,
            number: scan.number,
            sequenceId: scan.sequenceId,
            channel: scan.channel,
            // A copy: the caller may reuse its buffer before the message completes (Uint8Array's slice, as a Node Buffer's only views).
            payload: copyOf(bytes, from, to),
            fillBits: scan.fillBits,
            own: scan.own,
          };
          return finishAis(reassembler.push(fragment, at, source), scan.own, scan.channel, at, source);
        }
      }
    }
    return general(latin1(bytes, start, end), receivedAt);
  }

  const run = { xor: 0 };

  /**
   * A plain VDM/VDO line at `at` ending in LF or CR LF before `to`,
   * decoded without looking for its end first (the payload ends where the
   * armour does). Returns the index of its LF, or -1 having counted and
   * changed nothing (the bit buffer is scratch): the line is then left to
   * pushBytes, which gives the same result for every line this accepts.
   */
  function fastLine(bytes: Uint8Array, view: DataView, at: number, to: number, receivedAt: number | undefined, onDecoded: (d: Decoded) => void): number {
    const c4 = scanVdmHead(bytes, at, scan);
    if (c4 < 0) return -1;
    const bits = reassembler.current;
    const p = unarmourRun(bits, bytes, view, c4 + 1, Math.min(to, at + MAX_ENCAPSULATED_LENGTH), run);
    const fillDigit = bytes[p + 1]!;
    const fill = fillDigit - 48;
    if (bytes[p] !== 44 || p - c4 < 2 || !(fill >= 0 && fill <= 5) || bytes[p + 2] !== 42 /* * */) return -1;
    const hi = hexDigit(bytes[p + 3]!);
    const lo = hexDigit(bytes[p + 4]!);
    const lf = bytes[p + 5] === 10 ? p + 5 : bytes[p + 5] === 13 && bytes[p + 6] === 10 ? p + 6 : -1;
    const length = p + 5 - at; // through the checksum
    if (hi < 0 || lo < 0 || lf < 0 || lf >= to || length < 17 || length > MAX_ENCAPSULATED_LENGTH) return -1;
    if ((scan.partialSum ^ run.xor ^ 44 ^ fillDigit) !== ((hi << 4) | lo)) return -1;
    startLine(receivedAt);
    let out: Decoded | undefined;
    if (scan.total === 1) {
      bits.length -= fill;
      out = finishAis(singleComplete(bits), scan.own, scan.channel, receivedAt, undefined);
    } else {
      // A fragment: its bits were only a way to find the payload's end; the reassembler keeps a copy of the characters.
      const fragment = {
        total: scan.total,
        number: scan.number,
        sequenceId: scan.sequenceId,
        channel: scan.channel,
        payload: copyOf(bytes, c4 + 1, p),
        fillBits: fill,
        own: scan.own,
      };
      out = finishAis(reassembler.push(fragment, receivedAt), scan.own, scan.channel, receivedAt, undefined);
    }
    if (out !== undefined) onDecoded(out);
    return lf;
  }

  function pushLog(bytes: Uint8Array, from: number, to: number, onDecoded: (d: Decoded) => void, receivedAt?: number): number {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    let at = from;
    while (at < to) {
      let lf = fastLine(bytes, view, at, to, receivedAt, onDecoded);
      if (lf < 0) {
        lf = Uint8Array.prototype.indexOf.call(bytes, 10, at);
        if (lf < 0 || lf >= to) return at;
        const out = pushBytes(bytes, at, lf, receivedAt);
        if (out !== undefined) onDecoded(out);
      }
      at = lf + 1;
    }
    return at;
  }

  function push(line: string, receivedAt?: number): Decoded | undefined {
    startLine(receivedAt);
    if (scanVdm(line, scan)) {
      const { payloadStart: from, payloadEnd: to } = scan;
      if (scan.total === 1) {
        const x = reassembler.single(line, from, to, scan.fillBits);
        if (x >= 0 && (x ^ scan.partialSum) === scan.checksum) {
          return finishAis(singleComplete(reassembler.current), scan.own, scan.channel, receivedAt, undefined);
        }
      } else if ((xorChecksum(line, from, to) ^ scan.partialSum) === scan.checksum) {
        const fragment = {
          total: scan.total,
          number: scan.number,
          sequenceId: scan.sequenceId,
          channel: scan.channel,
          payload: line.slice(from, to),
          fillBits: scan.fillBits,
          own: scan.own,
        };
        return finishAis(reassembler.push(fragment, receivedAt), scan.own, scan.channel, receivedAt, undefined);
      }
      // A bad checksum or armour character: the general path says which.
    }
    return general(line, receivedAt);
  }

  /** Any line the AIS hot path did not take: framed the general way, then AIS, GNSS or a reject. */
  function general(line: string, receivedAt: number | undefined): Decoded | undefined {
    const prefix = loggerPrefix(line);
    if (prefix) {
      line = line.slice(prefix.rest);
      receivedAt = prefix.t ?? receivedAt;
    }
    const parsed = parseSentence(line);
    if (!parsed.ok) return reject(parsed.reason);
    const s = parsed.sentence;
    const at = s.receivedAt ?? receivedAt;

    if (s.start === '!' && (s.type === 'VDM' || s.type === 'VDO')) {
      const fragment = readFragment(s);
      if (!fragment) return reject('bad_fields');
      return finishAis(reassembler.push(fragment, at, s.source), fragment.own, fragment.channel, at, s.source);
    }

    const fix = parseGnss(s);
    if (fix === undefined) {
      counts.ignored++;
      return undefined;
    }
    if (fix === null) return reject('bad_fields');
    // A void RMC's date is the receiver's guess (often its firmware's build day): it dates nothing.
    if (fix.date && fix.valid !== false) {
      dayStart = instant(fix.date, 0);
      dayTime = fix.timeOfDay ?? 0;
    } else if (dayStart !== undefined && fix.timeOfDay !== undefined) {
      // A time of day far below the dated one means midnight passed since the last RMC/ZDA.
      const rolled = fix.timeOfDay < dayTime - 43_200_000;
      fix.time = dayStart + (rolled ? 86_400_000 : 0) + fix.timeOfDay;
    }
    counts.fixes++;
    const out: Decoded = { kind: 'fix', fix };
    if (at !== undefined) out.receivedAt = at;
    if (s.source !== undefined) out.source = s.source;
    return out;
  }

  return {
    push,
    pushBytes,
    pushLog,
    counts,
    get pendingFragments() {
      return reassembler.held;
    },
    snapshot() {
      return {
        day: dayStart === undefined ? null : { start: dayStart, time: dayTime },
        ring: ring.map((slot) => ({ ...slot })),
        ringAt,
        pending: reassembler.snapshot(),
      };
    },
  };
}
