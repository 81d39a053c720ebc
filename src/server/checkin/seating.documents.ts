import QRCode from 'qrcode';
import { GROUP_COLOURS, seatsByPrecedence, seatsOf } from '../../shared/seating';
import { foldVietnamese } from '../../shared/text';
import type { Db, Executor } from '../db/database';
import { renderPdf, vi } from '../documents/pdf';
import { conflict, notFound } from '../errors';
import { getEventById } from '../events/events.service';
import { getPresidium } from '../protocol/protocol.service';
import { badgeUrlOf } from './badge-tokens.service';
import { getLayout, SEATED_STATUSES, seatedPeople } from './seating.service';

/** The seating documents: folded placards for the reserved rows, badges (the A3 chart is seating.chart.ts). */

const MM = 72 / 25.4;
const colourOf = (position: number | null) =>
  position === null ? '#6b7280' : GROUP_COLOURS[position % GROUP_COLOURS.length]!;

/**
 * Placards (biển tên) for the reserved rows and the presidium: an A4 landscape sheet folded along the middle into
 * a tent, the name, title and unit on both faces (the upper face printed upside down so it reads from the hall
 * once folded).
 */
export async function buildPlacardsPdf(db: Executor, eventId: string): Promise<Buffer> {
  const [layout, seated, presidium] = await Promise.all([
    getLayout(db, eventId),
    seatedPeople(db, eventId),
    getPresidium(db, eventId),
  ]);
  // The presidium has placards wherever it sits (a stage table, a row kept open by hand).
  const onStage = new Set(presidium.items.map((p) => p.delegateId));
  const reserved = new Set(
    seatsOf(layout)
      .filter((s) => s.reserved)
      .map((s) => s.label),
  );
  // Printed in precedence (the chair's placard first), the order they are laid out on the tables.
  const place = new Map(seatsByPrecedence(layout).map((s, i) => [s.label, i]));
  const people = seated
    .filter((s) => reserved.has(s.seat) || onStage.has(s.id))
    .sort((a, b) => place.get(a.seat)! - place.get(b.seat)!);
  // Title and unit, unless the title already names the unit ("Chủ tịch UBND tỉnh Thanh Hóa").
  const unitLine = (p: (typeof people)[number]) => {
    const unit = p.unit_name ?? p.organization;
    return unit && !foldVietnamese(p.position ?? '').includes(foldVietnamese(unit)) ? unit : '';
  };
  if (people.length === 0)
    throw conflict('Chưa có ai được xếp vào các hàng dành cho lãnh đạo; hãy xếp chỗ trước');
  return renderPdf((doc) => {
    for (const p of people) {
      doc.addPage({ size: 'A4', layout: 'landscape', margin: 0 });
      const { width, height } = doc.page;
      const half = height / 2;
      doc
        .lineWidth(0.3)
        .dash(3, { space: 3 })
        .moveTo(10 * MM, half)
        .lineTo(width - 10 * MM, half)
        .stroke('#9ca3af')
        .undash();
      const face = (y: number) => {
        doc
          .fillColor('black')
          .font('serif-bold')
          .fontSize(p.full_name.length > 22 ? 44 : 54)
          .text(vi(p.full_name), 15 * MM, y + 22 * MM, {
            width: width - 30 * MM,
            align: 'center',
            lineBreak: false,
            ellipsis: true,
          });
        doc
          .font('serif')
          .fontSize(22)
          .text(vi(p.position ?? ''), 15 * MM, y + 50 * MM, {
            width: width - 30 * MM,
            align: 'center',
            lineBreak: false,
            ellipsis: true,
          });
        doc.fontSize(18).text(vi(unitLine(p)), 15 * MM, y + 62 * MM, {
          width: width - 30 * MM,
          align: 'center',
          lineBreak: false,
          ellipsis: true,
        });
        doc
          .font('serif')
          .fontSize(9)
          .fillColor('#6b7280')
          .text(p.seat, width - 30 * MM, y + half - 10 * MM, { width: 20 * MM, align: 'right' });
      };
      doc.save();
      doc.rotate(180, { origin: [width / 2, half / 2] });
      face(0);
      doc.restore();
      face(half);
    }
  }, 'Biển tên đại biểu');
}

/**
 * Badges (thẻ đại biểu), eight a page (2 × 4 cards of 90 × 60 mm): a band in the group's colour, name, position,
 * unit, seat and the delegate's QR code: their badge code (`publicUrl`/c/…), which the reception scans and which
 * opens no reply page. `tokensOf` gives the codes: issued where missing (POST) or only re-derived (GET).
 */
