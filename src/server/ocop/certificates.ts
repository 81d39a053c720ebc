import type { Event } from '../../shared/events';
import { formatCalendarDate } from '../../shared/format';
import type { CertificateTemplate, Product } from '../../shared/ocop';
import { recordAudit } from '../audit/audit.service';
import type { Actor } from '../auth/actor';
import type { Db, Executor } from '../db/database';
import { agencyLines, issuerPlace, placeDateLine } from '../documents/official-docx';
import { renderPdf, vi } from '../documents/pdf';
import { AppError } from '../errors';
import { getEventById } from '../events/events.service';
import { nowIso } from '../util';

/** The wording an event's certificates start with, from its plan: the province's people's committee signs. */
export function defaultCertificateTemplate(event: Event): CertificateTemplate {
  const issuer = event.planIssuer ?? event.hostName ?? 'UBND tỉnh';
  return {
    issuer,
    title: 'GIẤY CHỨNG NHẬN',
    subtitle: 'SẢN PHẨM OCOP',
    intro: 'Chứng nhận sản phẩm',
    place: issuerPlace(issuer) || '……',
    signerAuthority: event.planSignerAuthority ?? null,
    signerTitle: event.planSignerTitle ?? 'CHỦ TỊCH',
    signerName: event.planSignerName ?? '……',
    issueDate: null,
    decisions: [],
  };
}

/** "UBND tỉnh Thanh Hóa" → "tỉnh Thanh Hóa": the province an address ends with. */
export function provinceOf(issuer: string): string | null {
  const m = /(?:^|\s)(tỉnh|thành phố)\s+(.+)$/iu.exec(issuer);
  return m ? `${m[1]!.toLocaleLowerCase('vi')} ${m[2]}` : null;
}

/**
 * The signature a certificate carries: its decision's signer when the template lists it; the template's signer
 * for a decision of the event's own year (or none); for an older decision nobody is guessed and the name is
 * left for the clerk.
 */
export function signerFor(
  template: CertificateTemplate,
  product: Pick<Product, 'decisionNumber' | 'decisionDate'>,
  eventYear: number,
): { authority: string | null; title: string | null; name: string | null } {
  const listed = product.decisionNumber
    ? template.decisions.find((d) => d.number.trim() === product.decisionNumber!.trim())
    : undefined;
  if (listed)
    return { authority: listed.signerAuthority, title: listed.signerTitle, name: listed.signerName };
  const year = product.decisionDate ? Number(product.decisionDate.slice(0, 4)) : eventYear;
  if (year === eventYear)
    return { authority: template.signerAuthority, title: template.signerTitle, name: template.signerName };
  return { authority: null, title: null, name: null };
}

/** Certificates that would print "Số: ………": printing them needs the caller's explicit yes. */
export function assertCertificatesNumbered(products: Product[], allowBlankNumber: boolean): void {
  const blank = products.filter((p) => !p.certificateNumber?.trim());
  if (blank.length === 0 || allowBlankNumber) return;
  throw new AppError(
    'CERTIFICATE_NUMBER_MISSING',
    `${blank.length}/${products.length} giấy chứng nhận chưa có số (Số: ………). Nhập số giấy chứng nhận cho sản phẩm, hoặc xác nhận in để trống số cho văn thư ghi tay.`,
    blank.slice(0, 50).map((p) => ({ field: p.id, message: p.name })),
  );
}

export async function getCertificateTemplate(db: Executor, eventId: string): Promise<CertificateTemplate> {
  const event = await getEventById(db, eventId);
  const stored = await db
    .selectFrom('certificate_templates')
    .select('template_json')
    .where('event_id', '=', eventId)
    .executeTakeFirst();
  // Templates saved before decisions had their signers carry none.
  return stored
    ? ({
        decisions: [],
        ...(JSON.parse(stored.template_json) as Partial<CertificateTemplate>),
      } as CertificateTemplate)
    : defaultCertificateTemplate(event);
}

export async function saveCertificateTemplate(
  db: Db,
  actor: Actor,
  eventId: string,
  template: CertificateTemplate,
): Promise<CertificateTemplate> {
  return db.transaction().execute(async (trx) => {
    const before = await getCertificateTemplate(trx, eventId);
    const values = { event_id: eventId, template_json: JSON.stringify(template), updated_at: nowIso() };
    await trx
      .insertInto('certificate_templates')
      .values(values)
      .onConflict((oc) =>
        oc
          .column('event_id')
          .doUpdateSet({ template_json: values.template_json, updated_at: values.updated_at }),
      )
      .execute();
    await recordAudit(trx, actor, {
      eventId,
      entity: 'certificate_template',
      entityId: eventId,
      action: 'update',
      before,
      after: template,
    });
    return template;
  });
}

