import iconv from 'iconv-lite';
import { MAX_IMPORT_LINE_CHARS } from '../../../shared/limits';
import { AppError } from '../../errors';
import { type CellBudget, createGridBuilder, type Grid } from './grid';

export function notATable(buffer: Buffer): AppError {
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

export const XLSX_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
export const XLS_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);

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

export async function readCsv(buffer: Buffer, budget: CellBudget): Promise<Grid> {
  const text = decodeCsv(buffer).normalize('NFC');
  const { parse } = await import('csv-parse/sync');
  const builder = createGridBuilder('CSV', budget);
  let rowNumber = 0;
  try {
    parse(text, {
      delimiter: [',', ';', '\t'],
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      max_record_size: MAX_IMPORT_LINE_CHARS,
      // Each record goes straight into the grid, whose limits stop the parse; none is kept by csv-parse.
      on_record: (record: string[]) => {
        rowNumber++;
        record.forEach((value, column) => {
          const cell = value.trim();
          if (cell !== '') builder.add(rowNumber, column, { text: cell });
        });
        return null;
      },
    });
  } catch (error) {
    if (error instanceof AppError) throw error;
    const { code, lines } = error as { code?: string; lines?: number };
    if (code === 'CSV_MAX_RECORD_SIZE') {
      throw new AppError(
        'IMPORT_TOO_LARGE',
        `Tệp CSV có dòng${lines ? ` ${lines.toLocaleString('vi-VN')}` : ''} dài hơn ${MAX_IMPORT_LINE_CHARS.toLocaleString('vi-VN')} ký tự, quá giới hạn một dòng; kiểm tra dấu ngoặc kép và dấu xuống dòng`,
      );
    }
    throw new AppError(
      'IMPORT_FAILED',
      `Tệp CSV không đọc được${lines ? ` (quanh dòng ${lines})` : ''}: kiểm tra dấu ngoặc kép và dấu phân cách`,
    );
  }
  return builder.grid();
}
