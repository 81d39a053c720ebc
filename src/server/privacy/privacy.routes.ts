import { z } from 'zod';
import { idSchema } from '../../shared/common';
import { eraseResultSchema, personalDataQuerySchema, personalDataSchema } from '../../shared/privacy';
import { scopeOf } from '../delegates/delegates.policy';
import { actorInEvent } from '../http/event-access';
import { type App, cookieAuth, type RouteDeps, sendDownload, XLSX_MEDIA_TYPE } from '../http/types';
import { buildPersonalDataXlsx } from './privacy.documents';
import { canErasePersonalData, canExportPersonalData } from './privacy.policy';
import { erasePersonalData, getPersonalData } from './privacy.service';

const tags = ['privacy'];
const eventParams = z.object({ eventId: idSchema });

export async function privacyRoutes(app: App, { handle: { db } }: RouteDeps) {
  app.get(
    '/api/events/:eventId/delegates/:delegateId/personal-data',
    {
      schema: {
        tags,
        summary:
          'Mọi dữ liệu hệ thống lưu về một đại biểu trong hội nghị (JSON, hoặc Excel với ?format=xlsx); việc xuất được ghi nhật ký',
        security: cookieAuth,
        params: eventParams.extend({ delegateId: idSchema }),
        querystring: personalDataQuerySchema,
        response: {
          200: {
            description: 'Dữ liệu cá nhân (JSON) hoặc tệp .xlsx',
            content: {
              'application/json': { schema: personalDataSchema },
              [XLSX_MEDIA_TYPE]: { schema: z.string() },
            },
          },
        },
      },
    },
    async (request, reply) => {
      const actor = await actorInEvent(db, request, canExportPersonalData);
      const scope = await scopeOf(db, actor, request.params.eventId);
      const data = await getPersonalData(db, actor, scope, request.params.eventId, request.params.delegateId);
      if (request.query.format === 'json') return data;
      sendDownload(reply, {
        buffer: await buildPersonalDataXlsx(data),
        mediaType: XLSX_MEDIA_TYPE,
        asciiName: 'du-lieu-ca-nhan.xlsx',
        name: 'Dữ liệu cá nhân.xlsx',
      });
      return reply;
    },
  );

  app.post(
    '/api/events/:eventId/personal-data/erase',
    {
      schema: {
        tags,
        summary:
          'Xóa dữ liệu cá nhân của mọi đại biểu sau thời hạn lưu giữ (họ tên thành "Đại biểu N", bỏ số điện thoại, email); giữ nguyên số liệu cho báo cáo',
        security: cookieAuth,
        params: eventParams,
        response: { 200: eraseResultSchema },
      },
    },
    async (request) => {
      const actor = await actorInEvent(db, request, canErasePersonalData);
      return erasePersonalData(db, actor, request.params.eventId);
    },
  );
}
