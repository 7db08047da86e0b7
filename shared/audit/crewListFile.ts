import { cell, findHeader, isBlankRow, type ColumnAliases, type Grid } from '../wages/parse/grid';
import type { z } from 'zod';
import type { CrewRole as CrewRoleSchema } from '../domain/crew';
import type { CardHolder, CrewListEntry, CrewListIssue, PassportHolder, YesNoUnknown } from './crew';

/**
 * Reads a declared crew list as agents and port-in/port-out forms give it
 * (the template is docs/crew-list.md). Headers are matched by name, in
 * English or Thai, wherever the table starts; only a name or a pseudonym
 * column is required. Any row problem refuses the whole file, with every
 * problem listed, as the wage import does.
 */
type CrewRole = z.infer<typeof CrewRoleSchema>;

type Column =
  | 'pseudonym'
  | 'name'
  | 'documentNo'
  | 'dateOfBirth'
  | 'phone'
  | 'role'
  | 'nationality'
  | 'contractSeen'
  | 'medicalValidUntil'
  | 'passportHeldBy'
  | 'atmCardHeldBy';

export const CREW_LIST_COLUMNS: ColumnAliases<Column> = {
  pseudonym: ['pseudonym', 'crew code', 'code'],
  name: ['name', 'full name', 'crew name', 'ชื่อ', 'ชื่อ-สกุล', 'ชื่อ - สกุล', 'ชื่อ-นามสกุล', 'ชื่อ นามสกุล'],
  documentNo: ['passport no', 'passport no.', 'passport number', 'passport', 'document no', 'document', 'seaman book', 'seafarer id', 'id no', 'เลขที่หนังสือเดินทาง', 'หนังสือเดินทาง', 'เลขประจำตัว'],
  dateOfBirth: ['date of birth', 'dob', 'birth date', 'born', 'วันเกิด', 'วัน เดือน ปีเกิด'],
  phone: ['phone', 'telephone', 'mobile', 'โทรศัพท์'],
  role: ['role', 'position', 'rank', 'ตำแหน่ง', 'หน้าที่'],
  nationality: ['nationality', 'สัญชาติ'],
  contractSeen: ['contract seen', 'contract'],
  medicalValidUntil: ['medical valid until', 'medical certificate valid until', 'medical until', 'medical'],
  passportHeldBy: ['passport held by'],
  atmCardHeldBy: ['atm card held by', 'atm held by', 'card held by'],
};

const ROLES: Record<string, CrewRole> = {
  captain: 'captain', master: 'captain', skipper: 'captain', 'ไต้ก๋ง': 'captain', 'นายท้าย': 'captain', 'ผู้ควบคุมเรือ': 'captain',
  officer: 'officer', mate: 'officer', 'chief mate': 'officer', bosun: 'officer', 'ต้นหน': 'officer',
  engineer: 'engineer', 'chief engineer': 'engineer', 'ช่างเครื่อง': 'engineer', 'ช่างกล': 'engineer',
  cook: 'cook', 'พ่อครัว': 'cook', 'แม่ครัว': 'cook',
  deckhand: 'deckhand', 'deck hand': 'deckhand',
  fisher: 'fisher', fisherman: 'fisher', crew: 'fisher', 'ลูกเรือ': 'fisher', 'ลูกจ้าง': 'fisher',
};

/** Nationalities as lists write them, to ISO 3166 alpha-3 (the region's crew, first). */
const NATIONALITIES: Record<string, string> = {
  myanmar: 'MMR', burmese: 'MMR', burma: 'MMR', 'เมียนมา': 'MMR', 'พม่า': 'MMR',
  cambodia: 'KHM', cambodian: 'KHM', khmer: 'KHM', 'กัมพูชา': 'KHM',
  thailand: 'THA', thai: 'THA', 'ไทย': 'THA',
  laos: 'LAO', lao: 'LAO', 'ลาว': 'LAO',
  vietnam: 'VNM', 'viet nam': 'VNM', vietnamese: 'VNM', 'เวียดนาม': 'VNM',
  indonesia: 'IDN', indonesian: 'IDN', philippines: 'PHL', filipino: 'PHL', china: 'CHN', chinese: 'CHN',
};

const YES = new Set(['yes', 'y', 'true', '1', 'seen', 'มี', 'ใช่']);
const NO = new Set(['no', 'n', 'false', '0', 'not seen', 'none', 'ไม่มี', 'ไม่ใช่']);
const SELF = new Set(['self', 'own', 'crew', 'himself', 'herself', 'ตนเอง', 'ลูกเรือ']);
const CAPTAIN = new Set(['captain', 'master', 'skipper', 'ไต้ก๋ง']);
const AGENT = new Set(['agent', 'broker', 'recruiter', 'employer', 'owner', 'นายหน้า', 'นายจ้าง']);

const lower = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ');

/**
 * A date as lists write it: 2001-05-12, 12/05/2001, 12.05.2001, and Thai
 * Buddhist-era years (2544 = 2001 CE), which port forms use.
 */
