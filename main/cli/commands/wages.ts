import { GangwayError } from '../../../shared/errors';
import { formatMinor } from '../../../shared/wages/money';
import type { WageReport } from '../../../shared/wages/schemas';
import { checkWageFiles } from '../../wages/check-files';
import type { Command } from '../command';

const usage = `Usage: gangway wages check --contracts FILE --statements FILE... [--payroll FILE...]
                           [--floor FILE] [--profile NAME|FILE.json] [--until YYYY-MM] [--json]

Imports bank statements (CSV, XLSX, camt.053/054), payroll and contracts
without a database, runs the wage rules and prints, per crew member and month,
what was owed, paid, deducted and suspected diverted, with totals per vessel.
  --contracts FILE     contracts CSV/XLSX: crew, account, monthly wage, start, end, deductions, advance
  --statements FILE... one or more statements (repeat the flag or list the files)
  --payroll FILE...    payroll / wage-slip CSV or XLSX
  --floor FILE         legal-floor table (JSON list of {jurisdiction, sector, effectiveFrom, dailyMinimum, currency, source})
  --profile NAME|FILE  a column mapping by name, or a JSON file with one or a list
  --until YYYY-MM      last month for contracts without an end (default: latest month in the data)
  --json               print the report as JSON (shape: docs/wages-json.md)`;

interface Options {
  contracts?: string;
  statements: string[];
  payroll: string[];
  floor?: string;
  profile?: string;
  until?: string;
  json: boolean;
}

function parse(args: readonly string[]): Options {
  const o: Options = { statements: [], payroll: [], json: false };
  let list: string[] | undefined;
  const single = (flag: string, i: number): string => {
    const v = args[i + 1];
    if (v === undefined || v.startsWith('--')) throw new GangwayError('VALIDATION', `${flag} needs a value.\n\n${usage}`);
    return v;
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--json') o.json = true;
    else if (a === '--contracts') o.contracts = single(a, i++);
    else if (a === '--floor') o.floor = single(a, i++);
    else if (a === '--profile') o.profile = single(a, i++);
    else if (a === '--until') o.until = single(a, i++);
    else if (a === '--statements') list = o.statements;
    else if (a === '--payroll') list = o.payroll;
    else if (a.startsWith('--')) throw new GangwayError('VALIDATION', `Unknown option ${a}.\n\n${usage}`);
    else if (list) list.push(a);
    else throw new GangwayError('VALIDATION', `"${a}" follows no option; put files after --statements or --payroll.\n\n${usage}`);
    if (a !== '--statements' && a !== '--payroll' && a.startsWith('--')) list = undefined;
  }
  if (!o.contracts) throw new GangwayError('VALIDATION', `--contracts FILE is required.\n\n${usage}`);
  if (o.statements.length === 0) throw new GangwayError('VALIDATION', `--statements needs at least one file.\n\n${usage}`);
  if (o.until !== undefined && !/^\d{4}-\d{2}$/.test(o.until)) throw new GangwayError('VALIDATION', `--until must be a month like 2024-12, not "${o.until}".`);
  return o;
}

function text(report: WageReport): string {
  const lines: string[] = [];
  for (const t of report.totals) {
    lines.push(`${t.vessel || '(vessel not named)'}: ${t.crewCount} crew, ${t.months} crew-months`);
    lines.push(`  expected ${formatMinor(t.expected)} ${t.currency}, paid ${formatMinor(t.paid)} ${t.currency}`);
    lines.push(`  total withheld ${formatMinor(t.totalWithheld)} ${t.currency}, total suspected diverted ${formatMinor(t.totalSuspectedDiverted)} ${t.currency}, ${t.flagCount} flags`);
  }
  const short = report.months.filter((m) => m.shortfall > 0 || m.suspectedDiverted > 0);
  if (short.length) lines.push('', 'Crew-months with a shortfall or suspected diversion:');
  for (const m of short) {
    lines.push(`  ${m.crew} ${m.month}: expected ${formatMinor(m.expected)}, paid ${formatMinor(m.paid)}, shortfall ${formatMinor(m.shortfall)}, diverted ${formatMinor(m.suspectedDiverted)} ${m.currency}`);
  }
  for (const n of report.notes) lines.push('', `Note: ${n}`);
  return lines.join('\n');
}

export const wagesCommand: Command = {
  usage,
  async run(args, io) {
    const [sub, ...rest] = args;
    if (sub !== 'check') throw new GangwayError('VALIDATION', `gangway wages knows one subcommand, "check"${sub ? `, not "${sub}"` : ''}.\n\n${usage}`);
    const o = parse(rest);
    const report = await checkWageFiles({ contracts: o.contracts!, statements: o.statements, payroll: o.payroll, floor: o.floor, profile: o.profile, settings: o.until ? { until: o.until } : undefined });
    io.out(o.json ? JSON.stringify(report, null, 2) : text(report));
    return 0;
  },
};
