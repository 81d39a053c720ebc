import {
  GROUP_COLOURS,
  type HallLayout,
  ROW_LETTERS,
  type SeatPosition,
  seatsOf,
} from '../../shared/seating';
import { foldVietnamese } from '../../shared/text';
import type { Executor } from '../db/database';
import { renderPdf, vi } from '../documents/pdf';
import { getEventById } from '../events/events.service';
import { getPresidium } from '../protocol/protocol.service';
import { getLayout, seatedPeople } from './seating.service';

/**
 * The seating chart (sơ đồ chỗ ngồi) on A3 landscape, as a protocol clerk checks it: a first page with the whole
 * hall at a glance (seat numbers, group colours, the chair and the presidium, the reserved rows) and the legend;
 * then each block on its own pages with every person's full name, title and unit at a readable size (never below
 * 7 pt, names never abbreviated). A block too wide for a page is split across pages, and rows that do not fit go
 * on the next page, rather than shrinking the text.
 */

const MM = 72 / 25.4;
const PAGE_W = 420 * MM;
const PAGE_H = 297 * MM;
const MARGIN = 10 * MM;
const USABLE_W = PAGE_W - 2 * MARGIN;
/** A seat's box on the detail pages: wide enough for a title at 7 pt on two or three lines. */
const MIN_CELL_W = 24 * MM;
const MAX_CELL_W = 40 * MM;
const PAD = 1.2 * MM;
const BAND_H = 3.5 * MM;
const ROW_GAP = 1.5 * MM;
const NAME_PT = 8.5;
const TEXT_PT = 7;
const RESERVED_FILL = '#fef3c7';
const RESERVED_STROKE = '#92400e';
const CHAIR_COLOUR = '#b42318';

type Person = Awaited<ReturnType<typeof seatedPeople>>[number];
type Role = 'chair' | 'member';

/** The bodies offices shorten on a chart; a person's name is never shortened. */
const SHORT_BODIES: [RegExp, string][] = [
  [/Ủy ban nhân dân/giu, 'UBND'],
  [/Hội đồng nhân dân/giu, 'HĐND'],
  [/Mặt trận Tổ quốc Việt Nam/giu, 'MTTQ Việt Nam'],
  [/Mặt trận Tổ quốc/giu, 'MTTQ'],
  [/Phát triển nông thôn/giu, 'PTNT'],
  [/xây dựng nông thôn mới/giu, 'NTM'],
  [/nông thôn mới/giu, 'NTM'],
];

/** The title as a chart prints it: the usual short forms of the bodies ("Phó Chủ tịch UBND tỉnh"). */
export function chartTitle(position: string | null): string {
  let text = vi(position ?? '').trim();
  for (const [pattern, short] of SHORT_BODIES) text = text.replace(pattern, short);
  return text;
}

/** The unit under the title: its short name, unless the title already names it ("Chủ tịch UBND tỉnh"). */
export function chartUnit(p: {
  position: string | null;
  unit_name: string | null;
  unit_short_name: string | null;
  organization: string | null;
}): string {
  const unit = chartTitle(p.unit_short_name ?? p.unit_name ?? p.organization ?? '');
  if (!unit) return '';
  const title = foldVietnamese(chartTitle(p.position));
  const named = [unit, chartTitle(p.unit_name), chartTitle(p.organization)].some(
    (u) => u && title.includes(foldVietnamese(u)),
  );
  return named ? '' : unit;
}

interface GroupKey {
  number: number;
  title: string;
  colour: string;
  /** 0 solid, 1 stripes, 2 dots: tells apart groups whose colours repeat, and survives black-and-white print. */
  pattern: number;
}

/** The groups seated, in the composition's order, numbered as the chart shows them. */
function groupKeys(seated: Person[]): Map<number | null, GroupKey> {
  const positions = [...new Set(seated.map((p) => p.group_position))].sort(
    (a, b) => (a ?? Number.MAX_SAFE_INTEGER) - (b ?? Number.MAX_SAFE_INTEGER),
  );
  const titles = new Map(seated.map((p) => [p.group_position, p.group_title]));
  return new Map(
    positions.map((position, i) => [
      position,
      {
        number: i + 1,
        title: titles.get(position) ?? 'Chưa thuộc thành phần nào',
        colour: position === null ? '#6b7280' : GROUP_COLOURS[position % GROUP_COLOURS.length]!,
        pattern: position === null ? 0 : Math.floor(position / GROUP_COLOURS.length) % 3,
      },
    ]),
  );
}

