import { readCrewList, type CrewListRead } from '../../shared/audit/crewListFile';
import type { AuditCrewMember } from '../../shared/audit/crew';
import { GangwayError } from '../../shared/errors';
import { csvToGrid } from '../../shared/wages/parse/grid';
import { addToCrewList } from '../store/repos/auditCrew';
import type { Db } from '../store/database';
import type { Vault } from '../vault/vault';
import { decodeText } from '../wages/decode';
import { xlsxToGrid } from '../wages/xlsx';

/** A declared crew list file, CSV (any encoding Thai offices save in) or XLSX, read into rows and problems. */
export async function readCrewListFile(filename: string, bytes: Uint8Array): Promise<CrewListRead> {
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  if (/\.xlsx$/i.test(filename) || isZip) return readCrewList(await xlsxToGrid(bytes));
  const decoded = decodeText(bytes);
  if (decoded.issues.length > 0) return { rows: [], issues: decoded.issues };
  return readCrewList(csvToGrid(decoded.text));
}

export interface CrewListImport {
  rows: number;
  issues: CrewListRead['issues'];
  added: AuditCrewMember[];
}

/** All rows or none: a list with any problem is refused with every problem listed. */
export async function importCrewList(db: Db, vault: Vault, auditId: string, filename: string, bytes: Uint8Array, preview: boolean): Promise<CrewListImport> {
  const read = await readCrewListFile(filename, bytes);
  if (preview || read.issues.length > 0) {
    if (!preview && read.issues.length > 0) {
      throw new GangwayError('IMPORT', `The crew list was not imported: ${read.issues.length} problem${read.issues.length === 1 ? '' : 's'} to fix first (the first: line ${read.issues[0]!.line}, ${read.issues[0]!.message})`, read.issues.map((i) => ({ path: `line ${i.line}${i.column ? `, column ${i.column}` : ''}`, message: i.message })));
    }
    return { rows: read.rows.length, issues: read.issues, added: [] };
  }
  const added = addToCrewList(db, vault, auditId, read.rows.map((r) => r.entry));
  return { rows: read.rows.length, issues: [], added };
}

/** The template the documentation describes (docs/crew-list.md), as a CSV an office can fill in. */
export const CREW_LIST_TEMPLATE = [
  'name,passport no,date of birth,nationality,role,contract seen,medical valid until,passport held by,atm card held by',
  'Aung Ko Ko,MA1234567,1994-03-12,MMR,fisher,yes,2027-01-31,self,self',
  'Sok Dara,N0098765,12/05/2544,KHM,cook,no,,captain,other',
].join('\n') + '\n';
