import type { Migration } from './types';

/**
 * Schema v4: e-wage records. Money is INTEGER minor units. Rows are keyed by
 * (vessel, identity) — the bank reference or a content hash — so re-importing
 * a file or an overlapping statement adds nothing. Every row points at the
 * import that brought it, and the import at the original file kept as evidence.
 */
export const migration: Migration = {
  version: 4,
  name: 'wages',
  up(db) {
    db.exec(`
      CREATE TABLE wage_imports (
        id TEXT PRIMARY KEY,
        vessel_id TEXT NOT NULL REFERENCES vessels (id),
        audit_id TEXT REFERENCES audits (id),
        kind TEXT NOT NULL CHECK (kind IN ('statement', 'payroll', 'contracts')),
        format TEXT NOT NULL,
        sha256 TEXT NOT NULL REFERENCES evidence (sha256),
        filename TEXT,
        encoding TEXT,
        profile TEXT,
        row_count INTEGER NOT NULL,
        added_count INTEGER NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX wage_imports_vessel ON wage_imports (vessel_id, created_at);

      CREATE TABLE wage_contracts (
        vessel_id TEXT NOT NULL REFERENCES vessels (id),
        identity TEXT NOT NULL,
        crew_id TEXT NOT NULL REFERENCES crew_members (id),
        account TEXT,
        monthly_wage INTEGER NOT NULL CHECK (monthly_wage >= 0),
        currency TEXT NOT NULL,
        start_date TEXT NOT NULL,
        end_date TEXT,
        deductions TEXT NOT NULL DEFAULT '[]', -- JSON [{label, amount}]
        advance INTEGER NOT NULL DEFAULT 0,
        advance_repayment INTEGER NOT NULL DEFAULT 0,
        import_id TEXT NOT NULL REFERENCES wage_imports (id),
        line INTEGER NOT NULL,
        PRIMARY KEY (vessel_id, identity)
      ) STRICT;
      CREATE INDEX wage_contracts_crew ON wage_contracts (crew_id, start_date);

      CREATE TABLE wage_transactions (
        vessel_id TEXT NOT NULL REFERENCES vessels (id),
        identity TEXT NOT NULL,
        account TEXT NOT NULL,
        booked_at TEXT NOT NULL,
        amount INTEGER NOT NULL,
        currency TEXT NOT NULL,
        balance INTEGER CHECK (balance IS NULL OR balance >= 0),
        reference TEXT,
        counterparty TEXT,
        channel TEXT,
        terminal_id TEXT,
        location TEXT,
        description TEXT,
        kind TEXT NOT NULL CHECK (kind IN ('deposit', 'withdrawal', 'fee', 'transfer_out', 'other')),
        import_id TEXT NOT NULL REFERENCES wage_imports (id),
        line INTEGER NOT NULL,
        -- A rowid table: rows append in import order and only the identity index takes random inserts.
        UNIQUE (vessel_id, identity)
      ) STRICT;
      -- No index by account: reconciliation reads a vessel's rows at once and sorts them in memory,
      -- and a second text index would cost ~40% of the time of a 100k-row import.

      CREATE TABLE wage_payslips (
        vessel_id TEXT NOT NULL REFERENCES vessels (id),
        identity TEXT NOT NULL,
        crew_id TEXT NOT NULL REFERENCES crew_members (id),
        period TEXT NOT NULL,
        gross INTEGER NOT NULL,
        net INTEGER NOT NULL,
        currency TEXT NOT NULL,
        deductions TEXT NOT NULL DEFAULT '[]',
        payment_date TEXT,
        signed INTEGER,
        debt_balance INTEGER,
        import_id TEXT NOT NULL REFERENCES wage_imports (id),
        line INTEGER NOT NULL,
        PRIMARY KEY (vessel_id, identity)
      ) STRICT;

      -- The legal floor is data with its source, editable and later synced (no figure in code).
      CREATE TABLE wage_floor (
        jurisdiction TEXT NOT NULL,
        sector TEXT NOT NULL,
        region TEXT NOT NULL DEFAULT '',
        effective_from TEXT NOT NULL,
        daily_minimum INTEGER,
        monthly_minimum INTEGER,
        currency TEXT NOT NULL,
        source TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (jurisdiction, sector, region, effective_from)
      ) STRICT;

      CREATE TABLE wage_profiles (
        name TEXT PRIMARY KEY,
        profile TEXT NOT NULL, -- JSON StatementProfile
        updated_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
