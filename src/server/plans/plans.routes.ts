import { z } from 'zod';
import { idSchema, okSchema } from '../../shared/common';
import { eventSchema } from '../../shared/events';
import { planDraftSchema } from '../../shared/plan';
import {
  applyPlanSchema,
  createEventFromPlanSchema,
  parsePlanTextSchema,
  planContentsOutputSchema,
  planContentsSchema,
} from '../../shared/plan-contents';
import { invalid } from '../errors';
import { canCreateEvent, canEditEvent, canViewEvent } from '../events/events.policy';
import { getEventById } from '../events/events.service';
import { authenticate, authorize } from '../http/session';
import { type App, cookieAuth, DOCX_MEDIA_TYPE, type RouteDeps, sendDownload } from '../http/types';
import { matchUnitNames } from '../units/units.service';
import {
  applyPlanToEvent,
  createEventFromPlan,
  getPlanContents,
  replacePlanContents,
} from './plan-contents.service';
import { buildPlanDocx } from './plan-docx';
import { parsePlanDocument, parsePlanText } from './plans.service';

const DOCUMENT_TYPES = ['application/pdf', DOCX_MEDIA_TYPE, 'text/plain'];
const eventParams = z.object({ eventId: idSchema });
/** The text as read, the draft, and the catalogue unit each named agency was matched to (null: no match). */
const parsed = z.object({
  text: z.string(),
  draft: planDraftSchema,
  links: z.record(z.string(), z.string().nullable()),
  /** The text was read from a scanned PDF by OCR. */
  ocr: z.boolean(),
});
const tags = ['plans'];

/** Pasted text comes as JSON `{ text }`. */
function parseTextBody(raw: unknown) {
  const body = parsePlanTextSchema.safeParse(raw);
  if (!body.success)
    throw invalid('Gửi tệp văn bản, hoặc JSON { "text": "…" } với nội dung văn bản', [
      { field: 'text', message: 'Thiếu nội dung văn bản' },
    ]);
  return parsePlanText(body.data.text);
}

export async function plansRoutes(app: App, { handle: { db } }: RouteDeps) {
  // Documents arrive as the raw file body; text/plain bodies are read as UTF-8 like an uploaded .txt.
  app.addContentTypeParser(
    DOCUMENT_TYPES,
    { parseAs: 'buffer', bodyLimit: 5 * 1024 * 1024 },
    (_req, body, done) => done(null, body),
  );

  app.post(
    '/api/plans/parse',
    {
      schema: {
        tags,
        summary:
          'Đọc một kế hoạch, giấy mời, công văn (.txt, .docx, .pdf, hoặc { text }) thành bản nháp hội nghị',
        security: cookieAuth,
        consumes: ['application/json', ...DOCUMENT_TYPES, 'application/octet-stream'],
        response: { 200: parsed },
      },
    },
    async (request) => {
      authorize(canCreateEvent(await authenticate(db, request)));
      const result = Buffer.isBuffer(request.body)
        ? await parsePlanDocument(request.body)
        : parseTextBody(request.body);
      const e = result.draft.event;
      const names = [
        e.host,
        e.lead,
        ...e.partners.map((p) => p.name),
        ...result.draft.tasks.map((t) => t.unit),
      ];
      const links = await matchUnitNames(
        db,
        names.filter((n): n is string => !!n),
      );
      return { ...result, links: Object.fromEntries(links) };
    },
  );

  app.post(
    '/api/events/from-plan',
    {
      schema: {
        tags,
        summary:
          'Tạo hội nghị từ bản nháp đã sửa: thành phần, chương trình, hoạt động bên lề, nhiệm vụ, căn cứ, nơi nhận',
        security: cookieAuth,
        body: createEventFromPlanSchema,
        response: { 201: eventSchema },
      },
    },
    async (request, reply) => {
      const actor = await authenticate(db, request);
      authorize(canCreateEvent(actor));
      reply.status(201);
      return createEventFromPlan(db, actor, request.body);
    },
  );

  app.post(
    '/api/events/:eventId/apply-plan',
    {
      schema: {
        tags,
        summary:
          'Cập nhật hội nghị theo một kế hoạch (sau khi xem khác biệt): thông tin, nội dung và văn bản cùng lúc',
        security: cookieAuth,
        params: eventParams,
        body: applyPlanSchema,
        response: { 200: eventSchema },
      },
    },
    async (request) => {
      const actor = await authenticate(db, request);
      authorize(canEditEvent(actor, request.params.eventId));
      return applyPlanToEvent(db, actor, request.params.eventId, request.body);
    },
  );

  app.get(
    '/api/events/:eventId/plan-contents',
    {
      schema: {
        tags,
        summary: 'Nội dung kế hoạch của hội nghị',
        security: cookieAuth,
        params: eventParams,
        response: { 200: planContentsOutputSchema },
      },
    },
    async (request) => {
      authorize(canViewEvent(await authenticate(db, request), request.params.eventId));
      return getPlanContents(db, request.params.eventId);
    },
  );

  app.get(
    '/api/events/:eventId/plan.docx',
    {
      schema: {
        tags,
        summary: 'Xuất hội nghị thành Kế hoạch (.docx, thể thức Nghị định 30/2020)',
        security: cookieAuth,
        params: eventParams,
        response: {
          200: { description: 'Tệp .docx', content: { [DOCX_MEDIA_TYPE]: { schema: z.string() } } },
        },
      },
    },
    async (request, reply) => {
      authorize(canViewEvent(await authenticate(db, request), request.params.eventId));
      const event = await getEventById(db, request.params.eventId);
      const buffer = await buildPlanDocx(event, await getPlanContents(db, event.id));
      sendDownload(reply, {
        buffer,
        mediaType: DOCX_MEDIA_TYPE,
        asciiName: 'ke-hoach.docx',
        name: 'Kế hoạch.docx',
      });
    },
  );

  app.put(
    '/api/events/:eventId/plan-contents',
    {
      schema: {
        tags,
        summary: 'Thay nội dung kế hoạch của hội nghị',
        security: cookieAuth,
        params: eventParams,
        body: planContentsSchema,
        response: { 200: okSchema },
      },
    },
    async (request) => {
      const actor = await authenticate(db, request);
      authorize(canEditEvent(actor, request.params.eventId));
      await db
        .transaction()
        .execute((trx) => replacePlanContents(trx, actor, request.params.eventId, request.body));
      return { ok: true as const };
    },
  );
}
