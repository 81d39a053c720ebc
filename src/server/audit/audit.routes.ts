import { z } from 'zod';
import { exportAuditQuerySchema } from '../../shared/audit';
import { idSchema } from '../../shared/common';
import { canReadAudit } from '../events/events.policy';
import { getEventById } from '../events/events.service';
import { authenticate, authorize } from '../http/session';
import { type App, cookieAuth, type RouteDeps, sendDownload, XLSX_MEDIA_TYPE } from '../http/types';
import { buildAuditXlsx } from './audit.service';

const eventParams = z.object({ eventId: idSchema });

/** The change log as a file (the listing itself is GET /api/events/:eventId/audit, with the event's routes). */
export async function auditRoutes(app: App, { handle: { db } }: RouteDeps) {
  app.get(
    '/api/events/:eventId/audit/export.xlsx',
    {
      schema: {
        tags: ['events'],
        summary: 'Nhật ký thay đổi của hội nghị ra Excel (cùng bộ lọc với trang Nhật ký)',
        security: cookieAuth,
        params: eventParams,
        querystring: exportAuditQuerySchema,
        response: {
          200: { description: 'Tệp .xlsx', content: { [XLSX_MEDIA_TYPE]: { schema: z.string() } } },
        },
      },
    },
    async (request, reply) => {
      authorize(canReadAudit(await authenticate(db, request), request.params.eventId));
      const event = await getEventById(db, request.params.eventId);
      const buffer = await buildAuditXlsx(db, event.id, event.name, request.query);
      sendDownload(reply, {
        buffer,
        mediaType: XLSX_MEDIA_TYPE,
        asciiName: 'nhat-ky-thay-doi.xlsx',
        name: 'Nhật ký thay đổi.xlsx',
      });
    },
  );
}
