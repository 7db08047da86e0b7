import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { parseAmount } from '../money';
import type { ImportIssue, Transaction, TxKind } from '../schemas';
import { transactionIdentity } from './statement-grid';

/**
 * ISO 20022 bank-to-customer statements: camt.053 (end-of-day statement,
 * BkToCstmrStmt/Stmt) and camt.054 (debit/credit notification,
 * BkToCstmrDbtCdtNtfctn/Ntfctn). Any message version: namespaces are dropped
 * and only elements common to versions 02–08 are read.
 */

type Node = Record<string, unknown>;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  removeNSPrefix: true,
  parseTagValue: false,
  trimValues: true,
  isArray: (name) => ['Stmt', 'Ntfctn', 'Ntry', 'TxDtls', 'Bal'].includes(name),
});

function get(node: unknown, path: string): unknown {
  let cur: unknown = node;
  for (const key of path.split('/')) {
    if (Array.isArray(cur)) cur = cur[0];
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Node)[key];
  }
  return Array.isArray(cur) ? cur[0] : cur;
}

function text(node: unknown, path: string): string | undefined {
  const v = get(node, path);
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'object') {
    const t = (v as Node)['#text'];
    return t === undefined ? undefined : String(t).trim() || undefined;
  }
  return String(v).trim() || undefined;
}

/** Bank transaction codes (ISO 20022 external code list) that mean cash out or a charge. */
function kindOf(amount: number, domain: string, family: string, sub: string): TxKind {
  if (amount > 0) return 'deposit';
  if (sub === 'CHRG' || family === 'MDOP' || sub === 'COMM') return 'fee';
  // PMNT/CCRD/CWDL and PMNT/CNTR/CWDL: cash withdrawal by card or at the counter.
  if (sub === 'CWDL' || (domain === 'PMNT' && family === 'CNTR')) return 'withdrawal';
  return 'transfer_out';
}

export interface CamtParse {
  kind: 'camt.053' | 'camt.054';
  transactions: Transaction[];
  issues: ImportIssue[];
}

export function looksLikeCamt(xml: string): boolean {
  return /<(?:\w+:)?(BkToCstmrStmt|BkToCstmrDbtCdtNtfctn)\b/.test(xml.slice(0, 4000));
}

