import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { parseAmount } from '../money';
import type { ImportIssue, Transaction, TxKind } from '../schemas';
import { transactionIdentity } from './statement-grid';

/**
 * ISO 20022 bank-to-customer statements: camt.053 (end-of-day statement,
 * BkToCstmrStmt/Stmt), camt.052 (intraday account report, BkToCstmrAcctRpt/Rpt)
 * and camt.054 (debit/credit notification, BkToCstmrDbtCdtNtfctn/Ntfctn).
 * Versions 001.01–001.08 (and later ones, where they keep these elements):
 * namespaces are dropped and only elements common to them are read. Only
 * booked entries (Sts BOOK, or `<Sts><Cd>BOOK</Cd></Sts>` from version 09)
 * are transactions; pending (PDNG) and information-only (INFO) entries, which
 * a camt.052 or 054 may carry, are counted in `notBooked` and not imported.
 */

type Node = Record<string, unknown>;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  removeNSPrefix: true,
  parseTagValue: false,
  trimValues: true,
  isArray: (name) => ['Stmt', 'Rpt', 'Ntfctn', 'Ntry', 'TxDtls', 'Bal'].includes(name),
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
  kind: 'camt.053' | 'camt.052' | 'camt.054';
  transactions: Transaction[];
  issues: ImportIssue[];
  /** pending or information-only entries, not imported */
  notBooked: number;
}

/** Any ISO 20022 cash-management XML (by its namespace or a known message element), so it gets camt's messages, not the CSV ones. */
export function looksLikeCamt(xml: string): boolean {
  const head = xml.slice(0, 4000);
  return /<(?:\w+:)?(BkToCstmrStmt|BkToCstmrAcctRpt|BkToCstmrDbtCdtNtfctn)\b/.test(head) || /urn:iso:std:iso:20022:tech:xsd:camt\./.test(head);
}

/**
 * ISO 20022 amounts carry up to five decimals (ActiveOrHistoricCurrencyAndAmount); banks send "8.850".
 * Trailing zeros beyond the currency's two decimals are exact; other digits there are refused by name.
 */
function camtAmount(raw: string): ReturnType<typeof parseAmount> {
  const m = /^(\d{1,18})(?:\.(\d{1,5}))?$/.exec(raw.trim());
  if (!m) return parseAmount(raw);
  const fraction = (m[2] ?? '').replace(/0+$/, '');
  if (fraction.length > 2) return { ok: false, reason: `"${raw.trim()}" has a fraction below the smallest unit of money (${fraction.length} decimals); ask the bank what was booked` };
  return parseAmount(fraction ? `${m[1]}.${fraction}` : m[1]!);
}

export function parseCamt(xml: string): CamtParse {
  // The parser forgives unclosed elements; a cut-off download must not pass as a shorter statement.
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    return { kind: 'camt.053', transactions: [], notBooked: 0, issues: [{ line: valid.err.line, code: 'XML', message: `The XML is broken here (${valid.err.msg}); the file may be cut off. Download it from the bank again.` }] };
  }
  let doc: Node;
  try {
    doc = parser.parse(xml) as Node;
  } catch (e) {
    return { kind: 'camt.053', transactions: [], notBooked: 0, issues: [{ line: 0, code: 'XML', message: `The file is not well-formed XML: ${(e as Error).message}` }] };
  }
  const root = get(doc, 'Document') as Node | undefined;
  const messages = [
    { kind: 'camt.053', element: 'BkToCstmrStmt', item: 'Stmt', what: 'statement' },
    { kind: 'camt.052', element: 'BkToCstmrAcctRpt', item: 'Rpt', what: 'account report' },
    { kind: 'camt.054', element: 'BkToCstmrDbtCdtNtfctn', item: 'Ntfctn', what: 'notification' },
  ] as const;
  const message = messages.find((m) => root?.[m.element] !== undefined);
  if (!message) {
    const found = Object.keys(root ?? doc).filter((k) => !k.startsWith('@_') && k !== '?xml');
    return { kind: 'camt.053', transactions: [], notBooked: 0, issues: [{ line: 0, code: 'UNKNOWN_LAYOUT', message: `This XML holds ${found.length ? `<${found.join('>, <')}>` : 'nothing'}, not an ISO 20022 bank statement (camt.053 BkToCstmrStmt, camt.052 BkToCstmrAcctRpt or camt.054 BkToCstmrDbtCdtNtfctn). Ask the bank for a camt.053 export.` }] };
  }
  const kind = message.kind;
  const reports = (root![message.element] as Node | undefined)?.[message.item] as Node[] | undefined;
  if (!reports) {
    return { kind, transactions: [], notBooked: 0, issues: [{ line: 0, code: 'CAMT_EMPTY', message: `This ${kind} file has a header (${message.element}) but no ${message.what} inside (no <${message.item}>), so there are no entries to import. Download the export from the bank again, for a period with bookings.` }] };
  }
  let notBooked = 0;
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
      const status = text(entry, 'Sts/Cd') ?? text(entry, 'Sts');
      if (status !== undefined && status !== 'BOOK') {
        notBooked++;
        continue;
      }
      const amt = camtAmount(text(entry, 'Amt') ?? '');
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
  return { kind, transactions, issues, notBooked };
}
