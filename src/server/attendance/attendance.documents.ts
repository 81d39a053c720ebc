import type { Event } from '../../shared/events';
import { formatCalendarDate, formatDate, formatTime, formatTimeRange, vietnamDay } from '../../shared/format';
import type { Executor } from '../db/database';
import {
  honorificOf,
  listHeader,
  listIssuerLine,
  OFFICIAL_LIST_NOTE,
  officialListSections,
} from '../delegates/delegates.export';
import type { Scope } from '../delegates/delegates.policy';
import type { DelegateRow } from '../delegates/delegates.repository';
import {
  documentTitle,
  LANDSCAPE_TEXT_WIDTH_MM,
  type ListColumn,
  listTable,
  officialDocument,
  para,
  run,
} from '../documents/official-docx';
import {
  type ReportColumn,
  type ReportTable,
  reportCellText,
  writeListWorkbook,
  writeReportWorkbook,
} from '../documents/xlsx';
import { nowIso } from '../util';
import { type AttendanceGroup, type AttendancePerson, getAttendanceReport } from './attendance.service';

/** Empty numbered rows under each sign-in group for people added on the day. */
const SPARE_ROWS = 3;

const nameOf = (d: DelegateRow) => [honorificOf(d), d.full_name].filter(Boolean).join(' ');
const unitOf = (d: DelegateRow) => d.organization ?? d.unit_name ?? '';

/** The day itself, not the plan's wording ("1/2 ngày, dự kiến cuối tháng 11"): "8h00 - 11h30, ngày 27/11/2020". */
function whenAndWhere(event: Event): string {
  const clock = (iso: string) => formatTime(iso).replace(/^0?(\d+):(\d\d)$/, '$1h$2');
  const time =
    formatDate(event.startsAt) === formatDate(event.endsAt)
      ? `${clock(event.startsAt)} - ${clock(event.endsAt)}, ngày ${formatDate(event.startsAt)}`
      : formatTimeRange(event.startsAt, event.endsAt);
  const place = [event.venueName, event.venueAddress].filter(Boolean).join(' - ');
  return [`Thời gian: ${time}`, place ? `Địa điểm: ${place}` : null].filter(Boolean).join('. ');
}

// ── Danh sách ký nhận ─────────────────────────────────────────────────────────────────────────────────

/**
 * The sign-in sheet (danh sách đại biểu ký nhận): by composition group, people in protocol order (the official
 * list's people and order), a tall signature column, a few empty rows per group for those added on the day.
 */
export async function buildSignInSheetDocx(db: Executor, scope: Scope, eventId: string): Promise<Buffer> {
  const { event, sections, count } = await officialListSections(db, scope, eventId);
  const columns: ListColumn[] = [
    { label: 'STT', share: 5 },
    { label: 'Họ và tên', share: 22 },
    { label: 'Chức vụ', share: 25 },
    { label: 'Đơn vị', share: 26 },
    { label: 'Ký nhận', share: 22 },
  ];
  let n = 0;
  const body = [
    listHeader(event),
    ...documentTitle('Danh sách đại biểu ký nhận', `Dự ${event.name}`),
    para([run(whenAndWhere(event), { italics: true, size: 24 })], { indent: {} }),
    para([run(`Tổng số: ${count} đại biểu. ${OFFICIAL_LIST_NOTE}`, { italics: true, size: 24 })], {
      indent: {},
    }),
    listTable(
      columns,
      sections.map((s) => ({
        title: s.title,
        rows: [
          ...s.delegates.map((d) => [
            String(++n),
            nameOf(d),
            d.position ?? '',
            unitOf(d) + (d.substitute_for_name ? ` (đi thay ${d.substitute_for_name})` : ''),
            '',
          ]),
          ...Array.from({ length: SPARE_ROWS }, () => [String(++n), '', '', '', '']),
        ],
      })),
      { widthMm: LANDSCAPE_TEXT_WIDTH_MM, rowHeightMm: 11 },
    ),
  ];
  return officialDocument(body, `Danh sách đại biểu ký nhận dự ${event.name}`, { landscape: true });
}

export async function buildSignInSheetXlsx(db: Executor, scope: Scope, eventId: string): Promise<Buffer> {
  const { event, sections, count } = await officialListSections(db, scope, eventId);
  return writeListWorkbook({
    sheetName: 'Danh sách ký nhận',
    titleLines: [
      listIssuerLine(event),
      'DANH SÁCH ĐẠI BIỂU KÝ NHẬN',
      `Dự ${event.name}`,
      `${whenAndWhere(event)}. Tổng số: ${count} đại biểu.`,
    ],
    columns: [
      { label: 'Họ và tên', width: 28 },
      { label: 'Chức vụ', width: 32 },
      { label: 'Đơn vị', width: 34 },
      { label: 'Ký nhận', width: 22 },
    ],
    rows: [],
    sections: sections.map((s) => ({
      title: s.title,
      rows: [
        ...s.delegates.map((d) => [
          nameOf(d),
          d.position,
          unitOf(d) + (d.substitute_for_name ? ` (đi thay ${d.substitute_for_name})` : ''),
          null,
        ]),
        ...Array.from({ length: SPARE_ROWS }, () => [null, null, null, null]),
      ],
    })),
    notes: [OFFICIAL_LIST_NOTE],
    rowHeight: 30,
  });
}

// ── Attendance summary ────────────────────────────────────────────────────────────────────────────────

