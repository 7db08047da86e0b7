import { FloorEntry } from '../../shared/wages/floor';
import { WageImportRecord, type WageFileKind } from '../../shared/wages/import-schemas';
import { Contract, Payslip, StatementProfile, Transaction, type StatementProfileParsed } from '../../shared/wages/schemas';
import type { Db } from '../store/database';
import { now, nullToUndefined } from '../store/repos/rows';
import { vesselName } from '../store/repos/vessels';

/** Reads and writes of the wage tables. Callers wrap multi-row writes in `inTransaction`. */

export interface CrewRef {
  id: string;
  pseudonym: string;
}

export function crewOfVessel(db: Db, vesselId: string): CrewRef[] {
  return db.prepare('SELECT id, pseudonym FROM crew_members WHERE vessel_id = ?').all(vesselId) as CrewRef[];
}

export { vesselName };

export function insertImport(db: Db, r: WageImportRecord): void {
  db.prepare(
    `INSERT INTO wage_imports (id, vessel_id, audit_id, kind, format, sha256, filename, encoding, profile, row_count, added_count, created_at)
     VALUES (@id, @vesselId, @auditId, @kind, @format, @sha256, @filename, @encoding, @profile, @rowCount, @addedCount, @createdAt)`,
  ).run({ auditId: null, filename: null, encoding: null, profile: null, ...r });
}

export function setImportAdded(db: Db, id: string, added: number): void {
  db.prepare('UPDATE wage_imports SET added_count = ? WHERE id = ?').run(added, id);
}

export function listImports(db: Db, vesselId: string): WageImportRecord[] {
  const rows = db
    .prepare(
      `SELECT id, vessel_id AS vesselId, audit_id AS auditId, kind, format, sha256, filename, encoding, profile, row_count AS rowCount, added_count AS addedCount, created_at AS createdAt
       FROM wage_imports WHERE vessel_id = ? ORDER BY created_at DESC`,
    )
    .all(vesselId) as Record<string, unknown>[];
  return rows.map((r) => WageImportRecord.parse(nullToUndefined(r)));
}

const TABLE: Record<WageFileKind, string> = { statement: 'wage_transactions', payroll: 'wage_payslips', contracts: 'wage_contracts' };

/** Which of these identities the vessel already holds (for the preview's "already stored"). */
export function storedIdentities(db: Db, vesselId: string, kind: WageFileKind, identities: readonly string[]): Set<string> {
  if (identities.length > 2000) {
    // For a big file one scan of the vessel's identities beats a lookup per row.
    const all = new Set(db.prepare(`SELECT identity FROM ${TABLE[kind]} WHERE vessel_id = ?`).pluck().all(vesselId) as string[]);
    return new Set(identities.filter((id) => all.has(id)));
  }
  const stmt = db.prepare(`SELECT 1 FROM ${TABLE[kind]} WHERE vessel_id = ? AND identity = ?`).pluck();
  const out = new Set<string>();
  for (const id of identities) if (stmt.get(vesselId, id)) out.add(id);
  return out;
}

const TX_INSERT_COLUMNS = 16;
/** Rows per INSERT: multi-row statements cut per-row overhead ~5x; 64 × 16 stays far below SQLite's 32766 parameters. */
const TX_BATCH = 64;

function txInsertSql(rows: number): string {
  const one = `(${new Array(TX_INSERT_COLUMNS).fill('?').join(', ')})`;
  return `INSERT INTO wage_transactions (vessel_id, identity, account, booked_at, amount, currency, balance, reference, counterparty, channel, terminal_id, location, description, kind, import_id, line)
     VALUES ${new Array(rows).fill(one).join(', ')} ON CONFLICT (vessel_id, identity) DO NOTHING`;
}

/** Inserts transactions; rows already stored are skipped. Returns how many were added. */
export function insertTransactions(db: Db, vesselId: string, importId: string, txs: readonly Transaction[]): number {
  const full = db.prepare(txInsertSql(TX_BATCH));
  let added = 0;
  const params: unknown[] = [];
  const flush = (count: number) => {
    added += (count === TX_BATCH ? full : db.prepare(txInsertSql(count))).run(params).changes;
    params.length = 0;
  };
  let pending = 0;
  for (const t of txs) {
    params.push(vesselId, t.identity, t.account, t.bookedAt, t.amount, t.currency, t.balance ?? null, t.reference ?? null, t.counterparty ?? null, t.channel ?? null, t.terminalId ?? null, t.location ?? null, t.description ?? null, t.kind, importId, t.line);
    if (++pending === TX_BATCH) {
      flush(pending);
      pending = 0;
    }
  }
  if (pending > 0) flush(pending);
  return added;
}

export function insertPayslips(db: Db, vesselId: string, importId: string, slips: readonly (Payslip & { crewId: string })[]): number {
  const stmt = db.prepare(
    `INSERT INTO wage_payslips (vessel_id, identity, crew_id, period, gross, net, currency, deductions, payment_date, signed, debt_balance, import_id, line)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (vessel_id, identity) DO NOTHING`,
  );
  let added = 0;
  for (const s of slips) {
    added += stmt.run(vesselId, s.identity, s.crewId, s.period, s.gross, s.net, s.currency, JSON.stringify(s.deductions), s.paymentDate ?? null, s.signed === undefined ? null : s.signed ? 1 : 0, s.debtBalance ?? null, importId, s.line).changes;
  }
  return added;
}

