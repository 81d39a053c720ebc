import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { idSchema } from '../../shared/common';
import {
  documentJobSchema,
  invitationBatchQuerySchema,
  invitationRegisterEntrySchema,
  invitationSendResultSchema,
  invitationTemplateOutputSchema,
  invitationTemplateSchema,
  startInvitationJobSchema,
} from '../../shared/invitations';
import { formatPhone } from '../../shared/phone';
import { recordPersonalDataExport } from '../audit/audit.service';
import { writeListWorkbook } from '../documents/xlsx';
import { canEditEvent } from '../events/events.policy';
import { authenticate, authorize } from '../http/session';
import {
  type App,
  cookieAuth,
  DOCX_MEDIA_TYPE,
  type RouteDeps,
  sendDownload,
  XLSX_MEDIA_TYPE,
} from '../http/types';
import { buildLetterDocx, buildLettersPdf, buildLettersZip } from './invitation-documents';
import { emailInvitations } from './invitations.mail';
import {
  getInvitationTemplate,
  getRegister,
  prepareLetters,
  prepareUnitLetters,
  saveInvitationTemplate,
} from './invitations.service';
import { getDocumentJob, getDocumentJobFile, startInvitationJob } from './jobs.service';

const tags = ['invitations'];
const eventParams = z.object({ eventId: idSchema });
const delegateParams = eventParams.extend({ delegateId: idSchema });
const file = (description: string, mediaType: string) => ({
  200: { description, content: { [mediaType]: { schema: z.string() } } },
});
const PDF = 'application/pdf';
const ZIP = 'application/zip';

/** Where reply links point: this server as the browser reached it. */
const baseUrlOf = (request: FastifyRequest) => `${request.protocol}://${request.host}`;