const ATTENDANCE_COLUMNS: ReportColumn[] = [
  { label: 'Thành phần', width: 44 },
  { label: 'Kế hoạch', width: 11, kind: 'integer' },
  { label: 'Danh sách mời', width: 11, kind: 'integer' },
  { label: 'Có mặt', width: 10, kind: 'integer' },
  { label: 'Trong đó đi thay', width: 11, kind: 'integer' },
  { label: 'Trong đó ngoài danh sách', width: 13, kind: 'integer' },
  { label: 'Vắng mặt', width: 10, kind: 'integer' },
  { label: 'Có mặt / kế hoạch', width: 12, kind: 'percent' },
];

const attendanceRow = (title: string, g: Omit<AttendanceGroup, 'groupId' | 'title'>) =>
  [
    title,
    g.planned,
    g.listed,
    g.present,
    g.substitutes,
    g.walkIns,
    g.absent,
    g.planned ? g.present / g.planned : null,
  ] as (string | number | null)[];

const PERSON_COLUMNS: ReportColumn[] = [
  { label: 'STT', width: 6, kind: 'integer' },
  { label: 'Họ và tên', width: 28 },
  { label: 'Chức vụ, đơn vị', width: 44 },
  { label: 'Thành phần', width: 30 },
];

function personTables(report: Awaited<ReturnType<typeof getAttendanceReport>>): ReportTable[] {
  const rows = (people: AttendancePerson[], note: (p: AttendancePerson) => string) =>
    people.map((p, i) => [
      i + 1,
      nameOf(p.row),
      [p.row.position, unitOf(p.row)].filter(Boolean).join(', ') + note(p),
      p.row.group_title ?? 'Chưa xếp nhóm',
    ]);
  return [
    {
      title: '2. Đại biểu đi thay',
      columns: PERSON_COLUMNS,
      rows: rows(report.substitutes, (p) =>
        p.row.substitute_for_name ? ` (thay ${p.row.substitute_for_name})` : '',
      ),
    },
    { title: '3. Đại biểu vắng mặt', columns: PERSON_COLUMNS, rows: rows(report.absent, () => '') },
  ];
}

const ATTENDANCE_NOTE =
  'Số liệu từ quầy đón tiếp (quét mã hoặc ghi tay khi đại biểu đến). Danh sách mời không gồm đại biểu đã báo không tham dự và người đã cử người đi thay; có mặt gồm cả người đi thay và khách ngoài danh sách; vắng mặt = danh sách mời chưa đến.';

function docxTable(table: ReportTable, options: { numbered: boolean }) {
  const columns: ListColumn[] = [
    ...(options.numbered ? [{ label: 'STT', share: 5 }] : []),
    ...table.columns.map((c, i) => ({
      label: c.label,
      share: c.kind === 'integer' && c.label === 'STT' ? 5 : i === 0 || !c.kind ? 30 : 9,
      align: c.label === 'STT' ? ('center' as const) : c.kind ? ('right' as const) : ('left' as const),
    })),
  ];
  const text = (values: (string | number | null)[]) =>
    values.map((v, i) => reportCellText(table.columns[i]!.kind, v));
  return listTable(
    columns,
    [
      {
        title: null,
        rows: table.rows.map((r, i) => [...(options.numbered ? [String(i + 1)] : []), ...text(r)]),
        ...(table.total ? { total: [...(options.numbered ? [''] : []), ...text(table.total)] } : {}),
      },
    ],
    { widthMm: LANDSCAPE_TEXT_WIDTH_MM, size: 24 },
  );
}

function attendanceTables(report: Awaited<ReturnType<typeof getAttendanceReport>>): ReportTable[] {
  return [
    {
      title: '1. Đại biểu có mặt theo thành phần, so với kế hoạch',
      columns: ATTENDANCE_COLUMNS,
      rows: report.groups.map((g) => attendanceRow(g.title, g)),
      total: attendanceRow('Cộng', report.total),
    },
    ...personTables(report),
  ];
}

export async function buildAttendanceXlsx(db: Executor, scope: Scope, eventId: string): Promise<Buffer> {
  const report = await getAttendanceReport(db, scope, eventId);
  return writeReportWorkbook({
    sheetName: 'Tổng hợp có mặt',
    titleLines: [
      listIssuerLine(report.event),
      'TỔNG HỢP ĐẠI BIỂU DỰ HỘI NGHỊ',
      report.event.name,
      `Lập ngày ${formatCalendarDate(vietnamDay(nowIso()))}`,
    ],
    tables: attendanceTables(report),
    notes: [ATTENDANCE_NOTE],
  });
}

export async function buildAttendanceDocx(db: Executor, scope: Scope, eventId: string): Promise<Buffer> {
  const report = await getAttendanceReport(db, scope, eventId);
  const { total } = report;
  const [summary, ...people] = attendanceTables(report);
  const body = [
    listHeader(report.event),
    ...documentTitle('Tổng hợp đại biểu dự hội nghị', report.event.name),
    para(
      `Kế hoạch ${total.planned ?? '…'} đại biểu; danh sách mời ${total.listed} đại biểu; có mặt ${total.present} đại biểu (trong đó ${total.substitutes} người đi thay, ${total.walkIns} khách ngoài danh sách); vắng mặt ${total.absent} đại biểu.`,
    ),
    para([run(summary!.title, { bold: true })], { indent: {} }),
    docxTable(summary!, { numbered: true }),
    ...people.flatMap((t) => [
      para([run(t.title, { bold: true })], { indent: {}, spacing: { before: 240, after: 120 } }),
      t.rows.length ? docxTable(t, { numbered: false }) : para([run('Không có.', { italics: true })]),
    ]),
    para([run(ATTENDANCE_NOTE, { italics: true, size: 24 })], { indent: {}, spacing: { before: 240 } }),
  ];
  return officialDocument(body, `Tổng hợp đại biểu dự ${report.event.name}`, { landscape: true });
}
