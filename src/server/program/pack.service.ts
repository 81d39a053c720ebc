import { type DocumentPack, PAPER_MEDIA_TYPES } from '../../shared/program';
import type { Executor } from '../db/database';
import { notFound } from '../errors';
import { getEventById } from '../events/events.service';
import { resolveReplyLink } from '../replies/replies.service';
import { listPapers } from './papers.service';
import { programPdf } from './program.documents';
import { findPaperFile } from './program.repository';
import { getProgram } from './program.service';

// The delegate's document pack behind their reply link: the program, the summary report and the accepted papers,
// readable on a phone without signing in. Only what a printed pack holds: no other person's data (speakers are
// named by their post, as printed programs name them).

export async function getDocumentPack(db: Executor, token: string): Promise<DocumentPack> {
  const { eventId } = await resolveReplyLink(db, token);
  const [event, program, papers] = await Promise.all([
    getEventById(db, eventId),
    getProgram(db, eventId),
    listPapers(db, eventId),
  ]);
  const reportItems = new Set(
    program.items
      .flatMap((i) => [i, ...i.children])
      .filter((i) => i.kind === 'report')
      .map((i) => i.id),
  );
  const base = `/api/replies/${encodeURIComponent(token)}/pack`;
  return {
    eventName: event.name,
    program: program.items.flatMap((item) =>
      [item, ...item.children].map((i) => ({
        title: i.title.replace(/^\+\s*/, ''),
        startsAt: i.startsAt,
        endsAt: i.endsAt,
        level: i === item ? 0 : 1,
        presenters: i.presenters.map((p) => p.detail ?? (p.unitId ? p.name : 'Đại biểu')),
      })),
    ),
    documents: [
      {
        id: 'program',
        kind: 'program',
        title: `Chương trình ${event.name}`,
        unitName: null,
        path: `${base}/program.pdf`,
      },
      ...papers
        .filter((p) => p.status === 'accepted')
        .sort(
          (a, b) =>
            Number(reportItems.has(b.programItemId ?? '')) - Number(reportItems.has(a.programItemId ?? '')),
        )
        .map((p) => ({
          id: p.id,
          kind: (reportItems.has(p.programItemId ?? '') ? 'report' : 'paper') as 'report' | 'paper',
          title: p.title,
          unitName: p.unitName,
          path: `${base}/papers/${p.id}`,
        })),
    ],
  };
}

export async function getPackProgramPdf(db: Executor, token: string): Promise<Buffer> {
  const { eventId } = await resolveReplyLink(db, token);
  return programPdf(await getEventById(db, eventId), await getProgram(db, eventId));
}

/** An accepted paper's file through the link; any other paper is unknown here. */
export async function getPackPaper(db: Executor, token: string, paperId: string) {
  const { eventId } = await resolveReplyLink(db, token);
  const file = await findPaperFile(db, eventId, paperId);
  if (file?.status !== 'accepted') throw notFound('Tài liệu');
  return {
    buffer: Buffer.from(file.data_base64, 'base64'),
    mediaType: file.media_type,
    fileName: file.file_name,
    isPdf: file.media_type === PAPER_MEDIA_TYPES.pdf,
  };
}
