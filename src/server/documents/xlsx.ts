export interface ListWorkbookSpec {
  sheetName: string;
  /** Lines above the table: agency, title, date. The first is bold and upper case. */
  titleLines: string[];
  columns: { label: string; width: number }[];
  rows: (string | number | null)[][];
  /** Rows in headed parts (composition groups): a bold merged title row before each part; STT runs on. */
  sections?: { title: string; rows: (string | number | null)[][] }[];
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
  let number = 0;
  const addRows = (rows: (string | number | null)[][]) => {
    for (const values of rows) {
      const row = sheet.addRow([++number, ...values]);
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
  sheet.views = [{ state: 'frozen', ySplit: header.number }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const thin = { style: 'thin' as const };
const thinBorder = { top: thin, left: thin, bottom: thin, right: thin };
