import type ExcelJS from 'exceljs';
import { foldVietnamese } from '../../shared/text';
import { AppError } from '../errors';

/** A column the importer recognises by meaning: any of its header names, compared accent- and case-insensitively. */
export interface ColumnSpec<K extends string> {
  key: K;
  /** The name shown in messages and written on export. */
  label: string;
  headers: string[];
  required?: boolean;
}

export interface SheetRow<K extends string> {
  /** The row number as Excel shows it, for messages ("Dòng 7"). */
  rowNumber: number;
  values: Partial<Record<K, CellText>>;
}

/** A cell read as text, or the reason it cannot be (formula, error value). */
export type CellText = { text: string } | { problem: string };

const XLSX_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const HEADER_SCAN_ROWS = 15;

function cellToText(value: ExcelJS.CellValue): CellText {
  if (value === null || value === undefined) return { text: '' };
  if (value instanceof Date) return { text: value.toISOString().slice(0, 10) };
  if (typeof value === 'object') {
    if ('formula' in value || 'sharedFormula' in value) {
      return { problem: 'Ô chứa công thức; hãy dán giá trị (Paste Values) thay cho công thức' };
    }
    if ('error' in value) return { problem: `Ô có lỗi Excel ${String(value.error)}` };
    if ('richText' in value)
      return {
        text: value.richText
          .map((r) => r.text)
          .join('')
          .trim(),
      };
    if ('text' in value) return { text: String(value.text).trim() };
    return { problem: 'Không đọc được giá trị của ô' };
  }
  return { text: String(value).trim() };
}

/** Loads an .xlsx buffer, refusing what is not one with a message the user can act on. */
export async function loadWorkbook(buffer: Buffer): Promise<ExcelJS.Workbook> {
  if (buffer.length === 0) throw new AppError('IMPORT_FAILED', 'Tệp rỗng');
  if (!buffer.subarray(0, 4).equals(XLSX_MAGIC)) {
    throw new AppError(
      'UNSUPPORTED_MEDIA_TYPE',
      'Tệp không phải bảng tính Excel (.xlsx). Hãy lưu lại bằng Excel dưới dạng .xlsx.',
    );
  }
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

/**
 * Reads the table of one sheet the way offices lay it out: title rows above, the header row found by its
 * names (merged cells repeat their value), then data rows; blank rows skipped.
 */
export function readSheetTable<K extends string>(
  workbook: ExcelJS.Workbook,
  columns: ColumnSpec<K>[],
  options: { sheetName?: string | undefined; maxRows: number },
): SheetRow<K>[] {
  const sheet = options.sheetName ? workbook.getWorksheet(options.sheetName) : workbook.worksheets[0];
  if (!sheet)
    throw new AppError(
      'IMPORT_FAILED',
      options.sheetName ? `Không có trang tính "${options.sheetName}"` : 'Tệp không có trang tính nào',
    );
  if (sheet.actualRowCount === 0)
    throw new AppError('IMPORT_FAILED', `Trang tính "${sheet.name}" không có dữ liệu`);

  const wanted = columns.map((c) => ({ ...c, folded: c.headers.map(foldVietnamese) }));
  let headerRow = 0;
  let positions = new Map<K, number>();
  for (let r = 1; r <= Math.min(HEADER_SCAN_ROWS, sheet.rowCount) && headerRow === 0; r++) {
    const found = new Map<K, number>();
    sheet.getRow(r).eachCell({ includeEmpty: false }, (cell, col) => {
      const text = cellToText(cell.value);
      if (!('text' in text)) return;
      const header = foldVietnamese(text.text.replace(/[*:]/g, ''));
      const spec = wanted.find((c) => c.folded.includes(header));
      if (spec && !found.has(spec.key)) found.set(spec.key, col);
    });
    if (wanted.filter((c) => c.required).every((c) => found.has(c.key)) && found.size >= 2) {
      headerRow = r;
      positions = found;
    }
  }
  if (headerRow === 0) {
    const names = columns
      .filter((c) => c.required)
      .map((c) => `"${c.label}"`)
      .join(', ');
    throw new AppError(
      'IMPORT_FAILED',
      `Không tìm thấy dòng tiêu đề có các cột ${names} trong ${HEADER_SCAN_ROWS} dòng đầu của trang "${sheet.name}"`,
    );
  }

  const rows: SheetRow<K>[] = [];
  for (let r = headerRow + 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const values: Partial<Record<K, CellText>> = {};
    let blank = true;
    for (const [key, col] of positions) {
      const text = cellToText(row.getCell(col).value);
      values[key] = text;
      if (!('text' in text) || text.text !== '') blank = false;
    }
    if (blank) continue;
    rows.push({ rowNumber: r, values });
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
      `Trang tính "${sheet.name}" không có dòng dữ liệu nào dưới dòng tiêu đề`,
    );
  return rows;
}

export interface ListWorkbookSpec {
  sheetName: string;
  /** Lines above the table: agency, title, date. The first is bold and upper case. */
  titleLines: string[];
  columns: { label: string; width: number }[];
  rows: (string | number | null)[][];
}

/** A list in the shape offices exchange: title block, a bold bordered header, STT filled in. */
export async function writeListWorkbook(spec: ListWorkbookSpec): Promise<Buffer> {
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  workbook.creator = 'hoinghi';
  const sheet = workbook.addWorksheet(spec.sheetName, {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  const width = spec.columns.length + 1;
  spec.titleLines.forEach((line, i) => {
    const row = sheet.addRow([line]);
    sheet.mergeCells(row.number, 1, row.number, width);
    row.getCell(1).font = { name: 'Times New Roman', size: i === 0 ? 14 : 12, bold: i === 0 };
    row.getCell(1).alignment = { horizontal: 'center' };
  });
  sheet.addRow([]);
  const header = sheet.addRow(['STT', ...spec.columns.map((c) => c.label)]);
  header.eachCell((cell) => {
    cell.font = { name: 'Times New Roman', size: 12, bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = thinBorder;
  });
  spec.rows.forEach((values, i) => {
    const row = sheet.addRow([i + 1, ...values]);
    row.eachCell({ includeEmpty: true }, (cell) => {
      cell.font = { name: 'Times New Roman', size: 12 };
      cell.border = thinBorder;
      cell.alignment = { vertical: 'top', wrapText: true };
    });
  });
  sheet.getColumn(1).width = 6;
  spec.columns.forEach((c, i) => {
    sheet.getColumn(i + 2).width = c.width;
  });
  sheet.views = [{ state: 'frozen', ySplit: header.number }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const thin = { style: 'thin' as const };
const thinBorder = { top: thin, left: thin, bottom: thin, right: thin };
