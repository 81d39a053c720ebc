import type ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { foldVietnamese } from '../../shared/text';
import { AppError } from '../errors';

/**
 * Reading the lists offices send, as .xlsx or .csv: a grid of cells per sheet, then the table in it found by
 * its column names (title rows above, a one- or two-row header, merged cells, blank rows).
 */

/** A column the importer recognises by meaning: any of its header names, compared accent- and case-insensitively. */
export interface ColumnSpec<K extends string> {
  key: K;
  /** The name shown in messages and written on export. */
  label: string;
  headers: string[];
  required?: boolean;
}

/** A cell read as text, or the reason it cannot be (formula, error value) with what the cell showed. */
export type CellText = { text: string } | { problem: string; raw: string };

export interface SheetRow<K extends string> {
  /** The row number as Excel shows it, for messages ("Dòng 7"). */
  rowNumber: number;
  values: Partial<Record<K, CellText>>;
}

/** One sheet as rows of cells; `rows[0]` is row 1. */
export interface Grid {
  name: string;
  rows: CellText[][];
}

export interface TableFile {
  format: 'xlsx' | 'csv';
  sheets: Grid[];
}

const XLSX_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const XLS_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);
const HEADER_SCAN_ROWS = 15;

export const FORMULA_PROBLEM = 'Ô chứa công thức; hãy dán giá trị (Paste Values) thay cho công thức';

function cellToText(value: ExcelJS.CellValue): CellText {
  if (value === null || value === undefined) return { text: '' };
  if (value instanceof Date) return { text: value.toISOString().slice(0, 10) };
  if (typeof value === 'object') {
    if ('formula' in value || 'sharedFormula' in value) {
      const formula = 'formula' in value ? value.formula : value.sharedFormula;
      return { problem: FORMULA_PROBLEM, raw: `=${formula ?? ''}` };
    }
    if ('error' in value)
      return { problem: `Ô có lỗi Excel ${String(value.error)}`, raw: String(value.error) };
    if ('richText' in value)
      return {
        text: value.richText
          .map((r) => r.text)
          .join('')
          .trim(),
      };
    if ('text' in value) return { text: String(value.text).trim() };
    return { problem: 'Không đọc được giá trị của ô', raw: '' };
  }
  return { text: String(value).trim() };
}

/** Loads an .xlsx buffer, refusing what is not one with a message the user can act on. */
export async function loadWorkbook(buffer: Buffer): Promise<ExcelJS.Workbook> {
  if (buffer.length === 0) throw new AppError('IMPORT_FAILED', 'Tệp rỗng');
  if (!buffer.subarray(0, 4).equals(XLSX_MAGIC)) throw notATable(buffer);
  // Loaded on first use: most server starts never touch a spreadsheet.
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Tệp Excel bị hỏng hoặc không đọc được');
  }
  return workbook;
}

function notATable(buffer: Buffer): AppError {
  if (buffer.subarray(0, 4).equals(XLS_MAGIC)) {
    return new AppError(
      'UNSUPPORTED_MEDIA_TYPE',
      'Tệp Excel 97-2003 (.xls) chưa được hỗ trợ. Hãy mở bằng Excel và lưu lại dưới dạng .xlsx.',
    );
  }
  return new AppError(
    'UNSUPPORTED_MEDIA_TYPE',
    'Tệp không phải bảng tính Excel (.xlsx) hay CSV. Hãy lưu lại bằng Excel dưới dạng .xlsx.',
  );
}

function workbookGrids(workbook: ExcelJS.Workbook): Grid[] {
  return workbook.worksheets.map((sheet) => {
    const rows: CellText[][] = [];
    for (let r = 1; r <= sheet.rowCount; r++) {
      const row = sheet.getRow(r);
      const cells: CellText[] = [];
      // Merged cells answer with the merge's value, so a merged header names every column it spans.
      for (let c = 1; c <= row.cellCount; c++) cells.push(cellToText(row.getCell(c).value));
      rows.push(cells);
    }
    return { name: sheet.name, rows };
  });
}

/** CSV as Excel writes it on Vietnamese Windows: UTF-8 (with or without BOM), UTF-16, or Windows-1258. */
function decodeCsv(buffer: Buffer): string {
  if (buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf)
    return buffer.subarray(3).toString('utf8');
  if (buffer[0] === 0xff && buffer[1] === 0xfe) return iconv.decode(buffer.subarray(2), 'utf16le');
  if (buffer[0] === 0xfe && buffer[1] === 0xff) return iconv.decode(buffer.subarray(2), 'utf16be');
  if (buffer.includes(0)) throw notATable(buffer);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buffer);
  } catch {
    return iconv.decode(buffer, 'windows1258');
  }
}

async function csvGrid(buffer: Buffer): Promise<Grid> {
  const text = decodeCsv(buffer).normalize('NFC');
  const { parse } = await import('csv-parse/sync');
  let records: string[][];
  try {
    records = parse(text, {
      delimiter: [',', ';', '\t'],
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
    });
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    throw new AppError(
      'IMPORT_FAILED',
      `Tệp CSV không đọc được${line ? ` (quanh dòng ${line})` : ''}: kiểm tra dấu ngoặc kép và dấu phân cách`,
    );
  }
  return { name: 'CSV', rows: records.map((r) => r.map((v) => ({ text: v.trim() }))) };
}

