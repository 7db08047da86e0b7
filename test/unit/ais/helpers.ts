import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { toGpsdJson } from '../../../shared/ais/gpsd-json';
import { createDecoder } from '../../../shared/nmea/decoder';

export const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures');
export const GPSDECODE = '/usr/bin/gpsdecode';
export const hasGpsdecode = existsSync(GPSDECODE);

export function fixtureLines(rel: string): string[] {
  return readFileSync(path.join(FIXTURES, rel), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '' && !l.startsWith('#'));
}

/** Gangway's gpsd JSON for every AIS message in `lines`, in order. */
export function gangwayJson(lines: string[]): Record<string, unknown>[] {
  const decoder = createDecoder();
  const out: Record<string, unknown>[] = [];
  for (const line of lines) {
    const r = decoder.push(line);
    if (r?.kind === 'ais') {
      const json = toGpsdJson(r.message);
      if (json) out.push(json);
    }
  }
  return out;
}

/** What the real gpsdecode prints for `lines`. */
export function gpsdecodeJson(lines: string[]): Record<string, unknown>[] {
  const out = execFileSync(GPSDECODE, ['-j'], { input: lines.join('\n') + '\n', encoding: 'utf8' });
  return out
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

/** Text fields compare after trimming padding; everything else must be equal. */
export function normalise(v: unknown): unknown {
  if (typeof v === 'string') return v.trim();
  if (Array.isArray(v)) return v.map(normalise);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, normalise(x)]));
  return v;
}
