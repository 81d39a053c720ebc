import { z } from 'zod';
import {
  assignBoothSchema,
  boothListSchema,
  boothSchema,
  createBoothSchema,
  publicBoothMapSchema,
  updateBoothSchema,
} from '../../shared/booths';
import { idSchema, okSchema } from '../../shared/common';
import { scopeOf } from '../delegates/delegates.policy';
import { actorInEvent } from '../http/event-access';
import {
  type App,
  cookieAuth,
  DOCX_MEDIA_TYPE,
  type RouteDeps,
  sendDownload,
  XLSX_MEDIA_TYPE,
} from '../http/types';
import { buildBoothsDocx, buildBoothsXlsx } from './booths.documents';
import { canEditBooths, canPrintBooths, canViewBooths } from './booths.policy';
import {
  assignBooth,
  createBooth,
  currentPublicBoothMap,
  deleteBooth,
  findBooths,
  publicBoothMap,
  updateBooth,
} from './booths.service';

const tags = ['booths'];
const eventParams = z.object({ eventId: idSchema });
const boothParams = eventParams.extend({ boothId: idSchema });
const file = (mediaType: string, description: string) => ({
  200: { description, content: { [mediaType]: { schema: z.string() } } },
});

export async function boothsRoutes(app: App, { handle: { db } }: RouteDeps) {
  app.get(
    '/api/events/:eventId/booths',
    {
      schema: {
        tags,
        summary:
          'Các gian hàng trưng bày: số, vị trí, chủ thể hoặc huyện, sản phẩm, người phụ trách, cảnh báo',
        security: cookieAuth,
        params: eventParams,
        response: { 200: boothListSchema },
      },
    },
    async (request) => {
      const actor = await actorInEvent(db, request, canViewBooths);
      return findBooths(db, request.params.eventId, await scopeOf(db, actor, request.params.eventId));
    },
  );

  app.post(
    '/api/events/:eventId/booths',
    {
      schema: {
        tags,
        summary: 'Thêm gian hàng',
        security: cookieAuth,
        params: eventParams,
        body: createBoothSchema,
        response: { 201: boothSchema },
      },
    },
    async (request, reply) => {
      const actor = await actorInEvent(db, request, canEditBooths);
      reply.status(201);
      return createBooth(db, actor, request.params.eventId, request.body);
    },
  );

  app.patch(
    '/api/events/:eventId/booths/:boothId',
    {
      schema: {
        tags,
        summary: 'Sửa gian hàng: vị trí, kích thước, người phụ trách, thời gian dựng và dỡ, nhu cầu',
        security: cookieAuth,
        params: boothParams,
        body: updateBoothSchema,
        response: { 200: boothSchema },
      },
    },
    async (request) => {
      const actor = await actorInEvent(db, request, canEditBooths);
      return updateBooth(db, actor, request.params.eventId, request.params.boothId, request.body);
    },
  );

  app.put(
    '/api/events/:eventId/booths/:boothId/assignment',
    {
      schema: {
        tags,
        summary:
          'Giao gian hàng cho chủ thể hoặc huyện (null: thu hồi); gian đã giao cho đơn vị khác bị từ chối',
        security: cookieAuth,
        params: boothParams,
        body: assignBoothSchema,
        response: { 200: boothSchema },
      },
    },
    async (request) => {
      const actor = await actorInEvent(db, request, canEditBooths);
      return assignBooth(db, actor, request.params.eventId, request.params.boothId, request.body);
    },
  );

  app.delete(
    '/api/events/:eventId/booths/:boothId',
    {
      schema: {
        tags,
        summary: 'Xóa gian hàng',
        security: cookieAuth,
        params: boothParams,
        response: { 200: okSchema },
      },
    },
    async (request) => {
      const actor = await actorInEvent(db, request, canEditBooths);
      await deleteBooth(db, actor, request.params.eventId, request.params.boothId);
      return { ok: true as const };
    },
  );

  app.get(
    '/api/events/:eventId/booths.xlsx',
    {
      schema: {
        tags,
        summary: 'Danh sách phân bổ gian hàng (XLSX)',
        security: cookieAuth,
        params: eventParams,
        response: file(XLSX_MEDIA_TYPE, 'Tệp XLSX'),
      },
    },
    async (request, reply) => {
      await actorInEvent(db, request, canPrintBooths);
      sendDownload(reply, {
        buffer: await buildBoothsXlsx(db, request.params.eventId),
        mediaType: XLSX_MEDIA_TYPE,
        asciiName: 'gian-hang.xlsx',
        name: 'Danh sách gian hàng.xlsx',
      });
    },
  );

  app.get(
    '/api/events/:eventId/booths.docx',
    {
      schema: {
        tags,
        summary: 'Danh sách phân bổ gian hàng (DOCX)',
        security: cookieAuth,
        params: eventParams,
        response: file(DOCX_MEDIA_TYPE, 'Tệp DOCX'),
      },
    },
    async (request, reply) => {
      await actorInEvent(db, request, canPrintBooths);
      sendDownload(reply, {
        buffer: await buildBoothsDocx(db, request.params.eventId),
        mediaType: DOCX_MEDIA_TYPE,
        asciiName: 'gian-hang.docx',
        name: 'Danh sách gian hàng.docx',
      });
    },
  );

  app.get(
    '/api/public/events/:eventId/booths',
    {
      config: { public: true },
      schema: {
        tags: ['showcase'],
        summary:
          'Sơ đồ gian hàng (không cần đăng nhập): chủ thể và sản phẩm của từng gian, không có thông tin cá nhân',
        params: eventParams,
        response: { 200: publicBoothMapSchema },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'public, max-age=60');
      return publicBoothMap(db, request.params.eventId);
    },
  );

  app.get(
    '/api/public/booths',
    {
      config: { public: true },
      schema: {
        tags: ['showcase'],
        summary: 'Sơ đồ gian hàng của hội nghị hiện tại (không cần đăng nhập), cho trang trưng bày sản phẩm',
        response: { 200: publicBoothMapSchema },
      },
    },
    async (_request, reply) => {
      reply.header('cache-control', 'public, max-age=60');
      return currentPublicBoothMap(db);
    },
  );
}
