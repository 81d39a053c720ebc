import { z } from 'zod';
import { idSchema, okSchema } from '../../shared/common';
import { vietnamDay } from '../../shared/format';
import {
  awardPlanInputSchema,
  awardsSchema,
  certificateReprintQuerySchema,
  certificatesQuerySchema,
  certificateTemplateOutputSchema,
  certificateTemplateSchema,
  updateAwardBatchSchema,
  updateAwardRecipientSchema,
} from '../../shared/ocop';
import { scopeOf } from '../delegates/delegates.policy';
import { invalidField } from '../errors';
import { getEventById } from '../events/events.service';
import { actorInEvent } from '../http/event-access';
import { type App, cookieAuth, type RouteDeps, sendDownload } from '../http/types';
import {
  awardedProductIds,
  clearAwards,
  getAwards,
  planAwards,
  updateAwardBatch,
  updateAwardRecipient,
} from './awards.service';
import {
  assertCertificatesNumbered,
  buildCertificatesPdf,
  getCertificateTemplate,
  saveCertificateTemplate,
} from './certificates';
import { canEditAwards, canPrintCertificates, canViewAwards } from './ocop.policy';
import { findProductsByFilter, getProduct } from './products.service';

const tags = ['ocop'];
const eventParams = z.object({ eventId: idSchema });
const PDF = 'application/pdf';
const pdfFile = { 200: { description: 'Tệp PDF', content: { [PDF]: { schema: z.string() } } } };