export function parseCamt(xml: string): CamtParse {
  // The parser forgives unclosed elements; a cut-off download must not pass as a shorter statement.
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    return { kind: 'camt.053', transactions: [], issues: [{ line: valid.err.line, code: 'XML', message: `The XML is broken here (${valid.err.msg}); the file may be cut off. Download it from the bank again.` }] };
  }
  let doc: Node;
  try {
    doc = parser.parse(xml) as Node;
  } catch (e) {
    return { kind: 'camt.053', transactions: [], issues: [{ line: 0, code: 'XML', message: `The file is not well-formed XML: ${(e as Error).message}` }] };
  }
  const root = get(doc, 'Document') as Node | undefined;
  const stmts = (root?.BkToCstmrStmt as Node | undefined)?.Stmt as Node[] | undefined;
  const ntfs = (root?.BkToCstmrDbtCdtNtfctn as Node | undefined)?.Ntfctn as Node[] | undefined;
  const kind = stmts ? 'camt.053' : 'camt.054';
  const reports = stmts ?? ntfs;
  if (!reports) {
    return { kind, transactions: [], issues: [{ line: 0, code: 'UNKNOWN_LAYOUT', message: 'This XML is not an ISO 20022 camt.053 statement or camt.054 notification (no BkToCstmrStmt or BkToCstmrDbtCdtNtfctn). Ask the bank for a camt.053 export.' }] };
  }
  const transactions: Transaction[] = [];
  const issues: ImportIssue[] = [];
  const seen = new Set<string>();
  // XML has no handy line numbers after parsing: entries are numbered in document order.
  let entryNo = 0;
  for (const report of reports) {
    const account = (text(report, 'Acct/Id/IBAN') ?? text(report, 'Acct/Id/Othr/Id') ?? '').replace(/[-\s]/g, '');
    const accountCcy = text(report, 'Acct/Ccy');
    if (!account) issues.push({ line: 0, code: 'ACCOUNT_MISSING', message: `Statement ${text(report, 'Id') ?? ''} names no account (Acct/Id).` });
    for (const entry of (report.Ntry as Node[] | undefined) ?? []) {
      entryNo++;
      const where = { line: entryNo };
      const amtNode = get(entry, 'Amt');
      const amt = parseAmount(text(entry, 'Amt') ?? '');
      const ccy = (amtNode && typeof amtNode === 'object' ? ((amtNode as Node)['@_Ccy'] as string | undefined) : undefined) ?? accountCcy ?? '';
      const indicator = text(entry, 'CdtDbtInd');
      const date = text(entry, 'BookgDt/DtTm') ?? text(entry, 'BookgDt/Dt') ?? text(entry, 'ValDt/Dt');
      const rowIssues: ImportIssue[] = [];
      if (!amt.ok) rowIssues.push({ ...where, column: 'Amt', code: 'CAMT_AMOUNT', message: `Entry ${entryNo}: amount ${amt.reason}` });
      if (indicator !== 'CRDT' && indicator !== 'DBIT') rowIssues.push({ ...where, column: 'CdtDbtInd', code: 'CAMT_FIELD', message: `Entry ${entryNo}: CdtDbtInd must be CRDT or DBIT, not "${indicator ?? ''}"` });
      if (!/^[A-Z]{3}$/.test(ccy)) rowIssues.push({ ...where, column: 'Amt/@Ccy', code: 'CAMT_FIELD', message: `Entry ${entryNo}: no currency on the amount` });
      const dm = date ? /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2}:\d{2}))?/.exec(date) : null;
      if (!dm) rowIssues.push({ ...where, column: 'BookgDt', code: 'CAMT_DATE', message: `Entry ${entryNo}: no booking date` });
      if (rowIssues.length > 0 || !amt.ok || !dm) {
        issues.push(...rowIssues);
        continue;
      }
      const amount = indicator === 'DBIT' ? -Math.abs(amt.value) : Math.abs(amt.value);
      const tx = get(entry, 'NtryDtls/TxDtls');
      const counterparty = amount > 0 ? (text(tx, 'RltdPties/Dbtr/Nm') ?? text(tx, 'RltdPties/Dbtr/Pty/Nm')) : (text(tx, 'RltdPties/Cdtr/Nm') ?? text(tx, 'RltdPties/Cdtr/Pty/Nm'));
      const domain = text(entry, 'BkTxCd/Domn/Cd') ?? '';
      const family = text(entry, 'BkTxCd/Domn/Fmly/Cd') ?? '';
      const sub = text(entry, 'BkTxCd/Domn/Fmly/SubFmlyCd') ?? '';
      const base = {
        account,
        bookedAt: `${dm[1]}T${dm[2] ?? '00:00:00'}`,
        amount,
        currency: ccy,
        balance: undefined,
        reference: text(entry, 'AcctSvcrRef') ?? text(entry, 'NtryRef') ?? text(tx, 'Refs/AcctSvcrRef'),
        counterparty,
        channel: [domain, family, sub].filter(Boolean).join('/') || undefined,
        terminalId: text(tx, 'CardTx/POI/Id/Id') ?? text(entry, 'CardTx/POI/Id/Id'),
        location: text(tx, 'AddtlTxInf'),
        description: text(tx, 'RmtInf/Ustrd') ?? text(entry, 'AddtlNtryInf'),
      };
      const identity = transactionIdentity(base);
      if (seen.has(identity)) {
        issues.push({ ...where, code: 'DUPLICATE_ROW', message: `Entry ${entryNo} repeats an earlier entry (reference ${base.reference ?? 'none'}).` });
        continue;
      }
      seen.add(identity);
      transactions.push({ ...base, identity, kind: kindOf(amount, domain, family, sub), line: entryNo });
    }
  }
  return { kind, transactions, issues };
}
