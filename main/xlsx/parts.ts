import { unescapeXstring, xmlReader, type XmlHandlers } from './xml';
import type { ZipParts } from './zip-parts';

/** The small parts of a workbook: where things are, sheet names, which styles are dates, shared strings. */

export async function readPart(zip: ZipParts, name: string, h: XmlHandlers): Promise<void> {
  const xml = xmlReader(h);
  await zip.read(name, (text) => xml.write(text));
  xml.end();
}

export interface Relationship {
  type: string;
  target: string;
}

/** `xl/_rels/workbook.xml.rels` for `xl/workbook.xml`; targets resolved to part names. */
export async function readRels(zip: ZipParts, part: string): Promise<Map<string, Relationship>> {
  const slash = part.lastIndexOf('/');
  const dir = part.slice(0, slash + 1);
  const relsName = `${dir}_rels/${part.slice(slash + 1)}.rels`;
  const out = new Map<string, Relationship>();
  if (!zip.has(relsName)) return out;
  await readPart(zip, relsName, {
    open(name, a) {
      if (name !== 'Relationship' || !a.Id || !a.Target || a.TargetMode === 'External') return;
      out.set(a.Id, { type: a.Type ?? '', target: resolvePart(dir, a.Target) });
    },
  });
  return out;
}

function resolvePart(dir: string, target: string): string {
  const parts = (target.startsWith('/') ? target.slice(1) : dir + target).split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p !== '.' && p !== '') out.push(p);
  }
  return out.join('/');
}

export interface WorkbookPart {
  sheets: { name: string; rid: string }[];
  date1904: boolean;
}

export async function readWorkbookPart(zip: ZipParts, name: string): Promise<WorkbookPart> {
  const out: WorkbookPart = { sheets: [], date1904: false };
  await readPart(zip, name, {
    open(tag, a) {
      if (tag === 'sheet' && a.name !== undefined) {
        const rid = Object.entries(a).find(([k]) => k === 'r:id' || k.endsWith(':id'))?.[1];
        if (rid) out.sheets.push({ name: a.name, rid });
      } else if (tag === 'workbookPr') out.date1904 = a.date1904 === '1' || a.date1904 === 'true';
    },
  });
  return out;
}

/**
 * Built-in number formats that show a date or time (ECMA-376 part 1, 18.8.30):
 * 14-22 and 45-47 everywhere, 27-36 and 50-58 in East Asian locales, 71-81 in Thai ones.
 */
const BUILTIN_DATE = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58, 71, 72, 73, 74, 75, 76, 77, 78, 79, 80, 81]);

export function isDateFormat(code: string): boolean {
  const bare = code
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[(?![hms]+\])[^\]]*\]/gi, '')
    .replace(/General/gi, '');
  return /[dmyhs]|bb/i.test(bare);
}

/** For each cell style index (`s` on a cell), whether it shows a date. */
export async function readDateStyles(zip: ZipParts, name: string): Promise<boolean[]> {
  const custom = new Map<number, string>();
  const xfs: number[] = [];
  let inCellXfs = false;
  await readPart(zip, name, {
    open(tag, a) {
      if (tag === 'numFmt' && a.numFmtId) custom.set(Number(a.numFmtId), a.formatCode ?? '');
      else if (tag === 'cellXfs') inCellXfs = true;
      else if (tag === 'xf' && inCellXfs) xfs.push(Number(a.numFmtId ?? 0));
    },
    close(tag) {
      if (tag === 'cellXfs') inCellXfs = false;
    },
  });
  return xfs.map((id) => (custom.has(id) ? isDateFormat(custom.get(id)!) : BUILTIN_DATE.has(id)));
}

/** The shared string table; rich text runs joined, phonetic guides (rPh) left out as Excel shows them. */
export async function readSharedStrings(zip: ZipParts, name: string, maxChars: number, tooLong: () => Error): Promise<string[]> {
  const out: string[] = [];
  let current: string | null = null;
  let inT = false;
  let inRPh = false;
  await readPart(zip, name, {
    open(tag) {
      if (tag === 'si') current = '';
      else if (tag === 'rPh') inRPh = true;
      else if (tag === 't' && current !== null && !inRPh) inT = true;
    },
    text(t) {
      if (!inT) return;
      current += t;
      if (current!.length > maxChars) throw tooLong();
    },
    close(tag) {
      if (tag === 't') inT = false;
      else if (tag === 'rPh') inRPh = false;
      else if (tag === 'si') {
        out.push(unescapeXstring(current ?? ''));
        current = null;
      }
    },
  });
  return out;
}
