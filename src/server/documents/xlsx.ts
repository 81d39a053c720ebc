export interface ListWorkbookSpec {
  sheetName: string;
  /** Lines above the table: agency, title, date. The first is bold and upper case. */
  titleLines: string[];
  columns: { label: string; width: number }[];
  rows: (string | number | null)[][];
  /** Rows in headed parts (composition groups): a bold merged title row before each part; STT runs on. */
  sections?: { title: string; rows: (string | number | null)[][] }[];
  /** Lines under the table (who is counted, who is not), italic. */
  notes?: string[];
  /** Row height in points for the listed people (room to sign: about 30). */
  rowHeight?: number;
}

type Worksheet = import('exceljs').Worksheet;

/**
 * What a printed list needs on paper: the header row repeated on every page and "Trang N/M" in the footer
 * (Excel's &P and &N fields), A4 landscape fitted to the width.
 */
export function preparePrinting(sheet: Worksheet, headerRow: number): void {
  sheet.pageSetup.printTitlesRow = `${headerRow}:${headerRow}`;
  sheet.headerFooter = { oddFooter: PAGE_FOOTER };
}

/** "Trang 2/5" centred at the foot of every printed page. */
const PAGE_FOOTER = '&C&"Times New Roman"&11Trang &P/&N';

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
  let number = 0;
  const addRows = (rows: (string | number | null)[][]) => {
    for (const values of rows) {
      const row = sheet.addRow([++number, ...values]);
      if (spec.rowHeight) row.height = spec.rowHeight;
      row.eachCell({ includeEmpty: true }, (cell) => {
        cell.font = { name: 'Times New Roman', size: 12 };
        cell.border = thinBorder;
        cell.alignment = { vertical: 'top', wrapText: true };
      });
    }
  };
  addRows(spec.rows);
  for (const section of spec.sections ?? []) {
    const row = sheet.addRow([section.title]);
    sheet.mergeCells(row.number, 1, row.number, width);
    row.getCell(1).font = { name: 'Times New Roman', size: 12, bold: true };
    row.getCell(1).border = thinBorder;
    addRows(section.rows);
  }
  sheet.getColumn(1).width = 6;
  spec.columns.forEach((c, i) => {
    sheet.getColumn(i + 2).width = c.width;
  });
  for (const note of spec.notes ?? []) {
    const row = sheet.addRow([note]);
    sheet.mergeCells(row.number, 1, row.number, width);
    row.getCell(1).font = { name: 'Times New Roman', size: 11, italic: true };
    row.getCell(1).alignment = { wrapText: true };
  }
  sheet.views = [{ state: 'frozen', ySplit: header.number }];
  preparePrinting(sheet, header.number);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A column of a report table: text, a whole number, or a share stored as a fraction shown as a percentage. */
export interface ReportColumn {
  label: string;
  width: number;
  kind?: 'text' | 'integer' | 'percent';
}

/** A report cell as printed in a DOCX: "1.234", "18,8%", "" for none. */
export function reportCellText(kind: ReportColumn['kind'], value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'string') return value;
  return kind === 'percent'
    ? `${(value * 100).toFixed(1).replace('.', ',')}%`
    : value.toLocaleString('vi-VN');
}

export interface ReportTable {
  title: string;
  columns: ReportColumn[];
  rows: (string | number | null)[][];
  /** The closing row ("Cộng"), bold; numbers as numbers like the rest. */
  total?: (string | number | null)[];
}

/**
 * Several small tables on one sheet (a statistics report, an attendance summary): a title block, then for each
 * table its bold title, its own header row and rows, numbers stored as numbers (right-aligned by Excel),
 * percentages as fractions with a "0.0%" format, and a bold total row.
 */
export async function writeReportWorkbook(spec: {
  sheetName: string;
  titleLines: string[];
  tables: ReportTable[];
  notes?: string[];
}): Promise<Buffer> {
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  workbook.creator = 'hoinghi';
  const sheet = workbook.addWorksheet(spec.sheetName, {
    pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  const width = Math.max(...spec.tables.map((t) => t.columns.length), 1);
  const font = { name: 'Times New Roman', size: 12 };
  const merged = (text: string, style: Partial<import('exceljs').Font>, wrap = false) => {
    const row = sheet.addRow([text]);
    sheet.mergeCells(row.number, 1, row.number, width);
    row.getCell(1).font = { ...font, ...style };
    row.getCell(1).alignment = { horizontal: wrap ? 'left' : 'center', wrapText: wrap };
    return row;
  };
  for (const [i, line] of spec.titleLines.entries()) merged(line, { size: i === 0 ? 14 : 12, bold: i === 0 });
  const widths = new Array<number>(width).fill(10);
  for (const table of spec.tables) {
    sheet.addRow([]);
    merged(table.title, { bold: true }).getCell(1).alignment = { horizontal: 'left' };
    const header = sheet.addRow(table.columns.map((c) => c.label));
    header.eachCell((cell) => {
      cell.font = { ...font, bold: true };
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      cell.border = thinBorder;
    });
    const write = (values: (string | number | null)[], bold: boolean) => {
      const row = sheet.addRow(values);
      table.columns.forEach((column, i) => {
        const cell = row.getCell(i + 1);
        cell.font = { ...font, bold };
        cell.border = thinBorder;
        if (column.kind === 'percent') cell.numFmt = '0.0%';
        else if (column.kind === 'integer') cell.numFmt = '#,##0';
        else cell.alignment = { vertical: 'top', wrapText: true };
      });
    };
    for (const values of table.rows) write(values, false);
    if (table.total) write(table.total, true);
    table.columns.forEach((c, i) => {
      widths[i] = Math.max(widths[i]!, c.width);
    });
  }
  for (const note of spec.notes ?? []) {
    sheet.addRow([]);
    merged(note, { size: 11, italic: true }, true);
  }
  widths.forEach((w, i) => {
    sheet.getColumn(i + 1).width = w;
  });
  sheet.headerFooter = { oddFooter: PAGE_FOOTER };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const thin = { style: 'thin' as const };
const thinBorder = { top: thin, left: thin, bottom: thin, right: thin };
