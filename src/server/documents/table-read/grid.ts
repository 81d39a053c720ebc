import {
  MAX_IMPORT_CELL_CHARS,
  MAX_IMPORT_CELLS,
  MAX_IMPORT_COLUMNS,
  MAX_IMPORT_ROWS,
  MAX_IMPORT_SHEET_ROWS,
} from '../../../shared/limits';
import { AppError } from '../../errors';

/** A cell read as text, or the reason it cannot be (formula, error value) with what the cell showed. */
export type CellText = { text: string } | { problem: string; raw: string };

/**
 * One sheet as rows of cells; `rows[0]` is row 1. Rows and cells are sparse: only non-empty cells are held, so a
 * stray cell far to the right or far down costs one entry, not the whole rectangle up to it.
 */
export interface Grid {
  name: string;
  rows: CellText[][];
}

export interface TableFile {
  format: 'xlsx' | 'csv';
  sheets: Grid[];
}

/** The header is looked for in this many rows at the top of a sheet. */
export const HEADER_SCAN_ROWS = 15;
/** The scan rows plus the second row of a two-row header: the rows whose cells decide a sheet's width. */
const HEADER_ZONE_ROWS = HEADER_SCAN_ROWS + 1;

export const FORMULA_PROBLEM = 'Ô chứa công thức; hãy dán giá trị (Paste Values) thay cho công thức';

const vi = (n: number) => n.toLocaleString('vi-VN');

/** "A", "Z", "AA", … "XFD" for a 0-based column index. */
export function columnLetters(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

export function cellAddress(rowNumber: number, column: number): string {
  return `${columnLetters(column)}${rowNumber}`;
}

export function cellTooLong(sheet: string, rowNumber: number, column: number): AppError {
  const letters = columnLetters(column);
  return new AppError(
    'IMPORT_TOO_LARGE',
    `Ô ${letters}${rowNumber} (dòng ${vi(rowNumber)}, cột ${letters}) của trang "${sheet}" dài hơn ${vi(MAX_IMPORT_CELL_CHARS)} ký tự, giới hạn của một ô`,
    [{ row: rowNumber, column: letters, message: `Ô dài hơn ${vi(MAX_IMPORT_CELL_CHARS)} ký tự` }],
  );
}

/** Cells kept across every sheet of one file. */
export interface CellBudget {
  used: number;
}

export interface GridBuilder {
  /** Records a non-empty cell; `column` is 0-based. Throws an AppError naming the limit a cell goes past. */
  add(rowNumber: number, column: number, cell: CellText): void;
  /** The value a merged range shows in every cell it covers (ExcelJS's reading, which the importers relied on). */
  fillMerge(top: number, left: number, bottom: number, right: number): void;
  grid(): Grid;
}

export function createGridBuilder(name: string, budget: CellBudget): GridBuilder {
  const rows: CellText[][] = [];
  // Cells right of the widest header-zone cell can belong to no column the importers look for.
  let width = 0;
  let filledRows = 0;

  function store(rowNumber: number, column: number, cell: CellText) {
    let row = rows[rowNumber - 1];
    if (!row) {
      row = [];
      rows[rowNumber - 1] = row;
      filledRows++;
      // Past this many filled rows, at least MAX_IMPORT_ROWS of them lie under any header the scan can find.
      if (filledRows > MAX_IMPORT_ROWS + HEADER_ZONE_ROWS) {
        throw new AppError(
          'IMPORT_FAILED',
          `Trang tính có hơn ${vi(MAX_IMPORT_ROWS)} dòng dữ liệu; hãy chia thành nhiều tệp`,
        );
      }
    }
    if (row[column] === undefined && ++budget.used > MAX_IMPORT_CELLS) {
      throw new AppError(
        'IMPORT_TOO_LARGE',
        `Tệp có hơn ${vi(MAX_IMPORT_CELLS)} ô có dữ liệu, quá giới hạn của một lần nhập; hãy chia thành nhiều tệp`,
      );
    }
    row[column] = cell;
  }

  return {
    add(rowNumber, column, cell) {
      if ('text' in cell && cell.text.length > MAX_IMPORT_CELL_CHARS)
        throw cellTooLong(name, rowNumber, column);
      if (rowNumber > MAX_IMPORT_SHEET_ROWS) {
        throw new AppError(
          'IMPORT_TOO_LARGE',
          `Trang tính "${name}" có dữ liệu ở ô ${cellAddress(rowNumber, column)} (dòng ${vi(rowNumber)}), quá giới hạn ${vi(MAX_IMPORT_SHEET_ROWS)} dòng đọc được; hãy xoá các ô thừa hoặc chia thành nhiều tệp`,
        );
      }
      if (rowNumber <= HEADER_ZONE_ROWS) {
        if (column >= MAX_IMPORT_COLUMNS) {
          throw new AppError(
            'IMPORT_TOO_LARGE',
            `Trang tính "${name}" có dữ liệu ở ô ${cellAddress(rowNumber, column)} (cột thứ ${vi(column + 1)}), quá giới hạn ${vi(MAX_IMPORT_COLUMNS)} cột (A đến ${columnLetters(MAX_IMPORT_COLUMNS - 1)}); hãy xoá các ô thừa bên phải bảng`,
          );
        }
        width = Math.max(width, column + 1);
      } else if (column >= width) {
        return;
      }
      store(rowNumber, column, cell);
    },
    fillMerge(top, left, bottom, right) {
      const master = rows[top - 1]?.[left];
      if (!master) return;
      const lastColumn = Math.min(right, width - 1);
      for (let r = top; r <= Math.min(bottom, MAX_IMPORT_SHEET_ROWS); r++) {
        for (let c = left; c <= lastColumn; c++) if (r !== top || c !== left) store(r, c, master);
      }
    },
    grid: () => ({ name, rows }),
  };
}