export function readListDate(text: string): string | undefined {
  const t = text.trim();
  let y: number, m: number, d: number;
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  if (match) [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else if ((match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t))) [d, m, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else return undefined;
  if (y > 2400) y -= 543;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return undefined;
  return date.toISOString().slice(0, 10);
}

function yesNo(text: string): YesNoUnknown | undefined {
  const t = lower(text);
  if (t === '') return 'unknown';
  return YES.has(t) ? 'yes' : NO.has(t) ? 'no' : undefined;
}

function passportHolder(text: string): PassportHolder | undefined {
  const t = lower(text);
  if (t === '' || t === 'unknown') return 'unknown';
  return SELF.has(t) ? 'self' : CAPTAIN.has(t) ? 'captain' : AGENT.has(t) ? 'agent' : t === 'other' ? 'other' : undefined;
}

function cardHolder(text: string): CardHolder | undefined {
  const t = lower(text);
  if (t === '' || t === 'unknown') return 'unknown';
  if (SELF.has(t)) return 'self';
  return CAPTAIN.has(t) || AGENT.has(t) || t === 'other' ? 'other' : undefined;
}

export interface CrewListRow {
  line: number;
  entry: CrewListEntry & { identity?: { name: string; documentNo?: string; dateOfBirth?: string; phone?: string } };
}

export interface CrewListRead {
  rows: CrewListRow[];
  issues: CrewListIssue[];
}

export function readCrewList(grid: Grid): CrewListRead {
  const header = findHeader(grid, CREW_LIST_COLUMNS, ['name']) ?? findHeader(grid, CREW_LIST_COLUMNS, ['pseudonym']);
  if (!header) {
    return { rows: [], issues: [{ line: 0, code: 'UNKNOWN_LAYOUT', message: 'This does not look like a crew list: no header row with a "name" (or "pseudonym") column in the first 40 lines. Start from the template in docs/crew-list.md.' }] };
  }
  const col = header.columns;
  const rows: CrewListRow[] = [];
  const issues: CrewListIssue[] = [];
  for (let r = header.index + 1; r < grid.rows.length; r++) {
    const row = grid.rows[r]!;
    if (isBlankRow(row)) continue;
    const line = grid.lines[r]!;
    const get = (k: Column) => cell(row, col[k]);
    const problem = (column: string, code: string, message: string) => issues.push({ line, column, code, message });
    const name = get('name');
    const pseudonym = get('pseudonym');
    if (!name && !pseudonym) {
      problem('name', 'NAME_MISSING', 'This row has neither a name nor a pseudonym. Fill one in, or delete the row.');
      continue;
    }
    const roleText = lower(get('role'));
    const role: CrewRole = roleText === '' ? 'fisher' : (ROLES[roleText] ?? 'other');
    const natText = get('nationality');
    let nationality: string | null = null;
    if (natText) {
      nationality = NATIONALITIES[lower(natText)] ?? (/^[A-Za-z]{3}$/.test(natText) ? natText.toUpperCase() : null);
      if (!nationality) problem('nationality', 'NATIONALITY', `"${natText}" is not a nationality Gangway knows. Write the three-letter ISO code, e.g. MMR for Myanmar.`);
    }
    const dobText = get('dateOfBirth');
    const dateOfBirth = dobText ? readListDate(dobText) : undefined;
    if (dobText && !dateOfBirth) problem('date of birth', 'DATE', `Date of birth "${dobText}" is not a date. Write it as 2001-05-12 or 12/05/2001.`);
    const medText = get('medicalValidUntil');
    const medical = medText ? readListDate(medText) : undefined;
    if (medText && !medical) problem('medical valid until', 'DATE', `Medical certificate date "${medText}" is not a date. Write it as 2027-01-31 or 31/01/2027.`);
    const contractSeen = yesNo(get('contractSeen'));
    if (!contractSeen) problem('contract seen', 'YES_NO', `"${get('contractSeen')}" is not yes or no.`);
    const passportHeldBy = passportHolder(get('passportHeldBy'));
    if (!passportHeldBy) problem('passport held by', 'HOLDER', `"${get('passportHeldBy')}" is not one of self, captain, agent, other.`);
    const atmCardHeldBy = cardHolder(get('atmCardHeldBy'));
    if (!atmCardHeldBy) problem('atm card held by', 'HOLDER', `"${get('atmCardHeldBy')}" is not one of self, other.`);
    const documentNo = get('documentNo');
    const phone = get('phone');
    rows.push({
      line,
      entry: {
        ...(pseudonym ? { pseudonym } : {}),
        role,
        nationality,
        contractSeen: contractSeen ?? 'unknown',
        medicalValidUntil: medical ?? null,
        passportHeldBy: passportHeldBy ?? 'unknown',
        atmCardHeldBy: atmCardHeldBy ?? 'unknown',
        declared: true,
        ...(name ? { identity: { name, ...(documentNo ? { documentNo } : {}), ...(dateOfBirth ? { dateOfBirth } : {}), ...(phone ? { phone } : {}) } } : {}),
      },
    });
  }
  const seen = new Map<string, number>();
  for (const r of rows) {
    const key = r.entry.identity ? `${lower(r.entry.identity.name)}|${lower(r.entry.identity.documentNo ?? '')}` : `pseudonym|${r.entry.pseudonym}`;
    const first = seen.get(key);
    if (first !== undefined) issues.push({ line: r.line, code: 'DUPLICATE_ROW', message: `This person is already on line ${first}. Delete one of the two rows.` });
    else seen.set(key, r.line);
  }
  if (rows.length === 0 && issues.length === 0) issues.push({ line: header.index + 1, code: 'EMPTY', message: 'The crew list has a header but no crew. Add one row per crew member.' });
  return { rows, issues };
}
