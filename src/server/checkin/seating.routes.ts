import { z } from 'zod';
import { idSchema } from '../../shared/common';
import {
  autoSeatSchema,
  badgesQuerySchema,
  hallLayoutSchema,
  moveSeatSchema,
  seatingSchema,
} from '../../shared/seating';
import type { Actor } from '../auth/actor';
import { scopeOf } from '../delegates/delegates.policy';
import { canEditEvent, canViewEvent } from '../events/events.policy';
import { actorInEvent } from '../http/event-access';
import { type App, cookieAuth, type RouteDeps, sendDownload } from '../http/types';
import { requirePublicUrl } from '../settings/settings.service';
import { issueBadgeTokens, requireBadgeTokens } from './badge-tokens.service';
import { canCheckIn } from './checkin.policy';
import { buildSeatingChartPdf } from './seating.chart';
import { buildBadgesPdf, buildPlacardsPdf } from './seating.documents';
import { autoAssignSeats, getLayout, getSeating, moveSeat, saveLayout } from './seating.service';

const tags = ['seating'];
const eventParams = z.object({ eventId: idSchema });
const PDF = 'application/pdf';
const pdfFile = { 200: { description: 'Tệp PDF', content: { [PDF]: { schema: z.string() } } } };

export async function seatingRoutes(app: App, { handle: { db }, secretKey, publicUrl }: RouteDeps) {
  app.get(
    '/api/events/:eventId/hall',
    {
      schema: {
        tags,
        summary: 'Sơ đồ hội trường: các khối ghế, số hàng, hàng dành cho lãnh đạo',
        security: cookieAuth,
        params: eventParams,
        response: { 200: hallLayoutSchema },
      },
    },
    async (request) => {
      await actorInEvent(db, request, canViewEvent);
      return getLayout(db, request.params.eventId);
    },
  );

  app.put(
    '/api/events/:eventId/hall',
    {
      schema: {
        tags,
        summary: 'Sửa sơ đồ hội trường (ghế không còn thì người ngồi đó mất chỗ)',
        security: cookieAuth,
        params: eventParams,
        body: hallLayoutSchema,
        response: { 200: z.object({ layout: hallLayoutSchema, unseated: z.number().int() }) },
      },
    },
    async (request) => {
      const actor = await actorInEvent(db, request, canEditEvent);
      return saveLayout(db, actor, request.params.eventId, request.body);
    },
  );

  app.get(
    '/api/events/:eventId/seating',
    {
      schema: {
        tags,
        summary: 'Ai ngồi ghế nào',
        security: cookieAuth,
        params: eventParams,
        response: { 200: seatingSchema },
      },
    },
    async (request) => {
      const actor = await actorInEvent(db, request, canViewEvent);
      return getSeating(db, request.params.eventId, await scopeOf(db, actor, request.params.eventId));
    },
  );

  app.post(
    '/api/events/:eventId/seating/auto',
    {
      schema: {
        tags,
        summary: 'Xếp chỗ tự động theo thứ tự lễ tân (lãnh đạo hàng đầu, rồi sở ngành, huyện, xã, chủ thể)',
        security: cookieAuth,
        params: eventParams,
        body: autoSeatSchema,
        response: { 200: seatingSchema },
      },
    },
    async (request) => {
      const actor = await actorInEvent(db, request, canEditEvent);
      return autoAssignSeats(db, actor, request.params.eventId, request.body.reset);
    },
  );

  app.patch(
    '/api/events/:eventId/seating/:delegateId',
    {
      schema: {
        tags,
        summary: 'Chuyển một đại biểu sang ghế khác (ghế trống) hoặc bỏ chỗ',
        security: cookieAuth,
        params: eventParams.extend({ delegateId: idSchema }),
        body: moveSeatSchema,
        response: { 200: seatingSchema },
      },
    },
    async (request) => {
      const actor = await actorInEvent(db, request, canEditEvent);
      return moveSeat(db, actor, request.params.eventId, request.params.delegateId, request.body.seat);
    },
  );

  app.get(
    '/api/events/:eventId/seating.pdf',
    {
      schema: {
        tags,
        summary: 'Sơ đồ chỗ ngồi (PDF A3)',
        security: cookieAuth,
        params: eventParams,
        response: pdfFile,
      },
    },
    async (request, reply) => {
      await actorInEvent(db, request, canEditEvent);
      const buffer = await buildSeatingChartPdf(db, request.params.eventId);
      sendDownload(reply, {
        buffer,
        mediaType: PDF,
        asciiName: 'so-do-cho-ngoi.pdf',
        name: 'Sơ đồ chỗ ngồi.pdf',
      });
    },
  );

  app.get(
    '/api/events/:eventId/placards.pdf',
    {
      schema: {
        tags,
        summary: 'Biển tên cho các hàng lãnh đạo (PDF, gấp đôi thành biển để bàn)',
        security: cookieAuth,
        params: eventParams,
        response: pdfFile,
      },
    },
    async (request, reply) => {
      await actorInEvent(db, request, canEditEvent);
      const buffer = await buildPlacardsPdf(db, request.params.eventId);
      sendDownload(reply, { buffer, mediaType: PDF, asciiName: 'bien-ten.pdf', name: 'Biển tên.pdf' });
    },
  );

  // Printing badges gives every delegate without one a badge code for the QR (their own, not the reply link), so it
  // is a POST: a link planted on another site cannot make the browser issue codes. GET prints the same badges
  // again, writing nothing. Both need the public address the QR points at.
  const badges = (method: 'GET' | 'POST') => ({
    schema: {
      tags,
      summary:
        method === 'POST'
          ? 'In thẻ đại biểu có mã QR, cấp mã cho người chưa có (cả hội nghị, hoặc in lại một người với delegateId)'
          : 'In lại thẻ đại biểu đã có mã QR, không ghi gì; còn người chưa có mã thì trả 409 NOT_ISSUED',
      security: cookieAuth,
      params: eventParams,
      querystring: badgesQuerySchema,
      response: pdfFile,
    },
  });
  const sendBadges = (reply: Parameters<typeof sendDownload>[0], buffer: Buffer) =>
    sendDownload(reply, { buffer, mediaType: PDF, asciiName: 'the-dai-bieu.pdf', name: 'Thẻ đại biểu.pdf' });
  const mayPrintBadges = (a: Actor, e: string) => canEditEvent(a, e) || canCheckIn(a, e);

  app.post('/api/events/:eventId/badges.pdf', badges('POST'), async (request, reply) => {
    const actor = await actorInEvent(db, request, mayPrintBadges);
    const { eventId } = request.params;
    const url = await requirePublicUrl(db, publicUrl);
    const buffer = await buildBadgesPdf(db, eventId, url, request.query.delegateId, (ids) =>
      issueBadgeTokens(db, secretKey, actor, eventId, ids),
    );
    sendBadges(reply, buffer);
  });

  app.get('/api/events/:eventId/badges.pdf', badges('GET'), async (request, reply) => {
    await actorInEvent(db, request, mayPrintBadges);
    const { eventId } = request.params;
    const url = await requirePublicUrl(db, publicUrl);
    const buffer = await buildBadgesPdf(db, eventId, url, request.query.delegateId, (ids) =>
      requireBadgeTokens(db, secretKey, ids),
    );
    sendBadges(reply, buffer);
  });
}
