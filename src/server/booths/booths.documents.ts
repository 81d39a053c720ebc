import { BOOTH_KIND_LABELS, type Booth } from '../../shared/booths';
import { formatPhone } from '../../shared/phone';
import type { Executor } from '../db/database';
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
import { findBooths } from './booths.service';

const exhibitor = (b: Booth) =>
  b.unitName
    ? b.unitKind === 'producer' && b.districtName
      ? `${b.unitName} (${b.districtName})`
      : b.unitName
    : 'Chưa giao';
const person = (b: Booth) =>
  [b.personName, b.personPhone ? formatPhone(b.personPhone) : null].filter(Boolean).join(' – ');
const needs = (b: Booth) =>
  [b.needsPower ? 'Cần điện' : null, b.tables ? `${b.tables} bàn` : null, b.sizeText]
    .filter(Boolean)
    .join('; ');
const times = (b: Booth) =>
  [b.setupAt ? `Dựng: ${b.setupAt}` : null, b.teardownAt ? `Dỡ: ${b.teardownAt}` : null]
    .filter(Boolean)
    .join('; ');

/** The allocation list as the office keeps it in Excel. */
export async function buildBoothsXlsx(db: Executor, eventId: string): Promise<Buffer> {
  const event = await getEventById(db, eventId);
  const { items } = await findBooths(db, eventId);
  return writeListWorkbook({
    sheetName: 'Gian hàng',
    titleLines: [
      'Danh sách phân bổ gian hàng trưng bày sản phẩm',
      event.name,
      ...(items.some((b) => b.isSample) ? ['(Có dữ liệu mẫu)'] : []),
    ],
    columns: [
      { label: 'Số gian', width: 9 },
      { label: 'Loại', width: 18 },
      { label: 'Chủ thể / huyện', width: 40 },
      { label: 'Sản phẩm trưng bày', width: 50 },
      { label: 'Người phụ trách', width: 30 },
      { label: 'Nhu cầu', width: 22 },
      { label: 'Thời gian dựng / dỡ', width: 30 },
      { label: 'Lưu ý', width: 40 },
    ],
    rows: items.map((b) => [
      b.number,
      BOOTH_KIND_LABELS[b.kind],
      exhibitor(b),
      b.products.map((p) => p.name).join('; '),
      person(b),
      needs(b),
      times(b),
      b.warnings.join('; '),
    ]),
  });
}

/** The same list as an official document (ND 30/2020), for the file and for the districts. */
export async function buildBoothsDocx(db: Executor, eventId: string): Promise<Buffer> {
  const event = await getEventById(db, eventId);
  const { items, totals } = await findBooths(db, eventId);
  const place = issuerPlace(event.planIssuer) || '……';
  const body = [
    headerTable({
      agencyLines: agencyLines(event.planIssuer ?? event.hostName),
      numberLine: '',
      placeDateLine: placeDateLine(place, nowIso().slice(0, 10), new Date().getUTCFullYear()),
    }),
    ...documentTitle('Danh sách phân bổ gian hàng', `Trưng bày, giới thiệu sản phẩm tại ${event.name}`),
    para([run(`Tổng số: ${totals.booths} gian hàng, đã giao ${totals.assigned}.`, { italics: true })], {
      indent: {},
    }),
    listTable(
      [
        { label: 'Số gian', share: 9 },
        { label: 'Chủ thể / huyện', share: 30 },
        { label: 'Sản phẩm trưng bày', share: 35 },
        { label: 'Người phụ trách', share: 26 },
      ],
      [
        {
          title: null,
          rows: items.map((b) => [
            String(b.number),
            `${exhibitor(b)}\n${BOOTH_KIND_LABELS[b.kind]}`,
            b.products.map((p) => p.name).join('; '),
            person(b),
          ]),
        },
      ],
    ),
  ];
  return officialDocument(body, `Danh sách phân bổ gian hàng tại ${event.name}`);
}