export function insertContracts(db: Db, vesselId: string, importId: string, contracts: readonly (Contract & { crewId: string })[]): number {
  const stmt = db.prepare(
    `INSERT INTO wage_contracts (vessel_id, identity, crew_id, account, monthly_wage, currency, start_date, end_date, deductions, advance, advance_repayment, import_id, line)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (vessel_id, identity) DO NOTHING`,
  );
  let added = 0;
  for (const c of contracts) {
    added += stmt.run(vesselId, c.identity, c.crewId, c.account ?? null, c.monthlyWage, c.currency, c.start, c.end ?? null, JSON.stringify(c.deductions), c.advance, c.advanceRepayment, importId, c.line).changes;
  }
  return added;
}

/** A vessel's contracts, with crew named by pseudonym and the vessel by its name (as the rules expect). */
export function loadContracts(db: Db, vesselId: string): Contract[] {
  const vessel = vesselName(db, vesselId) ?? '';
  const rows = db
    .prepare(
      `SELECT c.identity, m.pseudonym AS crew, c.account, c.monthly_wage AS monthlyWage, c.currency, c.start_date AS start, c.end_date AS "end",
              c.deductions, c.advance, c.advance_repayment AS advanceRepayment, c.line
       FROM wage_contracts c JOIN crew_members m ON m.id = c.crew_id WHERE c.vessel_id = ? ORDER BY m.pseudonym, c.start_date`,
    )
    .all(vesselId) as Record<string, unknown>[];
  return rows.map((r) => Contract.parse({ ...nullToUndefined(r), vessel, deductions: JSON.parse(r.deductions as string) }));
}

export function loadPayslips(db: Db, vesselId: string): Payslip[] {
  const rows = db
    .prepare(
      `SELECT s.identity, m.pseudonym AS crew, s.period, s.gross, s.net, s.currency, s.deductions, s.payment_date AS paymentDate, s.signed, s.debt_balance AS debtBalance, s.line
       FROM wage_payslips s JOIN crew_members m ON m.id = s.crew_id WHERE s.vessel_id = ?`,
    )
    .all(vesselId) as Record<string, unknown>[];
  return rows.map((r) => {
    const v = nullToUndefined(r);
    return Payslip.parse({ ...v, deductions: JSON.parse(r.deductions as string), signed: v.signed === undefined ? undefined : v.signed === 1 });
  });
}

const TX_COLUMNS = `identity, account, booked_at AS bookedAt, amount, currency, balance, reference, counterparty, channel, terminal_id AS terminalId, location, description, kind, line`;

export function loadTransactions(db: Db, vesselId: string): Transaction[] {
  const rows = db.prepare(`SELECT ${TX_COLUMNS} FROM wage_transactions WHERE vessel_id = ?`).all(vesselId) as Record<string, unknown>[];
  // Rows were validated on the way in; re-parsing 100k rows with zod would double the reconcile time.
  return rows.map((r) => nullToUndefined(r) as unknown as Transaction);
}

export function getTransactions(db: Db, vesselId: string, identities: readonly string[]): Transaction[] {
  const stmt = db.prepare(`SELECT ${TX_COLUMNS} FROM wage_transactions WHERE vessel_id = ? AND identity = ?`);
  const out: Transaction[] = [];
  for (const id of identities) {
    const r = stmt.get(vesselId, id) as Record<string, unknown> | undefined;
    if (r) out.push(Transaction.parse(nullToUndefined(r)));
  }
  return out;
}

export function listFloor(db: Db): FloorEntry[] {
  const rows = db
    .prepare(
      `SELECT jurisdiction, sector, region, effective_from AS effectiveFrom, daily_minimum AS dailyMinimum, monthly_minimum AS monthlyMinimum, currency, source
       FROM wage_floor ORDER BY jurisdiction, sector, region, effective_from`,
    )
    .all() as Record<string, unknown>[];
  return rows.map((r) => FloorEntry.parse({ ...nullToUndefined(r), region: r.region === '' ? undefined : r.region }));
}

export function upsertFloor(db: Db, e: FloorEntry): void {
  db.prepare(
    `INSERT INTO wage_floor (jurisdiction, sector, region, effective_from, daily_minimum, monthly_minimum, currency, source, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (jurisdiction, sector, region, effective_from) DO UPDATE SET
       daily_minimum = excluded.daily_minimum, monthly_minimum = excluded.monthly_minimum, currency = excluded.currency, source = excluded.source, updated_at = excluded.updated_at`,
  ).run(e.jurisdiction, e.sector, e.region ?? '', e.effectiveFrom, e.dailyMinimum ?? null, e.monthlyMinimum ?? null, e.currency, e.source, now());
}

export function deleteFloor(db: Db, key: { jurisdiction: string; sector: string; region?: string; effectiveFrom: string }): number {
  return db.prepare('DELETE FROM wage_floor WHERE jurisdiction = ? AND sector = ? AND region = ? AND effective_from = ?').run(key.jurisdiction, key.sector, key.region ?? '', key.effectiveFrom).changes;
}

export function listProfiles(db: Db): StatementProfileParsed[] {
  const rows = db.prepare('SELECT profile FROM wage_profiles ORDER BY name').pluck().all() as string[];
  return rows.map((p) => StatementProfile.parse(JSON.parse(p)));
}

export function saveProfile(db: Db, profile: StatementProfileParsed): void {
  db.prepare(`INSERT INTO wage_profiles (name, profile, updated_at) VALUES (?, ?, ?) ON CONFLICT (name) DO UPDATE SET profile = excluded.profile, updated_at = excluded.updated_at`).run(
    profile.name,
    JSON.stringify(profile),
    now(),
  );
}
