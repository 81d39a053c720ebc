import { z } from 'zod';
import { idSchema, okSchema } from '../../shared/common';
import {
  documentPackSchema,
  MAX_PAPER_BYTES,
  PAPER_MEDIA_TYPES,
  paperSchema,
  reviewPaperSchema,
  submitPaperQuerySchema,
} from '../../shared/program';
import { scopeOf } from '../delegates/delegates.policy';
import { actorInEvent } from '../http/event-access';
import { type App, cookieAuth, type RouteDeps, sendDownload } from '../http/types';
import { getDocumentPack, getPackPaper, getPackProgramPdf } from './pack.service';
import {
  acceptedPapersZip,
  deletePaper,
  getPaperFile,
  listPapers,
  reviewPaper,
  submitPaper,
} from './papers.service';
import { canEditProgram, canReadPapers, canSubmitPapers } from './program.policy';

const tags = ['program'];
const eventParams = z.object({ eventId: idSchema });
const paperParams = eventParams.extend({ paperId: idSchema });
const tokenParams = z.object({ token: z.string().min(1).max(200) });
const binary = (description: string, mediaType: string) => ({
  200: { description, content: { [mediaType]: { schema: z.string() } } },
});
const asciiOf = (name: string) =>
  name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .replace(/[^A-Za-z0-9._-]+/g, '-');

/** A file shown in the browser (a PDF on a phone), not saved. */
function sendInline(
  reply: { type(t: string): unknown; header(k: string, v: string): unknown; send(payload: never): unknown },
  file: { buffer: Buffer; mediaType: string; name: string; inline: boolean },
) {
  reply.type(file.mediaType);
  reply.header(
    'content-disposition',
    `${file.inline ? 'inline' : 'attachment'}; filename="${asciiOf(file.name)}"; filename*=UTF-8''${encodeURIComponent(file.name)}`,
  );
  reply.header('cache-control', 'private, no-store');
  reply.send(file.buffer as never);
}

