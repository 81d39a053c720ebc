import { MAX_IMPORT_CELL_CHARS, MAX_IMPORT_CELLS } from '../../../shared/limits';
import { AppError } from '../../errors';
import type { XlsxZip } from './xlsx-zip';
import { brokenXlsx, createXmlStream, type XmlHandler, xmlAttr } from './xml-stream';

/** The workbook-level parts of an .xlsx: which sheets, in which order, with which shared strings and styles. */

export interface SheetRef {
  name: string;
  path: string;
}

/** A shared string longer than a cell may hold: kept as its length only, refused when a cell uses it. */
export const TOO_LONG = Symbol('too long');
export type SharedString = string | typeof TOO_LONG;

export interface WorkbookParts {
  sheets: SheetRef[];
  sharedStrings: SharedString[];
  /** Per cell style index (`s`): does its number format show a date? */
  dateStyles: boolean[];
  date1904: boolean;
}

async function readXml(zip: XlsxZip, path: string, handler: XmlHandler): Promise<boolean> {
  const entry = zip.entry(path);
  if (!entry) return false;
  const xml = createXmlStream(handler);
  await zip.readText(entry, (text) => xml.write(text));
  xml.end();
  return true;
}

function resolvePath(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = base.split('/').slice(0, -1);
  for (const part of target.split('/')) {
    if (part === '..') parts.pop();
    else if (part !== '.' && part !== '') parts.push(part);
  }
  return parts.join('/');
}

function relsPathOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** Relationship id → { type, target path } of a part. */
async function readRels(zip: XlsxZip, part: string): Promise<Map<string, { type: string; path: string }>> {
  const rels = new Map<string, { type: string; path: string }>();
  await readXml(zip, relsPathOf(part), {
    open(name, attrs) {
      if (name !== 'Relationship') return;
      const id = xmlAttr(attrs, 'Id');
      const target = xmlAttr(attrs, 'Target');
      if (id && target && xmlAttr(attrs, 'TargetMode') !== 'External')
        rels.set(id, { type: xmlAttr(attrs, 'Type') ?? '', path: resolvePath(part, target) });
    },
    close() {},
    text() {},
  });
  return rels;
}

function isDateFormat(code: string): boolean {
  // ExcelJS's rule, which the importers were written against: date letters outside quotes and brackets.
  return /[ymdhMsb]/.test(code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

const BUILT_IN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);

async function readStyles(zip: XlsxZip, path: string): Promise<boolean[]> {
  const customDates = new Map<number, boolean>();
  const dateStyles: boolean[] = [];
  let inCellXfs = false;
  await readXml(zip, path, {
    open(name, attrs) {
      if (name === 'numFmt') {
        const id = Number(xmlAttr(attrs, 'numFmtId'));
        customDates.set(id, isDateFormat(xmlAttr(attrs, 'formatCode') ?? ''));
      } else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) {
        if (dateStyles.length >= MAX_IMPORT_CELLS) throw brokenXlsx();
        const id = Number(xmlAttr(attrs, 'numFmtId') ?? 0);
        dateStyles.push(customDates.get(id) ?? BUILT_IN_DATE_FORMATS.has(id));
      }
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
    },
    text() {},
  });
  return dateStyles;
}

async function readSharedStrings(zip: XlsxZip, path: string): Promise<SharedString[]> {
  const strings: SharedString[] = [];
  let parts: string[] | null = null;
  let length = 0;
  let inText = false;
  let phonetic = 0;
  await readXml(zip, path, {
    open(name, _attrs, selfClosing) {
      if (name === 'si') {
        parts = [];
        length = 0;
      } else if (name === 'rPh') phonetic++;
      else if (name === 't' && !selfClosing) inText = true;
    },
    close(name) {
      if (name === 'si') {
        if (strings.length >= MAX_IMPORT_CELLS) {
          throw new AppError(
            'IMPORT_TOO_LARGE',
            `Tệp Excel có hơn ${MAX_IMPORT_CELLS.toLocaleString('vi-VN')} chuỗi ký tự, quá giới hạn của một lần nhập`,
          );
        }
        strings.push(parts ? parts.join('') : TOO_LONG);
        parts = null;
      } else if (name === 'rPh') phonetic--;
      else if (name === 't') inText = false;
    },
    text(text) {
      if (!inText || phonetic > 0 || !parts) return;
      length += text.length;
      // Past the limit the text is dropped as it streams by: a 300 MB string never sits in memory.
      if (length > MAX_IMPORT_CELL_CHARS) parts = null;
      else parts.push(text);
    },
  });
  return strings;
}

/** Sheets in workbook order (hidden ones too, as ExcelJS listed them), chart sheets left out. */
export async function readWorkbookParts(zip: XlsxZip): Promise<WorkbookParts> {
  const rootRels = await readRels(zip, '');
  const workbookPath =
    [...rootRels.values()].find((r) => r.type.endsWith('/officeDocument'))?.path ?? 'xl/workbook.xml';
  const rels = await readRels(zip, workbookPath);
  const declared: { name: string; id: string }[] = [];
  let date1904 = false;
  const found = await readXml(zip, workbookPath, {
    open(name, attrs) {
      if (name === 'sheet') {
        if (declared.length >= 1_000) throw brokenXlsx();
        declared.push({ name: xmlAttr(attrs, 'name') ?? '', id: xmlAttr(attrs, 'id') ?? '' });
      } else if (name === 'workbookPr') {
        const value = xmlAttr(attrs, 'date1904');
        date1904 = value === '1' || value === 'true';
      }
    },
    close() {},
    text() {},
  });
  if (!found) throw brokenXlsx();
  const sheets = declared.flatMap(({ name, id }) => {
    const rel = rels.get(id);
    return rel?.type.endsWith('/worksheet') ? [{ name, path: rel.path }] : [];
  });
  const relOfType = (type: string) => [...rels.values()].find((r) => r.type.endsWith(type))?.path;
  const sharedStringsPath = relOfType('/sharedStrings') ?? 'xl/sharedStrings.xml';
  const stylesPath = relOfType('/styles') ?? 'xl/styles.xml';
  return {
    sheets,
    sharedStrings: await readSharedStrings(zip, sharedStringsPath),
    dateStyles: await readStyles(zip, stylesPath),
    date1904,
  };
}
