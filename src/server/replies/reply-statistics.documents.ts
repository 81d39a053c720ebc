import { formatCalendarDate, vietnamDay } from '../../shared/format';
import type { ReplyCounts } from '../../shared/replies';
import type { Executor } from '../db/database';
import { listHeader, listIssuerLine } from '../delegates/delegates.export';
import type { Scope } from '../delegates/delegates.policy';
import {
  documentTitle,
  type ListColumn,
  listTable,
  officialDocument,
  para,
  run,
} from '../documents/official-docx';
import { type ReportColumn, type ReportTable, reportCellText, writeReportWorkbook } from '../documents/xlsx';
import { getEventById } from '../events/events.service';
import { nowIso } from '../util';
import { getReplySummary } from './tracking.service';

/** Who has answered the invitation, as a printable table: by composition group, then by sending unit. */

const COLUMNS = (first: string): ReportColumn[] => [
  { label: first, width: 44 },
  { label: 'Chưa gửi giấy mời', width: 12, kind: 'integer' },
  { label: 'Chưa trả lời', width: 12, kind: 'integer' },
  { label: 'Xác nhận dự', width: 12, kind: 'integer' },
  { label: 'Từ chối', width: 10, kind: 'integer' },
  { label: 'Cộng', width: 10, kind: 'integer' },
  { label: 'Đã trả lời / đã mời', width: 13, kind: 'percent' },
];

function row(label: string, c: ReplyCounts): (string | number | null)[] {
  const invited = c.awaiting + c.confirmed + c.declined;
  const all = c.notInvited + invited;
  return [
    label,
    c.notInvited,
    c.awaiting,
    c.confirmed,
    c.declined,
    all,
    invited ? (c.confirmed + c.declined) / invited : null,
  ];
}

const NOTE =
  'Xác nhận dự gồm cả đại biểu đã đến và đã vắng sau khi xác nhận; người đã cử người đi thay không tính (người đi thay được tính). Tỷ lệ: số đã trả lời (xác nhận hoặc từ chối) trên số đã nhận giấy mời.';

async function tablesOf(db: Executor, scope: Scope, eventId: string) {
  const summary = await getReplySummary(db, scope, eventId);
  const tables: ReportTable[] = [
    {
      title: '1. Theo thành phần',
      columns: COLUMNS('Thành phần'),
      rows: summary.groups.map((g) => row(g.title, g)),
      total: row('Cộng', summary.totals),
    },
    {
      title: '2. Theo đơn vị cử đại biểu',
      columns: COLUMNS('Đơn vị'),
      rows: summary.units.map((u) => row(u.name, u)),
      total: row('Cộng', summary.totals),
    },
  ];
  return { summary, tables };
}

export async function buildReplyStatisticsXlsx(db: Executor, scope: Scope, eventId: string): Promise<Buffer> {
  const event = await getEventById(db, eventId);
  const { tables } = await tablesOf(db, scope, eventId);
  return writeReportWorkbook({
    sheetName: 'Tình hình trả lời',
    titleLines: [
      listIssuerLine(event),
      'TÌNH HÌNH TRẢ LỜI GIẤY MỜI',
      event.name,
      `Số liệu đến ngày ${formatCalendarDate(vietnamDay(nowIso()))}`,
    ],
    tables,
    notes: [NOTE],
  });
}

export async function buildReplyStatisticsDocx(db: Executor, scope: Scope, eventId: string): Promise<Buffer> {
  const event = await getEventById(db, eventId);
  const { summary, tables } = await tablesOf(db, scope, eventId);
  const t = summary.totals;
  const body = [
    listHeader(event),
    ...documentTitle('Tình hình trả lời giấy mời', event.name),
    para(
      `Đến ngày ${formatCalendarDate(vietnamDay(nowIso()))}: ${t.confirmed} đại biểu xác nhận dự, ${t.declined} từ chối, ${t.awaiting} chưa trả lời, ${t.notInvited} chưa gửi giấy mời.`,
    ),
  ];
  for (const table of tables) {
    const columns: ListColumn[] = [
      { label: 'STT', share: 5 },
      ...table.columns.map((c, i) => ({
        label: c.label,
        share: i === 0 ? 35 : 10,
        align: c.kind ? ('right' as const) : ('left' as const),
      })),
    ];
    const text = (values: (string | number | null)[]) =>
      values.map((v, i) => reportCellText(table.columns[i]!.kind, v));
    body.push(para([run(table.title, { bold: true })], { indent: {}, spacing: { before: 240, after: 120 } }));
    body.push(
      listTable(columns, [
        {
          title: null,
          rows: table.rows.map((r, i) => [String(i + 1), ...text(r)]),
          total: ['', ...text(table.total!)],
        },
      ]) as never,
    );
  }
  body.push(para([run(NOTE, { italics: true, size: 24 })], { indent: {}, spacing: { before: 240 } }));
  return officialDocument(body, `Tình hình trả lời giấy mời - ${event.name}`);
}
