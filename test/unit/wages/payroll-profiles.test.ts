import { describe, expect, it } from 'vitest';
import { csvToGrid } from '../../../shared/wages/parse/grid';
import { parsePayrollGrid } from '../../../shared/wages/parse/payroll';
import { parseStatementGrid } from '../../../shared/wages/parse/statement-grid';
import { BUILTIN_PROFILES } from '../../../shared/wages/profiles';
import { StatementProfile } from '../../../shared/wages/schemas';

describe('payroll CSV', () => {
  it('reads Thai headers, B.E. periods, labelled deductions, signature and debt balance', () => {
    const csv = [
      'บริษัท ทะเลทอง ประมง จำกัด',
      'ลูกเรือ,งวด,ค่าจ้าง,หัก: ค่าอาหาร,หัก: เงินล่วงหน้า,สุทธิ,วันที่จ่าย,ลงชื่อ,หนี้คงเหลือ',
      'K1,01/2567,"12,000.00",500,"1,000",10500,31/01/2567,ลงชื่อแล้ว,"5,000"',
      'K1,02/2567,"12,000.00",500,,11500,29/02/2567,,',
    ].join('\n');
    const r = parsePayrollGrid(csvToGrid(csv));
    expect(r.issues).toEqual([]);
    expect(r.payslips.map(({ identity: _i, ...s }) => s)).toEqual([
      { crew: 'K1', period: '2024-01', gross: 1200000, deductions: [{ label: 'ค่าอาหาร', amount: 50000 }, { label: 'เงินล่วงหน้า', amount: 100000 }], net: 1050000, currency: 'THB', paymentDate: '2024-01-31', signed: true, debtBalance: 500000, line: 3 },
      { crew: 'K1', period: '2024-02', gross: 1200000, deductions: [{ label: 'ค่าอาหาร', amount: 50000 }], net: 1150000, currency: 'THB', paymentDate: '2024-02-29', signed: false, debtBalance: undefined, line: 4 },
    ]);
  });

  it('refuses two payslips for one crew member and month, naming both lines', () => {
    const csv = 'crew,period,gross,net\nK1,2024-01,100,100\nK1,01/2567,100,100\n';
    expect(parsePayrollGrid(csvToGrid(csv)).issues).toEqual([expect.objectContaining({ line: 3, code: 'DUPLICATE_ROW', message: expect.stringContaining('line 2') })]);
  });
});

describe('saved column layouts', () => {
  it('a user profile reads a layout no built-in one knows: signed amounts, month-first dates, European decimals', () => {
    const csv = 'Konto 123456789\nBuchung;Betrag;Saldo;Verwendungszweck\n01.31.2024;-1.500,00;10.000,00;Geldautomat 7\n';
    expect(parseStatementGrid(csvToGrid(csv), BUILTIN_PROFILES).issues[0]!.code).toBe('UNKNOWN_LAYOUT');
    const profile = StatementProfile.parse({
      name: 'eu-bank',
      headerMatch: ['Buchung', 'Betrag'],
      columns: { date: 'Buchung', amount: 'Betrag', balance: 'Saldo', description: 'Verwendungszweck' },
      dateOrder: 'mdy',
      decimal: ',',
      currency: 'EUR',
      accountPattern: 'Konto\\s+(\\d+)',
      withdrawalPattern: 'geldautomat',
    });
    const r = parseStatementGrid(csvToGrid(csv), [profile]);
    expect(r.issues).toEqual([]);
    expect(r.transactions[0]).toMatchObject({ account: '123456789', bookedAt: '2024-01-31T00:00:00', amount: -150000, balance: 1000000, currency: 'EUR', kind: 'withdrawal' });
  });
});
