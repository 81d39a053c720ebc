import { z } from 'zod';
import { idSchema, okSchema } from '../../shared/common';
import { replyInputSchema, replyLinkSchema, replySummarySchema, replyViewSchema } from '../../shared/replies';
import { recordPersonalDataExport } from '../audit/audit.service';
import { canReadDelegates, canWriteDelegates, scopeOf } from '../delegates/delegates.policy';
import { countDelegates } from '../delegates/delegates.service';
import { authenticate, authorize } from '../http/session';
import {
  type App,
  cookieAuth,
  DOCX_MEDIA_TYPE,
  type RouteDeps,
  sendDownload,
  XLSX_MEDIA_TYPE,
} from '../http/types';
import { getReplyView, issueReplyLink, replyThroughLink, revokeReplyLink } from './replies.service';
import { buildReplyStatisticsDocx, buildReplyStatisticsXlsx } from './reply-statistics.documents';
import { buildCallListXlsx, getReplySummary } from './tracking.service';

const tags = ['replies'];
// Any string: a malformed token is answered like an unknown one.
const tokenParams = z.object({ token: z.string().min(1).max(200) });
const delegateParams = z.object({ eventId: idSchema, delegateId: idSchema });

export async function repliesRoutes(app: App, { handle: { db }, secretKey }: RouteDeps) {
  app.post(
    '/api/events/:eventId/delegates/:delegateId/reply-link',
    {
      schema: {
        tags,
        summary: 'Tạo liên kết trả lời cho đại biểu (liên kết cũ hết hiệu lực)',
        security: cookieAuth,
        params: delegateParams,
        response: { 201: replyLinkSchema },
      },
    },
    async (request, reply) => {
      const actor = await authenticate(db, request);
      authorize(canWriteDelegates(actor, request.params.eventId));
      const scope = await scopeOf(db, actor, request.params.eventId);
      reply.status(201);
      return issueReplyLink(db, secretKey, actor, scope, request.params.eventId, request.params.delegateId);
    },
  );

  app.delete(
    '/api/events/:eventId/delegates/:delegateId/reply-link',
    {
      schema: {
        tags,
        summary: 'Thu hồi liên kết trả lời của đại biểu',
        security: cookieAuth,
        params: delegateParams,
        response: { 200: okSchema },
      },
    },
    async (request) => {
      const actor = await authenticate(db, request);
      authorize(canWriteDelegates(actor, request.params.eventId));
      const scope = await scopeOf(db, actor, request.params.eventId);
      await revokeReplyLink(db, actor, scope, request.params.eventId, request.params.delegateId);
      return { ok: true as const };
    },
  );

  app.get(
    '/api/events/:eventId/replies/summary',
    {
      schema: {
        tags,
        summary: 'Tình hình trả lời giấy mời theo nhóm và đơn vị (chưa mời, chưa trả lời, xác nhận, từ chối)',
        security: cookieAuth,
        params: z.object({ eventId: idSchema }),
        response: { 200: replySummarySchema },
      },
    },
    async (request) => {
      const actor = await authenticate(db, request);
      authorize(canReadDelegates(actor, request.params.eventId));
      return getReplySummary(db, await scopeOf(db, actor, request.params.eventId), request.params.eventId);
    },
  );

  app.get(
    '/api/events/:eventId/replies/call-list.xlsx',
    {
      schema: {
        tags,
        summary: 'Danh sách đại biểu đã mời nhưng chưa trả lời, kèm số điện thoại, để gọi điện',
        security: cookieAuth,
        params: z.object({ eventId: idSchema }),
        response: {
          200: { description: 'Tệp .xlsx', content: { [XLSX_MEDIA_TYPE]: { schema: z.string() } } },
        },
      },
    },
    async (request, reply) => {
      const actor = await authenticate(db, request);
      authorize(canWriteDelegates(actor, request.params.eventId));
      const scope = await scopeOf(db, actor, request.params.eventId);
      const buffer = await buildCallListXlsx(db, scope, request.params.eventId);
      await recordPersonalDataExport(db, actor, {
        eventId: request.params.eventId,
        list: 'call-list.xlsx',
        people: await countDelegates(db, scope, request.params.eventId, ['invited']),
      });
      sendDownload(reply, {
        buffer,
        mediaType: XLSX_MEDIA_TYPE,
        asciiName: 'can-goi.xlsx',
        name: 'Đại biểu chưa trả lời.xlsx',
      });
    },
  );

  for (const kind of ['docx', 'xlsx'] as const) {
    const mediaType = kind === 'docx' ? DOCX_MEDIA_TYPE : XLSX_MEDIA_TYPE;
    app.get(
      `/api/events/:eventId/reply-statistics.${kind}`,
      {
        schema: {
          tags,
          summary: `Tình hình trả lời giấy mời theo thành phần và đơn vị, bản in (${kind.toUpperCase()})`,
          security: cookieAuth,
          params: z.object({ eventId: idSchema }),
          response: {
            200: { description: `Tệp .${kind}`, content: { [mediaType]: { schema: z.string() } } },
          },
        },
      },
      async (request, reply) => {
        const actor = await authenticate(db, request);
        authorize(canReadDelegates(actor, request.params.eventId));
        const scope = await scopeOf(db, actor, request.params.eventId);
        const build = kind === 'docx' ? buildReplyStatisticsDocx : buildReplyStatisticsXlsx;
        sendDownload(reply, {
          buffer: await build(db, scope, request.params.eventId),
          mediaType,
          asciiName: `tinh-hinh-tra-loi.${kind}`,
          name: `Tình hình trả lời giấy mời.${kind}`,
        });
      },
    );
  }

  // Public: the token is the credential. A malformed, unknown or revoked token gets the same 404.
  app.get(
    '/api/replies/:token',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'Giấy mời của đại biểu qua liên kết trả lời (không cần đăng nhập)',
        params: tokenParams,
        response: { 200: replyViewSchema },
      },
    },
    async (request) => getReplyView(db, request.params.token),
  );

  app.post(
    '/api/replies/:token',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'Đại biểu xác nhận dự, báo không dự hoặc cử người dự thay (không cần đăng nhập)',
        params: tokenParams,
        body: replyInputSchema,
        response: { 200: replyViewSchema },
      },
    },
    async (request) => replyThroughLink(db, request.params.token, request.body),
  );
}
