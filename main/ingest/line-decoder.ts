import type { Fix } from '../../shared/nmea/gnss';
import { createDecoder, type NmeaDecoder } from '../../shared/nmea/decoder';
import type { DecoderState } from '../../shared/nmea/decoder-state';
import type { AisPositionRow, AisStaticRow } from '../store/repos/marine-rows';
import { aisPosition, aisStatic } from './ais-rows';

/** What one pushed line completed. */
export type Decoded =
  | { kind: 'fix'; fix: Fix; t: number }
  /** An AIS message, made of `lines` sentences; `own` for !AIVDO (our own transponder). */
  | { kind: 'ais'; lines: number; own: boolean; position: Omit<AisPositionRow, 'sessionId'> | undefined; static: AisStaticRow | undefined }
  | { kind: 'none' };

/**
 * One source's decoder: shared/nmea's streaming decoder (framing, GNSS, AIS reassembly)
 * turned into rows. It is stateful per source on purpose: a GGA carries only the time of
 * day, and AIS fragments of one receiver belong together.
 */
export class LineDecoder {
  readonly codec: NmeaDecoder;

  constructor(resume?: DecoderState) {
    this.codec = createDecoder({ resume });
  }

  decode(line: string, receivedAt: number): Decoded {
    const out = this.codec.push(line, receivedAt);
    if (!out) return { kind: 'none' };
    const at = out.receivedAt ?? receivedAt;
    if (out.kind === 'fix') return { kind: 'fix', fix: out.fix, t: fixTime(out.fix, at) };
    return { kind: 'ais', lines: out.sentences, own: out.own, position: aisPosition(out.message, at), static: aisStatic(out.message, at) };
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
