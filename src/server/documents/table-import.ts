import { foldVietnamese } from '../../shared/text';
import { AppError } from '../errors';
import { type CellText, type Grid, HEADER_SCAN_ROWS, type TableFile } from './table-read/grid';
import { readTableInWorker } from './table-read/table-read-pool';

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

export type { CellText, Grid, TableFile } from './table-read/grid';
export { FORMULA_PROBLEM } from './table-read/grid';

export interface SheetRow<K extends string> {
  /** The row number as Excel shows it, for messages ("Dòng 7"). */
  rowNumber: number;
  values: Partial<Record<K, CellText>>;
}

/**
 * Reads an uploaded .xlsx or .csv into grids, whatever its name says: the bytes decide. The reading happens in a
 * worker thread under counted limits (table-read/), so a hostile file is refused there with a 4xx naming the limit.
 */
export function readTableFile(buffer: Buffer): Promise<TableFile> {
  return readTableInWorker(buffer);
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

// The end of a list as offices sign it: "Hoằng Hóa, ngày 20 tháng 11 năm 2020", "Người lập biểu", "KT. CHỦ TỊCH",
// "(Ký, ghi rõ họ tên)". A row is the footer only when every filled cell reads so, since a data row may well say
// "Chủ tịch" in its position column.
const PLACE_AND_DATE =
  /(^|[\s,])ngay\s*\.{0,}\s*\d{0,2}\s*\.{0,}\s*thang\s*\.{0,}\s*\d{0,2}\s*\.{0,}\s*nam\s*\.{0,}\s*\d{0,4}/;
// "KT. CHỦ TỊCH", "TM. ỦY BAN NHÂN DÂN": signing for someone.
const SIGNATURE_START = /^(kt|tm|tl|tuq)\s*\.\s*\S/;
const SIGNATURE_WORDS = new Set([
  'nguoi lap bieu',
  'nguoi lap bang',
  'nguoi lap',
  'nguoi ky',
  'chu tich',
  'pho chu tich',
  'giam doc',
  'pho giam doc',
  'chanh van phong',
  'pho chanh van phong',
  'truong phong',
  'pho truong phong',
  'thu truong don vi',
  'thu truong co quan',
  'lanh dao don vi',
  'xac nhan cua don vi',
  'ky ten',
  'ky, ghi ro ho ten',
  'ky ten, dong dau',
  'ky, ghi ro ho ten, dong dau',
  'noi nhan',
  'da ky',
]);
/** Blank rows in a row that end the table: a district's list is over; what follows is its signature block. */
const BLANK_RUN_END = 3;

function isFooterCell(text: string): boolean {
  const folded = foldVietnamese(text)
    .replace(/^[([]+|[)\]:.;]+$/g, '')
    .trim();
  if (!folded) return true;
  return (
    PLACE_AND_DATE.test(folded) ||
    SIGNATURE_WORDS.has(folded) ||
    /^noi nhan\b/.test(folded) ||
    /^tong (cong|so)\b/.test(folded) ||
    SIGNATURE_START.test(folded)
  );
}

/** True when a row is where the list is signed off: a place-and-date line or signature words, nothing else. */
export function isFooterRow(cells: CellText[]): boolean {
  const filled = cells.filter((c) => !('text' in c) || c.text !== '');
  if (filled.length === 0) return false;
  return filled.every((c) => 'text' in c && isFooterCell(c.text));
}

/**
 * The data rows under the header, keyed by column; blank rows skipped. The table ends at its footer (a
 * place-and-date line, "Người lập biểu", signature words) or after a run of blank rows, so the signer is
 * never read as a person.
 */
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
  let blankRun = 0;
  for (let r = header.row + 1; r < grid.rows.length; r++) {
    const cells = grid.rows[r] ?? [];
    if (rows.length > 0 && isFooterRow(cells)) break;
    const values: Partial<Record<K, CellText>> = {};
    let blank = true;
    for (const [key, col] of header.positions) {
      const cell = cells[col] ?? { text: '' };
      values[key] = cell;
      if (!('text' in cell) || cell.text !== '') blank = false;
    }
    if (blank) {
      if (++blankRun >= BLANK_RUN_END && rows.length > 0) break;
      continue;
    }
    blankRun = 0;
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
