import type { Fix } from '../../shared/nmea/gnss';
import { createDecoder, type NmeaDecoder } from '../../shared/nmea/decoder';
import type { DecoderState } from '../../shared/nmea/decoder-state';
import type { AisPositionRow, AisStaticRow } from '../store/repos/marine-rows';
import { aisPosition, aisStatic } from './ais-rows';

/** What one pushed line completed. */
export type DecodedLine =
  /** `t` undefined: a log that gave no time yet (no dated RMC/ZDA, no tag block time): the fix cannot be placed in time. */
  | { kind: 'fix'; fix: Fix; t: number | undefined }
  /**
   * An AIS message, made of `lines` sentences; `own` for !AIVDO (our own transponder).
   * `undated`: a position report from a log that gave no time yet, so it has no position row.
   */
  | { kind: 'ais'; lines: number; own: boolean; mmsi: number; position: Omit<AisPositionRow, 'sessionId'> | undefined; static: AisStaticRow | undefined; undated: boolean }
  | { kind: 'none' };

export interface LineDecoderOptions {
  /**
   * The lines come from a log (a file), not a live receiver: the moment a line is read
   * says nothing about when it was written. Times come from the log only: a tag block's
   * c:, a NAIS trailer, or the receiver's own dated RMC/ZDA before the line.
   */
  fromLog?: boolean;
  /** The last time the log gave (a resumed import). */
  clock?: number | null | undefined;
}

/**
 * One source's decoder: shared/nmea's streaming decoder (framing, GNSS, AIS reassembly)
 * turned into rows. It is stateful per source on purpose: a GGA carries only the time of
 * day, and AIS fragments of one receiver belong together.
 */
export class LineDecoder {
  readonly codec: NmeaDecoder;
  private readonly fromLog: boolean;
  /** The last time the log itself gave: AIS lines without their own take it (the order the receiver wrote them). */
  clock: number | undefined;

  constructor(resume?: DecoderState, options: LineDecoderOptions = {}) {
    this.codec = createDecoder({ resume });
    this.fromLog = options.fromLog ?? false;
    this.clock = options.clock ?? undefined;
  }

  decode(line: string, receivedAt: number): DecodedLine {
    const fromLog = this.fromLog;
    const out = this.codec.push(line, fromLog ? undefined : receivedAt);
    if (!out) return { kind: 'none' };
    const logged = out.receivedAt;
    if (logged !== undefined) this.clock = logged;
    if (out.kind === 'fix') {
      const f = out.fix;
      const t = fromLog ? (f.time ?? (logged !== undefined && f.timeOfDay !== undefined ? fixTime(f, logged) : undefined)) : fixTime(f, logged ?? receivedAt);
      if (fromLog && f.time !== undefined && f.valid !== false) this.clock = f.time;
      return { kind: 'fix', fix: f, t };
    }
    const at = fromLog ? this.clock : (logged ?? receivedAt);
    const position = at === undefined ? undefined : aisPosition(out.message, at);
    const undated = at === undefined && aisPosition(out.message, 0) !== undefined;
    return { kind: 'ais', lines: out.sentences, own: out.own, mmsi: out.message.mmsi, position, static: aisStatic(out.message, at ?? receivedAt), undated };
  }
}

/**
 * The instant of a fix: the decoder's own date + time when it has them; else the time
 * of day on the day the line arrived. A time of day more than 12 h from the arrival
 * crossed midnight (a log replayed across UTC midnight), so the day shifts.
 */
export function fixTime(fix: Fix, receivedAt: number): number {
  if (fix.time !== undefined) return fix.time;
  if (fix.timeOfDay === undefined) return receivedAt;
  let t = Math.floor(receivedAt / 86_400_000) * 86_400_000 + fix.timeOfDay;
  if (t - receivedAt > 43_200_000) t -= 86_400_000;
  else if (receivedAt - t > 43_200_000) t += 86_400_000;
  return t;
}
