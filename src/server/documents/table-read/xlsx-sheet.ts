import { MAX_IMPORT_CELL_CHARS, MAX_IMPORT_CELLS } from '../../../shared/limits';
import { AppError } from '../../errors';
import {
  type CellBudget,
  type CellText,
  cellTooLong,
  createGridBuilder,
  FORMULA_PROBLEM,
  type Grid,
} from './grid';
import { type SheetRef, TOO_LONG, type WorkbookParts } from './xlsx-parts';
import type { XlsxZip } from './xlsx-zip';
import { brokenXlsx, createXmlStream, xmlAttr } from './xml-stream';

/** One worksheet's XML read as it inflates: only the cells it holds, never the rectangle up to the last one. */

const MAX_FORMULA_SHOWN = 500;

/** "AB12" → { row: 12, column: 27 } (0-based column); null for anything else. */
function parseRef(ref: string): { row: number; column: number } | null {
  let column = 0;
  let i = 0;
  for (; i < ref.length && i < 4; i++) {
    const code = ref.charCodeAt(i);
    if (code < 65 || code > 90) break;
    column = column * 26 + (code - 64);
  }
  if (i === 0) return null;
  const row = Number(ref.slice(i));
  return Number.isSafeInteger(row) && row > 0 ? { row, column: column - 1 } : null;
}

function excelDate(serial: number, date1904: boolean): string | null {
  // ExcelJS's conversion, so dates read as they did before the reader moved off the main thread.
  const date = new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000));
  return Number.isNaN(date.getTime()) ? null : date.toISOString().slice(0, 10);
}

interface CellState {
  row: number;
  column: number;
  type: string;
  style: number;
  value: string;
  inline: string;
  formula: string | null;
  sharedIndex: string | undefined;
}

export async function readSheet(
  zip: XlsxZip,
  sheet: SheetRef,
  parts: WorkbookParts,
  budget: CellBudget,
): Promise<Grid> {
  const builder = createGridBuilder(sheet.name, budget);
  const entry = zip.entry(sheet.path);
  if (!entry) throw brokenXlsx();
  const sharedFormulas = new Map<string, string>();
  const merges: number[][] = [];
  let rowNumber = 0;
  let column = -1;
  let cell: CellState | null = null;
  // Which text the stream is in: a value, a formula, an inline string (not its phonetic guide), or none.
  let into: 'v' | 'f' | 'is' | null = null;
  let phonetic = 0;

  function toText(c: CellState): CellText | null {
    if (c.formula !== null) {
      const formula =
        c.formula || (c.sharedIndex !== undefined ? sharedFormulas.get(c.sharedIndex) : '') || '';
      return { problem: FORMULA_PROBLEM, raw: `=${formula}` };
    }
    switch (c.type) {
      case 's': {
        const shared = parts.sharedStrings[Number(c.value)];
        if (shared === TOO_LONG) throw cellTooLong(sheet.name, c.row, c.column);
        return shared === undefined ? null : { text: shared.trim() };
      }
      case 'inlineStr':
        return { text: c.inline.trim() };
      case 'str':
        return { text: c.value.trim() };
      case 'b':
        return c.value === '' ? null : { text: c.value === '1' ? 'true' : 'false' };
      case 'e':
        return { problem: `Ô có lỗi Excel ${c.value}`, raw: c.value };
      case 'd': {
        const date = new Date(c.value);
        return { text: Number.isNaN(date.getTime()) ? c.value.trim() : date.toISOString().slice(0, 10) };
      }
      default: {
        const raw = c.value.trim();
        if (raw === '') return null;
        const number = Number.parseFloat(raw);
        if (Number.isNaN(number)) return { text: raw };
        const date = c.style > 0 && parts.dateStyles[c.style] ? excelDate(number, parts.date1904) : null;
        return { text: date ?? String(number) };
      }
    }
  }

  function append(text: string) {
    if (!cell || (into === 'is' && phonetic > 0)) return;
    if (into === 'v') cell.value += text;
    else if (into === 'is') cell.inline += text;
    else if (into === 'f' && cell.formula !== null && cell.formula.length < MAX_FORMULA_SHOWN)
      cell.formula += text.slice(0, MAX_FORMULA_SHOWN - cell.formula.length);
    if (cell.value.length > MAX_IMPORT_CELL_CHARS || cell.inline.length > MAX_IMPORT_CELL_CHARS)
      throw cellTooLong(sheet.name, cell.row, cell.column);
  }

  const xml = createXmlStream({
    open(name, attrs, selfClosing) {
      switch (name) {
        case 'row': {
          const r = Number(xmlAttr(attrs, 'r') ?? Number.NaN);
          rowNumber = Number.isSafeInteger(r) && r > rowNumber ? r : rowNumber + 1;
          column = -1;
          return;
        }
        case 'c': {
          const ref = xmlAttr(attrs, 'r');
          const at = ref ? parseRef(ref) : null;
          column = at && at.row === rowNumber ? at.column : column + 1;
          const style = Number(xmlAttr(attrs, 's') ?? 0) || 0;
          const type = xmlAttr(attrs, 't') ?? 'n';
          cell = {
            row: rowNumber,
            column,
            type,
            style,
            value: '',
            inline: '',
            formula: null,
            sharedIndex: undefined,
          };
          return;
        }
        case 'v':
          if (cell && !selfClosing) into = 'v';
          return;
        case 'f': {
          if (!cell) return;
          cell.formula = '';
          cell.sharedIndex = xmlAttr(attrs, 'si');
          if (!selfClosing) into = 'f';
          return;
        }
        case 'is':
          if (cell) into = 'is';
          return;
        case 'rPh':
          phonetic++;
          return;
        case 'mergeCell': {
          const range = /^([A-Z]{1,3}\d+):([A-Z]{1,3}\d+)$/.exec(xmlAttr(attrs, 'ref') ?? '');
          const from = range ? parseRef(range[1]!) : null;
          const to = range ? parseRef(range[2]!) : null;
          if (from && to) merges.push([from.row, from.column, to.row, to.column]);
          if (merges.length > MAX_IMPORT_CELLS) {
            throw new AppError(
              'IMPORT_TOO_LARGE',
              `Trang tính "${sheet.name}" có hơn ${MAX_IMPORT_CELLS.toLocaleString('vi-VN')} vùng gộp ô`,
            );
          }
          return;
        }
      }
    },
    close(name) {
      switch (name) {
        case 'c': {
          if (!cell) return;
          const text = toText(cell);
          if (text && ('problem' in text || text.text !== '')) builder.add(cell.row, cell.column, text);
          cell = null;
          into = null;
          return;
        }
        case 'f':
          if (cell?.formula && cell.sharedIndex !== undefined && sharedFormulas.size < 10_000)
            sharedFormulas.set(cell.sharedIndex, cell.formula);
          into = null;
          return;
        case 'v':
        case 'is':
          into = null;
          return;
        case 'rPh':
          phonetic--;
          return;
      }
    },
    text: append,
  });
  await zip.readText(entry, (text) => xml.write(text));
  xml.end();
  for (const [top, left, bottom, right] of merges)
    builder.fillMerge(top!, left!, Math.max(top!, bottom!), Math.max(left!, right!));
  return builder.grid();
}