export async function buildBadgesPdf(
  db: Db,
  eventId: string,
  publicUrl: string,
  delegateId: string | undefined,
  tokensOf: (delegateIds: string[]) => Promise<Map<string, string>>,
): Promise<Buffer> {
  const event = await getEventById(db, eventId);
  let query = db
    .selectFrom('delegates as d')
    .leftJoin('composition_groups as g', 'g.id', 'd.group_id')
    .leftJoin('seat_assignments as s', (j) =>
      j.onRef('s.delegate_id', '=', 'd.id').onRef('s.event_id', '=', 'd.event_id'),
    )
    .select([
      'd.id',
      'd.full_name',
      'd.position',
      'd.organization',
      'g.title as group_title',
      'g.position as group_position',
      's.seat',
    ])
    .where('d.event_id', '=', eventId)
    .where('d.status', 'in', SEATED_STATUSES)
    .orderBy('d.protocol_key')
    .orderBy('d.id');
  if (delegateId) query = query.where('d.id', '=', delegateId);
  const people = await query.execute();
  if (people.length === 0)
    throw notFound(
      delegateId ? 'đại biểu (hoặc đại biểu đã từ chối, đã được thay)' : 'đại biểu nào để in thẻ',
    );
  const tokens = await tokensOf(people.map((p) => p.id));
  const qrs = await Promise.all(
    people.map((p) =>
      QRCode.toBuffer(badgeUrlOf(publicUrl, tokens.get(p.id)!), {
        type: 'png',
        errorCorrectionLevel: 'M',
        margin: 1,
        scale: 4,
      }),
    ),
  );
  return renderPdf((doc) => {
    const cardW = 90 * MM;
    const cardH = 60 * MM;
    // Two cards side by side, centred on the A4 width (210 mm).
    const left = (210 * MM) / 2 - cardW - 3 * MM;
    people.forEach((p, i) => {
      if (i % 8 === 0) doc.addPage({ size: 'A4', margin: 0 });
      const x = i % 2 === 0 ? left : left + cardW + 6 * MM;
      const y = 15 * MM + Math.floor((i % 8) / 2) * (cardH + 7 * MM);
      const colour = colourOf(p.group_position);
      doc.lineWidth(0.5).rect(x, y, cardW, cardH).stroke('#9ca3af');
      doc.rect(x, y, cardW, 9 * MM).fill(colour);
      doc
        .fillColor('white')
        .font('serif-bold')
        .fontSize(10)
        .text(vi('ĐẠI BIỂU'), x + 3 * MM, y + 2.6 * MM, {
          width: cardW - 6 * MM,
          align: 'center',
          lineBreak: false,
        });
      doc
        .fillColor('black')
        .font('serif')
        .fontSize(7)
        .text(vi(event.name), x + 3 * MM, y + 11 * MM, {
          width: cardW - 6 * MM,
          align: 'center',
          height: 7 * MM,
          ellipsis: true,
        });
      const textW = cardW - 34 * MM;
      doc
        .font('serif-bold')
        .fontSize(p.full_name.length > 20 ? 12 : 14)
        .text(vi(p.full_name), x + 3 * MM, y + 20 * MM, { width: textW, lineBreak: false, ellipsis: true });
      doc
        .font('serif')
        .fontSize(8.5)
        .text(vi(p.position ?? ''), x + 3 * MM, y + 27 * MM, {
          width: textW,
          height: 8 * MM,
          ellipsis: true,
        });
      doc.text(vi(p.organization ?? ''), x + 3 * MM, y + 35 * MM, {
        width: textW,
        height: 8 * MM,
        ellipsis: true,
      });
      doc
        .fillColor(colour)
        .font('serif-bold')
        .fontSize(8)
        .text(vi(p.group_title ?? ''), x + 3 * MM, y + 44 * MM, {
          width: textW,
          height: 7 * MM,
          ellipsis: true,
        });
      doc
        .fillColor('black')
        .font('serif-bold')
        .fontSize(11)
        .text(vi(p.seat ? `Ghế ${p.seat}` : 'Ghế: tự do'), x + 3 * MM, y + cardH - 8 * MM, {
          width: textW,
          lineBreak: false,
        });
      doc.image(qrs[i]!, x + cardW - 30 * MM, y + 20 * MM, { width: 27 * MM });
    });
  }, `Thẻ đại biểu — ${event.name}`);
}
