import crypto from 'node:crypto';
import { GangwayError } from '../../shared/errors';
import { WageImportRequest, type WageImportPreview, type WageImportResult } from '../../shared/wages/import-schemas';
import { formatMinor } from '../../shared/wages/money';
import type { Contract, ImportIssue, Payslip } from '../../shared/wages/schemas';
import { putBlob } from '../evidence/blobs';
import { inTransaction, type Store } from '../store/database';
import { now } from '../store/repos/rows';
import { parseWageFile, type ParsedWageFile } from './parse-file';
import * as repo from './repository';

interface Prepared {
  request: ReturnType<typeof WageImportRequest.parse>;
  parsed: ParsedWageFile;
  contracts: (Contract & { crewId: string })[];
  payslips: (Payslip & { crewId: string })[];
  identities: string[];
  issues: ImportIssue[];
}

const MEDIA: Record<ParsedWageFile['format'], string> = {
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'camt.053': 'application/xml',
  'camt.052': 'application/xml',
  'camt.054': 'application/xml',
};

/** Crew in a contract or payslip file are named by pseudonym or by crew id; both must be on the vessel's crew list. */
function resolveCrew<T extends { crew: string; line: number }>(rows: readonly T[], crew: readonly repo.CrewRef[], issues: ImportIssue[]): (T & { crewId: string })[] {
  const byName = new Map<string, repo.CrewRef>();
  for (const c of crew) {
    byName.set(c.pseudonym.toLowerCase(), c);
    byName.set(c.id, c);
  }
  const out: (T & { crewId: string })[] = [];
  for (const r of rows) {
    const found = byName.get(r.crew.toLowerCase()) ?? byName.get(r.crew);
    if (!found) {
      issues.push({ line: r.line, column: 'crew', code: 'CREW_UNKNOWN', message: `"${r.crew}" is not on this vessel's crew list. Add the crew member (by pseudonym) first, or correct the name.` });
      continue;
    }
    out.push({ ...r, crew: found.pseudonym, crewId: found.id });
  }
  return out;
}

/**
 * A payslip or contract already stored under the same identity (crew and period, crew and start) but
 * with other figures is refused rather than silently kept or replaced: what was stored is evidence too.
 */
function conflicts(db: Store['db'], vesselId: string, contracts: readonly Contract[], payslips: readonly Payslip[], issues: ImportIssue[]): void {
  if (payslips.length > 0) {
    const stored = new Map(repo.loadPayslips(db, vesselId).map((s) => [s.identity, s]));
    for (const s of payslips) {
      const old = stored.get(s.identity);
      if (!old) continue;
      const same = old.gross === s.gross && old.net === s.net && JSON.stringify(old.deductions) === JSON.stringify(s.deductions) && old.paymentDate === s.paymentDate;
      if (!same) issues.push({ line: s.line, code: 'CONFLICT', message: `${s.crew}'s payslip for ${s.period} is already stored with other figures (gross ${formatMinor(old.gross)}, net ${formatMinor(old.net)}). Remove this row, or check which slip is genuine: two different slips for one month are a finding in themselves.` });
    }
  }
  if (contracts.length > 0) {
    const stored = new Map(repo.loadContracts(db, vesselId).map((c) => [c.identity, c]));
    for (const c of contracts) {
      const old = stored.get(c.identity);
      if (!old) continue;
      const same = old.monthlyWage === c.monthlyWage && old.end === c.end && old.account === c.account && JSON.stringify(old.deductions) === JSON.stringify(c.deductions) && old.advance === c.advance && old.advanceRepayment === c.advanceRepayment;
      if (!same) issues.push({ line: c.line, code: 'CONFLICT', message: `${c.crew}'s contract from ${c.start} is already stored with other terms (wage ${formatMinor(old.monthlyWage)}${old.end ? `, ending ${old.end}` : ''}). Remove this row, or check which contract is genuine.` });
    }
  }
}

async function prepare(store: Store, input: WageImportRequest, bytes: Uint8Array): Promise<Prepared> {
  const request = WageImportRequest.parse(input);
  const db = store.db;
  if (!repo.vesselName(db, request.vesselId)) throw new GangwayError('NOT_FOUND', 'That vessel is not in the registry. Choose a vessel before importing wage records.');
  const parsed = await parseWageFile({ kind: request.kind, bytes, filename: request.filename, encoding: request.encoding, profile: request.profile, profiles: repo.listProfiles(db), account: request.account });
  const issues = [...parsed.issues];
  const crew = repo.crewOfVessel(db, request.vesselId);
  const contracts = resolveCrew(parsed.contracts, crew, issues);
  const payslips = resolveCrew(parsed.payslips, crew, issues);
  if (contracts.length > 0) {
    // A month with two contracts is refused across imports too, not only within one file.
    const stored = repo.loadContracts(db, request.vesselId);
    for (const c of contracts) {
      const clash = stored.find((s) => s.crew === c.crew && s.identity !== c.identity && s.start.slice(0, 7) <= (c.end ?? '9999-12').slice(0, 7) && c.start.slice(0, 7) <= (s.end ?? '9999-12').slice(0, 7));
      if (clash) issues.push({ line: c.line, column: 'start', code: 'CONTRACT_OVERLAP', message: `${c.crew} already has a stored contract from ${clash.start}${clash.end ? ` to ${clash.end}` : ''}; a month cannot have two contracts.` });
    }
  }
  conflicts(db, request.vesselId, contracts, payslips, issues);
  const identities = [...parsed.transactions.map((t) => t.identity), ...payslips.map((s) => s.identity), ...contracts.map((c) => c.identity)];
  issues.sort((a, b) => a.line - b.line);
  return { request, parsed, contracts, payslips, identities, issues };
}

