import type { Event } from '../../shared/events';
import { formatDate } from '../../shared/format';
import { formatPhone } from '../../shared/phone';
import {
  DELEGATE_STATUS_LABELS,
  type DelegateStatus,
  HONORIFIC_LABELS,
  type Honorific,
} from '../../shared/vocabulary';
import type { Executor } from '../db/database';
import type { CompositionGroupsTable } from '../db/schema';
import {
  agencyLines,
  documentTitle,
  headerTable,
  issuerPlace,
  listTable,
  officialDocument,
  para,
  placeDateLine,
  run,
} from '../documents/official-docx';
import { writeListWorkbook } from '../documents/xlsx';
import { getEventById } from '../events/events.service';
import { nowIso } from '../util';
import { findGroupRows } from './composition.repository';
import { DELEGATE_COLUMNS } from './delegates.import';
import type { Scope } from './delegates.policy';
import { type DelegateRow, findAllDelegateRows } from './delegates.repository';

interface Section {
  title: string;
  delegates: DelegateRow[];
}

/**
 * The official order of a list: composition groups in the plan's order, and inside each group the protocol
 * rank, then the name (tên, tên đệm, họ). People replaced by a substitute are left out; with `seatHoldersOnly`
 * those who declined too.
 */
async function sectionsOf(
  db: Executor,
  scope: Scope,
  eventId: string,
  options: { seatHoldersOnly: boolean },
): Promise<{ event: Event; sections: Section[]; count: number }> {
  const event = await getEventById(db, eventId);
  const groups = await findGroupRows(db, eventId);
  const rows = (await findAllDelegateRows(db, eventId, scope.all ? null : [...scope.unitIds])).filter(
    (d) => d.status !== 'replaced' && !(options.seatHoldersOnly && d.status === 'declined'),
  );
  const byGroup = new Map<string | null, DelegateRow[]>();
  for (const d of rows) byGroup.set(d.group_id, [...(byGroup.get(d.group_id) ?? []), d]);
  const order = (a: DelegateRow, b: DelegateRow) =>
    (a.protocol_rank ?? 999) - (b.protocol_rank ?? 999) ||
    (a.name_key < b.name_key ? -1 : a.name_key > b.name_key ? 1 : 0);
  const titleOf = (g: CompositionGroupsTable) => {
    const parent = g.parent_id ? groups.find((p) => p.id === g.parent_id) : undefined;
    return parent ? `${parent.title} — ${g.title}` : g.title;
  };
  const sections: Section[] = groups
    .filter((g) => byGroup.has(g.id))
    .map((g) => ({ title: titleOf(g), delegates: byGroup.get(g.id)!.sort(order) }));
  if (byGroup.has(null)) sections.push({ title: 'Đại biểu khác', delegates: byGroup.get(null)!.sort(order) });
  return { event, sections, count: rows.length };
}

const honorificOf = (d: DelegateRow) => (d.honorific ? HONORIFIC_LABELS[d.honorific as Honorific] : '');

/** The working list as XLSX: title block, groups as headed parts, every column the import reads and the status. */
export async function buildDelegatesXlsx(db: Executor, scope: Scope, eventId: string): Promise<Buffer> {
  const { event, sections, count } = await sectionsOf(db, scope, eventId, { seatHoldersOnly: false });
  return writeListWorkbook({
    sheetName: 'Danh sách đại biểu',
    titleLines: [
      (event.leadName ?? event.hostName ?? '').toLocaleUpperCase('vi'),
      'DANH SÁCH ĐẠI BIỂU',
      `Dự ${event.name}`,
      `${count} đại biểu — lập ngày ${formatDate(nowIso())}`,
    ],
    columns: [
      { label: 'Danh xưng', width: 10 },
      { label: 'Họ và tên', width: 26 },
      { label: 'Chức vụ', width: 30 },
      { label: 'Đơn vị', width: 34 },
      { label: 'Số điện thoại', width: 15 },
      { label: 'Email', width: 26 },
      { label: 'Trạng thái', width: 16 },
      { label: 'Ghi chú', width: 24 },
    ],
    rows: [],
    sections: sections.map((s) => ({
      title: s.title,
      rows: s.delegates.map((d) => [
        honorificOf(d),
        d.full_name,
        d.position,
        d.organization ?? d.unit_name,
        d.phone ? formatPhone(d.phone) : null,
        d.email,
        DELEGATE_STATUS_LABELS[d.status as DelegateStatus],
        d.notes,
      ]),
    })),
  });
}

/** The list as an official document (ND 30/2020): header, "DANH SÁCH ĐẠI BIỂU", the table by group. */
export async function buildDelegatesDocx(db: Executor, scope: Scope, eventId: string): Promise<Buffer> {
  const { event, sections, count } = await sectionsOf(db, scope, eventId, { seatHoldersOnly: true });
  const place = issuerPlace(event.planIssuer) || '……';
  let n = 0;
  const body = [
    headerTable({
      agencyLines: agencyLines(event.planIssuer ?? event.hostName),
      numberLine: '',
      placeDateLine: placeDateLine(place, nowIso().slice(0, 10), new Date().getUTCFullYear()),
    }),
    ...documentTitle('Danh sách đại biểu', `Dự ${event.name}`),
    para([run(`Tổng số: ${count} đại biểu.`, { italics: true })], { indent: {} }),
    listTable(
      [
        { label: 'STT', share: 8 },
        { label: 'Họ và tên', share: 26 },
        { label: 'Chức vụ', share: 30 },
        { label: 'Đơn vị', share: 36 },
      ],
      sections.map((s) => ({
        title: s.title,
        rows: s.delegates.map((d) => [
          String(++n),
          [honorificOf(d), d.full_name].filter(Boolean).join(' '),
          d.position ?? '',
          d.organization ?? d.unit_name ?? '',
        ]),
      })),
    ),
  ];
  return officialDocument(body, `Danh sách đại biểu dự ${event.name}`);
}

/** An empty list for a unit to fill: the columns the import recognises, and one example row. */
export async function buildDelegatesTemplate(event: Event, unitName: string | null): Promise<Buffer> {
  const columns = DELEGATE_COLUMNS.filter((c) => c.key !== 'group');
  return writeListWorkbook({
    sheetName: 'Danh sách',
    titleLines: [
      (unitName ?? 'TÊN ĐƠN VỊ').toLocaleUpperCase('vi'),
      'DANH SÁCH ĐẠI BIỂU ĐĂNG KÝ',
      `Dự ${event.name}`,
    ],
    columns: columns.map((c) => ({ label: c.label, width: c.key === 'fullName' ? 26 : 20 })),
    rows: [columns.map((c) => EXAMPLE[c.key] ?? '')],
  });
}

const EXAMPLE: Record<string, string> = {
  honorific: 'Ông',
  fullName: 'Nguyễn Văn Mẫu (xóa dòng này)',
  gender: 'Nam',
  position: 'Phó Chủ tịch UBND huyện',
  organization: 'UBND huyện …',
  phone: '0912 345 678',
  email: 'mau@example.gov.vn',
  notes: '',
};
