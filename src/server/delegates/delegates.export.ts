import type { Table } from 'docx';
import type { Event } from '../../shared/events';
import { formatCalendarDate, vietnamDay } from '../../shared/format';
import { formatPhone } from '../../shared/phone';
import {
  DELEGATE_STATUS_LABELS,
  DELEGATE_STATUSES,
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
  LANDSCAPE_TEXT_WIDTH_MM,
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
  group: CompositionGroupsTable | null;
  title: string;
  delegates: DelegateRow[];
}

/**
 * Who an official list names: everyone who holds a place at the event. Those who declined and those replaced
 * by a substitute are left out of every list, DOCX and XLSX alike (LISTED_ON_OFFICIAL_LISTS), and the list says so.
 */
export const LISTED_ON_OFFICIAL_LISTS: DelegateStatus[] = DELEGATE_STATUSES.filter(
  (status) => status !== 'declined' && status !== 'replaced',
);
export const OFFICIAL_LIST_NOTE =
  'Danh sách không gồm đại biểu đã báo không tham dự và đại biểu đã cử người khác đi thay (người đi thay có tên trong danh sách).';

/** The body that issues an event's lists: the plan's issuer, else the host; one for every list. */
export function listIssuer(event: Event): string | null {
  return event.planIssuer ?? event.hostName;
}

/** The list's heading block (ND 30/2020): issuer | motto, with the place and today's date in Vietnam. */
export function listHeader(event: Event): Table {
  const issuer = listIssuer(event);
  return headerTable({
    agencyLines: agencyLines(issuer),
    numberLine: '',
    placeDateLine: placeDateLine(issuerPlace(issuer) || '……', vietnamDay(nowIso()), 0),
  });
}

/** The issuer on one line for a spreadsheet's first title line: "ỦY BAN NHÂN DÂN TỈNH THANH HÓA". */
export function listIssuerLine(event: Event): string {
  return agencyLines(listIssuer(event)).join(' ').toLocaleUpperCase('vi');
}

/**
 * The people of an official list by composition group in the plan's order. Inside a group they keep the order
 * findAllDelegateRows reads them in — delegates.protocol_key, the same key `GET …/delegates?sort=protocol` pages
 * by (effective protocol rank, the group's rank and place, then the name) — so no list sorts a second way.
 */
export async function officialListSections(
  db: Executor,
  scope: Scope,
  eventId: string,
): Promise<{ event: Event; sections: Section[]; count: number }> {
  const event = await getEventById(db, eventId);
  const groups = await findGroupRows(db, eventId);
  const listed = new Set<string>(LISTED_ON_OFFICIAL_LISTS);
  const rows = (await findAllDelegateRows(db, eventId, scope.all ? null : [...scope.unitIds])).filter((d) =>
    listed.has(d.status),
  );
  const byGroup = new Map<string | null, DelegateRow[]>();
  for (const d of rows) byGroup.set(d.group_id, [...(byGroup.get(d.group_id) ?? []), d]);
  const titleOf = (g: CompositionGroupsTable) => {
    const parent = g.parent_id ? groups.find((p) => p.id === g.parent_id) : undefined;
    return parent ? `${parent.title} — ${g.title}` : g.title;
  };
  const sections: Section[] = groups
    .filter((g) => byGroup.has(g.id))
    .map((g) => ({ group: g, title: titleOf(g), delegates: byGroup.get(g.id)! }));
  if (byGroup.has(null))
    sections.push({ group: null, title: 'Đại biểu khác', delegates: byGroup.get(null)! });
  return { event, sections, count: rows.length };
}

export const honorificOf = (d: DelegateRow) =>
  d.honorific ? HONORIFIC_LABELS[d.honorific as Honorific] : '';

const countLine = (count: number) => `Tổng số: ${count} đại biểu.`;

/** The working list as XLSX: the same people and issuer as the DOCX, every column the import reads, the status. */
export async function buildDelegatesXlsx(db: Executor, scope: Scope, eventId: string): Promise<Buffer> {
  const { event, sections, count } = await officialListSections(db, scope, eventId);
  return writeListWorkbook({
    sheetName: 'Danh sách đại biểu',
    titleLines: [
      listIssuerLine(event),
      'DANH SÁCH ĐẠI BIỂU',
      `Dự ${event.name}`,
      `${countLine(count)} Lập ngày ${formatCalendarDate(vietnamDay(nowIso()))}.`,
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
        [d.substitute_for_name ? `Đi thay ${d.substitute_for_name}` : null, d.notes]
          .filter(Boolean)
          .join('; ') || null,
      ]),
    })),
    notes: [OFFICIAL_LIST_NOTE],
  });
}

/**
 * The list as an official document (ND 30/2020): header, "DANH SÁCH ĐẠI BIỂU", the table by group. A4 landscape,
 * so the name column (about 60 mm) holds "Ông Nguyễn Văn Quyết" on one line.
 */
export async function buildDelegatesDocx(db: Executor, scope: Scope, eventId: string): Promise<Buffer> {
  const { event, sections, count } = await officialListSections(db, scope, eventId);
  let n = 0;
  const body = [
    listHeader(event),
    ...documentTitle('Danh sách đại biểu', `Dự ${event.name}`),
    para([run(`${countLine(count)} ${OFFICIAL_LIST_NOTE}`, { italics: true, size: 24 })], { indent: {} }),
    listTable(
      [
        { label: 'STT', share: 5 },
        { label: 'Họ và tên', share: 24 },
        { label: 'Chức vụ', share: 30 },
        { label: 'Đơn vị', share: 29 },
        { label: 'Ghi chú', share: 12 },
      ],
      sections.map((s) => ({
        title: s.title,
        rows: s.delegates.map((d) => [
          String(++n),
          [honorificOf(d), d.full_name].filter(Boolean).join(' '),
          d.position ?? '',
          d.organization ?? d.unit_name ?? '',
          d.substitute_for_name ? `Đi thay ${d.substitute_for_name}` : '',
        ]),
      })),
      { widthMm: LANDSCAPE_TEXT_WIDTH_MM },
    ),
  ];
  return officialDocument(body, `Danh sách đại biểu dự ${event.name}`, { landscape: true });
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
