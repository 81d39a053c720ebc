import { z } from 'zod';
import { idSchema, okSchema } from '../../shared/common';
import {
  createProgramItemSchema,
  hallStateSchema,
  mcScriptVersionSchema,
  moveHallSchema,
  programItemSchema,
  programSchema,
  reorderProgramSchema,
  updateProgramItemSchema,
} from '../../shared/program';
import { scopeOf } from '../delegates/delegates.policy';
import { getEventById } from '../events/events.service';
import { actorInEvent } from '../http/event-access';
import { eventStreamResponse, streamEvents } from '../http/event-stream';
import { type App, cookieAuth, DOCX_MEDIA_TYPE, type RouteDeps, sendDownload } from '../http/types';
import { getHallState, moveHall } from './hall.service';
import { mcScriptDocx } from './mc-script';
import { generateMcScript } from './mc-sources';
import { programDocx, programPdf } from './program.documents';
import {
  canDriveHall,
  canEditProgram,
  canReadMcScript,
  canReadProgram,
  canWatchHall,
} from './program.policy';
import {
  createProgramItem,
  deleteProgramItem,
  getProgram,
  reorderProgram,
  updateProgramItem,
} from './program.service';

const tags = ['program'];
const eventParams = z.object({ eventId: idSchema });
const itemParams = eventParams.extend({ itemId: idSchema });
const file = (description: string, mediaType: string) => ({
  200: { description, content: { [mediaType]: { schema: z.string() } } },
});

