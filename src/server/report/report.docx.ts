import { AlignmentType, ImageRun, Paragraph, type Table } from 'docx';
import { BUDGET_CATEGORY_LABELS } from '../../shared/budget';
import { formatCalendarDate, formatTime, formatVnd, vietnamDay } from '../../shared/format';
import { formatDueOffset } from '../../shared/tasks';
import {
  centered,
  closingTable,
  documentTitle,
  headerTable,
  issuerPlace,
  listTable,
  officialDocument,
  para,
  placeDateLine,
  run,
} from '../documents/official-docx';
import { attendanceChartPng, attendanceChartSvg, CHART_SIZE } from './report.chart';
import { absencesOf, type ReportData, substitutesOf } from './report.service';

/**
 * Báo cáo kết quả tổ chức hội nghị in the ND 30/2020 layout: the organizing office reports to the province what
 * happened against the plan. Every figure comes from ReportData; sections fed by features not present say so.
 */

export const NO_DATA = 'chưa có dữ liệu';
const pct = (part: number, whole: number | null) =>
  whole ? `${Math.round((part / whole) * 1000) / 10}%`.replace('.', ',') : '-';
const n = (value: number) => new Intl.NumberFormat('vi-VN').format(value);

const heading = (text: string) => para([run(text, { bold: true })], { indent: { firstLine: 567 } });
const sub = (text: string) => para([run(text, { bold: true, italics: true })]);
const noData = (what: string) => para([run(`${what}: ${NO_DATA}.`, { italics: true })]);

/** The report's number line: the office's short name when it is the coordination office, else the organizers'. */
function numberLine(lead: string | null): string {
  return `Số:      /BC-${/^Văn phòng Điều phối/i.test(lead ?? '') ? 'VPĐP' : 'BTC'}`;
}

