import { BUDGET_CATEGORY_LABELS } from '../../shared/budget';
import { formatCalendarDate, formatTime, vietnamDay } from '../../shared/format';
import { MEDIA_KIND_LABELS } from '../../shared/report';
import { TASK_STATUS_LABELS } from '../../shared/tasks';
import { DELEGATE_STATUS_LABELS, type DelegateStatus } from '../../shared/vocabulary';
import { preparePrinting } from '../documents/xlsx';
import { absencesOf, type ReportData, substitutesOf } from './report.service';

/** The report's annex: every list behind its figures, one sheet each, numbers as numbers. */

type Cell = string | number | null;
interface Sheet {
  name: string;
  title: string;
  columns: { label: string; width: number; money?: boolean }[];
  rows: Cell[][];
}

const thin = { style: 'thin' as const };
const border = { top: thin, left: thin, bottom: thin, right: thin };
const date = (iso: string | null) => (iso ? formatCalendarDate(vietnamDay(iso)) : '');

export function annexSheets(data: ReportData): Sheet[] {
  const status = (s: string) => DELEGATE_STATUS_LABELS[s as DelegateStatus] ?? s;
  const person = (p: ReportData['people'][number]) => [p.fullName, p.position, p.organization, p.group];
  const personColumns = [
    { label: 'Họ và tên', width: 28 },
    { label: 'Chức vụ', width: 30 },
    { label: 'Cơ quan, đơn vị', width: 34 },
    { label: 'Thành phần', width: 30 },
  ];
  const { declined, missing } = absencesOf(data);
  const sheets: Sheet[] = [
    {
      name: 'Có mặt',
      title: 'DANH SÁCH ĐẠI BIỂU CÓ MẶT (THEO ĐIỂM DANH)',
      columns: [...personColumns, { label: 'Giờ đến', width: 10 }, { label: 'Ghi chú', width: 22 }],
      rows: data.people
        .filter((p) => p.checkedInAt)
        .map((p) => [...person(p), formatTime(p.checkedInAt!), p.walkIn ? 'Khách ngoài danh sách' : null]),
    },
    {
      name: 'Dự thay',
      title: 'DANH SÁCH ĐẠI BIỂU DỰ THAY',
      columns: [...personColumns, { label: 'Dự thay cho', width: 28 }],
      rows: substitutesOf(data).map((p) => [...person(p), p.substituteFor]),
    },
    {
      name: 'Vắng mặt',
      title: 'DANH SÁCH ĐẠI BIỂU VẮNG MẶT',
      columns: [...personColumns, { label: 'Lý do', width: 26 }],
      rows: [
        ...declined.map((p) => [...person(p), 'Báo vắng']),
        ...missing.map((p) => [...person(p), `Không có mặt (${status(p.status)})`]),
      ],
    },
    {
      name: 'Chứng nhận',
      title: 'DANH SÁCH TRAO CHỨNG NHẬN SẢN PHẨM OCOP',
      columns: [
        { label: 'Đợt', width: 6 },
        { label: 'Chủ thể', width: 36 },
        { label: 'Huyện', width: 20 },
        { label: 'Sản phẩm', width: 50 },
        { label: 'Hạng sao', width: 9 },
        { label: 'Đã trao', width: 10 },
      ],
      rows: data.awards.batches.flatMap((b) =>
        b.recipients.map((r) => [
          b.number,
          r.producerName,
          r.districtName,
          r.products.map((p) => p.name).join('; '),
          r.stars,
          r.handedOverAt ? 'Đã trao' : 'Chưa trao',
        ]),
      ),
    },
    {
      name: 'Kinh phí',
      title: 'KINH PHÍ: DỰ TOÁN VÀ ĐÃ CHI (ĐỒNG)',
      columns: [
        { label: 'Nhóm chi', width: 26 },
        { label: 'Nội dung chi', width: 40 },
        { label: 'Đơn vị tính', width: 10 },
        { label: 'Số lượng', width: 9 },
        { label: 'Đơn giá', width: 13, money: true },
        { label: 'Dự toán', width: 15, money: true },
        { label: 'Cam kết', width: 15, money: true },
        { label: 'Đã chi', width: 15, money: true },
        { label: 'Ghi chú', width: 20 },
      ],
      rows: data.budget.lines.map((l) => [
        BUDGET_CATEGORY_LABELS[l.category],
        l.content,
        l.unitLabel,
        l.quantity,
        l.unitPriceVnd,
        l.estimateVnd,
        l.committedVnd,
        l.spentVnd,
        [l.isSample ? 'Số liệu mẫu' : null, l.notes].filter(Boolean).join('; ') || null,
      ]),
    },
    {
      name: 'Nhiệm vụ',
      title: 'THỰC HIỆN NHIỆM VỤ CỦA CÁC ĐƠN VỊ',
      columns: [
        { label: 'Đơn vị', width: 30 },
        { label: 'Nhiệm vụ', width: 60 },
        { label: 'Hạn', width: 12 },
        { label: 'Tình trạng', width: 12 },
        { label: 'Hoàn thành', width: 12 },
        { label: 'Ghi chú', width: 14 },
      ],
      rows: data.tasks.map((t) => [
        t.unitName,
        t.title,
        t.dueOn ? formatCalendarDate(t.dueOn) : null,
        TASK_STATUS_LABELS[t.status],
        date(t.doneAt),
        t.isLate ? 'Trễ hạn' : t.isOverdue ? 'Quá hạn' : null,
      ]),
    },
    {
      name: 'Truyền thông',
      title: 'THÔNG TIN, TUYÊN TRUYỀN',
      columns: [
        { label: 'Loại', width: 24 },
        { label: 'Nội dung', width: 44 },
        { label: 'Cơ quan báo chí', width: 28 },
        { label: 'Đường dẫn', width: 40 },
        { label: 'Ngày đăng', width: 12 },
      ],
      rows: [
        ...data.media.pressUnits.map((p) => [
          MEDIA_KIND_LABELS.press,
          `Mời ${p.seats} phóng viên`,
          p.name,
          null,
          null,
        ]),
        ...data.media.items.map((m) => [
          MEDIA_KIND_LABELS[m.kind],
          m.title,
          m.outlet,
          m.url,
          m.publishedOn ? formatCalendarDate(m.publishedOn) : null,
        ]),
      ],
    },
  ];
  const { program, agreements, booths } = data.external;
  if (program)
    sheets.push({
      name: 'Tham luận',
      title: 'CHƯƠNG TRÌNH VÀ THAM LUẬN',
      columns: [
        { label: 'Loại', width: 14 },
        { label: 'Nội dung', width: 60 },
        { label: 'Người trình bày / đơn vị', width: 36 },
        { label: 'Tình trạng', width: 14 },
      ],
      rows: [
        ...program.items.map((i) => [i.kind, i.title, i.presenters.map((p) => p.name).join(', '), null]),
        ...program.papers.map((p) => ['Tham luận', p.title, p.unitName, p.status]),
      ],
    });
  if (agreements)
    sheets.push({
      name: 'Ký kết',
      title: 'KÝ KẾT HỢP TÁC, TIÊU THỤ SẢN PHẨM',
      columns: [
        { label: 'Chỉ tiêu', width: 40 },
        { label: 'Giá trị', width: 20 },
      ],
      rows: [
        ['Số bản thỏa thuận', agreements.count],
        ['Sẵn sàng ký', agreements.ready],
        ['Đã ký', agreements.signed],
        ['Tổng giá trị (đồng)', agreements.valueVnd],
        ['Giá trị đã ký (đồng)', agreements.signedValueVnd],
        ['Số sản phẩm', agreements.products],
        ['Số chủ thể', agreements.producers],
        ...agreements.buyers.map((b) => ['Bên mua', b] as Cell[]),
      ],
    });
  if (booths)
    sheets.push({
      name: 'Gian hàng',
      title: 'GIAN HÀNG TRƯNG BÀY',
      columns: [
        { label: 'Chỉ tiêu', width: 40 },
        { label: 'Số lượng', width: 14 },
      ],
      rows: [
        ['Số gian hàng', booths.booths],
        ['Đã giao', booths.assigned],
        ['Chưa có người phụ trách', booths.withoutPersonInCharge],
      ],
    });
  return sheets;
}

