import fs from 'node:fs';
import path from 'node:path';
import { GangwayError } from '../../shared/errors';
import { FloorTable, type FloorEntry } from '../../shared/wages/floor';
import { reconcile } from '../../shared/wages/reconcile';
import { StatementProfile, type Contract, type ImportIssue, type Payslip, type StatementProfileParsed, type Transaction, type WageReport } from '../../shared/wages/schemas';
import type { WageSettings } from '../../shared/wages/settings';
import { importError } from './import';
import { parseWageFile } from './parse-file';

export interface CheckFiles {
  contracts: string;
  statements: readonly string[];
  payroll?: readonly string[];
  floor?: string;
  /** A built-in profile name, or a JSON file holding one profile or a list. */
  profile?: string;
  settings?: WageSettings;
}

function readBytes(file: string): Uint8Array {
  try {
    return fs.readFileSync(file);
  } catch (e) {
    throw new GangwayError('NOT_FOUND', `Cannot read ${file}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}.`);
  }
}

function readJson(file: string, what: string): unknown {
  try {
    return JSON.parse(new TextDecoder().decode(readBytes(file)));
  } catch (e) {
    if (e instanceof GangwayError) throw e;
    throw new GangwayError('VALIDATION', `${file} is not valid JSON (${(e as Error).message}); the ${what} must be a JSON file.`);
  }
}

function loadProfile(spec: string | undefined): { name?: string; profiles: StatementProfileParsed[] } {
  if (!spec) return { profiles: [] };
  if (!spec.endsWith('.json')) return { name: spec, profiles: [] };
  const raw = readJson(spec, 'column mapping profile');
  const list = (Array.isArray(raw) ? raw : [raw]).map((p, i) => {
    const r = StatementProfile.safeParse(p);
    if (!r.success) throw new GangwayError('VALIDATION', `${spec}: profile ${i + 1}: ${r.error.issues[0]?.path.join('.')}: ${r.error.issues[0]?.message}`);
    return r.data;
  });
  return { profiles: list };
}

function loadFloor(file: string | undefined): FloorEntry[] {
  if (!file) return [];
  const raw = readJson(file, 'legal-floor table');
  const r = FloorTable.safeParse(raw);
  if (!r.success) {
    const i = r.error.issues[0]!;
    throw new GangwayError('VALIDATION', `${file}: entry ${i.path.join('.')}: ${i.message}`);
  }
  return r.data;
}

async function parseAll(kind: 'statement' | 'payroll' | 'contracts', files: readonly string[], profile: ReturnType<typeof loadProfile>) {
  const out = { transactions: [] as Transaction[], payslips: [] as Payslip[], contracts: [] as Contract[] };
  for (const file of files) {
    const parsed = await parseWageFile({ kind, bytes: readBytes(file), filename: path.basename(file), profile: profile.name, profiles: profile.profiles });
    if (parsed.issues.length > 0) throw importError(file, parsed.issues as ImportIssue[]);
    out.transactions.push(...parsed.transactions);
    out.payslips.push(...parsed.payslips);
    out.contracts.push(...parsed.contracts);
  }
  return out;
}

/**
 * The same import and rules as the app, over files and without a store (a
 * port office checks many vessels this way). Transactions seen in two
 * statements count once, as they would in the store.
 */
export async function checkWageFiles(options: CheckFiles): Promise<WageReport> {
  const profile = loadProfile(options.profile);
  const floor = loadFloor(options.floor);
  const { contracts } = await parseAll('contracts', [options.contracts], profile);
  const { transactions } = await parseAll('statement', options.statements, profile);
  const { payslips } = await parseAll('payroll', options.payroll ?? [], profile);
  const unique = new Map<string, Transaction>();
  for (const t of transactions) if (!unique.has(t.identity)) unique.set(t.identity, t);
  const slips = new Map<string, Payslip>();
  for (const s of payslips) if (!slips.has(s.identity)) slips.set(s.identity, s);
  const report = reconcile({ contracts, transactions: [...unique.values()], payslips: [...slips.values()], floor, settings: options.settings });
  if (floor.length === 0) report.notes.push('No legal-floor table was given (--floor FILE): only the contract wage was checked.');
  return report;
}
