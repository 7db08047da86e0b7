import { newBits } from '../ais/bits';
import { decodeBits } from '../ais/decode';
import { readFragment } from '../ais/fragment';
import type { AisMessage } from '../ais/message';
import { Reassembler, type Reassembled, type ReassemblerOptions } from '../ais/reassembler';
import { xorChecksum } from './checksum';
import { newVdmScan, scanVdm } from './fast-vdm';
import { parseSentence } from './framing';
import { instant, type Fix } from './gnss/fix';
import { parseGnss } from './gnss';
import { emptyRejectCounts, type RejectCounts, type RejectReason } from './reject';

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
}

export interface NmeaDecoder {
  /** Feeds one line; returns what it completed, if anything. Never throws. */
  push(line: string, receivedAt?: number): Decoded | undefined;
  readonly counts: DecoderCounts;
  /** AIS fragments held waiting for the rest of their message (bounded). */
  readonly pendingFragments: number;
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
    const decoded = decodeBits(r.bits);
    if (!decoded.ok) return reject(decoded.reason, r.fragments);
    const message = decoded.message;
    if (message.type === 24) joinStatic(message);
    counts.ais++;
    counts.aisSentences += r.fragments;
    return { kind: 'ais', message, own, channel, sentences: r.fragments, receivedAt: at, source };
  }

  function push(line: string, receivedAt?: number): Decoded | undefined {
    counts.lines++;
    if (reassembler.size > 0) {
      reassembler.tick(receivedAt);
      syncDropped();
    }
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
      // A bad checksum or armour character: the general path below says which.
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
    if (fix.date) {
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
    counts,
    get pendingFragments() {
      return reassembler.held;
    },
  };
}