const MM = 72 / 25.4;
const RED = '#8b1a1a';
const GOLD = '#b8860b';

/** A five-pointed star as a polygon around (cx, cy). */
function starPoints(cx: number, cy: number, outer: number): [number, number][] {
  const inner = outer * 0.4;
  return Array.from({ length: 10 }, (_, i) => {
    const r = i % 2 === 0 ? outer : inner;
    const a = -Math.PI / 2 + (i * Math.PI) / 5;
    return [cx + r * Math.cos(a), cy + r * Math.sin(a)] as [number, number];
  });
}

function drawBorder(doc: PDFKit.PDFDocument): void {
  const { width, height } = doc.page;
  const m = 10 * MM;
  doc.save();
  doc
    .lineWidth(4)
    .strokeColor(RED)
    .rect(m, m, width - 2 * m, height - 2 * m)
    .stroke();
  doc
    .lineWidth(1)
    .strokeColor(GOLD)
    .rect(m + 5, m + 5, width - 2 * m - 10, height - 2 * m - 10)
    .stroke();
  doc
    .lineWidth(0.6)
    .dash(2, { space: 2 })
    .rect(m + 9, m + 9, width - 2 * m - 18, height - 2 * m - 18)
    .stroke()
    .undash();
  // Corner ornaments: a gold diamond in a red square at each corner.
  for (const [x, y] of [
    [m, m],
    [width - m, m],
    [m, height - m],
    [width - m, height - m],
  ] as [number, number][]) {
    doc
      .fillColor(RED)
      .rect(x - 9, y - 9, 18, 18)
      .fill();
    doc
      .fillColor(GOLD)
      .polygon([x, y - 7], [x + 7, y], [x, y + 7], [x - 7, y])
      .fill();
  }
  doc.restore();
}

/** "UBND xã Thạch Bình", "Huyện Thạch Thành" → "xã Thạch Bình, huyện Thạch Thành, tỉnh Thanh Hóa". */
function producerAddress(p: Product, province: string | null): string {
  const local =
    p.producerAddress ??
    [p.communeName, p.districtName]
      .filter((n): n is string => !!n)
      .map((n) => n.replace(/^(UBND|Ủy ban nhân dân)\s+/iu, ''))
      .map((n) => n.charAt(0).toLocaleLowerCase('vi') + n.slice(1))
      .join(', ');
  if (!local || !province) return local;
  // "…, huyện Thạch Thành, tỉnh Thanh Hóa": the province closes the address, once.
  return local.toLocaleLowerCase('vi').includes(province.toLocaleLowerCase('vi'))
    ? local
    : `${local}, ${province}`;
}

/**
 * The certificates as one A4 landscape PDF, a page each: border, issuing authority and number, product, producer
 * and address, group, stars, the decision, validity, and the signature block from the event's template.
 */