function sample(p: Prepared): WageImportPreview['sample'] {
  const cells = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).filter(([k, v]) => v !== undefined && k !== 'line' && k !== 'identity').map(([k, v]) => [k, typeof v === 'object' ? JSON.stringify(v) : String(v)]));
  const rows = [...p.parsed.transactions, ...p.payslips, ...p.contracts].slice(0, 20);
  return rows.map((r) => ({ line: r.line, cells: cells(r as unknown as Record<string, unknown>) }));
}

/** Reads the file and says what an import would do, with every row-level problem. Writes nothing. */
export async function previewWageImport(store: Store, input: WageImportRequest, bytes: Uint8Array): Promise<WageImportPreview> {
  const p = await prepare(store, input, bytes);
  const stored = repo.storedIdentities(store.db, p.request.vesselId, p.request.kind, p.identities);
  return {
    kind: p.request.kind,
    format: p.parsed.format,
    encoding: p.parsed.encoding,
    profile: p.parsed.profile,
    rows: p.identities.length,
    newRows: p.identities.length - stored.size,
    alreadyStored: stored.size,
    issues: p.issues,
    sample: sample(p),
  };
}

export function importError(filename: string | undefined, issues: readonly ImportIssue[]): GangwayError {
  const first = issues[0]!;
  const where = first.line > 0 ? `line ${first.line}${first.column ? `, column ${first.column}` : ''}` : 'the file';
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? 's' : ''})` : '';
  return new GangwayError(
    'IMPORT',
    `${filename ?? 'The file'} was not imported: ${where}: ${first.message}${more}. Nothing was stored; fix the file and import it again.`,
    issues.map((i) => ({ path: i.line > 0 ? `line ${i.line}${i.column ? `, column ${i.column}` : ''}` : 'file', message: i.message })),
  );
}

function withCache<T>(store: Store, before: number, fn: () => T): T {
  try {
    return fn();
  } finally {
    store.db.pragma(`cache_size = ${before}`);
  }
}

/**
 * Imports a wage file in one transaction: the original bytes as evidence, an
 * import record, and every row not already stored. Any problem in any row
 * means nothing is written.
 */
export async function applyWageImport(store: Store, input: WageImportRequest, bytes: Uint8Array, onProgress?: (done: number, total: number) => void): Promise<WageImportResult> {
  const p = await prepare(store, input, bytes);
  if (p.issues.length > 0) throw importError(p.request.filename, p.issues);
  if (p.identities.length === 0) throw new GangwayError('IMPORT', `${p.request.filename ?? 'The file'} holds no rows to import. Check that it is the right file.`);
  onProgress?.(0, p.identities.length);
  const importId = crypto.randomUUID();
  const { request, parsed } = p;
  // A big statement overflows SQLite's default 2 MB page cache and spills to the WAL mid-transaction;
  // a larger cache for this connection while importing halves the time for 100k rows.
  const cacheBefore = store.db.pragma('cache_size', { simple: true }) as number;
  if (p.identities.length > 10_000) store.db.pragma('cache_size = -65536');
  const result = withCache(store, cacheBefore, () => inTransaction(store.db, () => {
    const blob = putBlob(store.db, store.dataDir, { bytes, mediaType: MEDIA[parsed.format], filename: request.filename, note: `wage ${request.kind} import` });
    repo.insertImport(store.db, {
      id: importId,
      vesselId: request.vesselId,
      auditId: request.auditId,
      kind: request.kind,
      format: parsed.format,
      sha256: blob.sha256,
      filename: request.filename,
      encoding: parsed.encoding,
      profile: parsed.profile,
      rowCount: p.identities.length,
      addedCount: 0,
      createdAt: now(),
    });
    let added = 0;
    if (request.kind === 'statement') added = repo.insertTransactions(store.db, request.vesselId, importId, parsed.transactions);
    else if (request.kind === 'payroll') added = repo.insertPayslips(store.db, request.vesselId, importId, p.payslips);
    else added = repo.insertContracts(store.db, request.vesselId, importId, p.contracts);
    repo.setImportAdded(store.db, importId, added);
    return { importId, sha256: blob.sha256, rows: p.identities.length, added, alreadyStored: p.identities.length - added };
  }));
  onProgress?.(p.identities.length, p.identities.length);
  return result;
}
