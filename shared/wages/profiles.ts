import { StatementProfile, type StatementProfileParsed } from './schemas';

/**
 * Column layouts Gangway knows out of the box. A user saves more (the wizard
 * and `--profile FILE`), matched the same way: by the header row.
 * Thai retail-bank exports label columns in Thai and print B.E. dates day-first.
 */
export const BUILTIN_PROFILES: readonly StatementProfileParsed[] = [
  StatementProfile.parse({
    name: 'th-bank-thai-headers',
    headerMatch: ['วันที่', 'ถอนเงิน', 'ฝากเงิน', 'ยอดคงเหลือ'],
    columns: {
      date: 'วันที่',
      time: 'เวลา',
      description: 'รายการ',
      debit: 'ถอนเงิน',
      credit: 'ฝากเงิน',
      balance: 'ยอดคงเหลือ',
      channel: 'ช่องทาง',
      terminalId: 'หมายเลขเครื่อง',
      location: 'สถานที่',
      reference: 'เลขที่อ้างอิง',
      counterparty: 'ผู้โอน/ผู้รับโอน',
    },
    dateOrder: 'dmy',
    era: 'auto',
    currency: 'THB',
    accountPattern: '(?:เลขที่บัญชี|account no\\.?)\\s*[:,]?\\s*"?([0-9][0-9\\-]{5,})',
  }),
  StatementProfile.parse({
    name: 'generic-english',
    headerMatch: ['date', 'balance'],
    columns: {
      date: 'Date',
      time: 'Time',
      description: 'Description',
      amount: 'Amount',
      debit: 'Debit',
      credit: 'Credit',
      balance: 'Balance',
      channel: 'Channel',
      terminalId: 'Terminal',
      location: 'Location',
      reference: 'Reference',
      counterparty: 'Counterparty',
      account: 'Account',
    },
    dateOrder: 'dmy',
    era: 'auto',
    currency: 'THB',
    accountPattern: '(?:account(?: no\\.?| number)?)\\s*[:,]?\\s*"?([0-9][0-9\\-]{5,})',
  }),
];
