import { z } from 'zod';
import {
  budgetLineParamsSchema,
  budgetSchema,
  createBudgetLineSchema,
  updateBudgetLineSchema,
  updateBudgetSchema,
} from '../../shared/budget';
import { idSchema, okSchema } from '../../shared/common';
import { vietnamDay } from '../../shared/format';
import {
  ATTACHMENT_MEDIA_TYPES,
  attachmentQuerySchema,
  attachmentSchema,
  MAX_ATTACHMENT_BYTES,
} from '../../shared/tasks';
import { issuerPlace } from '../documents/official-docx';
import { getEventById } from '../events/events.service';
import { actorInEvent } from '../http/event-access';
import { type App, cookieAuth, type RouteDeps, sendDownload, XLSX_MEDIA_TYPE } from '../http/types';
import { sendStoredFile } from '../tasks/tasks.routes';
import { nowIso } from '../util';
import { canEditBudget, canViewBudget } from './budget.policy';
import {
  addReceipt,
  createBudgetLines,
  deleteBudgetLine,
  deleteReceipt,
  getBudget,
  getReceiptFile,
  setBudgetSource,
  updateBudgetLine,
} from './budget.service';
import { writeBudgetWorkbook } from './budget.xlsx';

const tags = ['budget'];
const eventParams = z.object({ eventId: idSchema });
const receiptParams = budgetLineParamsSchema.extend({ attachmentId: idSchema });
const xlsxFile = {
  200: { description: 'Tệp Excel', content: { [XLSX_MEDIA_TYPE]: { schema: z.string() } } },
};

