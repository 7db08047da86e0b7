import { isGangwayError } from '../../shared/errors';
import { csvToGrid, type Grid } from '../../shared/wages/parse/grid';
import { looksLikeCamt, parseCamt } from '../../shared/wages/parse/camt';
import { parseContractsGrid } from '../../shared/wages/parse/contracts';
import { parsePayrollGrid } from '../../shared/wages/parse/payroll';
import { parseStatementGrid } from '../../shared/wages/parse/statement-grid';
import { BUILTIN_PROFILES } from '../../shared/wages/profiles';
import { StatementProfile, type Contract, type ImportIssue, type Payslip, type StatementProfileParsed, type Transaction } from '../../shared/wages/schemas';
import { decodeText, type Encoding } from './decode';
import { xlsxToGrid } from './xlsx';

import type { WageFileKind } from '../../shared/wages/import-schemas';

export interface WageFileInput {
  kind: WageFileKind;
  bytes: Uint8Array;
  filename?: string;
  encoding?: Encoding;
  /** Saved profiles to try first (then the built-in ones); a name picks one only. */
  profiles?: readonly StatementProfileParsed[];
  profile?: string;
  /** The account a statement belongs to, when the file does not say. */
  account?: string;
}

export interface ParsedWageFile {
  kind: WageFileKind;
  format: 'csv' | 'xlsx' | 'camt.053' | 'camt.052' | 'camt.054';
  encoding?: string;
  profile?: string;
  transactions: Transaction[];
  payslips: Payslip[];
  contracts: Contract[];
  issues: ImportIssue[];
}

function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

function pickProfiles(input: WageFileInput): { profiles: StatementProfileParsed[]; issue?: ImportIssue } {
  const all = [...(input.profiles ?? []), ...BUILTIN_PROFILES].map((p) => StatementProfile.parse(p));
  if (!input.profile) return { profiles: all };
  const one = all.find((p) => p.name === input.profile);
  if (one) return { profiles: [one] };
  return { profiles: [], issue: { line: 0, code: 'UNKNOWN_PROFILE', message: `There is no column mapping named "${input.profile}". Known: ${all.map((p) => p.name).join(', ')}.` } };
}

function fromGrid(input: WageFileInput, grid: Grid, base: Omit<ParsedWageFile, 'transactions' | 'payslips' | 'contracts' | 'issues'>, pre: ImportIssue[]): ParsedWageFile {
  const out: ParsedWageFile = { ...base, transactions: [], payslips: [], contracts: [], issues: [...pre] };
  if (input.kind === 'statement') {
    const { profiles, issue } = pickProfiles(input);
    if (issue) return { ...out, issues: [...out.issues, issue] };
    const r = parseStatementGrid(grid, profiles, { account: input.account?.replace(/[-\s]/g, '') });
    return { ...out, profile: r.profile, transactions: r.transactions, issues: [...out.issues, ...r.issues] };
  }
  if (input.kind === 'payroll') {
    const r = parsePayrollGrid(grid);
    return { ...out, payslips: r.payslips, issues: [...out.issues, ...r.issues] };
  }
  const r = parseContractsGrid(grid);
  return { ...out, contracts: r.contracts, issues: [...out.issues, ...r.issues] };
}

/** Reads one wage file of any supported format into rows and row-level problems. Never throws on bad content. */
export async function parseWageFile(input: WageFileInput): Promise<ParsedWageFile> {
  const { bytes } = input;
  if (isZip(bytes)) {
    let grid: Grid;
    try {
      grid = await xlsxToGrid(bytes);
    } catch (e) {
      // The capped reader's sentence says what is wrong (unreadable, or which limit) and what to do.
      const message = isGangwayError(e) ? e.message : `The spreadsheet cannot be read (${(e as Error).message}). Save it again from Excel as .xlsx.`;
      const code = isGangwayError(e) && e.issues?.some((i) => i.path === 'limit') ? 'XLSX_LIMIT' : 'XLSX';
      return { kind: input.kind, format: 'xlsx', transactions: [], payslips: [], contracts: [], issues: [{ line: 0, code, message }] };
    }
    return fromGrid(input, grid, { kind: input.kind, format: 'xlsx' }, []);
  }
  const decoded = decodeText(bytes, input.encoding ?? 'auto');
  if (input.kind === 'statement' && looksLikeCamt(decoded.text)) {
    const r = parseCamt(decoded.text);
    return { kind: input.kind, format: r.kind, encoding: decoded.encoding, transactions: r.transactions, payslips: [], contracts: [], issues: [...decoded.issues, ...r.issues] };
  }
  // A wrong encoding garbles headers and text: report it and stop, rather than adding "unknown layout" noise.
  if (decoded.issues.length > 0) return { kind: input.kind, format: 'csv', encoding: decoded.encoding, transactions: [], payslips: [], contracts: [], issues: decoded.issues };
  return fromGrid(input, csvToGrid(decoded.text), { kind: input.kind, format: 'csv', encoding: decoded.encoding }, []);
}
