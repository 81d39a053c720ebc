import { z } from 'zod';
import { idSchema } from '../../shared/common';
import { readinessSchema } from '../../shared/report';
import { actorInEvent } from '../http/event-access';
import {
  type App,
  cookieAuth,
  DOCX_MEDIA_TYPE,
  type RouteDeps,
  sendDownload,
  XLSX_MEDIA_TYPE,
} from '../http/types';
import { getReadiness } from './readiness.service';
import { writeClosingReportDocx } from './report.docx';
import { canDownloadReport, canViewReadiness } from './report.policy';
import { collectReport } from './report.service';
import { writeReportAnnex } from './report.xlsx';

const tags = ['report'];
const eventParams = z.object({ eventId: idSchema });
const file = (description: string, mediaType: string) => ({
  200: { description, content: { [mediaType]: { schema: z.string() } } },
});

export async function reportRoutes(app: App, { handle: { db } }: RouteDeps) {
  app.get(
    '/api/events/:eventId/readiness',
    {
      schema: {
        tags,
        summary:
          'Bảng sẵn sàng: thành phần, phản hồi, giấy mời, chỗ ngồi, thẻ, chứng nhận, ký kết, gian hàng, nhiệm vụ, kinh phí',
        security: cookieAuth,
        params: eventParams,
        response: { 200: readinessSchema },
      },
    },
    async (request) => {
      await actorInEvent(db, request, canViewReadiness);
      return getReadiness(db, request.params.eventId);
    },
  );

  app.get(
    '/api/events/:eventId/report.docx',
    {
      schema: {
        tags,
        summary: 'Báo cáo kết quả tổ chức hội nghị (DOCX, thể thức Nghị định 30/2020/NĐ-CP)',
        security: cookieAuth,
        params: eventParams,
        response: file('Tệp Word', DOCX_MEDIA_TYPE),
      },
    },
    async (request, reply) => {
      await actorInEvent(db, request, canDownloadReport);
      const buffer = await writeClosingReportDocx(await collectReport(db, request.params.eventId));
      sendDownload(reply, {
        buffer,
        mediaType: DOCX_MEDIA_TYPE,
        asciiName: 'bao-cao-ket-qua-hoi-nghi.docx',
        name: 'Báo cáo kết quả tổ chức hội nghị.docx',
      });
    },
  );

  app.get(
    '/api/events/:eventId/report-annex.xlsx',
    {
      schema: {
        tags,
        summary:
          'Phụ lục báo cáo kết quả (Excel: có mặt, dự thay, vắng mặt, chứng nhận, kinh phí, nhiệm vụ, truyền thông…)',
        security: cookieAuth,
        params: eventParams,
        response: file('Tệp Excel', XLSX_MEDIA_TYPE),
      },
    },
    async (request, reply) => {
      await actorInEvent(db, request, canDownloadReport);
      const buffer = await writeReportAnnex(await collectReport(db, request.params.eventId));
      sendDownload(reply, {
        buffer,
        mediaType: XLSX_MEDIA_TYPE,
        asciiName: 'phu-luc-bao-cao-ket-qua.xlsx',
        name: 'Phụ lục báo cáo kết quả.xlsx',
      });
    },
  );
}
