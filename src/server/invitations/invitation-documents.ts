import {
  AlignmentType,
  BorderStyle,
  convertMillimetersToTwip,
  ImageRun,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  WidthType,
} from 'docx';
import JSZip from 'jszip';
import type { InvitationTemplate } from '../../shared/invitations';
import {
  centered,
  documentTitle,
  headerTable,
  officialDocument,
  para,
  run,
} from '../documents/official-docx';
import { renderPdf, vi } from '../documents/pdf';
import type { Letter } from './invitations.service';

/** "- Như trên;" … "- Lưu: VT, VPĐP.": each line with its dash, the last closed with a full stop. */
export const recipientLines = (recipients: string[]) =>
  recipients.map((r, i) => `- ${r.replace(/[;.]+$/, '')}${i === recipients.length - 1 ? '.' : ';'}`);

/** The signature block's upper lines: "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH". */
export const signatureLines = (template: InvitationTemplate) =>
  [template.signerBody, template.signerAuthority, template.signerTitle]
    .filter((l) => l.trim())
    .map((l) => l.toLocaleUpperCase('vi'));

const NO_BORDER = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const NO_BORDERS = {
  top: NO_BORDER,
  bottom: NO_BORDER,
  left: NO_BORDER,
  right: NO_BORDER,
  insideHorizontal: NO_BORDER,
  insideVertical: NO_BORDER,
};

/**
 * "Nơi nhận" (bold italic 12, lines 11) at the left, the signature at the right: the body's "TM." above the
 * signer's authority and title (bold 13), room for signature and seal, then the name.
 */
function letterClosing(template: InvitationTemplate): Table {
  const left = [
    new Paragraph({ children: [run('Nơi nhận:', { bold: true, italics: true, size: 24 })] }),
    ...recipientLines(template.recipients).map(
      (line) => new Paragraph({ children: [run(line, { size: 22 })] }),
    ),
  ];
  const right = [
    ...signatureLines(template).map((line) => centered([run(line, { bold: true, size: 26 })])),
    ...[1, 2, 3, 4].map(() => centered([])),
    ...(template.signerName ? [centered([run(template.signerName, { bold: true, size: 28 })])] : []),
  ];
  const total = convertMillimetersToTwip(165);
  const widths = [Math.round(total * 0.45), total - Math.round(total * 0.45)];
  const cell = (children: Paragraph[], size: number) =>
    new TableCell({ width: { size, type: WidthType.DXA }, borders: NO_BORDERS, children });
  return new Table({
    width: { size: total, type: WidthType.DXA },
    columnWidths: widths,
    borders: NO_BORDERS,
    rows: [new TableRow({ children: [cell(left, widths[0]!), cell(right, widths[1]!)] })],
  });
}

/** The template's logo as bytes and kind, or null. */
function logoOf(template: InvitationTemplate): { data: Buffer; type: 'png' | 'jpg' } | null {
  const m = template.logo ? /^data:image\/(png|jpeg);base64,(.+)$/.exec(template.logo) : null;
  return m ? { data: Buffer.from(m[2]!, 'base64'), type: m[1] === 'png' ? 'png' : 'jpg' } : null;
}

/** QĐ 45/2018 asks for the program or where to read it: the reply page shows it. */
export const QR_CAPTION = 'Xem chương trình hội nghị và xác nhận tham dự: quét mã QR hoặc mở';

/** One Giấy mời in the ND 30/2020 layout, with the reply QR code. */
export function buildLetterDocx(
  template: InvitationTemplate,
  letter: Letter,
  eventName: string,
): Promise<Buffer> {
  const logo = logoOf(template);
  const body = [
    ...(logo
      ? [
          new Paragraph({
            alignment: AlignmentType.LEFT,
            children: [
              new ImageRun({ type: logo.type, data: logo.data, transformation: { width: 48, height: 48 } }),
            ],
          }),
        ]
      : []),
    headerTable({
      agencyLines: template.agencyLines,
      numberLine: letter.numberText,
      placeDateLine: letter.dateLine,
    }),
    ...documentTitle('Giấy mời', `Dự ${eventName}`),
    centered([run('Kính gửi: ', { italics: true }), run(letter.recipient, { bold: true })], {
      spacing: { after: 240 },
    }),
    para(letter.body),
    ...letter.details.map((line) => para(line)),
    para([run('- Thời gian: ', { bold: true }), run(letter.time)]),
    para([run('- Địa điểm: ', { bold: true }), run(letter.venue || '……')]),
    ...(letter.bring ? [para(letter.bring)] : []),
    ...(letter.contact ? [para(letter.contact)] : []),
    ...(letter.qrPng
      ? [
          new Paragraph({
            alignment: AlignmentType.LEFT,
            spacing: { before: 120 },
            children: [
              new ImageRun({ type: 'png', data: letter.qrPng, transformation: { width: 96, height: 96 } }),
              run(`  ${QR_CAPTION} ${letter.replyUrl}`, { size: 20, italics: true }),
            ],
          }),
        ]
      : []),
    letterClosing(template),
  ];
  return officialDocument(body, `Giấy mời ${letter.numberText} — ${letter.recipientName}`);
}

/** The letters as one ZIP of DOCX files, one per person, named by register number and name. */
export async function buildLettersZip(
  template: InvitationTemplate,
  letters: Letter[],
  eventName: string,
  onProgress?: Progress,
) {
  const zip = new JSZip();
  for (const [i, letter] of letters.entries()) {
    if (onProgress && i % 10 === 0) await onProgress(i);
    zip.file(`${letter.fileName}.docx`, await buildLetterDocx(template, letter, eventName));
  }
  await onProgress?.(letters.length);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'STORE' });
}