function band(doc: PDFKit.PDFDocument, x: number, y: number, w: number, h: number, key: GroupKey) {
  doc.rect(x, y, w, h).fill(key.colour);
  if (key.pattern === 0) return;
  doc.save();
  doc.rect(x, y, w, h).clip();
  doc.lineWidth(0.6).strokeColor('white');
  if (key.pattern === 1) {
    for (let sx = x - h; sx < x + w; sx += 2.2 * MM)
      doc
        .moveTo(sx, y + h)
        .lineTo(sx + h, y)
        .stroke();
  } else {
    for (let sx = x + 1 * MM; sx < x + w; sx += 2 * MM)
      for (let sy = y + 0.9 * MM; sy < y + h; sy += 1.6 * MM) doc.circle(sx, sy, 0.35 * MM).fill('white');
  }
  doc.restore();
}

/** A block, or the part of a wide block that fits one page. */
interface Chunk {
  label: string;
  seats: number[];
}

function chunksOf(layout: HallLayout): Chunk[] {
  const maxCols = Math.floor(USABLE_W / MIN_CELL_W);
  const chunks: Chunk[] = [];
  let first = 1;
  for (const block of layout.blocks) {
    const parts = Math.ceil(block.seatsPerRow / maxCols);
    const per = Math.ceil(block.seatsPerRow / parts);
    for (let p = 0; p < parts; p++) {
      const from = first + p * per;
      const to = Math.min(first + block.seatsPerRow - 1, from + per - 1);
      chunks.push({
        label: parts > 1 ? `${block.label} (phần ${p + 1}/${parts})` : block.label,
        seats: Array.from({ length: to - from + 1 }, (_, i) => from + i),
      });
    }
    first += block.seatsPerRow;
  }
  return chunks;
}

const seatNo = (n: number) => String(n).padStart(2, '0');