export async function writeClosingReportDocx(data: ReportData): Promise<Buffer> {
  const { event, room } = data;
  const place = issuerPlace(event.planIssuer) || 'Thanh Hóa';
  const day = vietnamDay(event.startsAt);
  const body: (Paragraph | Table)[] = [];
  body.push(
    headerTable({
      agencyLines: [event.hostName ?? '', event.leadName ?? ''].filter(Boolean),
      numberLine: numberLine(event.leadName),
      placeDateLine: placeDateLine(place, null, Number(day.slice(0, 4))),
    }),
    ...documentTitle('Báo cáo', `Kết quả tổ chức ${event.name}`),
  );
  // A plan not yet registered carries only "/KH-UBND": it is then cited without a number.
  const number = event.planNumber && !event.planNumber.startsWith('/') ? ` số ${event.planNumber}` : '';
  const planRef = `Kế hoạch${number}${event.planDate ? ` ngày ${formatCalendarDate(event.planDate)}` : ''}${
    event.planIssuer ? ` của ${event.planIssuer}` : ''
  } về tổ chức Hội nghị`;
  body.push(
    para(
      `Thực hiện ${planRef}, ${event.leadName ?? 'Ban Tổ chức'} báo cáo kết quả tổ chức Hội nghị như sau:`,
    ),
  );

  // I. Results
  body.push(heading('I. KẾT QUẢ TỔ CHỨC HỘI NGHỊ'));
  body.push(sub('1. Thời gian, địa điểm'));
  body.push(
    para(
      `Hội nghị được tổ chức từ ${formatTime(event.startsAt)} đến ${formatTime(event.endsAt)} ngày ${formatCalendarDate(day)}${
        event.venueName
          ? `, tại ${event.venueName}${event.venueAddress ? `, ${event.venueAddress}` : ''}`
          : ''
      }.`,
    ),
  );

  body.push(sub('2. Thành phần, số lượng đại biểu'));
  const planned = data.attendance.reduce((s, a) => s + (a.planned ?? 0), 0);
  body.push(
    para(
      `Theo kế hoạch: ${n(event.expectedAttendees ?? planned)} đại biểu; danh sách mời: ${n(room.expected)} đại biểu. ` +
        `Số đại biểu có mặt (theo điểm danh): ${n(room.arrived)} đại biểu` +
        (room.walkIns ? `, trong đó ${n(room.walkIns)} khách ngoài danh sách` : '') +
        `; đạt ${pct(room.arrived, room.expected)} so với danh sách mời.`,
    ),
  );
  const rows = data.attendance.map((a, i) => [
    String(i + 1),
    a.title,
    a.planned === null ? '-' : n(a.planned),
    n(a.expected),
    n(a.arrived),
    pct(a.arrived, a.expected),
  ]);
  rows.push([
    '',
    'Tổng cộng',
    planned ? n(planned) : '-',
    n(room.expected),
    n(room.arrived),
    pct(room.arrived, room.expected),
  ]);
  body.push(
    listTable(
      [
        { label: 'STT', share: 6 },
        { label: 'Thành phần', share: 46 },
        { label: 'Kế hoạch', share: 12 },
        { label: 'Danh sách mời', share: 13 },
        { label: 'Có mặt', share: 11 },
        { label: 'Tỷ lệ', share: 12 },
      ],
      [{ title: null, rows }],
    ),
  );
  const bars = data.attendance.map((a) => ({
    label: a.title,
    planned: a.planned ?? a.expected,
    arrived: a.arrived,
  }));
  body.push(
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 200 },
      children: [
        new ImageRun({
          type: 'svg',
          data: attendanceChartSvg(bars),
          fallback: { type: 'png', data: attendanceChartPng(bars) },
          transformation: { width: CHART_SIZE.width * 0.9, height: CHART_SIZE.height * 0.9 },
          altText: {
            name: 'Biểu đồ',
            title: 'Đại biểu có mặt so với kế hoạch',
            description: 'Cột theo số thứ tự thành phần trong bảng trên: kế hoạch và có mặt',
          },
        }),
      ],
    }),
    centered([
      run('Biểu đồ: đại biểu có mặt so với kế hoạch, theo số thứ tự thành phần trong bảng trên', {
        italics: true,
        size: 24,
      }),
    ]),
  );

  const substitutes = substitutesOf(data);
  const { declined, missing } = absencesOf(data);
  body.push(
    para(
      `Đại biểu cử người dự thay: ${n(substitutes.length)}` +
        (substitutes.length
          ? ` (${substitutes
              .slice(0, 10)
              .map((s) => `${s.fullName} thay ${s.substituteFor}`)
              .join('; ')}${substitutes.length > 10 ? '; …' : ''})`
          : '') +
        `. Đại biểu vắng mặt: ${n(declined.length + missing.length)}, trong đó báo vắng trước: ${n(declined.length)}, ` +
        `không có mặt theo điểm danh: ${n(missing.length)} (danh sách chi tiết tại Phụ lục kèm theo).`,
    ),
  );

  body.push(sub('3. Nội dung chương trình, tham luận'));
  const program = data.external.program;
  if (!program) body.push(noData('Chương trình, tham luận'));
  else {
    body.push(
      para(
        `Hội nghị đã thực hiện ${n(program.items.length)} nội dung chương trình và ${n(program.papers.length)} bài tham luận.`,
      ),
    );
    if (program.items.length)
      body.push(
        listTable(
          [
            { label: 'STT', share: 6 },
            { label: 'Nội dung', share: 54 },
            { label: 'Hình thức', share: 14 },
            { label: 'Người trình bày', share: 26 },
          ],
          [
            {
              title: null,
              rows: program.items.map((it, i) => [
                String(i + 1),
                it.title,
                it.kind,
                it.presenters.map((p) => p.name).join(', '),
              ]),
            },
          ],
        ),
      );
    if (program.papers.length)
      body.push(
        para('Các bài tham luận:'),
        listTable(
          [
            { label: 'STT', share: 6 },
            { label: 'Tên bài tham luận', share: 54 },
            { label: 'Đơn vị', share: 26 },
            { label: 'Tình trạng', share: 14 },
          ],
          [
            {
              title: null,
              rows: program.papers.map((p, i) => [String(i + 1), p.title, p.unitName, p.status]),
            },
          ],
        ),
      );
  }

  body.push(sub('4. Trao chứng nhận sản phẩm OCOP'));
  const handedRecipients = data.handedByDistrict.reduce((s, d) => s + d.recipients, 0);
  const handedProducts = data.handedByStars.reduce((s, d) => s + d.products, 0);
  body.push(
    para(
      `Đã trao chứng nhận cho ${n(handedRecipients)} chủ thể với ${n(handedProducts)} sản phẩm OCOP ` +
        `(danh sách trao: ${n(data.awards.totals.recipients)} chủ thể, ${n(data.awards.totals.products)} sản phẩm).`,
    ),
  );
  if (data.handedByStars.length) {
    body.push(
      listTable(
        [
          { label: 'STT', share: 8 },
          { label: 'Hạng sao', share: 40 },
          { label: 'Số chủ thể', share: 26 },
          { label: 'Số sản phẩm', share: 26 },
        ],
        [
          {
            title: null,
            rows: data.handedByStars.map((s, i) => [
              String(i + 1),
              s.stars ? `${s.stars} sao` : 'Chưa xếp hạng',
              n(s.recipients),
              n(s.products),
            ]),
          },
        ],
      ),
      para(''),
      listTable(
        [
          { label: 'STT', share: 8 },
          { label: 'Huyện, thị xã, thành phố', share: 52 },
          { label: 'Số chủ thể', share: 20 },
          { label: 'Số sản phẩm', share: 20 },
        ],
        [
          {
            title: null,
            rows: data.handedByDistrict.map((d, i) => [
              String(i + 1),
              d.district,
              n(d.recipients),
              n(d.products),
            ]),
          },
        ],
      ),
    );
  }

  body.push(sub('5. Ký kết hợp tác, tiêu thụ sản phẩm'));
  const agreements = data.external.agreements;
  if (!agreements) body.push(noData('Ký kết hợp tác'));
  else
    body.push(
      para(
        `Đã ký kết ${n(agreements.signed)}/${n(agreements.count)} bản thỏa thuận, hợp đồng, ghi nhớ ` +
          `(giá trị đã ký: ${formatVnd(agreements.signedValueVnd)}; tổng giá trị dự kiến: ${formatVnd(agreements.valueVnd)}), ` +
          `với ${n(agreements.products)} sản phẩm của ${n(agreements.producers)} chủ thể` +
          (agreements.buyers.length ? `; bên mua: ${agreements.buyers.join(', ')}` : '') +
          '.',
      ),
    );

  body.push(sub('6. Gian hàng trưng bày sản phẩm'));
  const booths = data.external.booths;
  if (!booths) body.push(noData('Gian hàng trưng bày'));
  else
    body.push(
      para(
        `Bố trí ${n(booths.booths)} gian hàng, đã giao ${n(booths.assigned)} gian cho các đơn vị, chủ thể` +
          (booths.withoutPersonInCharge
            ? `; ${n(booths.withoutPersonInCharge)} gian chưa có người phụ trách`
            : '') +
          '.',
      ),
    );

  body.push(sub('7. Công tác thông tin, tuyên truyền'));
  const clips = data.media.items.filter((m) => m.kind === 'clip');
  const press = data.media.items.filter((m) => m.kind === 'press');
  const coverage = data.media.items.filter((m) => m.kind === 'coverage');
  const pressNames = [
    ...new Set([...data.media.pressUnits.map((p) => p.name), ...press.map((p) => p.outlet ?? p.title)]),
  ];
  body.push(
    para(
      `Clip: ${clips.length ? clips.map((c) => c.title).join('; ') : 'chưa có'}. ` +
        `Cơ quan báo chí được mời: ${pressNames.length ? `${n(pressNames.length)} (${pressNames.join(', ')})` : 'chưa có'}. ` +
        `Tin, bài đã đăng: ${n(coverage.length)}${coverage.length ? ` (${coverage.map((c) => c.outlet ?? c.title).join(', ')})` : ''}.`,
    ),
  );

  body.push(sub('8. Kinh phí'));
  const budget = data.budget;
  if (budget.lines.length === 0) body.push(noData('Kinh phí'));
  else {
    body.push(
      para(
        `Nguồn kinh phí: ${budget.sourceDecision ?? event.fundingSource ?? 'chưa ghi'}. Dự toán: ${formatVnd(budget.totals.estimateVnd)}; ` +
          `đã chi: ${formatVnd(budget.totals.spentVnd)} (${pct(budget.totals.spentVnd, budget.totals.estimateVnd)} dự toán).`,
      ),
      listTable(
        [
          { label: 'STT', share: 7 },
          { label: 'Nội dung chi', share: 41 },
          { label: 'Dự toán (đồng)', share: 19 },
          { label: 'Đã chi (đồng)', share: 19 },
          { label: 'Tỷ lệ', share: 14 },
        ],
        [
          {
            title: null,
            rows: [
              ...budget.byCategory.map((c, i) => [
                String(i + 1),
                BUDGET_CATEGORY_LABELS[c.category],
                n(c.estimateVnd),
                n(c.spentVnd),
                pct(c.spentVnd, c.estimateVnd),
              ]),
              [
                '',
                'Tổng cộng',
                n(budget.totals.estimateVnd),
                n(budget.totals.spentVnd),
                pct(budget.totals.spentVnd, budget.totals.estimateVnd),
              ],
            ],
          },
        ],
      ),
    );
    for (const w of budget.warnings) body.push(para([run(`Lưu ý: ${w.message}.`, { italics: true })]));
  }

  body.push(sub('9. Thực hiện nhiệm vụ của các đơn vị'));
  const tasks = data.tasks;
  const done = tasks.filter((t) => t.status === 'done');
  const late = tasks.filter((t) => t.isLate);
  const open = tasks.filter((t) => t.status !== 'done');
  if (tasks.length === 0) body.push(noData('Nhiệm vụ'));
  else {
    body.push(
      para(
        `Tổng số ${n(tasks.length)} nhiệm vụ: hoàn thành ${n(done.length)} (đúng hạn ${n(done.length - late.length)}, ` +
          `trễ hạn ${n(late.length)}); chưa hoàn thành ${n(open.length)}` +
          (open.some((t) => t.isOverdue)
            ? `, trong đó quá hạn ${n(open.filter((t) => t.isOverdue).length)}`
            : '') +
          '.',
      ),
    );
    const lateOrOpen = [...late, ...open.filter((t) => t.isOverdue)];
    if (lateOrOpen.length)
      body.push(
        listTable(
          [
            { label: 'STT', share: 6 },
            { label: 'Đơn vị', share: 24 },
            { label: 'Nhiệm vụ', share: 40 },
            { label: 'Hạn', share: 15 },
            { label: 'Hoàn thành', share: 15 },
          ],
          [
            {
              title: null,
              rows: lateOrOpen.map((t, i) => [
                String(i + 1),
                t.unitName,
                t.title,
                t.dueOn
                  ? `${formatCalendarDate(t.dueOn)}${t.dueOffsetDays !== null ? ` (${formatDueOffset(t.dueOffsetDays)})` : ''}`
                  : '-',
                t.doneAt ? formatCalendarDate(vietnamDay(t.doneAt)) : 'Chưa xong',
              ]),
            },
          ],
        ),
      );
  }

  body.push(heading('II. ĐÁNH GIÁ CHUNG, KIẾN NGHỊ'));
  body.push(
    para([
      run(
        '(Văn phòng bổ sung nhận xét, đánh giá ưu điểm, hạn chế và kiến nghị trước khi trình ký; các số liệu tại Mục I được tổng hợp tự động từ hệ thống quản lý hội nghị.)',
        { italics: true },
      ),
    ]),
  );
  body.push(para(`Trên đây là báo cáo kết quả tổ chức ${event.name}./.`));
  body.push(
    closingTable(
      [
        { name: event.hostName ?? 'UBND tỉnh', purpose: 'để báo cáo' },
        { name: 'Các sở, ngành, đơn vị liên quan', purpose: null },
        { name: 'Lưu: VT', purpose: null },
      ],
      {
        authority: null,
        title: /^Văn phòng/i.test(event.leadName ?? '') ? 'Chánh Văn phòng' : 'Thủ trưởng đơn vị',
        name: null,
      },
    ),
  );
  return officialDocument(body, `Báo cáo kết quả tổ chức ${event.name}`);
}
