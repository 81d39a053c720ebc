import { crc32, createDeflateRaw, deflateRawSync } from 'node:zlib';

/**
 * Spreadsheets built byte by byte for the reader's tests, including ones no honest program writes: sizes that
 * lie, hundreds of megabytes of text deflated to a few hundred kilobytes, cells at XFD1048576.
 */

export interface ZipPart {
  name: string;
  /** The part's bytes, deflated here. */
  data?: Buffer | string;
  /** Already deflated, with its real uncompressed size. */
  deflated?: { bytes: Buffer; size: number };
  /** The uncompressed size written in the headers, when it should lie. */
  declaredSize?: number;
}

export function zipOf(parts: ZipPart[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const raw = part.data === undefined ? undefined : Buffer.from(part.data);
    const bytes = part.deflated?.bytes ?? deflateRawSync(raw ?? Buffer.alloc(0));
    const size = part.declaredSize ?? part.deflated?.size ?? raw?.length ?? 0;
    const crc = raw ? crc32(raw) : 0;
    const name = Buffer.from(part.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(bytes.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(bytes.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, bytes);
    centrals.push(central, name);
    offset += local.length + name.length + bytes.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** Deflates text given piece by piece, so a 300 MB part never exists in the test's memory. */
export async function deflatePieces(
  pieces: Iterable<string | Buffer>,
): Promise<{ bytes: Buffer; size: number }> {
  const deflate = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => out.push(chunk));
  const done = new Promise((resolve, reject) => {
    deflate.on('end', resolve);
    deflate.on('error', reject);
  });
  let size = 0;
  for (const piece of pieces) {
    const chunk = Buffer.from(piece);
    size += chunk.length;
    if (!deflate.write(chunk)) await new Promise((resolve) => deflate.once('drain', resolve));
  }
  deflate.end();
  await done;
  return { bytes: Buffer.concat(out), size };
}

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export const sheetXml = (rows: string) =>
  `<worksheet xmlns="${NS}"><sheetData>${rows}</sheetData></worksheet>`;
export const inlineCell = (ref: string, text: string) =>
  `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;

/** The parts around one sheet that make a workbook Excel opens; `sheet` and `sharedStrings` as given. */
export function workbookParts(sheet: ZipPart['data'] | ZipPart, sharedStrings?: ZipPart): ZipPart[] {
  const sheetPart: ZipPart =
    typeof sheet === 'object' && !Buffer.isBuffer(sheet)
      ? { ...sheet, name: 'xl/worksheets/sheet1.xml' }
      : { name: 'xl/worksheets/sheet1.xml', data: sheet };
  return [
    {
      name: '_rels/.rels',
      data: `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    },
    {
      name: 'xl/workbook.xml',
      data: `<workbook xmlns="${NS}" xmlns:r="${REL}"><sheets><sheet name="DS" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    },
    sheetPart,
    ...(sharedStrings ? [{ ...sharedStrings, name: 'xl/sharedStrings.xml' }] : []),
  ];
}

export const xlsxOf = (sheet: ZipPart['data'] | ZipPart, sharedStrings?: ZipPart) =>
  zipOf(workbookParts(sheet, sharedStrings));