export function buildCertificatesPdf(
  template: CertificateTemplate,
  products: Product[],
  eventYear: number,
): Promise<Buffer> {
  const agency = agencyLines(template.issuer).map((l) => vi(l.toLocaleUpperCase('vi')));
  const issuerName = vi(template.issuer);
  const province = provinceOf(template.issuer);
  return renderPdf((doc) => {
    for (const p of products) {
      doc.addPage({ size: 'A4', layout: 'landscape', margin: 0 });
      drawBorder(doc);
      const { width, height } = doc.page;
      const left = 22 * MM;
      const inner = width - 2 * left;
      const col = inner * 0.42;
      const top = 20 * MM;

      doc.fillColor('black').font('serif').fontSize(12);
      agency.forEach((line, i) => {
        doc
          .font(i === agency.length - 1 ? 'serif-bold' : 'serif')
          .text(line, left, top + i * 15, { width: col, align: 'center' });
      });
      const rule = top + agency.length * 15 + 3;
      doc
        .lineWidth(0.7)
        .moveTo(left + col / 2 - 30, rule)
        .lineTo(left + col / 2 + 30, rule)
        .stroke();
      doc
        .font('serif')
        .fontSize(12)
        .text(vi(`Số: ${p.certificateNumber ?? '………'}`), left, rule + 6, { width: col, align: 'center' });
      const right = left + inner - col - 20 * MM;
      const rightWidth = col + 20 * MM;
      doc
        .font('serif-bold')
        .fontSize(12)
        .text(vi('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'), right, top, { width: rightWidth, align: 'center' });
      doc
        .fontSize(13)
        .text(vi('Độc lập - Tự do - Hạnh phúc'), right, top + 15, { width: rightWidth, align: 'center' });
      doc
        .moveTo(right + rightWidth / 2 - 80, top + 32)
        .lineTo(right + rightWidth / 2 + 80, top + 32)
        .stroke();

      let y = 50 * MM;
      doc
        .fillColor(RED)
        .font('serif-bold')
        .fontSize(34)
        .text(vi(template.title), left, y, { width: inner, align: 'center' });
      doc.fontSize(22).text(vi(template.subtitle), left, doc.y + 2, { width: inner, align: 'center' });
      y = doc.y + 8;
      const stars = p.stars ?? 0;
      const size = 11;
      const startX = width / 2 - ((5 - 1) * size * 2.6) / 2;
      for (let i = 0; i < 5; i++) {
        const pts = starPoints(startX + i * size * 2.6, y + size, size);
        doc.polygon(...pts);
        if (i < stars) doc.fillColor(GOLD).fill();
        else doc.lineWidth(0.8).strokeColor(GOLD).stroke();
      }
      y += size * 2 + 12;

      doc
        .fillColor('black')
        .font('serif')
        .fontSize(15)
        .text(vi(`${template.intro}:`), left, y, { width: inner, align: 'center' });
      doc
        .fillColor(RED)
        .font('serif-bold')
        .fontSize(24)
        .text(vi(p.name), left, doc.y + 2, { width: inner, align: 'center' });
      doc.fillColor('black').moveDown(0.3);
      const blockX = width * 0.2;
      const blockWidth = width * 0.6;
      const line = (label: string, value: string) => {
        doc.font('serif').fontSize(14).text(vi(label), blockX, doc.y, { continued: true, width: blockWidth });
        doc.font('serif-bold').text(vi(value));
      };
      line('Chủ thể: ', p.producerName);
      const address = producerAddress(p, province);
      if (address) line('Địa chỉ: ', address);
      line('Nhóm sản phẩm: ', p.subGroup ? `${p.groupName} – ${p.subGroup}` : p.groupName);
      line('Đạt hạng: ', stars ? `${stars} sao` : '……');
      doc
        .font('serif-italic')
        .fontSize(14)
        .text(
          vi(
            `Theo Quyết định số ${p.decisionNumber ?? '……/QĐ-UBND'} ngày ${p.decisionDate ? formatCalendarDate(p.decisionDate) : '……'} của ${issuerName}.`,
          ),
          blockX,
          doc.y,
          { width: blockWidth },
        );
      doc
        .font('serif')
        .text(
          vi(
            `Giấy chứng nhận có giá trị đến ngày ${p.validUntil ? formatCalendarDate(p.validUntil) : '……'}.`,
          ),
          blockX,
          doc.y,
          { width: blockWidth },
        );

      const signX = width / 2 + 10 * MM;
      const signWidth = width - signX - left;
      let sy = Math.max(doc.y + 6, height - 62 * MM);
      // The certificate is dated and signed as its decision was.
      const date = p.decisionDate ?? template.issueDate;
      const signer = signerFor(template, p, eventYear);
      doc
        .font('serif-italic')
        .fontSize(13)
        .text(vi(placeDateLine(template.place, date, p.evaluationYear ?? eventYear)), signX, sy, {
          width: signWidth,
          align: 'center',
        });
      sy = doc.y + 2;
      doc.font('serif-bold').fontSize(13);
      for (const l of [signer.authority, signer.title ?? '……'].filter((v): v is string => !!v)) {
        doc.text(vi(l.toLocaleUpperCase('vi')), signX, sy, { width: signWidth, align: 'center' });
        sy = doc.y;
      }
      doc.text(vi(signer.name ?? '……………………'), signX, Math.min(sy + 55, height - 22 * MM), {
        width: signWidth,
        align: 'center',
      });
    }
  }, 'Giấy chứng nhận sản phẩm OCOP');
}