export async function buildSeatingChartPdf(db: Executor, eventId: string): Promise<Buffer> {
  const [layout, seated, event, presidium] = await Promise.all([
    getLayout(db, eventId),
    seatedPeople(db, eventId),
    getEventById(db, eventId),
    getPresidium(db, eventId),
  ]);
  const bySeat = new Map(seated.map((s) => [s.seat, s]));
  const roles = new Map<string, Role>(presidium.items.map((p) => [p.delegateId, p.role]));
  const groups = groupKeys(seated);
  const seats = seatsOf(layout);
  const seatAt = new Map(seats.map((s) => [`${s.row}:${s.number}`, s]));
  const chunks = chunksOf(layout);
  const roleOf = (p: Person | undefined) => (p ? roles.get(p.id) : undefined);
  const roleText = (role: Role | undefined) =>
    role === 'chair' ? 'CHỦ TRÌ' : role === 'member' ? 'ĐOÀN CHỦ TỊCH' : '';

  return renderPdf((doc) => {
    const header = (subtitle: string) => {
      doc.addPage({ size: 'A3', layout: 'landscape', margin: 0 });
      doc
        .fillColor('black')
        .font('serif-bold')
        .fontSize(15)
        .text(vi(`SƠ ĐỒ CHỖ NGỒI — ${layout.name.toLocaleUpperCase('vi')}`), MARGIN, MARGIN, {
          width: USABLE_W,
          align: 'center',
        });
      doc.font('serif').fontSize(10).text(vi(event.name), { width: USABLE_W, align: 'center' });
      doc.font('serif-bold').fontSize(10).text(vi(subtitle), { width: USABLE_W, align: 'center' });
      if (layout.note)
        doc.font('serif-italic').fontSize(8).text(vi(layout.note), { width: USABLE_W, align: 'center' });
      return doc.y + 2 * MM;
    };
    const stage = (y: number, x: number, w: number, text: string) => {
      doc
        .lineWidth(0.8)
        .rect(x, y, w, 8 * MM)
        .fillAndStroke('#e5e7eb', '#111827');
      doc
        .fillColor('black')
        .font('serif-bold')
        .fontSize(11)
        .text(vi(text), x, y + 2.3 * MM, { width: w, align: 'center', lineBreak: false });
      return y + 8 * MM + 4 * MM;
    };
    const footer = (text: string) => {
      doc
        .fillColor('#374151')
        .font('serif-italic')
        .fontSize(8)
        .text(vi(text), MARGIN, PAGE_H - MARGIN - 3 * MM, { width: USABLE_W, lineBreak: false });
    };
    const outline = (x: number, y: number, w: number, h: number, reserved: boolean, role?: Role) => {
      doc.lineWidth(0.5).rect(x, y, w, h);
      if (reserved) doc.fillAndStroke(RESERVED_FILL, RESERVED_STROKE);
      else doc.stroke('#6b7280');
      if (role) {
        doc
          .lineWidth(role === 'chair' ? 2 : 1.2)
          .rect(x + 0.6, y + 0.6, w - 1.2, h - 1.2)
          .stroke(CHAIR_COLOUR);
      }
    };

    // Page 1: the whole hall, one box per seat, and the legend.
    const pageOfChunk = new Map<Chunk, number>();
    // Detail pages are laid out first (on paper they follow the overview) to know their numbers.
    const detail = chunks.map((chunk) => {
      const cellW = Math.min(MAX_CELL_W, USABLE_W / chunk.seats.length);
      const inner = cellW - 2 * PAD;
      const cellHeight = (p: Person | undefined) => {
        if (!p) return 9 * MM;
        doc.font('serif-bold').fontSize(NAME_PT);
        let h = BAND_H + 4.2 * MM + doc.heightOfString(vi(p.full_name), { width: inner });
        doc.font('serif').fontSize(TEXT_PT);
        const title = chartTitle(p.position);
        if (title) h += doc.heightOfString(title, { width: inner });
        doc.font('serif-italic');
        const unit = chartUnit(p);
        if (unit) h += doc.heightOfString(unit, { width: inner });
        if (roleOf(p)) h += 3.4 * MM;
        return h + PAD;
      };
      const rowHeights = Array.from({ length: layout.rows }, (_, row) =>
        Math.max(
          12 * MM,
          ...chunk.seats.map((n) => cellHeight(bySeat.get(seatAt.get(`${row}:${n}`)!.label))),
        ),
      );
      return { chunk, cellW, rowHeights };
    });
    // Rows per page: what fits under the header and the stage.
    const detailTop = MARGIN + 31 * MM;
    const detailBottom = PAGE_H - MARGIN - 6 * MM;
    const pages: { d: (typeof detail)[number]; rows: number[] }[] = [];
    for (const d of detail) {
      let rows: number[] = [];
      let used = 0;
      d.rowHeights.forEach((h, row) => {
        if (rows.length && detailTop + used + h > detailBottom) {
          pages.push({ d, rows });
          rows = [];
          used = 0;
        }
        rows.push(row);
        used += h + ROW_GAP;
      });
      if (rows.length) pages.push({ d, rows });
    }
    pages.forEach((p, i) => {
      if (!pageOfChunk.has(p.d.chunk)) pageOfChunk.set(p.d.chunk, i + 2);
    });
    const totalPages = pages.length + 1;

    // The overview.
    const width = layout.blocks.reduce((s, b) => s + b.seatsPerRow, 0);
    const aisle = 6 * MM;
    const cellW = (USABLE_W - aisle * (layout.blocks.length - 1)) / width;
    let y = header(`Toàn hội trường — trang 1/${totalPages}`);
    const gridX = (s: SeatPosition) => MARGIN + (s.number - 1) * cellW + s.block * aisle;
    y = stage(y, PAGE_W / 2 - 80 * MM, 160 * MM, 'SÂN KHẤU');
    // Block names, each with the page that shows its people.
    let number = 1;
    layout.blocks.forEach((block, b) => {
      const x = MARGIN + (number - 1) * cellW + b * aisle;
      const pagesOf = chunks
        .filter((c) => c.seats[0]! >= number && c.seats[0]! < number + block.seatsPerRow)
        .map((c) => pageOfChunk.get(c));
      doc
        .fillColor('black')
        .font('serif-bold')
        .fontSize(9)
        .text(vi(`${block.label} — chi tiết trang ${pagesOf.join(', ')}`), x, y, {
          width: block.seatsPerRow * cellW,
          align: 'center',
          lineBreak: false,
        });
      number += block.seatsPerRow;
    });
    y += 5 * MM;
    const overviewH = Math.min(11 * MM, (PAGE_H - y - 75 * MM) / layout.rows - 1 * MM);
    for (const seat of seats) {
      const x = gridX(seat);
      const top = y + seat.row * (overviewH + 1 * MM);
      const person = bySeat.get(seat.label);
      const role = roleOf(person);
      outline(x + 0.4, top, cellW - 0.8, overviewH, seat.reserved, role);
      if (person)
        band(
          doc,
          x + 0.4,
          top,
          cellW - 0.8,
          Math.min(BAND_H, overviewH / 3),
          groups.get(person.group_position)!,
        );
      doc
        .fillColor('black')
        .font('serif-bold')
        .fontSize(7)
        .text(seat.label, x + 0.5, top + overviewH / 2 - 1 * MM, {
          width: cellW - 1,
          align: 'center',
          lineBreak: false,
        });
      if (role && overviewH > 8 * MM)
        doc
          .fillColor(CHAIR_COLOUR)
          .font('serif-bold')
          .fontSize(7)
          .text(role === 'chair' ? 'CT' : 'ĐCT', x + 0.5, top + overviewH - 3.2 * MM, {
            width: cellW - 1,
            align: 'center',
            lineBreak: false,
          });
    }
    y += layout.rows * (overviewH + 1 * MM) + 4 * MM;

    // The legend: groups by colour, pattern and number; the reserved rows; the chair and the presidium.
    doc.fillColor('black').font('serif-bold').fontSize(10).text(vi('CHÚ GIẢI'), MARGIN, y);
    y = doc.y + 1.5 * MM;
    const colW = USABLE_W / 2;
    const keys = [...groups.values()];
    const legendRow = (x: number, top: number, draw: () => void, text: string) => {
      draw();
      doc
        .fillColor('black')
        .font('serif')
        .fontSize(8.5)
        .text(vi(text), x + 14 * MM, top, { width: colW - 17 * MM });
      return Math.max(doc.y, top + 5 * MM) + 1 * MM;
    };
    const half = Math.ceil(keys.length / 2);
    let left = y;
    let right = y;
    keys.forEach((key, i) => {
      const x = i < half ? MARGIN : MARGIN + colW;
      const top = i < half ? left : right;
      const next = legendRow(
        x,
        top,
        () => {
          band(doc, x, top, 12 * MM, 4 * MM, key);
          doc.rect(x + 3.5 * MM, top + 0.4 * MM, 5 * MM, 3.2 * MM).fill('white');
          doc
            .fillColor('black')
            .font('serif-bold')
            .fontSize(7.5)
            .text(String(key.number), x, top + 0.6 * MM, {
              width: 12 * MM,
              align: 'center',
              lineBreak: false,
            });
        },
        `Nhóm ${key.number}: ${key.title}`,
      );
      if (i < half) left = next;
      else right = next;
    });
    y = Math.max(left, right) + 1 * MM;
    const seatedCount = seated.length;
    const extras: [() => void, string][] = [
      [
        () =>
          doc
            .lineWidth(0.5)
            .rect(MARGIN, y, 12 * MM, 4 * MM)
            .fillAndStroke(RESERVED_FILL, RESERVED_STROKE),
        `Hàng dành cho lãnh đạo (đặt biển tên): ${layout.reservedRows} hàng đầu (${ROW_LETTERS.slice(0, layout.reservedRows).split('').join(', ') || 'không có'})`,
      ],
      [
        () =>
          doc
            .lineWidth(2)
            .rect(MARGIN + 0.6, y + 0.6, 12 * MM - 1.2, 4 * MM - 1.2)
            .stroke(CHAIR_COLOUR),
        'Viền đỏ đậm, chữ "CHỦ TRÌ" (trang 1: "CT"): người chủ trì hội nghị; viền đỏ mảnh, chữ "ĐOÀN CHỦ TỊCH" (trang 1: "ĐCT"): thành viên đoàn chủ tịch',
      ],
    ];
    for (const [draw, text] of extras) y = legendRow(MARGIN, y, draw, text);
    doc
      .fillColor('black')
      .font('serif')
      .fontSize(8.5)
      .text(
        vi(
          `Đã xếp ${seatedCount}/${seats.length} ghế. Sơ đồ nhìn từ cuối hội trường lên sân khấu; ghế đánh số từ trái sang phải, hàng A sát sân khấu.`,
        ),
        MARGIN,
        y,
        { width: USABLE_W },
      );
    footer(`Trang 1/${totalPages}`);

    // The detail pages.
    pages.forEach(({ d, rows }, i) => {
      const { chunk, cellW: w, rowHeights } = d;
      const seatsText = `ghế ${seatNo(chunk.seats[0]!)}–${seatNo(chunk.seats.at(-1)!)}`;
      const rowsText = `hàng ${ROW_LETTERS[rows[0]!]}–${ROW_LETTERS[rows.at(-1)!]}`;
      let top = header(`${chunk.label}: ${seatsText}, ${rowsText} — trang ${i + 2}/${totalPages}`);
      const gridW = w * chunk.seats.length;
      const x0 = (PAGE_W - gridW) / 2;
      top = stage(top, x0, gridW, rows[0] === 0 ? 'SÂN KHẤU (phía trước)' : 'Phía sân khấu');
      for (const row of rows) {
        const h = rowHeights[row]!;
        chunk.seats.forEach((n, c) => {
          const seat = seatAt.get(`${row}:${n}`)!;
          const x = x0 + c * w;
          const person = bySeat.get(seat.label);
          const role = roleOf(person);
          const inner = w - 2 * PAD;
          outline(x + 0.4, top, w - 0.8, h, seat.reserved, role);
          let ty = top + 1 * MM;
          if (person) {
            const key = groups.get(person.group_position)!;
            band(doc, x + 0.4, top, w - 0.8, BAND_H, key);
            ty = top + BAND_H + 0.8 * MM;
          }
          doc
            .fillColor('black')
            .font('serif-bold')
            .fontSize(TEXT_PT)
            .text(seat.label, x + PAD, ty, { width: inner, lineBreak: false });
          if (person) {
            const key = groups.get(person.group_position)!;
            doc
              .fillColor('#374151')
              .font('serif')
              .fontSize(TEXT_PT)
              .text(`Nhóm ${key.number}`, x + PAD, ty, { width: inner, align: 'right', lineBreak: false });
            doc
              .fillColor('black')
              .font('serif-bold')
              .fontSize(NAME_PT)
              .text(vi(person.full_name), x + PAD, ty + 3.4 * MM, { width: inner });
            const title = chartTitle(person.position);
            if (title)
              doc
                .font('serif')
                .fontSize(TEXT_PT)
                .text(title, x + PAD, doc.y, { width: inner });
            const unit = chartUnit(person);
            if (unit)
              doc
                .font('serif-italic')
                .fontSize(TEXT_PT)
                .text(unit, x + PAD, doc.y, { width: inner });
            if (role)
              doc
                .fillColor(CHAIR_COLOUR)
                .font('serif-bold')
                .fontSize(TEXT_PT)
                .text(roleText(role), x + PAD, top + h - 3.4 * MM, { width: inner, lineBreak: false });
          }
        });
        top += h + ROW_GAP;
      }
      footer(
        `Trang ${i + 2}/${totalPages}. Dải màu và số "Nhóm" theo chú giải ở trang 1; nền vàng: hàng dành cho lãnh đạo.`,
      );
    });
  }, `Sơ đồ chỗ ngồi — ${layout.name}`);
}
