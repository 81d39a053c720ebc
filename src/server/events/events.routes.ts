import { z } from 'zod';
import { auditPageSchema, findAuditQuerySchema } from '../../shared/audit';
import { idSchema, okSchema } from '../../shared/common';
import {
  changeEventStatusSchema,
  createEventSchema,
  eventSchema,
  eventSummarySchema,
  memberSchema,
  setMemberSchema,
  updateEventSchema,
} from '../../shared/events';
import { findAuditEntries } from '../audit/audit.service';
import { authenticate, authorize } from '../http/session';
import { type App, cookieAuth, type RouteDeps } from '../http/types';
import {
  canCreateEvent,
  canDeleteEvent,
  canEditEvent,
  canManageMembers,
  canReadAudit,
  canViewEvent,
} from './events.policy';
import {
  changeEventStatus,
  createEvent,
  deleteEvent,
  findEventsForActor,
  findMembers,
  getEventById,
  removeMember,
  setMember,
  updateEvent,
} from './events.service';

const eventParams = z.object({ eventId: idSchema });
const memberParams = z.object({ eventId: idSchema, userId: idSchema });
const tags = ['events'];

export async function eventsRoutes(app: App, { handle: { db } }: RouteDeps) {
  app.get(
    '/api/events',
    {
      schema: {
        tags,
        summary: 'Các hội nghị người dùng được xem',
        security: cookieAuth,
        response: { 200: z.array(eventSummarySchema) },
      },
    },
    async (request) => findEventsForActor(db, await authenticate(db, request)),
  );

  app.post(
    '/api/events',
    {
      schema: {
        tags,
        summary: 'Tạo hội nghị',
        security: cookieAuth,
        body: createEventSchema,
        response: { 201: eventSchema },
      },
    },
    async (request, reply) => {
      const actor = await authenticate(db, request);
      authorize(canCreateEvent(actor));
      reply.status(201);
      return createEvent(db, actor, request.body);
    },
  );

  app.get(
    '/api/events/:eventId',
    {
      schema: {
        tags,
        summary: 'Thông tin hội nghị',
        security: cookieAuth,
        params: eventParams,
        response: { 200: eventSchema },
      },
    },
    async (request) => {
      authorize(canViewEvent(await authenticate(db, request), request.params.eventId));
      return getEventById(db, request.params.eventId);
    },
  );

  app.patch(
    '/api/events/:eventId',
    {
      schema: {
        tags,
        summary: 'Sửa thông tin hội nghị',
        security: cookieAuth,
        params: eventParams,
        body: updateEventSchema,
        response: { 200: eventSchema },
      },
    },
    async (request) => {
      const actor = await authenticate(db, request);
      authorize(canEditEvent(actor, request.params.eventId));
      return updateEvent(db, actor, request.params.eventId, request.body);
    },
  );

  app.post(
    '/api/events/:eventId/status',
    {
      schema: {
        tags,
        summary: 'Chuyển trạng thái: dự thảo → đang chuẩn bị → đang diễn ra → đã kết thúc',
        security: cookieAuth,
        params: eventParams,
        body: changeEventStatusSchema,
        response: { 200: eventSchema },
      },
    },
    async (request) => {
      const actor = await authenticate(db, request);
      authorize(canEditEvent(actor, request.params.eventId));
      return changeEventStatus(db, actor, request.params.eventId, request.body.status);
    },
  );

  app.delete(
    '/api/events/:eventId',
    {
      schema: {
        tags,
        summary: 'Xóa hội nghị',
        security: cookieAuth,
        params: eventParams,
        response: { 200: okSchema },
      },
    },
    async (request) => {
      const actor = await authenticate(db, request);
      authorize(canDeleteEvent(actor));
      await deleteEvent(db, actor, request.params.eventId);
      return { ok: true as const };
    },
  );

  app.get(
    '/api/events/:eventId/members',
    {
      schema: {
        tags,
        summary: 'Người dùng có vai trò trong hội nghị',
        security: cookieAuth,
        params: eventParams,
        response: { 200: z.array(memberSchema) },
      },
    },
    async (request) => {
      authorize(canManageMembers(await authenticate(db, request), request.params.eventId));
      return findMembers(db, request.params.eventId);
    },
  );

  app.put(
    '/api/events/:eventId/members/:userId',
    {
      schema: {
        tags,
        summary: 'Giao vai trò cho người dùng trong hội nghị',
        security: cookieAuth,
        params: memberParams,
        body: setMemberSchema,
        response: { 200: z.array(memberSchema) },
      },
    },
    async (request) => {
      const actor = await authenticate(db, request);
      authorize(canManageMembers(actor, request.params.eventId));
      return setMember(db, actor, request.params.eventId, request.params.userId, request.body);
    },
  );

  app.delete(
    '/api/events/:eventId/members/:userId',
    {
      schema: {
        tags,
        summary: 'Bỏ vai trò của người dùng',
        security: cookieAuth,
        params: memberParams,
        response: { 200: okSchema },
      },
    },
    async (request) => {
      const actor = await authenticate(db, request);
      authorize(canManageMembers(actor, request.params.eventId));
      await removeMember(db, actor, request.params.eventId, request.params.userId);
      return { ok: true as const };
    },
  );

  app.get(
    '/api/events/:eventId/audit',
    {
      schema: {
        tags,
        summary: 'Nhật ký thay đổi của hội nghị',
        security: cookieAuth,
        params: eventParams,
        querystring: findAuditQuerySchema,
        response: { 200: auditPageSchema },
      },
    },
    async (request) => {
      authorize(canReadAudit(await authenticate(db, request), request.params.eventId));
      return findAuditEntries(db, request.params.eventId, request.query);
    },
  );
}
