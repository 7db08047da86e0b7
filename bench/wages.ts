import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDeviceStore } from '../main/device-store';
import { applyWageImport } from '../main/wages/import';
import { reconcile } from '../shared/wages/reconcile';
import type { Contract, Payslip, Transaction } from '../shared/wages/schemas';

export interface BenchResult {
  name: string;
  ok: boolean;
  lines: string[];
  metrics: Record<string, number>;
}

/** CPU time next to wall time: on a shared machine the wall clock also counts other people's work. */
const cpuMs = (since: NodeJS.CpuUsage) => {
  const u = process.cpuUsage(since);
  return (u.user + u.system) / 1000;
};

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** An e-payment export of `rows` transactions over 400 accounts, English headers, B.E. dates, thousands separators. */
function bigStatement(rows: number): Uint8Array {
  const lines = ['Bank e-payment export', 'Period,01/01/2566 - 31/12/2567', 'Account,Date,Time,Description,Debit,Credit,Balance,Channel,Terminal,Location,Reference'];
  const balances = new Map<number, number>();
  for (let i = 0; i < rows; i++) {
    const acct = i % 400;
    const day = Math.floor(i / 400);
    const date = new Date(Date.UTC(2023, 0, 1) + (day % 730) * 86_400_000);
    const be = `${pad(date.getUTCDate())}/${pad(date.getUTCMonth() + 1)}/${date.getUTCFullYear() + 543}`;
    const time = `${pad(8 + (i % 10))}:${pad(i % 60)}`;
    const deposit = i % 3 === 0;
    const amount = deposit ? 1_150_000 : 100_000 + (i % 7) * 1000;
    const bal = (balances.get(acct) ?? 5_000_000) + (deposit ? amount : -amount);
    balances.set(acct, bal);
    const money = (m: number) => `"${(m / 100).toLocaleString('en-US', { minimumFractionDigits: 2 })}"`;
    lines.push(`${1_000_000 + acct},${be},${time},${deposit ? 'Salary transfer' : 'ATM withdrawal'},${deposit ? '' : money(amount)},${deposit ? money(amount) : ''},${money(bal)},${deposit ? 'TRANSFER' : 'ATM'},${deposit ? '' : `ATM-${i % 50}`},${deposit ? '' : 'Pier'},R${pad(i, 7)}`);
  }
  return new TextEncoder().encode(lines.join('\r\n') + '\r\n');
}

export function fleetData(crew: number, months: number): { contracts: Contract[]; transactions: Transaction[]; payslips: Payslip[] } {
  const contracts: Contract[] = [];
  const transactions: Transaction[] = [];
  const payslips: Payslip[] = [];
  for (let c = 0; c < crew; c++) {
    const name = `F${pad(c, 4)}`;
    const account = String(2_000_000 + c);
    contracts.push({ identity: `k${c}`, crew: name, vessel: `V${c % 10}`, account, monthlyWage: 1_200_000, currency: 'THB', start: '2023-01-01', end: '2024-12-31', deductions: [{ label: 'food', amount: 50_000 }], advance: 600_000, advanceRepayment: 50_000, line: c + 2 });
    for (let m = 0; m < months; m++) {
      const period = `${2023 + Math.floor(m / 12)}-${pad((m % 12) + 1)}`;
      const payDay = `${period}-28`;
      payslips.push({ identity: `s${c}-${m}`, crew: name, period, gross: 1_200_000, deductions: [{ label: 'food', amount: 50_000 }, { label: 'advance', amount: 50_000 }], net: 1_100_000, currency: 'THB', paymentDate: payDay, debtBalance: Math.max(0, 600_000 - (m + 1) * 50_000), line: m + 2 });
      transactions.push({ identity: `d${c}-${m}`, account, bookedAt: `${payDay}T09:00:00`, amount: c % 7 === 0 ? 900_000 : 1_100_000, currency: 'THB', kind: 'deposit', line: 1 });
      transactions.push({ identity: `w${c}-${m}`, account, bookedAt: `${payDay}T${c % 5 === 0 ? '10' : '19'}:${pad(c % 60)}:00`, amount: -1_000_000, currency: 'THB', kind: 'withdrawal', terminalId: `ATM-${c % 20}`, line: 2 });
    }
  }
  return { contracts, transactions, payslips };
}

