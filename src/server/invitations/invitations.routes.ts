import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { idSchema } from '../../shared/common';
import {
  documentJobSchema,
  invitationBatchQuerySchema,
  invitationRegisterEntrySchema,
  invitationSendResultSchema,
  invitationTemplateInputSchema,
  invitationTemplateOutputSchema,
  letterReadinessSchema,
  startInvitationJobSchema,
} from '../../shared/invitations';
import { canEditEvent } from '../events/events.policy';
import { authenticate, authorize } from '../http/session';
import { type App, cookieAuth, type RouteDeps, sendDownload } from '../http/types';
import { requirePublicUrl } from '../settings/settings.service';
import { emailInvitations } from './invitations.mail';
import {
  getInvitationTemplate,
  getLetterReadiness,
  getRegister,
  saveInvitationTemplate,
} from './invitations.service';
import { getDocumentJob, getDocumentJobFile, startInvitationJob } from './jobs.service';
import { lettersRoutes } from './letters.routes';

const tags = ['invitations'];
const eventParams = z.object({ eventId: idSchema });
const PDF = 'application/pdf';
const ZIP = 'application/zip';

export async function invitationsRoutes(app: App, deps: RouteDeps) {
  const {
    handle: { db },
    mail,
    secretKey,
    publicUrl,
    clock,
  } = deps;
  await lettersRoutes(app, deps);
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
        summary:
          'Sửa mẫu giấy mời: cơ quan, ký hiệu, cách lấy số (sổ văn bản hoặc để trống), ngày ban hành (issuedOn, null để trống), lời mời, người liên hệ, người ký, nơi nhận (recipients)',
        security: cookieAuth,
        params: eventParams,
        body: invitationTemplateInputSchema,
        response: { 200: invitationTemplateOutputSchema },
      },
    },
    async (request) => {
      const actor = await organizer(request);
      return saveInvitationTemplate(db, actor, request.params.eventId, request.body);
    },
  );

  app.get(
    '/api/events/:eventId/invitations/readiness',
    {
      schema: {
        tags,
        summary:
          'Trước khi in giấy mời: địa chỉ công khai sẽ in (PUBLIC_URL) và cảnh báo gửi muộn (ít hơn 3 ngày làm việc, QĐ 45/2018)',
        security: cookieAuth,
        params: eventParams,
        response: { 200: letterReadinessSchema },
      },
    },
    async (request) => {
      await organizer(request);
      return getLetterReadiness(db, request.params.eventId, publicUrl, clock());
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
      const url = await requirePublicUrl(db, publicUrl);
      return emailInvitations(
        db,
        secretKey,
        actor,
        mail,
        request.params.eventId,
        request.query,
        url,
        clock(),
      );
    },
  );

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
      const url = () => requirePublicUrl(db, publicUrl);
      const job = await startInvitationJob(
        db,
        secretKey,
        actor,
        request.params.eventId,
        request.body,
        url,
        clock(),
      );
      reply.status(202);
      return job;
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
