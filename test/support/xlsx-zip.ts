import zlib from 'node:zlib';

/**
 * Writes XLSX packages part by part for tests that need what no spreadsheet
 * program writes on purpose: a deflate bomb, a whole-column validation
 * without data, prefixed tags. A part may be given as repeated chunks, so a
 * gigabyte of XML never sits in the test's memory.
 */
export type Part = string | { repeat: string; times: number; before?: string; after?: string };

interface Packed {
  name: Buffer;
  data: Buffer;
  crc: number;
  size: number;
}

function pack(name: string, part: Part): Packed {
  const runs = typeof part === 'string' ? [{ buf: Buffer.from(part), times: 1 }] : [{ buf: Buffer.from(part.before ?? ''), times: 1 }, { buf: Buffer.from(part.repeat), times: part.times }, { buf: Buffer.from(part.after ?? ''), times: 1 }];
  let crc = 0;
  let size = 0;
  const pieces: Buffer[] = [];
  for (const { buf, times } of runs) {
    // A batch of ~4 MB is deflated once; each copy of it is a self-contained run of deflate blocks
    // (a full flush ends it byte-aligned), so the copies joined are one valid stream for any inflater.
    const perBatch = Math.max(1, Math.floor((1 << 22) / Math.max(1, buf.length)));
    const compressed = new Map<number, Buffer>();
    for (let done = 0; done < times; done += perBatch) {
      const n = Math.min(perBatch, times - done);
      const batch = Buffer.concat(Array<Buffer>(n).fill(buf));
      if (!compressed.has(n)) compressed.set(n, zlib.deflateRawSync(batch, { level: 9, finishFlush: zlib.constants.Z_FULL_FLUSH }));
      crc = zlib.crc32(batch, crc);
      size += batch.length;
      pieces.push(compressed.get(n)!);
    }
  }
  pieces.push(zlib.deflateRawSync(Buffer.alloc(0)));
  return { name: Buffer.from(name), data: Buffer.concat(pieces), crc: crc >>> 0, size };
}

export function zipParts(parts: Record<string, Part>): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, part] of Object.entries(parts)) {
    const p = pack(name, part);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(p.crc, 14);
    local.writeUInt32LE(p.data.length, 18);
    local.writeUInt32LE(p.size, 22);
    local.writeUInt16LE(p.name.length, 26);
    locals.push(local, p.name, p.data);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(0x0800, 8);
    dir.writeUInt16LE(8, 10);
    dir.writeUInt32LE(p.crc, 16);
    dir.writeUInt32LE(p.data.length, 20);
    dir.writeUInt32LE(p.size, 24);
    dir.writeUInt16LE(p.name.length, 28);
    dir.writeUInt32LE(offset, 42);
    central.push(dir, p.name);
    offset += 30 + p.name.length + p.data.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(parts).length, 8);
  end.writeUInt16LE(Object.keys(parts).length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** A minimal workbook around the given sheet parts (`<sheetData>` and after), inline strings only. */
export function workbookWith(sheets: Record<string, Part>, extra: Record<string, Part> = {}): Buffer {
  const names = Object.keys(sheets);
  const parts: Record<string, Part> = {
    '[Content_Types].xml': `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${names.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('')}</Types>`,
    '_rels/.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml': `<?xml version="1.0" encoding="UTF-8"?><workbook ${NS}><sheets>${names.map((n, i) => `<sheet name="${n}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`,
    'xl/_rels/workbook.xml.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${names.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('')}</Relationships>`,
    ...extra,
  };
  names.forEach((n, i) => {
    const body = sheets[n]!;
    parts[`xl/worksheets/sheet${i + 1}.xml`] =
      typeof body === 'string' ? `<?xml version="1.0" encoding="UTF-8"?><worksheet ${NS}>${body}</worksheet>` : { ...body, before: `<?xml version="1.0" encoding="UTF-8"?><worksheet ${NS}>${body.before ?? ''}`, after: `${body.after ?? ''}</worksheet>` };
  });
  return zipParts(parts);
}
