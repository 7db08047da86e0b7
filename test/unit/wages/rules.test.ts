import { describe, expect, it } from 'vitest';
import { floorDue, floorOn, THAI_SEA_FISHERY, type FloorEntry } from '../../../shared/wages/floor';
import { parseCamt } from '../../../shared/wages/parse/camt';
import { csvToGrid } from '../../../shared/wages/parse/grid';
import { parseContractsGrid } from '../../../shared/wages/parse/contracts';
import { reconcile } from '../../../shared/wages/reconcile';
import type { Contract, Transaction } from '../../../shared/wages/schemas';

const floor: FloorEntry[] = [
  { jurisdiction: 'TH', sector: 'sea-fishery', effectiveFrom: '2023-01-01', dailyMinimum: 35300, currency: 'THB', source: 'test A' },
  { jurisdiction: 'TH', sector: 'sea-fishery', effectiveFrom: '2024-01-01', dailyMinimum: 36300, currency: 'THB', source: 'test B' },
];

const contract = (over: Partial<Contract> = {}): Contract => ({
  identity: 'c1',
  crew: 'A',
  vessel: 'V',
  account: '111',
  monthlyWage: 1_200_000,
  currency: 'THB',
  start: '2024-01-01',
  end: '2024-03-31',
  deductions: [],
  advance: 0,
  advanceRepayment: 0,
  line: 2,
  ...over,
});

let n = 0;
const tx = (account: string, bookedAt: string, amount: number, over: Partial<Transaction> = {}): Transaction => ({
  identity: `t${++n}`,
  account,
  bookedAt,
  amount,
  currency: 'THB',
  kind: amount > 0 ? 'deposit' : 'withdrawal',
  line: n,
  ...over,
});

describe('the legal floor table', () => {
  it('applies the entry in force on the day, and daily minimum × 30 for a full month', () => {
    expect(floorOn(floor, '2023-12-31', 'TH')?.source).toBe('test A');
    expect(floorOn(floor, '2024-01-01', 'TH')?.source).toBe('test B');
    expect(floorOn(floor, '2022-06-01', 'TH')).toBeUndefined();
    expect(floorDue(floor[1], THAI_SEA_FISHERY, 31, 31)).toBe(1_089_000);
    expect(floorDue(floor[1], THAI_SEA_FISHERY, 29, 29)).toBe(1_089_000); // February is a full month too
    expect(floorDue(floor[1], THAI_SEA_FISHERY, 10, 31)).toBe(363_000);
  });

  it('pro-rates a part month on board against both contract and floor', () => {
    const r = reconcile({ contracts: [contract({ start: '2024-01-17', end: '2024-01-31', monthlyWage: 900_000 })], transactions: [], floor });
    expect(r.months[0]).toMatchObject({ daysOnBoard: 15, contractDue: Math.round((900_000 * 15) / 31), floorDue: 544_500, expected: 544_500 });
  });
});

describe('card control', () => {
  it('flags a withdrawal at a port ATM while the vessel was at sea, and counts it as diverted', () => {
    const txs = [tx('111', '2024-02-28T09:00:00', 1_200_000), tx('111', '2024-03-10T14:00:00', -1_000_000, { terminalId: 'ATM-9', location: 'Pier 3' })];
    const r = reconcile({ contracts: [contract()], transactions: txs, atSea: { V: [{ from: '2024-03-05T00:00:00', to: '2024-03-20T00:00:00' }] } });
    const march = r.months.find((m) => m.month === '2024-03')!;
    expect(march.flags.find((f) => f.code === 'withdrawal_at_sea')).toMatchObject({ amount: 1_000_000, transactions: [txs[1]!.identity] });
    expect(march.suspectedDiverted).toBe(1_000_000);
  });

  it('does not flag a fisher who takes out a little of his pay days later', () => {
    const txs = [tx('111', '2024-01-28T09:00:00', 1_200_000), tx('111', '2024-01-30T18:00:00', -200_000, { terminalId: 'ATM-1' })];
    const r = reconcile({ contracts: [contract({ end: '2024-01-31' })], transactions: txs });
    expect(r.months[0]!.flags.map((f) => f.code)).toEqual([]);
    expect(r.months[0]).toMatchObject({ paid: 1_200_000, withdrawn: 200_000, suspectedDiverted: 0, receivedByWorker: 1_200_000, shortfall: 0 });
  });

  it('needs three accounts at one terminal within the window, not two', () => {
    const base = [contract({ crew: 'A', account: '1' }), contract({ crew: 'B', account: '2', identity: 'c2' }), contract({ crew: 'C', account: '3', identity: 'c3' })];
    const two = [tx('1', '2024-01-15T10:00:00', -1000, { terminalId: 'T' }), tx('2', '2024-01-15T10:05:00', -1000, { terminalId: 'T' }), tx('3', '2024-01-15T10:30:00', -1000, { terminalId: 'T' })];
    expect(reconcile({ contracts: base, transactions: two }).months.flatMap((m) => m.flags).filter((f) => f.code === 'shared_terminal')).toEqual([]);
    two[2]!.bookedAt = '2024-01-15T10:12:00';
    expect(reconcile({ contracts: base, transactions: two }).months.flatMap((m) => m.flags).filter((f) => f.code === 'shared_terminal')).toHaveLength(3);
  });
});