export async function writeReportAnnex(data: ReportData): Promise<Buffer> {
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  workbook.creator = 'hoinghi';
  for (const spec of annexSheets(data)) {
    const sheet = workbook.addWorksheet(spec.name, {
      pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    });
    const width = spec.columns.length + 1;
    const title = sheet.addRow([spec.title]);
    sheet.mergeCells(title.number, 1, title.number, width);
    title.getCell(1).font = { name: 'Times New Roman', size: 14, bold: true };
    title.getCell(1).alignment = { horizontal: 'center' };
    const sub = sheet.addRow([`Kèm theo Báo cáo kết quả tổ chức ${data.event.name}`]);
    sheet.mergeCells(sub.number, 1, sub.number, width);
    sub.getCell(1).font = { name: 'Times New Roman', size: 12, italic: true };
    sub.getCell(1).alignment = { horizontal: 'center' };
    sheet.addRow([]);
    const header = sheet.addRow(['STT', ...spec.columns.map((c) => c.label)]);
    header.eachCell((cell) => {
      cell.font = { name: 'Times New Roman', size: 12, bold: true };
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      cell.border = border;
    });
    spec.rows.forEach((values, i) => {
      const row = sheet.addRow([i + 1, ...values]);
      row.eachCell({ includeEmpty: true }, (cell, c) => {
        cell.font = { name: 'Times New Roman', size: 12 };
        cell.border = border;
        cell.alignment = { vertical: 'top', wrapText: true };
        if (spec.columns[c - 2]?.money) cell.numFmt = '#,##0';
      });
    });
    sheet.getColumn(1).width = 6;
    spec.columns.forEach((c, i) => {
      sheet.getColumn(i + 2).width = c.width;
    });
    sheet.views = [{ state: 'frozen', ySplit: header.number }];
    preparePrinting(sheet, header.number);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