export async function run(): Promise<BenchResult> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gangway-bench-wages-'));
  try {
    const store = openDeviceStore(dir);
    const vesselId = crypto.randomUUID();
    const at = new Date().toISOString();
    store.db.prepare('INSERT INTO vessels (id, name, created_at, updated_at) VALUES (?, ?, ?, ?)').run(vesselId, 'BENCH', at, at);
    const rows = 100_000;
    const file = bigStatement(rows);
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const result = await applyWageImport(store, { vesselId, kind: 'statement', filename: 'export.csv' }, file);
    const importMs = performance.now() - t0;
    const importCpu = cpuMs(c0);
    const t1 = performance.now();
    const again = await applyWageImport(store, { vesselId, kind: 'statement', filename: 'export-again.csv' }, file);
    const reimportMs = performance.now() - t1;
    store.close();

    const crew = 500;
    const months = 24;
    const data = fleetData(crew, months);
    reconcile({ ...data, floor: [] }); // warm-up: the first call pays for JIT compilation
    const c2 = process.cpuUsage();
    const t2 = performance.now();
    const report = reconcile({ ...data, floor: [{ jurisdiction: 'TH', sector: 'sea-fishery', effectiveFrom: '2023-01-01', dailyMinimum: 35_300, currency: 'THB', source: 'bench' }] });
    const reconcileMs = performance.now() - t2;
    const reconcileCpu = cpuMs(c2);
    const withheld = report.totals.reduce((s, t) => s + t.totalWithheld, 0);
    const diverted = report.totals.reduce((s, t) => s + t.totalSuspectedDiverted, 0);

    // Verdicts use CPU time: on a shared two-core machine the wall clock mostly measures other people's work
    // (the line shows both, and the load average, so a reader can judge).
    const importOk = importCpu < 3000 && result.added === rows;
    const reconcileOk = reconcileCpu < 1000 && report.months.length === crew * months;
    const verdict = (cpu: number, wall: number, target: number) => `CPU ${cpu < target ? 'PASS' : 'FAIL'}, wall ${wall < target ? 'PASS' : 'FAIL'}`;
    const load = os.loadavg()[0]!.toFixed(1);
    return {
      name: 'wages',
      ok: importOk && reconcileOk && again.added === 0,
      lines: [
        `import ${rows.toLocaleString('en')} transactions (${(file.byteLength / 1048576).toFixed(1)} MB CSV, decode, parse, row checks, one transaction, evidence blob): ${importMs.toFixed(0)} ms wall, ${importCpu.toFixed(0)} ms CPU (target < 3000 ms) ${verdict(importCpu, importMs, 3000)}`,
        `re-import of the same file: ${reimportMs.toFixed(0)} ms, ${again.added} added`,
        `reconcile ${crew} crew × ${months} months (${data.transactions.length.toLocaleString('en')} transactions, ${data.payslips.length.toLocaleString('en')} payslips): ${reconcileMs.toFixed(0)} ms wall, ${reconcileCpu.toFixed(0)} ms CPU (target < 1000 ms) ${verdict(reconcileCpu, reconcileMs, 1000)}`,
        `load average during the run: ${load} on ${os.cpus().length} cores`,
        `found ${(withheld / 100).toLocaleString('en')} THB withheld and ${(diverted / 100).toLocaleString('en')} THB suspected diverted across ${report.totals.length} vessels`,
      ],
      metrics: { importRows: rows, importMs: Math.round(importMs), importCpuMs: Math.round(importCpu), reimportMs: Math.round(reimportMs), reconcileCrewMonths: crew * months, reconcileMs: Math.round(reconcileMs), reconcileCpuMs: Math.round(reconcileCpu) },
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await run();
  for (const line of r.lines) console.log(line);
  process.exitCode = r.ok ? 0 : 1;
}