describe('notes and parsers', () => {
  it('says when transactions belong to no contracted crew member, and when a crew member has no records at all', () => {
    const r = reconcile({ contracts: [contract()], transactions: [tx('999', '2024-01-28T09:00:00', 100)] });
    expect(r.notes).toEqual([
      '1 transaction in account 999 belongs to no crew member in the contracts; left out.',
      '1 crew member has neither a bank statement nor a payslip (A): their months count as unpaid. Add their statements if they exist.',
    ]);
  });

  it('reads a camt.054 notification and classifies a card cash withdrawal and a charge', () => {
    const xml = `<?xml version="1.0"?><Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.054.001.02"><BkToCstmrDbtCdtNtfctn><GrpHdr><MsgId>1</MsgId></GrpHdr>
      <Ntfctn><Id>N1</Id><Acct><Id><IBAN>TH00 1234 5678</IBAN></Id></Acct>
        <Ntry><Amt Ccy="THB">3000.00</Amt><CdtDbtInd>DBIT</CdtDbtInd><BookgDt><DtTm>2024-05-28T11:02:00+07:00</DtTm></BookgDt><AcctSvcrRef>R1</AcctSvcrRef>
          <BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>CCRD</Cd><SubFmlyCd>CWDL</SubFmlyCd></Fmly></Domn></BkTxCd>
          <NtryDtls><TxDtls><CardTx><POI><Id><Id>ATM-77</Id></Id></POI></CardTx><AddtlTxInf>Mahachai pier</AddtlTxInf></TxDtls></NtryDtls></Ntry>
        <Ntry><Amt Ccy="THB">25.00</Amt><CdtDbtInd>DBIT</CdtDbtInd><BookgDt><Dt>2024-05-28</Dt></BookgDt><AcctSvcrRef>R2</AcctSvcrRef>
          <BkTxCd><Domn><Cd>ACMT</Cd><Fmly><Cd>MDOP</Cd><SubFmlyCd>CHRG</SubFmlyCd></Fmly></Domn></BkTxCd></Ntry>
      </Ntfctn></BkToCstmrDbtCdtNtfctn></Document>`;
    const r = parseCamt(xml);
    expect(r.issues).toEqual([]);
    expect(r.kind).toBe('camt.054');
    expect(r.transactions.map((t) => [t.account, t.bookedAt, t.amount, t.kind, t.terminalId])).toEqual([
      ['TH0012345678', '2024-05-28T11:02:00', -300000, 'withdrawal', 'ATM-77'],
      ['TH0012345678', '2024-05-28T00:00:00', -2500, 'fee', undefined],
    ]);
  });

  it('reads agreed deductions from a contract row and refuses a malformed one', () => {
    const ok = parseContractsGrid(csvToGrid('crew,monthly wage,start,deductions\nA,"12,000",01/01/2567,food=500; bunk:300\n'));
    expect(ok.contracts[0]!.deductions).toEqual([{ label: 'food', amount: 50000 }, { label: 'bunk', amount: 30000 }]);
    const bad = parseContractsGrid(csvToGrid('crew,monthly wage,start,deductions\nA,"12,000",01/01/2567,food 500\n'));
    expect(bad.issues).toEqual([expect.objectContaining({ line: 2, column: 'deductions', code: 'CONTRACT_DEDUCTION' })]);
  });
});
