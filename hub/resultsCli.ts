import { GangwayError } from '../shared/errors';
import { aggregate, Dimension, ResultsQuery, type Cell } from '../shared/impact/aggregate';
import { REASON_TEXT } from '../shared/impact/disclosure';
import { toCsv } from '../shared/impact/export';
import { hubSummaries } from './results';
import type { HubStore } from './store';

const pct = (v: number) => `${(v * 100).toFixed(1)} %`;

function line(cell: Cell): string {
  const key = Object.values(cell.key).join(' / ') || 'all';
  const p = cell.prevalence;
  if (p.suppressed) return `${key}: withheld (${REASON_TEXT[p.reason]})`;
  const f = p.forcedLabour;
  return `${key}: forced labour ${f.x} of ${p.n} crew, ${pct(f.share)} [${pct(f.lo)}, ${pct(f.hi)}]${p.unreliable ? ' (fewer than 30: unreliable)' : ''}`;
}

/** `gangway hub results`: the same figures as the port office dashboard. */
export function printResults(
  hub: HubStore,
  values: { by?: string; from?: string; to?: string; programme?: string; json?: boolean; csv?: boolean },
  io: { out(text: string): void },
): void {
  const by = (values.by ?? '').split(',').map((d) => d.trim()).filter(Boolean);
  const bad = by.find((d) => !Dimension.safeParse(d).success);
  if (bad) throw new GangwayError('VALIDATION', `--by takes ${Dimension.options.join(', ')} (comma-separated), not "${bad}".`);
  const query = ResultsQuery.safeParse({ by, from: values.from, to: values.to, programmeDate: values.programme });
  if (!query.success) throw new GangwayError('VALIDATION', 'Dates are written 2026-07-01 (--from, --to, --programme).');
  const results = aggregate(hubSummaries(hub), query.data);
  if (values.json) return io.out(JSON.stringify(results, null, 2));
  if (values.csv) return io.out(toCsv(results));
  io.out(`${results.audits} audits. Cells with fewer than ${results.rules.minimumCrew} crew interviewed are withheld.`);
  for (const c of results.cells) io.out(line(c));
  io.out(line(results.total));
  const c = results.comparison;
  if (c) {
    const f = c.forcedLabour;
    io.out(`Since ${c.programmeDate}: forced labour ${f.suppressed ? `not compared (${f.reason})` : `${f.direction.replace(/_/g, ' ')} (${pct(f.before)} to ${pct(f.after)}, change [${pct(f.lo)}, ${pct(f.hi)}])`}`);
    for (const m of c.money) {
      if (m.basis !== 'documented') continue;
      io.out(`  ${m.category.replace(/_/g, ' ')} (${m.currency} per crew member): ${m.change.suppressed ? `not compared (${m.change.reason})` : `${m.change.direction.replace(/_/g, ' ')} (${(m.change.before / 100).toFixed(2)} to ${(m.change.after / 100).toFixed(2)})`}`);
    }
    io.out(c.bothFell ? 'Both forced labour and illicit profit fell.' : 'Not both forced labour and illicit profit fell.');
  }
}
