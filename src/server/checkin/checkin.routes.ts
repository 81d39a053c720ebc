import { z } from 'zod';
import {
  checkinBatchResultSchema,
  checkinBatchSchema,
  checkinDelegateSchema,
  checkinInputSchema,
  checkinResultSchema,
  checkinSnapshotSchema,
  doorSubstituteSchema,
  duplicateScanSchema,
  roomSummarySchema,
  walkInInputSchema,
} from '../../shared/checkin';
import { idSchema } from '../../shared/common';
import { recordPersonalDataExport } from '../audit/audit.service';
import { actorInEvent } from '../http/event-access';
import { type App, cookieAuth, type RouteDeps } from '../http/types';
import { canCheckIn, canWatchRoom } from './checkin.policy';
import { checkinSnapshot, findDuplicates, roomSummary } from './checkin.room';
import { checkIn, checkInBatch, markDocuments, registerWalkIn, substituteAtDoor } from './checkin.service';
import { RoomSummaries } from './room-summaries';

const tags = ['checkin'];
const eventParams = z.object({ eventId: idSchema });

export async function checkinRoutes(app: App, { handle: { db, sqlite, pool }, room }: RouteDeps) {
  // Every room screen of this server reads the same summary per event (computed once per change).
  const summaries = new RoomSummaries(db, room);
  app.post(
    '/api/events/:eventId/checkins',
    {
      schema: {
        tags,
        summary:
          'Điểm danh một đại biểu bằng mã QR hoặc chọn theo tên (gửi lại cùng clientId không tính hai lần)',
        security: cookieAuth,
        params: eventParams,
        body: checkinInputSchema,
        response: { 200: checkinResultSchema },
      },
    },
    async (request) => {
      const actor = await actorInEvent(db, request, canCheckIn, { eventCheckedByService: true });
      return checkIn(db, room, actor, request.params.eventId, request.body, { sqlite, pool });
    },
  );

  app.post(
    '/api/events/:eventId/checkins/batch',
    {
      schema: {
        tags,
        summary: 'Gửi hàng đợi điểm danh của một máy (khi có mạng trở lại); mỗi lượt có kết quả riêng',
        security: cookieAuth,
        params: eventParams,
        body: checkinBatchSchema,
        response: { 200: checkinBatchResultSchema },
      },
    },
    async (request) => {
      const actor = await actorInEvent(db, request, canCheckIn, { eventCheckedByService: true });
      return checkInBatch(db, room, actor, request.params.eventId, request.body.checkins, { sqlite, pool });
    },
  );

  app.post(
    '/api/events/:eventId/checkins/walk-in',
    {
      schema: {
        tags,
        summary: 'Khách không có trong danh sách: ghi tên, lý do, và điểm danh',
        security: cookieAuth,
        params: eventParams,
        body: walkInInputSchema,
        response: { 200: checkinResultSchema },
      },
    },
    async (request) => {
      const actor = await actorInEvent(db, request, canCheckIn);
      return registerWalkIn(db, room, actor, request.params.eventId, request.body);
    },
  );

  app.post(
    '/api/events/:eventId/checkins/substitute',
    {
      schema: {
        tags,
        summary: 'Người dự thay đến tại bàn đón tiếp: ghi nhận thay cho đại biểu và điểm danh',
        security: cookieAuth,
        params: eventParams,
        body: doorSubstituteSchema,
        response: { 200: checkinResultSchema },
      },
    },
    async (request) => {
      const actor = await actorInEvent(db, request, canCheckIn);
      return substituteAtDoor(db, room, actor, request.params.eventId, request.body);
    },
  );

  app.post(
    '/api/events/:eventId/checkins/:delegateId/documents',
    {
      schema: {
        tags,
        summary: 'Đánh dấu đại biểu đã nhận tài liệu',
        security: cookieAuth,
        params: eventParams.extend({ delegateId: idSchema }),
        response: { 200: checkinDelegateSchema },
      },
    },
    async (request) => {
      const actor = await actorInEvent(db, request, canCheckIn);
      return markDocuments(db, room, actor, request.params.eventId, request.params.delegateId);
    },
  );

  app.get(
    '/api/events/:eventId/checkin-snapshot',
    {
      schema: {
        tags,
        summary: 'Danh sách đại biểu cho máy điểm danh làm việc khi mất mạng (mã QR chỉ ở dạng băm)',
        security: cookieAuth,
        params: eventParams,
        response: { 200: checkinSnapshotSchema },
      },
    },
    async (request, reply) => {
      const actor = await actorInEvent(db, request, canCheckIn);
      reply.header('cache-control', 'no-store');
      const snapshot = await checkinSnapshot(db, request.params.eventId);
      await recordPersonalDataExport(db, actor, {
        eventId: request.params.eventId,
        list: 'checkin-snapshot',
        people: snapshot.delegates.length,
      });
      return snapshot;
    },
  );

  app.get(
    '/api/events/:eventId/checkins/duplicates',
    {
      schema: {
        tags,
        summary: 'Các lượt quét trùng (cùng một người quét trên hai máy hoặc hai lần)',
        security: cookieAuth,
        params: eventParams,
        response: { 200: z.array(duplicateScanSchema) },
      },
    },
    async (request) => {
      await actorInEvent(db, request, canCheckIn);
      return findDuplicates(db, request.params.eventId);
    },
  );

  app.get(
    '/api/events/:eventId/room',
    {
      schema: {
        tags,
        summary: 'Số đại biểu đã đến so với dự kiến, theo nhóm',
        security: cookieAuth,
        params: eventParams,
        response: { 200: roomSummarySchema },
      },
    },
    async (request) => {
      await actorInEvent(db, request, canWatchRoom);
      return roomSummary(db, request.params.eventId);
    },
  );

  app.get(
    '/api/events/:eventId/room/live',
    {
      schema: {
        tags,
        summary:
          'Số đại biểu đã đến, cập nhật trực tiếp (Server-Sent Events với Accept: text/event-stream; mỗi thay đổi một sự kiện "room")',
        security: cookieAuth,
        params: eventParams,
        response: {
          200: { description: 'text/event-stream', content: { 'text/event-stream': { schema: z.string() } } },
        },
      },
    },
    async (request, reply) => {
      await actorInEvent(db, request, canWatchRoom);
      const { eventId } = request.params;
      reply.hijack();
      const out = reply.raw;
      out.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      let closed = false;
      let pending: NodeJS.Timeout | null = null;
      const send = async () => {
        pending = null;
        if (closed) return;
        try {
          const summary = await summaries.latest(eventId);
          if (!closed) out.write(`event: room\ndata: ${JSON.stringify(summary)}\n\n`);
        } catch (error) {
          request.log.warn({ err: error }, 'room summary failed');
        }
      };
      // A burst of scans is one update: at most five a second per listener, the first within 200 ms.
      const unsubscribe = room.subscribe(eventId, () => {
        pending ??= setTimeout(send, 200);
      });
      const heartbeat = setInterval(() => !closed && out.write(': keep-alive\n\n'), 15_000);
      const stop = () => {
        closed = true;
        unsubscribe();
        clearInterval(heartbeat);
        if (pending) clearTimeout(pending);
      };
      request.raw.on('close', stop);
      out.write('retry: 2000\n\n');
      await send();
      // A client that does not ask for a stream (a script, a health probe) gets the one snapshot and the end.
      if (!String(request.headers.accept ?? '').includes('text/event-stream')) {
        stop();
        out.end();
      }
    },
  );
}
