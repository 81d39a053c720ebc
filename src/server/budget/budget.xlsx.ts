import type { Budget, BudgetCategory } from '../../shared/budget';
import { BUDGET_CATEGORIES, BUDGET_CATEGORY_LABELS } from '../../shared/budget';
import { placeDateLine } from '../documents/official-docx';
import { vndInWords } from './vnd-words';

/**
 * Dự toán and quyết toán as finance offices lay them out: STT, Nội dung chi, Đơn vị tính, Số lượng, Đơn giá,
 * Thành tiền, Ghi chú (the settlement adds Quyết toán and Chênh lệch), lines under Roman-numbered categories with
 * their subtotals, a grand total, the total in words and the three signatures. Amounts are numbers in đồng; every
 * computed cell is a formula stored with its value, so the sheet adds up in Excel and in any reader.
 */

export interface BudgetSheetHead {
  agency: string;
  eventName: string;
  sourceDecision: string | null;
  place: string;
  isoDate: string;
  year: number;
}

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'];
const MONEY = '#,##0';
const thin = { style: 'thin' as const };
const border = { top: thin, left: thin, bottom: thin, right: thin };

export async function writeBudgetWorkbook(
  budget: Budget,
  head: BudgetSheetHead,
  kind: 'estimate' | 'settlement',
): Promise<Buffer> {
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  workbook.creator = 'hoinghi';
  const settlement = kind === 'settlement';
  const sheet = workbook.addWorksheet(settlement ? 'Quyết toán' : 'Dự toán', {
    pageSetup: {
      paperSize: 9,
      orientation: settlement ? 'landscape' : 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
    },
  });
  const columns = settlement
    ? [
        'STT',
        'Nội dung chi',
        'Đơn vị tính',
        'Số lượng',
        'Đơn giá',
        'Dự toán',
        'Quyết toán',
        'Chênh lệch',
        'Ghi chú',
      ]
    : ['STT', 'Nội dung chi', 'Đơn vị tính', 'Số lượng', 'Đơn giá', 'Thành tiền', 'Ghi chú'];
  const widths = settlement ? [6, 46, 11, 10, 14, 16, 16, 15, 26] : [6, 50, 11, 10, 15, 17, 26];
  const width = columns.length;
  const font = (bold = false, size = 12, italic = false) => ({ name: 'Times New Roman', size, bold, italic });

  const title = (text: string, options: { bold?: boolean; italic?: boolean; size?: number } = {}) => {
    const row = sheet.addRow([text]);
    sheet.mergeCells(row.number, 1, row.number, width);
    row.getCell(1).font = font(options.bold, options.size ?? 12, options.italic);
    row.getCell(1).alignment = { horizontal: 'center', wrapText: true };
  };
  title(head.agency.toLocaleUpperCase('vi'), { bold: true });
  title(settlement ? 'BẢNG QUYẾT TOÁN KINH PHÍ' : 'DỰ TOÁN KINH PHÍ', { bold: true, size: 14 });
  title(`Tổ chức ${head.eventName}`, { bold: true });
  if (head.sourceDecision) title(`(Nguồn kinh phí: ${head.sourceDecision})`, { italic: true });
  const unitRow = sheet.addRow([]);
  unitRow.getCell(width).value = 'Đơn vị tính: đồng';
  unitRow.getCell(width).font = font(false, 12, true);
  unitRow.getCell(width).alignment = { horizontal: 'right' };

  const header = sheet.addRow(columns);
  header.eachCell((cell) => {
    cell.font = font(true);
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = border;
  });
  // The letters of the amount columns.
  const col = settlement
    ? { qty: 'D', price: 'E', estimate: 'F', actual: 'G', diff: 'H' }
    : { qty: 'D', price: 'E', estimate: 'F', actual: null, diff: null };
  const amountColumns = settlement ? [6, 7, 8] : [6];

  const styleRow = (row: ReturnType<typeof sheet.addRow>, bold: boolean) => {
    for (let c = 1; c <= width; c++) {
      const cell = row.getCell(c);
      cell.font = font(bold);
      cell.border = border;
      cell.alignment = {
        vertical: 'top',
        wrapText: c === 2 || c === width,
        horizontal: c === 1 ? 'center' : undefined,
      };
      if (c >= 4 && c < width) cell.numFmt = MONEY;
    }
  };

  const subtotalRows: number[] = [];
  const categories = BUDGET_CATEGORIES.filter((c) => budget.lines.some((l) => l.category === c));
  categories.forEach((category: BudgetCategory, index) => {
    const lines = budget.lines.filter((l) => l.category === category);
    const groupRow = sheet.addRow([ROMAN[index] ?? String(index + 1), BUDGET_CATEGORY_LABELS[category]]);
    styleRow(groupRow, true);
    const first = groupRow.number + 1;
    lines.forEach((line, i) => {
      const row = sheet.addRow([
        i + 1,
        line.content,
        line.unitLabel ?? '',
        line.quantity,
        line.unitPriceVnd,
        null,
        ...(settlement ? [line.spentVnd, null] : []),
        [
          line.isSample ? 'Số liệu mẫu' : null,
          line.notes,
          settlement && line.receipts.length ? `${line.receipts.length} chứng từ` : null,
        ]
          .filter(Boolean)
          .join('; '),
      ]);
      const n = row.number;
      row.getCell(6).value = { formula: `${col.qty}${n}*${col.price}${n}`, result: line.estimateVnd };
      if (settlement)
        row.getCell(8).value = {
          formula: `${col.estimate}${n}-${col.actual}${n}`,
          result: line.estimateVnd - line.spentVnd,
        };
      styleRow(row, false);
    });
    const last = groupRow.number + lines.length;
    const sums = [
      lines.reduce((s, l) => s + l.estimateVnd, 0),
      lines.reduce((s, l) => s + l.spentVnd, 0),
      lines.reduce((s, l) => s + l.estimateVnd - l.spentVnd, 0),
    ];
    amountColumns.forEach((c, i) => {
      const letter = String.fromCharCode(64 + c);
      groupRow.getCell(c).value = { formula: `SUM(${letter}${first}:${letter}${last})`, result: sums[i]! };
    });
    subtotalRows.push(groupRow.number);
  });

  const totalRow = sheet.addRow(['', 'TỔNG CỘNG']);
  styleRow(totalRow, true);
  const totals = [
    budget.totals.estimateVnd,
    budget.totals.spentVnd,
    budget.totals.estimateVnd - budget.totals.spentVnd,
  ];
  amountColumns.forEach((c, i) => {
    const letter = String.fromCharCode(64 + c);
    totalRow.getCell(c).value = {
      formula: subtotalRows.length ? subtotalRows.map((r) => `${letter}${r}`).join('+') : '0',
      result: totals[i]!,
    };
  });

  sheet.addRow([]);
  const words = sheet.addRow([
    `Bằng chữ: ${vndInWords(settlement ? budget.totals.spentVnd : budget.totals.estimateVnd)}./.`,
  ]);
  sheet.mergeCells(words.number, 1, words.number, width);
  words.getCell(1).font = font(false, 12, true);
  sheet.addRow([]);
  const dateRow = sheet.addRow([]);
  dateRow.getCell(width - 2).value = placeDateLine(head.place, head.isoDate, head.year);
  dateRow.getCell(width - 2).font = font(false, 12, true);
  const signers = sheet.addRow([]);
  const spots = settlement ? [2, 5, width - 1] : [2, 4, width - 1];
  ['NGƯỜI LẬP BIỂU', 'KẾ TOÁN', 'THỦ TRƯỞNG ĐƠN VỊ'].forEach((label, i) => {
    signers.getCell(spots[i]!).value = label;
    signers.getCell(spots[i]!).font = font(true);
    signers.getCell(spots[i]!).alignment = { horizontal: 'center' };
  });

  widths.forEach((w, i) => {
    sheet.getColumn(i + 1).width = w;
  });
  sheet.views = [{ state: 'frozen', ySplit: header.number }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
