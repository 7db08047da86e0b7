import { limitError, type XlsxLimits } from './limits';
import { readDateStyles, readPart, readRels, readSharedStrings, readWorkbookPart } from './parts';
import { readSheet, type SheetContext } from './sheet';
import type { SheetChoice, XlsxSheet, XlsxWorkbook } from './workbook';
import { openZip } from './zip-parts';

/**
 * Reads the chosen sheets of an XLSX file under the caps, in the calling
 * thread. The app calls `readXlsx` (read-xlsx.ts), which runs this in a worker
 * with a memory limit; this is the worker's body.
 */

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/';
const STRICT_REL = 'http://purl.oclc.org/ooxml/officeDocument/relationships/';
const relType = (type: string) => type.replace(REL, '').replace(STRICT_REL, '');

async function workbookPartName(zip: Awaited<ReturnType<typeof openZip>>): Promise<string> {
  let found: string | undefined;
  if (zip.has('_rels/.rels')) {
    await readPart(zip, '_rels/.rels', {
      open(tag, a) {
        if (tag === 'Relationship' && relType(a.Type ?? '') === 'officeDocument' && a.Target) found ??= a.Target.replace(/^\//, '');
      },
    });
  }
  return found ?? 'xl/workbook.xml';
}

export async function readXlsxInThread(bytes: Uint8Array, choice: SheetChoice, limits: XlsxLimits): Promise<XlsxWorkbook> {
  if (bytes.byteLength > limits.fileBytes) throw limitError('fileBytes', limits);
  const zip = await openZip(bytes, limits);
  try {
    const wbName = await workbookPartName(zip);
    if (!zip.has(wbName)) throw new Error('it has no workbook part (xl/workbook.xml), so it is a zip file but not a spreadsheet');
    const wb = await readWorkbookPart(zip, wbName);
    const rels = await readRels(zip, wbName);
    const partOf = (type: string) => [...rels.values()].find((r) => relType(r.type) === type && zip.has(r.target))?.target;

    const sheetNames = wb.sheets.map((s) => s.name);
    const wanted = 'first' in choice ? wb.sheets.slice(0, 1) : wb.sheets.filter((s) => choice.names.some((n) => n.trim().toLowerCase() === s.name.trim().toLowerCase()));
    if (wanted.length === 0) return { sheetNames, sheets: [] };

    const styles = partOf('styles');
    const strings = partOf('sharedStrings');
    const ctx: SheetContext = {
      dateStyles: styles ? await readDateStyles(zip, styles) : [],
      sharedStrings: strings ? await readSharedStrings(zip, strings, limits.cellChars, () => limitError('cellChars', limits)) : [],
      date1904: wb.date1904,
      limits,
      counts: { rows: 0, cells: 0 },
    };
    const sheets: XlsxSheet[] = [];
    for (const s of wanted) {
      const rel = rels.get(s.rid);
      // A chart sheet or a dangling reference has no cells to read.
      if (!rel || relType(rel.type) !== 'worksheet' || !zip.has(rel.target)) {
        sheets.push({ name: s.name, rows: [] });
        continue;
      }
      sheets.push({ name: s.name, rows: await readSheet(zip, rel.target, ctx) });
    }
    return { sheetNames, sheets };
  } finally {
    zip.close();
  }
}