/** Told how many letters are done; awaited, so a long batch also lets other requests through. */
export type Progress = (done: number) => Promise<void> | void;

const MM = 72 / 25.4;

/** The letters as one PDF, a page each, drawn directly (Tinos embedded), for printing and sending. */
export function buildLettersPdf(
  template: InvitationTemplate,
  letters: Letter[],
  eventName: string,
  onProgress?: Progress,
): Promise<Buffer> {
  const logo = logoOf(template);
  return renderPdf(async (doc) => {
    for (const [i, letter] of letters.entries()) {
      if (onProgress && i % 10 === 0) await onProgress(i);
      doc.addPage({ size: 'A4', margins: { top: 20 * MM, bottom: 20 * MM, left: 30 * MM, right: 15 * MM } });
      const left = 30 * MM;
      const width = doc.page.width - left - 15 * MM;
      const leftCol = width * 0.4;
      const rightCol = width - leftCol;
      const top = 20 * MM;
      // The logo sits in the top margin, left of the agency name.
      if (logo) doc.image(logo.data, left, 5 * MM, { height: 13 * MM });
      doc.font('serif').fontSize(12);
      template.agencyLines.forEach((line, i) => {
        doc
          .font(i === template.agencyLines.length - 1 ? 'serif-bold' : 'serif')
          .text(vi(line), left, top + i * 15, { width: leftCol, align: 'center' });
      });
      const below = top + template.agencyLines.length * 15 + 4;
      doc
        .moveTo(left + leftCol / 2 - 30, below)
        .lineTo(left + leftCol / 2 + 30, below)
        .stroke();
      doc
        .font('serif')
        .fontSize(13)
        .text(vi(letter.numberText), left, below + 6, { width: leftCol, align: 'center' });
      doc
        .font('serif-bold')
        .fontSize(12)
        .text(vi('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'), left + leftCol, top, {
          width: rightCol,
          align: 'center',
        });
      doc.fontSize(13).text(vi('Độc lập - Tự do - Hạnh phúc'), left + leftCol, top + 15, {
        width: rightCol,
        align: 'center',
      });
      const motto = top + 32;
      doc
        .moveTo(left + leftCol + rightCol / 2 - 80, motto)
        .lineTo(left + leftCol + rightCol / 2 + 80, motto)
        .stroke();
      doc
        .font('serif-italic')
        .fontSize(13)
        .text(vi(letter.dateLine), left + leftCol, motto + 6, {
          width: rightCol,
          align: 'center',
        });

      doc
        .font('serif-bold')
        .fontSize(14)
        .text(vi('GIẤY MỜI'), left, top + 90, { width, align: 'center' });
      doc.text(vi(`Dự ${eventName}`), { width, align: 'center' });
      doc.moveDown(0.8);
      // As in the DOCX: "Kính gửi:" italic, the recipient bold, centred together on one line when they fit.
      const label = vi('Kính gửi: ');
      const who = vi(letter.recipient);
      const labelWidth = doc.font('serif-italic').fontSize(14).widthOfString(label);
      const whoWidth = doc.font('serif-bold').widthOfString(who);
      const lineTop = doc.y;
      if (labelWidth + whoWidth <= width) {
        const x = left + (width - labelWidth - whoWidth) / 2;
        doc.font('serif-italic').text(label, x, lineTop, { lineBreak: false });
        doc.font('serif-bold').text(who, x + labelWidth, lineTop, { lineBreak: false });
        doc.x = left;
        doc.y = lineTop + doc.currentLineHeight(true);
      } else {
        doc.font('serif-italic').text(label, left, lineTop, { width, continued: true });
        doc.font('serif-bold').text(who, { width });
      }
      doc.moveDown(0.8);
      const paragraph = { width, align: 'justify' as const, indent: 10 * MM, paragraphGap: 6 };
      doc.font('serif').fontSize(14).text(vi(letter.body), left, doc.y, paragraph);
      for (const line of letter.details) doc.text(vi(line), paragraph);
      doc.font('serif-bold').text(vi('- Thời gian: '), { ...paragraph, continued: true });
      doc.font('serif').text(vi(letter.time));
      doc.font('serif-bold').text(vi('- Địa điểm: '), { ...paragraph, continued: true });
      doc.font('serif').text(vi(letter.venue || '……'));
      if (letter.bring) doc.text(vi(letter.bring), paragraph);
      if (letter.contact) doc.text(vi(letter.contact), paragraph);
      const qrTop = doc.y + 6;
      if (letter.qrPng) {
        doc.image(letter.qrPng, left, qrTop, { width: 26 * MM });
        doc
          .font('serif-italic')
          .fontSize(10)
          .text(vi(`${QR_CAPTION}\n${letter.replyUrl}`), left + 29 * MM, qrTop + 8, {
            width: width - 29 * MM,
          });
      }
      const closing = qrTop + (letter.qrPng ? 30 : 6) * MM;
      const leftW = width * 0.45;
      doc.font('serif-bold-italic').fontSize(12).text(vi('Nơi nhận:'), left, closing, { width: leftW });
      doc
        .font('serif')
        .fontSize(11)
        .text(vi(recipientLines(template.recipients).join('\n')), left, doc.y, { width: leftW });
      const signX = left + leftW;
      const signW = width - leftW;
      doc.font('serif-bold').fontSize(13);
      let y = closing;
      for (const line of signatureLines(template)) {
        doc.text(vi(line), signX, y, { width: signW, align: 'center' });
        y = doc.y;
      }
      if (template.signerName)
        doc.fontSize(14).text(vi(template.signerName), signX, y + 70, { width: signW, align: 'center' });
    }
    await onProgress?.(letters.length);
  }, `Giấy mời dự ${eventName}`);
}