export async function programRoutes(app: App, { handle: { db }, room }: RouteDeps) {
  app.get(
    '/api/events/:eventId/program',
    {
      schema: {
        tags,
        summary:
          'Chương trình hội nghị: các mục theo thứ tự, giờ tính từ giờ bắt đầu và thời lượng, cảnh báo',
        security: cookieAuth,
        params: eventParams,
        response: { 200: programSchema },
      },
    },
    async (request) => {
      const actor = await actorInEvent(db, request, canReadProgram);
      return getProgram(db, request.params.eventId, await scopeOf(db, actor, request.params.eventId));
    },
  );

  app.post(
    '/api/events/:eventId/program/items',
    {
      schema: {
        tags,
        summary: 'Thêm mục (hoặc phần của một mục) vào cuối chương trình',
        security: cookieAuth,
        params: eventParams,
        body: createProgramItemSchema,
        response: { 201: programItemSchema },
      },
    },
    async (request, reply) => {
      const actor = await actorInEvent(db, request, canEditProgram);
      reply.status(201);
      return createProgramItem(db, actor, request.params.eventId, request.body);
    },
  );

  app.patch(
    '/api/events/:eventId/program/items/:itemId',
    {
      schema: {
        tags,
        summary: 'Sửa mục chương trình: loại, tên, thời lượng, người trình bày, ghi chú cho người dẫn',
        security: cookieAuth,
        params: itemParams,
        body: updateProgramItemSchema,
        response: { 200: programItemSchema },
      },
    },
    async (request) => {
      const actor = await actorInEvent(db, request, canEditProgram);
      return updateProgramItem(db, actor, request.params.eventId, request.params.itemId, request.body);
    },
  );

  app.delete(
    '/api/events/:eventId/program/items/:itemId',
    {
      schema: {
        tags,
        summary: 'Xóa mục chương trình (cùng các phần của nó)',
        security: cookieAuth,
        params: itemParams,
        response: { 200: okSchema },
      },
    },
    async (request) => {
      const actor = await actorInEvent(db, request, canEditProgram);
      await deleteProgramItem(db, actor, request.params.eventId, request.params.itemId);
      return { ok: true as const };
    },
  );

  app.put(
    '/api/events/:eventId/program/order',
    {
      schema: {
        tags,
        summary: 'Sắp xếp lại một cấp của chương trình (giờ của các mục sau được tính lại)',
        security: cookieAuth,
        params: eventParams,
        body: reorderProgramSchema,
        response: { 200: programSchema },
      },
    },
    async (request) => {
      const actor = await actorInEvent(db, request, canEditProgram);
      return reorderProgram(db, actor, request.params.eventId, request.body);
    },
  );

  app.get(
    '/api/events/:eventId/program.docx',
    {
      schema: {
        tags,
        summary: 'Chương trình hội nghị (.docx, thể thức Nghị định 30/2020/NĐ-CP)',
        security: cookieAuth,
        params: eventParams,
        response: file('Tệp .docx', DOCX_MEDIA_TYPE),
      },
    },
    async (request, reply) => {
      const actor = await actorInEvent(db, request, canReadProgram);
      const { eventId } = request.params;
      const program = await getProgram(db, eventId, await scopeOf(db, actor, eventId));
      const buffer = await programDocx(await getEventById(db, eventId), program);
      sendDownload(reply, {
        buffer,
        mediaType: DOCX_MEDIA_TYPE,
        asciiName: 'chuong-trinh.docx',
        name: 'Chương trình hội nghị.docx',
      });
    },
  );

  app.get(
    '/api/events/:eventId/program.pdf',
    {
      schema: {
        tags,
        summary: 'Chương trình hội nghị (.pdf)',
        security: cookieAuth,
        params: eventParams,
        response: file('Tệp .pdf', 'application/pdf'),
      },
    },
    async (request, reply) => {
      const actor = await actorInEvent(db, request, canReadProgram);
      const { eventId } = request.params;
      const program = await getProgram(db, eventId, await scopeOf(db, actor, eventId));
      const buffer = await programPdf(await getEventById(db, eventId), program);
      sendDownload(reply, {
        buffer,
        mediaType: 'application/pdf',
        asciiName: 'chuong-trinh.pdf',
        name: 'Chương trình hội nghị.pdf',
      });
    },
  );

  app.post(
    '/api/events/:eventId/mc-script',
    {
      schema: {
        tags,
        summary:
          'Tạo lại kịch bản dẫn chương trình theo người đang có mặt; giữ bản trước và trả về phần thay đổi',
        security: cookieAuth,
        params: eventParams,
        response: { 200: mcScriptVersionSchema },
      },
    },
    async (request) => {
      const actor = await actorInEvent(db, request, canReadMcScript);
      return generateMcScript(db, actor, request.params.eventId);
    },
  );

  app.get(
    '/api/events/:eventId/mc-script.docx',
    {
      schema: {
        tags,
        summary:
          'Kịch bản dẫn chương trình (.docx), tạo theo chương trình, thứ tự nghi lễ và người đã điểm danh',
        security: cookieAuth,
        params: eventParams,
        response: file('Tệp .docx', DOCX_MEDIA_TYPE),
      },
    },
    async (request, reply) => {
      const actor = await actorInEvent(db, request, canReadMcScript);
      const version = await generateMcScript(db, actor, request.params.eventId);
      sendDownload(reply, {
        buffer: await mcScriptDocx(version.script),
        mediaType: DOCX_MEDIA_TYPE,
        asciiName: 'kich-ban-dan-chuong-trinh.docx',
        name: 'Kịch bản dẫn chương trình.docx',
      });
    },
  );

  app.get(
    '/api/events/:eventId/program/now',
    {
      schema: {
        tags,
        summary: 'Màn hình hội trường: mục đang diễn ra, mục tiếp theo và trang kịch bản của người dẫn',
        security: cookieAuth,
        params: eventParams,
        response: { 200: hallStateSchema },
      },
    },
    async (request) => {
      await actorInEvent(db, request, canWatchHall);
      return getHallState(db, request.params.eventId);
    },
  );

  app.post(
    '/api/events/:eventId/program/now',
    {
      schema: {
        tags,
        summary: 'Chuyển màn hình hội trường sang mục tiếp theo, mục trước, mục đầu hoặc một mục chọn',
        security: cookieAuth,
        params: eventParams,
        body: moveHallSchema,
        response: { 200: hallStateSchema },
      },
    },
    async (request) => {
      const actor = await actorInEvent(db, request, canDriveHall);
      return moveHall(db, room, actor, request.params.eventId, request.body);
    },
  );

  app.get(
    '/api/events/:eventId/program/now/live',
    {
      schema: {
        tags,
        summary:
          'Màn hình hội trường, cập nhật trực tiếp (Server-Sent Events với Accept: text/event-stream; mỗi thay đổi một sự kiện "hall")',
        security: cookieAuth,
        params: eventParams,
        response: eventStreamResponse,
      },
    },
    async (request, reply) => {
      await actorInEvent(db, request, canWatchHall);
      const { eventId } = request.params;
      // The room feed carries check-ins and the hall's moves alike.
      await streamEvents(request, reply, {
        event: 'hall',
        read: () => getHallState(db, eventId),
        subscribe: (onChange) => room.subscribe(eventId, onChange),
      });
    },
  );
}
