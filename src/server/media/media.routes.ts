import { z } from 'zod';
import { idSchema, okSchema } from '../../shared/common';
import { createMediaItemSchema, mediaSchema } from '../../shared/report';
import { canEditEvent, canViewEvent } from '../events/events.policy';
import { actorInEvent } from '../http/event-access';
import { type App, cookieAuth, type RouteDeps } from '../http/types';
import { createMediaItem, deleteMediaItem, getMedia } from './media.service';

const tags = ['media'];
const eventParams = z.object({ eventId: idSchema });

export async function mediaRoutes(app: App, { handle: { db } }: RouteDeps) {
  app.get(
    '/api/events/:eventId/media',
    {
      schema: {
        tags,
        summary: 'Truyền thông: clip, cơ quan báo chí được mời (từ thành phần), tin bài sau hội nghị',
        security: cookieAuth,
        params: eventParams,
        response: { 200: mediaSchema },
      },
    },
    async (request) => {
      await actorInEvent(db, request, canViewEvent);
      return getMedia(db, request.params.eventId);
    },
  );

  app.post(
    '/api/events/:eventId/media',
    {
      schema: {
        tags,
        summary: 'Thêm clip, cơ quan báo chí hoặc đường dẫn tin bài',
        security: cookieAuth,
        params: eventParams,
        body: createMediaItemSchema,
        response: { 201: mediaSchema },
      },
    },
    async (request, reply) => {
      const actor = await actorInEvent(db, request, canEditEvent);
      reply.status(201);
      return createMediaItem(db, actor, request.params.eventId, request.body);
    },
  );

  app.delete(
    '/api/events/:eventId/media/:itemId',
    {
      schema: {
        tags,
        summary: 'Xóa mục truyền thông',
        security: cookieAuth,
        params: eventParams.extend({ itemId: idSchema }),
        response: { 200: okSchema },
      },
    },
    async (request) => {
      const actor = await actorInEvent(db, request, canEditEvent);
      await deleteMediaItem(db, actor, request.params.eventId, request.params.itemId);
      return { ok: true as const };
    },
  );
}
