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
import { eventStreamResponse, streamEvents } from '../http/event-stream';
import { type App, cookieAuth, type RouteDeps } from '../http/types';
import { markDocuments, registerWalkIn, substituteAtDoor } from './checkin.desk';
import { canCheckIn, canWatchRoom } from './checkin.policy';
import { checkinSnapshot, findDuplicates, roomSummary } from './checkin.room';
import { checkIn, checkInBatch } from './checkin.service';
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
        response: eventStreamResponse,
      },
    },
    async (request, reply) => {
      await actorInEvent(db, request, canWatchRoom);
      const { eventId } = request.params;
      // Every scan reported by the room feed (this server and, on PostgreSQL, the others).
      await streamEvents(request, reply, {
        event: 'room',
        read: () => summaries.latest(eventId),
        subscribe: (onChange) => room.subscribe(eventId, onChange),
      });
    },
  );
}
