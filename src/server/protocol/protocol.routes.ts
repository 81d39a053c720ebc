import { z } from 'zod';
import { idSchema } from '../../shared/common';
import {
  presidiumSchema,
  previewTitleRankSchema,
  saveTitleRankSchema,
  setPresidiumSchema,
  titleRankPreviewSchema,
  titleRankSchema,
} from '../../shared/protocol';
import { rerankDelegates } from '../delegates/delegates.rank';
import { findDelegateIdsInEvent } from '../delegates/delegates.service';
import { actorInEvent } from '../http/event-access';
import { authenticate, authorize } from '../http/session';
import { type App, cookieAuth, type RouteDeps } from '../http/types';
import { canEditLadder, canSetPresidium, canViewPresidium } from './protocol.policy';
import {
  deleteTitleRank,
  findTitleRanks,
  getPresidium,
  previewTitleRank,
  saveTitleRank,
  setPresidium,
} from './protocol.service';

const tags = ['protocol'];
const eventParams = z.object({ eventId: idSchema });
const titleParams = z.object({ id: idSchema });
const rerankAll = (trx: Parameters<typeof rerankDelegates>[0]) => rerankDelegates(trx, null);

export async function protocolRoutes(app: App, { handle: { db } }: RouteDeps) {
  app.get(
    '/api/protocol/titles',
    {
      schema: {
        tags,
        summary: 'Bậc chức danh dùng để xếp thứ tự lễ tân (thấp đứng trước)',
        security: cookieAuth,
        response: { 200: z.object({ items: z.array(titleRankSchema) }) },
      },
    },
    async (request) => {
      await authenticate(db, request);
      return { items: await findTitleRanks(db) };
    },
  );

  app.post(
    '/api/protocol/titles',
    {
      schema: {
        tags,
        summary: 'Thêm một bậc chức danh (quản trị); mọi hội nghị được xếp lại',
        security: cookieAuth,
        body: saveTitleRankSchema,
        response: { 201: titleRankSchema },
      },
    },
    async (request, reply) => {
      const actor = await authenticate(db, request);
      authorize(canEditLadder(actor));
      reply.code(201);
      return saveTitleRank(db, actor, null, request.body, rerankAll);
    },
  );

  app.post(
    '/api/protocol/titles/preview',
    {
      schema: {
        tags,
        summary:
          'Xem trước: sửa, thêm hay xóa một bậc chức danh thì những ai đổi bậc (quản trị; chưa lưu gì)',
        security: cookieAuth,
        body: previewTitleRankSchema,
        response: { 200: titleRankPreviewSchema },
      },
    },
    async (request) => {
      const actor = await authenticate(db, request);
      authorize(canEditLadder(actor));
      return previewTitleRank(db, request.body);
    },
  );

  app.put(
    '/api/protocol/titles/:id',
    {
      schema: {
        tags,
        summary: 'Sửa một bậc chức danh (quản trị); mọi hội nghị được xếp lại',
        security: cookieAuth,
        params: titleParams,
        body: saveTitleRankSchema,
        response: { 200: titleRankSchema },
      },
    },
    async (request) => {
      const actor = await authenticate(db, request);
      authorize(canEditLadder(actor));
      return saveTitleRank(db, actor, request.params.id, request.body, rerankAll);
    },
  );

  app.delete(
    '/api/protocol/titles/:id',
    {
      schema: {
        tags,
        summary: 'Xóa một bậc chức danh (quản trị)',
        security: cookieAuth,
        params: titleParams,
      },
    },
    async (request, reply) => {
      const actor = await authenticate(db, request);
      authorize(canEditLadder(actor));
      await deleteTitleRank(db, actor, request.params.id, rerankAll);
      return reply.code(204).send();
    },
  );

  app.get(
    '/api/events/:eventId/presidium',
    {
      schema: {
        tags,
        summary: 'Chủ trì và đoàn chủ tịch của hội nghị',
        security: cookieAuth,
        params: eventParams,
        response: { 200: presidiumSchema },
      },
    },
    async (request) => {
      await actorInEvent(db, request, canViewPresidium);
      return getPresidium(db, request.params.eventId);
    },
  );

  app.put(
    '/api/events/:eventId/presidium',
    {
      schema: {
        tags,
        summary: 'Chọn người chủ trì và đoàn chủ tịch (theo thứ tự ngồi, chủ trì trước)',
        security: cookieAuth,
        params: eventParams,
        body: setPresidiumSchema,
        response: { 200: presidiumSchema },
      },
    },
    async (request) => {
      const actor = await actorInEvent(db, request, canSetPresidium);
      const { eventId } = request.params;
      return setPresidium(db, actor, eventId, request.body, (trx, ids) =>
        findDelegateIdsInEvent(trx, eventId, ids),
      );
    },
  );
}