export async function papersRoutes(app: App, { handle: { db } }: RouteDeps) {
  // Papers arrive as the raw file (Word or PDF); what they are is read from their bytes by the service.
  app.addContentTypeParser(
    [PAPER_MEDIA_TYPES.pdf, PAPER_MEDIA_TYPES.docx, 'application/msword'],
    { parseAs: 'buffer', bodyLimit: MAX_PAPER_BYTES },
    (_req, body, done) => done(null, body),
  );

  app.get(
    '/api/events/:eventId/papers',
    {
      schema: {
        tags,
        summary: 'Tham luận của hội nghị (cán bộ đơn vị chỉ thấy tham luận của đơn vị mình)',
        security: cookieAuth,
        params: eventParams,
        response: { 200: z.object({ items: z.array(paperSchema) }) },
      },
    },
    async (request) => {
      const actor = await actorInEvent(db, request, canReadPapers);
      const scope = await scopeOf(db, actor, request.params.eventId);
      return { items: await listPapers(db, request.params.eventId, scope) };
    },
  );

  app.post(
    '/api/events/:eventId/papers',
    {
      // The route's own limit: above the app's 1 MB and the 10 MB of spreadsheets, whatever the Content-Type.
      bodyLimit: MAX_PAPER_BYTES,
      config: { fileBody: 'document' },
      schema: {
        tags,
        summary:
          'Gửi tham luận: nguyên tệp Word (.docx) hoặc PDF, tối đa 20 MB; tên tham luận và đơn vị ở tham số (?title=…&unitId=…)',
        security: cookieAuth,
        params: eventParams,
        querystring: submitPaperQuerySchema,
        consumes: [PAPER_MEDIA_TYPES.pdf, PAPER_MEDIA_TYPES.docx, 'application/octet-stream'],
        response: { 201: paperSchema },
      },
    },
    async (request, reply) => {
      const actor = await actorInEvent(db, request, canSubmitPapers);
      const scope = await scopeOf(db, actor, request.params.eventId);
      const paper = await submitPaper(
        db,
        actor,
        scope,
        request.params.eventId,
        request.query,
        request.body as Buffer,
      );
      reply.status(201);
      return paper;
    },
  );

  app.get(
    '/api/events/:eventId/papers/accepted.zip',
    {
      schema: {
        tags,
        summary: 'Tất cả tham luận đã duyệt trong một tệp ZIP',
        security: cookieAuth,
        params: eventParams,
        response: binary('Tệp .zip', 'application/zip'),
      },
    },
    async (request, reply) => {
      await actorInEvent(db, request, canEditProgram);
      sendDownload(reply, {
        buffer: await acceptedPapersZip(db, request.params.eventId),
        mediaType: 'application/zip',
        asciiName: 'tham-luan.zip',
        name: 'Tham luận đã duyệt.zip',
      });
    },
  );

  app.get(
    '/api/events/:eventId/papers/:paperId/file',
    {
      schema: {
        tags,
        summary: 'Tệp tham luận',
        security: cookieAuth,
        params: paperParams,
        response: binary('Tệp .docx hoặc .pdf', 'application/octet-stream'),
      },
    },
    async (request, reply) => {
      const actor = await actorInEvent(db, request, canReadPapers);
      const scope = await scopeOf(db, actor, request.params.eventId);
      const f = await getPaperFile(db, scope, request.params.eventId, request.params.paperId);
      sendInline(reply, { buffer: f.buffer, mediaType: f.mediaType, name: f.fileName, inline: false });
    },
  );

  app.post(
    '/api/events/:eventId/papers/:paperId/review',
    {
      schema: {
        tags,
        summary: 'Duyệt tham luận (và xếp vào chương trình) hoặc trả lại kèm lý do',
        security: cookieAuth,
        params: paperParams,
        body: reviewPaperSchema,
        response: { 200: paperSchema },
      },
    },
    async (request) => {
      const actor = await actorInEvent(db, request, canEditProgram);
      return reviewPaper(db, actor, request.params.eventId, request.params.paperId, request.body);
    },
  );

  app.delete(
    '/api/events/:eventId/papers/:paperId',
    {
      schema: {
        tags,
        summary: 'Rút tham luận (đơn vị: khi chưa được duyệt)',
        security: cookieAuth,
        params: paperParams,
        response: { 200: okSchema },
      },
    },
    async (request) => {
      const actor = await actorInEvent(db, request, canSubmitPapers);
      const scope = await scopeOf(db, actor, request.params.eventId);
      await deletePaper(db, actor, scope, request.params.eventId, request.params.paperId);
      return { ok: true as const };
    },
  );

  // Public: the reply link is the credential, as for the invitation itself.
  app.get(
    '/api/replies/:token/pack',
    {
      config: { public: true },
      schema: {
        tags,
        summary:
          'Tài liệu hội nghị của đại biểu qua liên kết trả lời: chương trình, báo cáo, tham luận (không cần đăng nhập)',
        params: tokenParams,
        response: { 200: documentPackSchema },
      },
    },
    async (request) => getDocumentPack(db, request.params.token),
  );

  app.get(
    '/api/replies/:token/pack/program.pdf',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'Chương trình hội nghị (.pdf) qua liên kết trả lời',
        params: tokenParams,
        response: binary('Tệp .pdf', 'application/pdf'),
      },
    },
    async (request, reply) => {
      const buffer = await getPackProgramPdf(db, request.params.token);
      sendInline(reply, {
        buffer,
        mediaType: 'application/pdf',
        name: 'Chương trình hội nghị.pdf',
        inline: true,
      });
    },
  );

  app.get(
    '/api/replies/:token/pack/papers/:paperId',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'Một tham luận đã duyệt qua liên kết trả lời',
        params: tokenParams.extend({ paperId: idSchema }),
        response: binary('Tệp .pdf hoặc .docx', 'application/octet-stream'),
      },
    },
    async (request, reply) => {
      const f = await getPackPaper(db, request.params.token, request.params.paperId);
      sendInline(reply, { buffer: f.buffer, mediaType: f.mediaType, name: f.fileName, inline: f.isPdf });
    },
  );
}