/** Reads an uploaded .xlsx or .csv into grids, whatever its name says: the bytes decide. */
export async function readTableFile(buffer: Buffer): Promise<TableFile> {
  if (buffer.length === 0) throw new AppError('IMPORT_FAILED', 'Tệp rỗng');
  if (buffer.subarray(0, 4).equals(XLSX_MAGIC)) {
    const workbook = await loadWorkbook(buffer);
    return { format: 'xlsx', sheets: workbookGrids(workbook) };
  }
  if (buffer.subarray(0, 4).equals(XLS_MAGIC)) throw notATable(buffer);
  return { format: 'csv', sheets: [await csvGrid(buffer)] };
}

interface HeaderMatch<K extends string> {
  row: number;
  positions: Map<K, number>;
}

function matchHeaderRow<K extends string>(
  cells: CellText[],
  wanted: (ColumnSpec<K> & { folded: string[] })[],
  positions: Map<K, number>,
): number {
  let added = 0;
  cells.forEach((cell, index) => {
    if (!('text' in cell) || !cell.text) return;
    const header = foldVietnamese(cell.text.replace(/[*:]/g, ''));
    const spec = wanted.find((c) => c.folded.includes(header));
    if (spec && !positions.has(spec.key)) {
      positions.set(spec.key, index);
      added++;
    }
  });
  return added;
}

function findHeader<K extends string>(grid: Grid, columns: ColumnSpec<K>[]): HeaderMatch<K> | null {
  const wanted = columns.map((c) => ({ ...c, folded: c.headers.map(foldVietnamese) }));
  const required = wanted.filter((c) => c.required);
  for (let r = 0; r < Math.min(HEADER_SCAN_ROWS, grid.rows.length); r++) {
    const positions = new Map<K, number>();
    matchHeaderRow(grid.rows[r] ?? [], wanted, positions);
    if (positions.size < 2 || !required.every((c) => positions.has(c.key))) continue;
    // A two-row header ("Liên hệ" merged over "Điện thoại" | "Email"): the row below names more columns.
    const below = grid.rows[r + 1];
    if (below && matchHeaderRow(below, wanted, positions) > 0) return { row: r + 1, positions };
    return { row: r, positions };
  }
  return null;
}

/** The sheet to read: the one asked for, else the first whose header names the required columns. */
export function pickSheet<K extends string>(
  file: TableFile,
  columns: ColumnSpec<K>[],
  sheetName?: string | null,
): Grid {
  if (file.sheets.length === 0) throw new AppError('IMPORT_FAILED', 'Tệp không có trang tính nào');
  if (sheetName) {
    const sheet = file.sheets.find((s) => s.name === sheetName);
    if (!sheet) throw new AppError('IMPORT_FAILED', `Không có trang tính "${sheetName}"`);
    return sheet;
  }
  return file.sheets.find((s) => findHeader(s, columns)) ?? file.sheets[0]!;
}

/** The data rows under the header, keyed by column; blank rows skipped. */
export function readTable<K extends string>(
  grid: Grid,
  columns: ColumnSpec<K>[],
  options: { maxRows: number },
): SheetRow<K>[] {
  if (grid.rows.every((cells) => cells.every((c) => 'text' in c && c.text === ''))) {
    throw new AppError('IMPORT_FAILED', `Trang tính "${grid.name}" không có dữ liệu`);
  }
  const header = findHeader(grid, columns);
  if (!header) {
    const names = columns
      .filter((c) => c.required)
      .map((c) => `"${c.label}"`)
      .join(', ');
    throw new AppError(
      'IMPORT_FAILED',
      `Không tìm thấy dòng tiêu đề có các cột ${names} trong ${HEADER_SCAN_ROWS} dòng đầu của trang "${grid.name}"`,
    );
  }
  const rows: SheetRow<K>[] = [];
  for (let r = header.row + 1; r < grid.rows.length; r++) {
    const cells = grid.rows[r] ?? [];
    const values: Partial<Record<K, CellText>> = {};
    let blank = true;
    for (const [key, col] of header.positions) {
      const cell = cells[col] ?? { text: '' };
      values[key] = cell;
      if (!('text' in cell) || cell.text !== '') blank = false;
    }
    if (blank) continue;
    rows.push({ rowNumber: r + 1, values });
    if (rows.length > options.maxRows) {
      throw new AppError(
        'IMPORT_FAILED',
        `Trang tính có hơn ${options.maxRows.toLocaleString('vi-VN')} dòng dữ liệu; hãy chia thành nhiều tệp`,
      );
    }
  }
  if (rows.length === 0)
    throw new AppError(
      'IMPORT_FAILED',
      `Trang tính "${grid.name}" không có dòng dữ liệu nào dưới dòng tiêu đề`,
    );
  return rows;
}

/**
 * "All or nothing" refused a file: how many errors in how many rows, nothing written, each error named by row and
 * column so the form can list them.
 */
export function wholeFileRefused(
  what: 'Tệp' | 'Danh sách',
  errors: { row: number; column: string; message: string; field?: string }[],
): AppError {
  const rows = new Set(errors.map((e) => e.row)).size;
  return new AppError(
    'IMPORT_FAILED',
    `${what} có ${errors.length} lỗi ở ${rows} dòng; chưa nhập dòng nào. Hãy sửa các lỗi hoặc chọn "Chỉ nhập các dòng hợp lệ".`,
    errors.map((e) => ({
      row: e.row,
      column: e.column,
      ...(e.field ? { field: e.field } : {}),
      message: `Dòng ${e.row}, cột ${e.column}: ${e.message}`,
    })),
  );
}