export async function invitationsRoutes(app: App, { handle: { db }, mail }: RouteDeps) {
  const organizer = async (request: FastifyRequest & { params: { eventId: string } }) => {
    const actor = await authenticate(db, request);
    authorize(canEditEvent(actor, request.params.eventId));
    return actor;
  };

  app.get(
    '/api/events/:eventId/invitation-template',
    {
      schema: {
        tags,
        summary: 'Mẫu giấy mời của hội nghị (mặc định lấy từ kế hoạch)',
        security: cookieAuth,
        params: eventParams,
        response: { 200: invitationTemplateOutputSchema },
      },
    },
    async (request) => {
      await organizer(request);
      return getInvitationTemplate(db, request.params.eventId);
    },
  );

  app.put(
    '/api/events/:eventId/invitation-template',
    {
      schema: {
        tags,
        summary: 'Sửa mẫu giấy mời: cơ quan, ký hiệu, lời mời, người ký',
        security: cookieAuth,
        params: eventParams,
        body: invitationTemplateSchema,
        response: { 200: invitationTemplateOutputSchema },
      },
    },
    async (request) => {
      const actor = await organizer(request);
      return saveInvitationTemplate(db, actor, request.params.eventId, request.body);
    },
  );

  app.get(
    '/api/events/:eventId/invitations',
    {
      schema: {
        tags,
        summary: 'Sổ giấy mời: số, người nhận, ngày',
        security: cookieAuth,
        params: eventParams,
        response: { 200: z.array(invitationRegisterEntrySchema) },
      },
    },
    async (request) => {
      await organizer(request);
      return getRegister(db, request.params.eventId);
    },
  );

  for (const kind of ['docx', 'pdf'] as const) {
    app.get(
      `/api/events/:eventId/delegates/:delegateId/invitation.${kind}`,
      {
        schema: {
          tags,
          summary: `Giấy mời của một đại biểu (${kind.toUpperCase()}, có mã QR trả lời)`,
          security: cookieAuth,
          params: delegateParams,
          response: file(`Tệp .${kind}`, kind === 'docx' ? DOCX_MEDIA_TYPE : PDF),
        },
      },
      async (request, reply) => {
        const actor = await organizer(request);
        const { eventId, delegateId } = request.params;
        const { event, template, letters } = await prepareLetters(
          db,
          actor,
          eventId,
          { delegateId },
          baseUrlOf(request),
        );
        const letter = letters[0]!;
        sendDownload(reply, {
          buffer:
            kind === 'docx'
              ? await buildLetterDocx(template, letter, event.name)
              : await buildLettersPdf(template, letters, event.name),
          mediaType: kind === 'docx' ? DOCX_MEDIA_TYPE : PDF,
          asciiName: `giay-moi-${letter.number}.${kind}`,
          name: `${letter.fileName}.${kind}`,
        });
      },
    );
  }

  for (const kind of ['pdf', 'zip'] as const) {
    app.get(
      `/api/events/:eventId/invitations.${kind}`,
      {
        schema: {
          tags,
          summary:
            kind === 'pdf'
              ? 'Giấy mời của cả hội nghị, một nhóm hoặc một đơn vị, gộp thành một tệp PDF để in'
              : 'Giấy mời của cả hội nghị, một nhóm hoặc một đơn vị: mỗi người một tệp DOCX, gộp thành ZIP',
          security: cookieAuth,
          params: eventParams,
          querystring: invitationBatchQuerySchema,
          response: file(kind === 'pdf' ? 'Tệp .pdf' : 'Tệp .zip', kind === 'pdf' ? PDF : ZIP),
        },
      },
      async (request, reply) => {
        const actor = await organizer(request);
        const { event, template, letters } = await prepareLetters(
          db,
          actor,
          request.params.eventId,
          request.query,
          baseUrlOf(request),
        );
        sendDownload(reply, {
          buffer:
            kind === 'pdf'
              ? await buildLettersPdf(template, letters, event.name)
              : await buildLettersZip(template, letters, event.name),
          mediaType: kind === 'pdf' ? PDF : ZIP,
          asciiName: `giay-moi.${kind}`,
          name: `Giấy mời (${letters.length}).${kind}`,
        });
      },
    );
  }

  app.post(
    '/api/events/:eventId/invitations/send',
    {
      schema: {
        tags,
        summary:
          'Gửi giấy mời qua email (PDF đính kèm và liên kết trả lời) cho cả hội nghị, một nhóm hoặc một đơn vị',
        security: cookieAuth,
        params: eventParams,
        querystring: invitationBatchQuerySchema,
        response: { 200: invitationSendResultSchema },
      },
    },
    async (request) => {
      const actor = await organizer(request);
      return emailInvitations(db, actor, mail, request.params.eventId, request.query, baseUrlOf(request));
    },
  );

  app.get(
    '/api/events/:eventId/invitations/links.xlsx',
    {
      schema: {
        tags,
        summary: 'Liên kết trả lời của từng đại biểu kèm số điện thoại, để nhắn qua SMS hoặc Zalo',
        security: cookieAuth,
        params: eventParams,
        querystring: invitationBatchQuerySchema,
        response: file('Tệp .xlsx', XLSX_MEDIA_TYPE),
      },
    },
    async (request, reply) => {
      const actor = await organizer(request);
      const { letters } = await prepareLetters(
        db,
        actor,
        request.params.eventId,
        request.query,
        baseUrlOf(request),
      );
      await recordPersonalDataExport(db, actor, {
        eventId: request.params.eventId,
        list: 'links.xlsx',
        people: letters.length,
      });
      sendDownload(reply, {
        buffer: await writeListWorkbook({
          sheetName: 'Liên kết',
          titleLines: ['LIÊN KẾT TRẢ LỜI GIẤY MỜI', `${letters.length} đại biểu`],
          columns: [
            { label: 'Số GM', width: 8 },
            { label: 'Người nhận', width: 50 },
            { label: 'Số điện thoại', width: 16 },
            { label: 'Liên kết trả lời', width: 70 },
          ],
          rows: letters.map((l) => [
            l.number,
            l.recipient,
            l.phone ? formatPhone(l.phone) : 'Chưa có số',
            l.replyUrl,
          ]),
        }),
        mediaType: XLSX_MEDIA_TYPE,
        asciiName: 'lien-ket-tra-loi.xlsx',
        name: 'Liên kết trả lời.xlsx',
      });
    },
  );

  for (const kind of ['pdf', 'zip'] as const) {
    app.get(
      `/api/events/:eventId/unit-invitations.${kind}`,
      {
        schema: {
          tags,
          summary:
            kind === 'pdf'
              ? 'Giấy mời các đơn vị cử đại biểu (theo chỉ tiêu từng nhóm), gộp một tệp PDF'
              : 'Giấy mời các đơn vị cử đại biểu, mỗi đơn vị một tệp DOCX, gộp ZIP',
          security: cookieAuth,
          params: eventParams,
          querystring: invitationBatchQuerySchema,
          response: file(kind === 'pdf' ? 'Tệp .pdf' : 'Tệp .zip', kind === 'pdf' ? PDF : ZIP),
        },
      },
      async (request, reply) => {
        const actor = await organizer(request);
        const { event, template, letters } = await prepareUnitLetters(
          db,
          actor,
          request.params.eventId,
          request.query,
        );
        sendDownload(reply, {
          buffer:
            kind === 'pdf'
              ? await buildLettersPdf(template, letters, event.name)
              : await buildLettersZip(template, letters, event.name),
          mediaType: kind === 'pdf' ? PDF : ZIP,
          asciiName: `giay-moi-don-vi.${kind}`,
          name: `Giấy mời đơn vị (${letters.length}).${kind}`,
        });
      },
    );
  }

  const jobParams = eventParams.extend({ jobId: idSchema });

  app.post(
    '/api/events/:eventId/invitation-jobs',
    {
      schema: {
        tags,
        summary:
          'Bắt đầu tạo một đợt giấy mời (PDF gộp hoặc ZIP DOCX) ở chế độ nền; theo dõi tiến độ bằng GET',
        security: cookieAuth,
        params: eventParams,
        body: startInvitationJobSchema,
        response: { 202: documentJobSchema },
      },
    },
    async (request, reply) => {
      const actor = await organizer(request);
      reply.status(202);
      return startInvitationJob(db, actor, request.params.eventId, request.body, baseUrlOf(request));
    },
  );

  app.get(
    '/api/events/:eventId/invitation-jobs/:jobId',
    {
      schema: {
        tags,
        summary: 'Tiến độ tạo đợt giấy mời',
        security: cookieAuth,
        params: jobParams,
        response: { 200: documentJobSchema },
      },
    },
    async (request) => {
      await organizer(request);
      return getDocumentJob(db, request.params.eventId, request.params.jobId);
    },
  );

  app.get(
    '/api/events/:eventId/invitation-jobs/:jobId/file',
    {
      schema: {
        tags,
        summary: 'Tệp giấy mời đã tạo xong',
        security: cookieAuth,
        params: jobParams,
        response: {
          200: {
            description: 'Tệp .pdf hoặc .zip',
            content: { [PDF]: { schema: z.string() }, [ZIP]: { schema: z.string() } },
          },
        },
      },
    },
    async (request, reply) => {
      await organizer(request);
      const file = await getDocumentJobFile(db, request.params.eventId, request.params.jobId);
      sendDownload(reply, {
        buffer: file.buffer,
        mediaType: file.mediaType,
        asciiName: file.mediaType === PDF ? 'giay-moi.pdf' : 'giay-moi.zip',
        name: file.name,
      });
    },
  );
}
