import { z } from 'zod';
import { idSchema, okSchema } from '../../shared/common';
import {
  ATTACHMENT_MEDIA_TYPES,
  attachmentQuerySchema,
  attachmentSchema,
  createTaskSchema,
  MAX_ATTACHMENT_BYTES,
  taskCommentInputSchema,
  taskDetailSchema,
  taskListSchema,
  taskSchema,
  updateTaskSchema,
} from '../../shared/tasks';
import { actorInEvent } from '../http/event-access';
import { type App, cookieAuth, type RouteDeps } from '../http/types';
import { canManageTasks, canViewTasks, canWorkOnTasks } from './tasks.policy';
import {
  addTaskAttachment,
  addTaskComment,
  createTask,
  deleteTask,
  deleteTaskAttachment,
  findTasks,
  getTask,
  getTaskAttachmentFile,
  updateTask,
} from './tasks.service';

const tags = ['tasks'];
const eventParams = z.object({ eventId: idSchema });
const taskParams = eventParams.extend({ taskId: idSchema });
const fileParams = taskParams.extend({ attachmentId: idSchema });

/** Sends a stored file inline (a PDF or photo opens in the browser); the name as in sendDownload. */
export function sendStoredFile(
  reply: { type(t: string): unknown; header(k: string, v: string): unknown; send(payload: never): unknown },
  file: { fileName: string; mediaType: string; bytes: Buffer },
) {
  const ascii =
    file.fileName
      .normalize('NFD')
      .replace(/[^\x20-\x7e]/g, '')
      .replace(/["\\]/g, '') || 'tep';
  reply.type(file.mediaType);
  reply.header(
    'content-disposition',
    `inline; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
  );
  reply.send(file.bytes as never);
}

export async function tasksRoutes(app: App, { handle: { db } }: RouteDeps) {
  // Proof of work arrives as the raw file body (PDF or JPEG); the service checks the bytes and the size again.
  app.addContentTypeParser(
    [...ATTACHMENT_MEDIA_TYPES],
    { parseAs: 'buffer', bodyLimit: MAX_ATTACHMENT_BYTES },
    (_req, body, done) => done(null, body),
  );

  app.get(
    '/api/events/:eventId/tasks',
    {
      schema: {
        tags,
        summary: 'Nhiệm vụ theo đơn vị (cán bộ đơn vị chỉ thấy nhiệm vụ của đơn vị mình)',
        security: cookieAuth,
        params: eventParams,
        response: { 200: taskListSchema },
      },
    },
    async (request) => {
      const actor = await actorInEvent(db, request, canViewTasks);
      return findTasks(db, actor, request.params.eventId);
    },
  );

  app.post(
    '/api/events/:eventId/tasks',
    {
      schema: {
        tags,
        summary: 'Thêm nhiệm vụ (hạn theo ngày, hoặc D-n tính từ ngày hội nghị)',
        security: cookieAuth,
        params: eventParams,
        body: createTaskSchema,
        response: { 201: taskSchema },
      },
    },
    async (request, reply) => {
      const actor = await actorInEvent(db, request, canManageTasks);
      reply.status(201);
      return createTask(db, actor, request.params.eventId, request.body);
    },
  );

  app.get(
    '/api/events/:eventId/tasks/:taskId',
    {
      schema: {
        tags,
        summary: 'Một nhiệm vụ: trao đổi và tệp đính kèm',
        security: cookieAuth,
        params: taskParams,
        response: { 200: taskDetailSchema },
      },
    },
    async (request) => {
      const actor = await actorInEvent(db, request, canViewTasks);
      return getTask(db, actor, request.params.eventId, request.params.taskId);
    },
  );

  app.patch(
    '/api/events/:eventId/tasks/:taskId',
    {
      schema: {
        tags,
        summary: 'Cập nhật nhiệm vụ (đơn vị: tiến độ, người phụ trách; ban tổ chức: mọi trường)',
        security: cookieAuth,
        params: taskParams,
        body: updateTaskSchema,
        response: { 200: taskSchema },
      },
    },
    async (request) => {
      const actor = await actorInEvent(db, request, canWorkOnTasks);
      return updateTask(db, actor, request.params.eventId, request.params.taskId, request.body);
    },
  );

  app.delete(
    '/api/events/:eventId/tasks/:taskId',
    {
      schema: {
        tags,
        summary: 'Xóa nhiệm vụ',
        security: cookieAuth,
        params: taskParams,
        response: { 200: okSchema },
      },
    },
    async (request) => {
      const actor = await actorInEvent(db, request, canManageTasks);
      await deleteTask(db, actor, request.params.eventId, request.params.taskId);
      return { ok: true as const };
    },
  );

  app.post(
    '/api/events/:eventId/tasks/:taskId/comments',
    {
      schema: {
        tags,
        summary: 'Trao đổi về nhiệm vụ',
        security: cookieAuth,
        params: taskParams,
        body: taskCommentInputSchema,
        response: { 201: taskDetailSchema },
      },
    },
    async (request, reply) => {
      const actor = await actorInEvent(db, request, canWorkOnTasks);
      reply.status(201);
      return addTaskComment(db, actor, request.params.eventId, request.params.taskId, request.body.body);
    },
  );

  app.post(
    '/api/events/:eventId/tasks/:taskId/attachments',
    {
      config: { fileBody: 'scan' },
      schema: {
        tags,
        summary: 'Đính kèm tệp PDF hoặc ảnh JPEG (tối đa 5 MB; gửi nguyên tệp, tên tệp trong ?name=)',
        security: cookieAuth,
        params: taskParams,
        querystring: attachmentQuerySchema,
        consumes: [...ATTACHMENT_MEDIA_TYPES],
        response: { 201: attachmentSchema },
      },
    },
    async (request, reply) => {
      const actor = await actorInEvent(db, request, canWorkOnTasks);
      reply.status(201);
      return addTaskAttachment(
        db,
        actor,
        request.params.eventId,
        request.params.taskId,
        request.query.name,
        request.body as Buffer,
      );
    },
  );

  app.get(
    '/api/events/:eventId/tasks/:taskId/attachments/:attachmentId',
    {
      schema: {
        tags,
        summary: 'Tải tệp đính kèm của nhiệm vụ',
        security: cookieAuth,
        params: fileParams,
        response: {
          200: { description: 'Tệp PDF hoặc JPEG', content: { 'application/pdf': { schema: z.string() } } },
        },
      },
    },
    async (request, reply) => {
      const actor = await actorInEvent(db, request, canViewTasks);
      const { eventId, taskId, attachmentId } = request.params;
      sendStoredFile(reply, await getTaskAttachmentFile(db, actor, eventId, taskId, attachmentId));
    },
  );

  app.delete(
    '/api/events/:eventId/tasks/:taskId/attachments/:attachmentId',
    {
      schema: {
        tags,
        summary: 'Xóa tệp đính kèm của nhiệm vụ',
        security: cookieAuth,
        params: fileParams,
        response: { 200: okSchema },
      },
    },
    async (request) => {
      const actor = await actorInEvent(db, request, canWorkOnTasks);
      const { eventId, taskId, attachmentId } = request.params;
      await deleteTaskAttachment(db, actor, eventId, taskId, attachmentId);
      return { ok: true as const };
    },
  );
}
