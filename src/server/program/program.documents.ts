import type { Event } from '../../shared/events';
import { formatDate, formatTime } from '../../shared/format';
import type { Program, ProgramItem } from '../../shared/program';
import {
  agencyLines,
  centered,
  documentTitle,
  headerTable,
  issuerPlace,
  listTable,
  officialDocument,
  placeDateLine,
  run,
} from '../documents/official-docx';
import { renderPdf, vi } from '../documents/pdf';

// The program as a document: "Chương trình hội nghị" in the ND 30/2020 layout (DOCX) and as a PDF for phones.

const MM = 72 / 25.4;

const clean = (title: string) => title.replace(/^\+\s*/, '').replace(/[;.]$/, '');

function rowsOf(program: Program): { time: string; title: string; who: string; level: number }[] {
  const rows: { time: string; title: string; who: string; level: number }[] = [];
  const add = (item: ProgramItem, level: number) => {
    rows.push({
      time: `${formatTime(item.startsAt)} - ${formatTime(item.endsAt)}`,
      title: level ? `- ${clean(item.title)}` : clean(item.title),
      who: item.presenters.map((p) => p.detail ?? p.name).join('; '),
      level,
    });
    for (const child of item.children) add(child, level + 1);
  };
  for (const item of program.items) add(item, 0);
  return rows;
}

export async function programDocx(event: Event, program: Program): Promise<Buffer> {
  const year = new Date(event.startsAt).getUTCFullYear();
  const rows = rowsOf(program);
  return officialDocument(
    [
      headerTable({
        agencyLines: agencyLines(event.planIssuer ?? event.hostName),
        numberLine: '',
        placeDateLine: placeDateLine(issuerPlace(event.planIssuer ?? event.hostName) || '……', null, year),
      }),
      ...documentTitle('CHƯƠNG TRÌNH', event.name),
      centered(
        [
          run(
            `Thời gian: ${formatTime(event.startsAt)} - ${formatTime(event.endsAt)}, ngày ${formatDate(event.startsAt)}${event.venueName ? `; địa điểm: ${event.venueName}` : ''}`,
            { italics: true },
          ),
        ],
        { spacing: { after: 240 } },
      ),
      listTable(
        [
          { label: 'Thời gian', share: 18 },
          { label: 'Nội dung', share: 52 },
          { label: 'Thực hiện', share: 30 },
        ],
        [{ title: null, rows: rows.map((r) => [r.time, r.title, r.who]) }],
      ),
    ],
    `Chương trình ${event.name}`,
  );
}

export async function programPdf(event: Event, program: Program): Promise<Buffer> {
  const rows = rowsOf(program);
  return renderPdf((doc) => {
    doc.addPage({ size: 'A4', margins: { top: 20 * MM, bottom: 20 * MM, left: 25 * MM, right: 15 * MM } });
    const left = 25 * MM;
    const width = doc.page.width - left - 15 * MM;
    doc.font('serif-bold').fontSize(14).text(vi('CHƯƠNG TRÌNH'), left, undefined, { width, align: 'center' });
    doc.font('serif-bold').fontSize(13).text(vi(event.name), { width, align: 'center' });
    doc
      .font('serif-italic')
      .fontSize(12)
      .text(
        vi(
          `${formatTime(event.startsAt)} - ${formatTime(event.endsAt)}, ngày ${formatDate(event.startsAt)}${event.venueName ? ` — ${event.venueName}` : ''}`,
        ),
        { width, align: 'center' },
      );
    doc.moveDown();
    const timeW = 32 * MM;
    for (const r of rows) {
      if (doc.y > doc.page.height - 40 * MM) doc.addPage();
      const y = doc.y;
      doc.font(r.level ? 'serif' : 'serif-bold').fontSize(12);
      doc.text(vi(r.time), left, y, { width: timeW });
      doc.text(vi(r.title), left + timeW + (r.level ? 6 * MM : 0), y, {
        width: width - timeW - (r.level ? 6 * MM : 0),
      });
      if (r.who)
        doc
          .font('serif-italic')
          .fontSize(11)
          .text(vi(r.who), left + timeW + (r.level ? 6 * MM : 0));
      doc.moveDown(0.4);
    }
  }, `Chương trình ${event.name}`);
}