export async function awardsRoutes(app: App, { handle: { db } }: RouteDeps) {
  /** The year the event's own decisions are taken in: its plan's date, else the day it is held (Vietnam time). */
  const eventYearOf = async (eventId: string) => {
    const event = await getEventById(db, eventId);
    return Number((event.planDate ?? vietnamDay(event.startsAt)).slice(0, 4));
  };

  app.get(
    '/api/events/:eventId/awards',
    {
      schema: {
        tags,
        summary: 'Lễ trao chứng nhận: các đợt trao, người nhận, có mặt (theo điểm danh), đã trao',
        security: cookieAuth,
        params: eventParams,
        response: { 200: awardsSchema },
      },
    },
    async (request) => {
      const actor = await actorInEvent(db, request, canViewAwards);
      return getAwards(db, request.params.eventId, await scopeOf(db, actor, request.params.eventId));
    },
  );

  app.post(
    '/api/events/:eventId/awards/plan',
    {
      schema: {
        tags,
        summary: 'Lập danh sách trao chứng nhận: chia đợt, sắp theo huyện hoặc số sao (thay danh sách cũ)',
        security: cookieAuth,
        params: eventParams,
        body: awardPlanInputSchema,
        response: { 200: awardsSchema },
      },
    },
    async (request) => {
      const actor = await actorInEvent(db, request, canEditAwards);
      return planAwards(db, actor, request.params.eventId, request.body);
    },
  );

  app.delete(
    '/api/events/:eventId/awards',
    {
      schema: {
        tags,
        summary: 'Xóa danh sách trao chứng nhận',
        security: cookieAuth,
        params: eventParams,
        response: { 200: okSchema },
      },
    },
    async (request) => {
      const actor = await actorInEvent(db, request, canEditAwards);
      await clearAwards(db, actor, request.params.eventId);
      return { ok: true as const };
    },
  );

  app.patch(
    '/api/events/:eventId/awards/batches/:batchId',
    {
      schema: {
        tags,
        summary: 'Sửa đợt trao: tên, lãnh đạo trao',
        security: cookieAuth,
        params: eventParams.extend({ batchId: idSchema }),
        body: updateAwardBatchSchema,
        response: { 200: awardsSchema },
      },
    },
    async (request) => {
      const actor = await actorInEvent(db, request, canEditAwards);
      return updateAwardBatch(db, actor, request.params.eventId, request.params.batchId, request.body);
    },
  );

  app.patch(
    '/api/events/:eventId/awards/recipients/:recipientId',
    {
      schema: {
        tags,
        summary: 'Sửa người nhận: chuyển đợt, người lên nhận, người nhận thay, đã trao',
        security: cookieAuth,
        params: eventParams.extend({ recipientId: idSchema }),
        body: updateAwardRecipientSchema,
        response: { 200: awardsSchema },
      },
    },
    async (request) => {
      const actor = await actorInEvent(db, request, canEditAwards);
      return updateAwardRecipient(
        db,
        actor,
        request.params.eventId,
        request.params.recipientId,
        request.body,
      );
    },
  );

  app.get(
    '/api/events/:eventId/certificate-template',
    {
      schema: {
        tags,
        summary: 'Mẫu giấy chứng nhận của hội nghị (mặc định lấy từ kế hoạch)',
        security: cookieAuth,
        params: eventParams,
        response: { 200: certificateTemplateOutputSchema },
      },
    },
    async (request) => {
      await actorInEvent(db, request, canPrintCertificates);
      return getCertificateTemplate(db, request.params.eventId);
    },
  );

  app.put(
    '/api/events/:eventId/certificate-template',
    {
      schema: {
        tags,
        summary: 'Sửa mẫu giấy chứng nhận: cơ quan cấp, tiêu đề, người ký',
        security: cookieAuth,
        params: eventParams,
        body: certificateTemplateSchema,
        response: { 200: certificateTemplateOutputSchema },
      },
    },
    async (request) => {
      const actor = await actorInEvent(db, request, canPrintCertificates);
      return saveCertificateTemplate(db, actor, request.params.eventId, request.body);
    },
  );

  app.get(
    '/api/events/:eventId/certificates.pdf',
    {
      schema: {
        tags,
        summary: 'In giấy chứng nhận: cả danh sách trao của hội nghị, hoặc mọi sản phẩm của một quyết định',
        security: cookieAuth,
        params: eventParams,
        querystring: certificatesQuerySchema,
        response: pdfFile,
      },
    },
    async (request, reply) => {
      await actorInEvent(db, request, canPrintCertificates);
      const { eventId } = request.params;
      const { decisionNumber, allowBlankNumber } = request.query;
      const products = decisionNumber
        ? (await findProductsByFilter(db, { decisionNumber, potential: false })).filter(
            (p) => (p.stars ?? 0) >= 3,
          )
        : await (async () => {
            const ids = await awardedProductIds(db, eventId);
            const byId = new Map((await findProductsByFilter(db, { ids })).map((p) => [p.id, p]));
            return ids.map((id) => byId.get(id)!).filter(Boolean);
          })();
      if (products.length === 0) {
        throw invalidField(
          'decisionNumber',
          decisionNumber
            ? `Không có sản phẩm được chứng nhận nào theo quyết định "${decisionNumber}"`
            : 'Danh sách trao chứng nhận của hội nghị còn trống; hãy lập danh sách trước',
        );
      }
      assertCertificatesNumbered(products, allowBlankNumber);
      const buffer = await buildCertificatesPdf(
        await getCertificateTemplate(db, eventId),
        products,
        await eventYearOf(eventId),
      );
      sendDownload(reply, {
        buffer,
        mediaType: PDF,
        asciiName: 'giay-chung-nhan-ocop.pdf',
        name: 'Giấy chứng nhận OCOP.pdf',
      });
    },
  );

  app.get(
    '/api/events/:eventId/certificates/:productId',
    {
      schema: {
        tags,
        summary: 'In lại giấy chứng nhận của một sản phẩm',
        security: cookieAuth,
        params: eventParams.extend({ productId: idSchema }),
        querystring: certificateReprintQuerySchema,
        response: pdfFile,
      },
    },
    async (request, reply) => {
      await actorInEvent(db, request, canPrintCertificates);
      const product = await getProduct(db, request.params.productId);
      if (product.potential || (product.stars ?? 0) < 3) {
        throw invalidField('productId', 'Sản phẩm tiềm năng hoặc dưới 3 sao không có giấy chứng nhận OCOP');
      }
      assertCertificatesNumbered([product], request.query.allowBlankNumber);
      const buffer = await buildCertificatesPdf(
        await getCertificateTemplate(db, request.params.eventId),
        [product],
        await eventYearOf(request.params.eventId),
      );
      sendDownload(reply, {
        buffer,
        mediaType: PDF,
        asciiName: 'giay-chung-nhan.pdf',
        name: `Giấy chứng nhận - ${product.name}.pdf`,
      });
    },
  );
}