export async function budgetRoutes(app: App, { handle: { db } }: RouteDeps) {
  // Receipts arrive as the raw file body (PDF or JPEG); the service checks the bytes and the size again.
  app.addContentTypeParser(
    [...ATTACHMENT_MEDIA_TYPES],
    { parseAs: 'buffer', bodyLimit: MAX_ATTACHMENT_BYTES },
    (_req, body, done) => done(null, body),
  );

  app.get(
    '/api/events/:eventId/budget',
    {
      schema: {
        tags,
        summary:
          'Kinh phí: quyết định giao dự toán, các dòng dự toán / cam kết / đã chi (đồng), cảnh báo vượt',
        security: cookieAuth,
        params: eventParams,
        response: { 200: budgetSchema },
      },
    },
    async (request) => {
      await actorInEvent(db, request, canViewBudget);
      return getBudget(db, request.params.eventId);
    },
  );

  app.put(
    '/api/events/:eventId/budget',
    {
      schema: {
        tags,
        summary: 'Ghi quyết định giao dự toán (nguồn kinh phí)',
        security: cookieAuth,
        params: eventParams,
        body: updateBudgetSchema,
        response: { 200: budgetSchema },
      },
    },
    async (request) => {
      const actor = await actorInEvent(db, request, canEditBudget);
      return setBudgetSource(db, actor, request.params.eventId, request.body.sourceDecision ?? null);
    },
  );

  app.post(
    '/api/events/:eventId/budget/lines',
    {
      schema: {
        tags,
        summary: 'Thêm dòng dự toán',
        security: cookieAuth,
        params: eventParams,
        body: createBudgetLineSchema,
        response: { 201: budgetSchema },
      },
    },
    async (request, reply) => {
      const actor = await actorInEvent(db, request, canEditBudget);
      await createBudgetLines(db, actor, request.params.eventId, [request.body]);
      reply.status(201);
      return getBudget(db, request.params.eventId);
    },
  );

  app.patch(
    '/api/events/:eventId/budget/lines/:lineId',
    {
      schema: {
        tags,
        summary: 'Sửa dòng dự toán (số lượng, đơn giá, cam kết, đã chi…)',
        security: cookieAuth,
        params: budgetLineParamsSchema,
        body: updateBudgetLineSchema,
        response: { 200: budgetSchema },
      },
    },
    async (request) => {
      const actor = await actorInEvent(db, request, canEditBudget);
      return updateBudgetLine(db, actor, request.params.eventId, request.params.lineId, request.body);
    },
  );

  app.delete(
    '/api/events/:eventId/budget/lines/:lineId',
    {
      schema: {
        tags,
        summary: 'Xóa dòng dự toán',
        security: cookieAuth,
        params: budgetLineParamsSchema,
        response: { 200: okSchema },
      },
    },
    async (request) => {
      const actor = await actorInEvent(db, request, canEditBudget);
      await deleteBudgetLine(db, actor, request.params.eventId, request.params.lineId);
      return { ok: true as const };
    },
  );

  app.post(
    '/api/events/:eventId/budget/lines/:lineId/receipts',
    {
      config: { fileBody: 'scan' },
      schema: {
        tags,
        summary: 'Đính kèm chứng từ (PDF hoặc ảnh JPEG, tối đa 5 MB; gửi nguyên tệp, tên tệp trong ?name=)',
        security: cookieAuth,
        params: budgetLineParamsSchema,
        querystring: attachmentQuerySchema,
        consumes: [...ATTACHMENT_MEDIA_TYPES],
        response: { 201: attachmentSchema },
      },
    },
    async (request, reply) => {
      const actor = await actorInEvent(db, request, canEditBudget);
      reply.status(201);
      const { eventId, lineId } = request.params;
      return addReceipt(db, actor, eventId, lineId, request.query.name, request.body as Buffer);
    },
  );

  app.get(
    '/api/events/:eventId/budget/lines/:lineId/receipts/:attachmentId',
    {
      schema: {
        tags,
        summary: 'Tải chứng từ',
        security: cookieAuth,
        params: receiptParams,
        response: {
          200: { description: 'Tệp PDF hoặc JPEG', content: { 'application/pdf': { schema: z.string() } } },
        },
      },
    },
    async (request, reply) => {
      await actorInEvent(db, request, canViewBudget);
      const { eventId, lineId, attachmentId } = request.params;
      sendStoredFile(reply, await getReceiptFile(db, eventId, lineId, attachmentId));
    },
  );

  app.delete(
    '/api/events/:eventId/budget/lines/:lineId/receipts/:attachmentId',
    {
      schema: {
        tags,
        summary: 'Xóa chứng từ',
        security: cookieAuth,
        params: receiptParams,
        response: { 200: okSchema },
      },
    },
    async (request) => {
      const actor = await actorInEvent(db, request, canEditBudget);
      const { eventId, lineId, attachmentId } = request.params;
      await deleteReceipt(db, actor, eventId, lineId, attachmentId);
      return { ok: true as const };
    },
  );

  for (const kind of ['estimate', 'settlement'] as const) {
    app.get(
      `/api/events/:eventId/budget/${kind}.xlsx`,
      {
        schema: {
          tags,
          summary:
            kind === 'estimate'
              ? 'Dự toán kinh phí (Excel: STT, Nội dung chi, Đơn vị tính, Số lượng, Đơn giá, Thành tiền, Ghi chú)'
              : 'Quyết toán kinh phí (Excel: dự toán, quyết toán, chênh lệch)',
          security: cookieAuth,
          params: eventParams,
          response: xlsxFile,
        },
      },
      async (request, reply) => {
        await actorInEvent(db, request, canViewBudget);
        const eventId = request.params.eventId;
        const [event, budget] = await Promise.all([getEventById(db, eventId), getBudget(db, eventId)]);
        const today = vietnamDay(nowIso());
        const buffer = await writeBudgetWorkbook(
          budget,
          {
            agency: event.leadName ?? event.hostName ?? '',
            eventName: event.name,
            sourceDecision: budget.sourceDecision,
            place: issuerPlace(event.planIssuer) || 'Thanh Hóa',
            isoDate: today,
            year: Number(today.slice(0, 4)),
          },
          kind,
        );
        const base = kind === 'estimate' ? 'du-toan-kinh-phi' : 'quyet-toan-kinh-phi';
        sendDownload(reply, {
          buffer,
          mediaType: XLSX_MEDIA_TYPE,
          asciiName: `${base}.xlsx`,
          name: `${kind === 'estimate' ? 'Dự toán kinh phí' : 'Quyết toán kinh phí'}.xlsx`,
        });
      },
    );
  }
}
