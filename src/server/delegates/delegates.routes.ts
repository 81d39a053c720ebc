import { z } from 'zod';
import { idSchema, okSchema } from '../../shared/common';
import {
  changeDelegateStatusSchema,
  compositionSchema,
  createDelegateSchema,
  createGroupSchema,
  delegateImportInputSchema,
  delegateImportPreviewSchema,
  delegateImportResultSchema,
  delegatePageSchema,
  delegateSchema,
  findDelegatesQuerySchema,
  importPreviewQuerySchema,
  setSeatsSchema,
  substituteSchema,
  updateDelegateSchema,
  updateGroupSchema,
} from '../../shared/delegates';
import { recordPersonalDataExport } from '../audit/audit.service';
import { getEventById } from '../events/events.service';
import { authenticate, authorize } from '../http/session';
import {
  type App,
  cookieAuth,
  DOCX_MEDIA_TYPE,
  type RouteDeps,
  sendDownload,
  XLSX_MEDIA_TYPE,
} from '../http/types';
import { findUnitsByIds } from '../units/units.service';
import { createGroup, deleteGroup, getComposition, setSeats, updateGroup } from './composition.service';
import {
  buildDelegatesDocx,
  buildDelegatesTemplate,
  buildDelegatesXlsx,
  LISTED_ON_OFFICIAL_LISTS,
} from './delegates.export';
import { importDelegates, previewDelegateImport } from './delegates.import';
import { canManageComposition, canReadDelegates, canWriteDelegates, scopeOf } from './delegates.policy';
import {
  changeDelegateStatus,
  countDelegates,
  createDelegate,
  deleteDelegate,
  findDelegates,
  getDelegate,
  substituteDelegate,
  updateDelegate,
} from './delegates.service';

const tags = ['delegates'];
/** Who the exported lists show: everyone who holds a place (not declined, not replaced). */
const LISTED = LISTED_ON_OFFICIAL_LISTS;
const eventParams = z.object({ eventId: idSchema });
const delegateParams = eventParams.extend({ delegateId: idSchema });
const groupParams = eventParams.extend({ groupId: idSchema });
const file = (description: string, mediaType: string) => ({
  200: { description, content: { [mediaType]: { schema: z.string() } } },
});

export async function delegatesRoutes(app: App, { handle: { db } }: RouteDeps) {
  /** The actor allowed by `policy` in the event, with the units their delegate work reaches. */
  async function actorIn(
    request: Parameters<typeof authenticate>[1] & { params: { eventId: string } },
    policy: (actor: Awaited<ReturnType<typeof authenticate>>, eventId: string) => boolean,
  ) {
    const actor = await authenticate(db, request);
    authorize(policy(actor, request.params.eventId));
    return { actor, scope: await scopeOf(db, actor, request.params.eventId) };
  }

  // ── Composition ──────────────────────────────────────────────────────────────────────────────────────
  app.get(
    '/api/events/:eventId/composition',
    {
      schema: {
        tags,
        summary:
          'Thành phần đại biểu, chỉ tiêu theo đơn vị và số đã đăng ký (cán bộ đơn vị chỉ thấy phần của mình)',
        security: cookieAuth,
        params: eventParams,
        response: { 200: compositionSchema },
      },
    },
    async (request) => {
      const { scope } = await actorIn(request, canReadDelegates);
      return getComposition(db, scope, request.params.eventId);
    },
  );

  app.post(
    '/api/events/:eventId/composition/groups',
    {
      schema: {
        tags,
        summary: 'Thêm nhóm thành phần',
        security: cookieAuth,
        params: eventParams,
        body: createGroupSchema,
        response: { 201: z.object({ id: z.string() }) },
      },
    },
    async (request, reply) => {
      const { actor } = await actorIn(request, canManageComposition);
      reply.status(201);
      return { id: await createGroup(db, actor, request.params.eventId, request.body) };
    },
  );

  app.patch(
    '/api/events/:eventId/composition/groups/:groupId',
    {
      schema: {
        tags,
        summary: 'Sửa nhóm thành phần (số lượng, cơ quan mời, thứ tự lễ tân)',
        security: cookieAuth,
        params: groupParams,
        body: updateGroupSchema,
        response: { 200: okSchema },
      },
    },
    async (request) => {
      const { actor } = await actorIn(request, canManageComposition);
      await updateGroup(db, actor, request.params.eventId, request.params.groupId, request.body);
      return { ok: true as const };
    },
  );

  app.delete(
    '/api/events/:eventId/composition/groups/:groupId',
    {
      schema: {
        tags,
        summary: 'Xóa nhóm thành phần chưa có đại biểu',
        security: cookieAuth,
        params: groupParams,
        response: { 200: okSchema },
      },
    },
    async (request) => {
      const { actor } = await actorIn(request, canManageComposition);
      await deleteGroup(db, actor, request.params.eventId, request.params.groupId);
      return { ok: true as const };
    },
  );

  app.put(
    '/api/events/:eventId/composition/groups/:groupId/seats',
    {
      schema: {
        tags,
        summary: 'Đặt các đơn vị cử đại biểu của nhóm và chỉ tiêu của từng đơn vị',
        security: cookieAuth,
        params: groupParams,
        body: setSeatsSchema,
        response: { 200: okSchema },
      },
    },
    async (request) => {
      const { actor } = await actorIn(request, canManageComposition);
      await setSeats(db, actor, request.params.eventId, request.params.groupId, request.body);
      return { ok: true as const };
    },
  );

  // ── Delegates ────────────────────────────────────────────────────────────────────────────────────────
  app.get(
    '/api/events/:eventId/delegates',
    {
      schema: {
        tags,
        summary: 'Tìm đại biểu (không phân biệt dấu; theo tên, đơn vị, chức vụ, số điện thoại)',
        security: cookieAuth,
        params: eventParams,
        querystring: findDelegatesQuerySchema,
        response: { 200: delegatePageSchema },
      },
    },
    async (request) => {
      const { scope } = await actorIn(request, canReadDelegates);
      return findDelegates(db, scope, request.params.eventId, request.query);
    },
  );

  app.post(
    '/api/events/:eventId/delegates',
    {
      schema: {
        tags,
        summary: 'Đăng ký một đại biểu (trong chỉ tiêu của đơn vị)',
        security: cookieAuth,
        params: eventParams,
        body: createDelegateSchema,
        response: { 201: delegateSchema },
      },
    },
    async (request, reply) => {
      const { actor, scope } = await actorIn(request, canWriteDelegates);
      reply.status(201);
      return createDelegate(db, actor, scope, request.params.eventId, request.body);
    },
  );

  app.get(
    '/api/events/:eventId/delegates/export.xlsx',
    {
      schema: {
        tags,
        summary: 'Danh sách đại biểu ra Excel, theo nhóm thành phần và thứ tự lễ tân',
        security: cookieAuth,
        params: eventParams,
        response: file('Tệp .xlsx', XLSX_MEDIA_TYPE),
      },
    },
    async (request, reply) => {
      const { actor, scope } = await actorIn(request, canReadDelegates);
      const buffer = await buildDelegatesXlsx(db, scope, request.params.eventId);
      await recordPersonalDataExport(db, actor, {
        eventId: request.params.eventId,
        list: 'delegates.xlsx',
        people: await countDelegates(db, scope, request.params.eventId, LISTED),
      });
      sendDownload(reply, {
        buffer,
        mediaType: XLSX_MEDIA_TYPE,
        asciiName: 'danh-sach-dai-bieu.xlsx',
        name: 'Danh sách đại biểu.xlsx',
      });
    },
  );

  app.get(
    '/api/events/:eventId/delegates/export.docx',
    {
      schema: {
        tags,
        summary: 'Danh sách đại biểu theo thể thức Nghị định 30/2020 (DOCX)',
        security: cookieAuth,
        params: eventParams,
        response: file('Tệp .docx', DOCX_MEDIA_TYPE),
      },
    },
    async (request, reply) => {
      const { actor, scope } = await actorIn(request, canReadDelegates);
      const buffer = await buildDelegatesDocx(db, scope, request.params.eventId);
      await recordPersonalDataExport(db, actor, {
        eventId: request.params.eventId,
        list: 'delegates.docx',
        people: await countDelegates(db, scope, request.params.eventId, LISTED),
      });
      sendDownload(reply, {
        buffer,
        mediaType: DOCX_MEDIA_TYPE,
        asciiName: 'danh-sach-dai-bieu.docx',
        name: 'Danh sách đại biểu.docx',
      });
    },
  );

  app.get(
    '/api/events/:eventId/delegates/template.xlsx',
    {
      schema: {
        tags,
        summary: 'Mẫu danh sách để đơn vị điền và gửi lại',
        security: cookieAuth,
        params: eventParams,
        response: file('Tệp .xlsx', XLSX_MEDIA_TYPE),
      },
    },
    async (request, reply) => {
      const { scope } = await actorIn(request, canWriteDelegates);
      const event = await getEventById(db, request.params.eventId);
      const unit =
        !scope.all && scope.unitId ? (await findUnitsByIds(db, [scope.unitId])).get(scope.unitId) : null;
      sendDownload(reply, {
        buffer: await buildDelegatesTemplate(event, unit?.name ?? null),
        mediaType: XLSX_MEDIA_TYPE,
        asciiName: 'mau-danh-sach-dai-bieu.xlsx',
        name: 'Mẫu danh sách đại biểu.xlsx',
      });
    },
  );

  app.post(
    '/api/events/:eventId/delegates/import/preview',
    {
      config: { fileBody: 'spreadsheet' },
      schema: {
        tags,
        summary: 'Đọc danh sách từ tệp .xlsx hoặc .csv và kiểm tra từng dòng (chưa ghi gì)',
        security: cookieAuth,
        params: eventParams,
        querystring: importPreviewQuerySchema,
        consumes: [XLSX_MEDIA_TYPE, 'text/csv'],
        response: { 200: delegateImportPreviewSchema },
      },
    },
    async (request) => {
      const { scope } = await actorIn(request, canWriteDelegates);
      return previewDelegateImport(db, scope, request.params.eventId, request.body as Buffer, request.query);
    },
  );

  app.post(
    '/api/events/:eventId/delegates/import',
    {
      bodyLimit: 20 * 1024 * 1024,
      schema: {
        tags,
        summary: 'Nhập các dòng đã kiểm tra: tất cả hoặc không gì cả, trừ khi chọn chỉ nhập dòng hợp lệ',
        security: cookieAuth,
        params: eventParams,
        body: delegateImportInputSchema,
        response: { 200: delegateImportResultSchema },
      },
    },
    async (request) => {
      const { actor, scope } = await actorIn(request, canWriteDelegates);
      return importDelegates(db, actor, scope, request.params.eventId, request.body);
    },
  );

  app.get(
    '/api/events/:eventId/delegates/:delegateId',
    {
      schema: {
        tags,
        summary: 'Một đại biểu',
        security: cookieAuth,
        params: delegateParams,
        response: { 200: delegateSchema },
      },
    },
    async (request) => {
      const { scope } = await actorIn(request, canReadDelegates);
      return getDelegate(db, scope, request.params.eventId, request.params.delegateId);
    },
  );

  app.patch(
    '/api/events/:eventId/delegates/:delegateId',
    {
      schema: {
        tags,
        summary: 'Sửa thông tin đại biểu',
        security: cookieAuth,
        params: delegateParams,
        body: updateDelegateSchema,
        response: { 200: delegateSchema },
      },
    },
    async (request) => {
      const { actor, scope } = await actorIn(request, canWriteDelegates);
      return updateDelegate(
        db,
        actor,
        scope,
        request.params.eventId,
        request.params.delegateId,
        request.body,
      );
    },
  );

  app.delete(
    '/api/events/:eventId/delegates/:delegateId',
    {
      schema: {
        tags,
        summary: 'Xóa đại biểu mới đăng ký (nhập nhầm)',
        security: cookieAuth,
        params: delegateParams,
        response: { 200: okSchema },
      },
    },
    async (request) => {
      const { actor, scope } = await actorIn(request, canWriteDelegates);
      await deleteDelegate(db, actor, scope, request.params.eventId, request.params.delegateId);
      return { ok: true as const };
    },
  );

  app.post(
    '/api/events/:eventId/delegates/:delegateId/status',
    {
      schema: {
        tags,
        summary: 'Đổi trạng thái đại biểu (đã mời, xác nhận, từ chối, đã đến, vắng)',
        security: cookieAuth,
        params: delegateParams,
        body: changeDelegateStatusSchema,
        response: { 200: delegateSchema },
      },
    },
    async (request) => {
      const { actor, scope } = await actorIn(request, canWriteDelegates);
      return changeDelegateStatus(
        db,
        actor,
        scope,
        request.params.eventId,
        request.params.delegateId,
        request.body.status,
      );
    },
  );

  app.post(
    '/api/events/:eventId/delegates/:delegateId/substitute',
    {
      schema: {
        tags,
        summary: 'Cử người khác thay đại biểu (giữ lịch sử)',
        security: cookieAuth,
        params: delegateParams,
        body: substituteSchema,
        response: { 201: delegateSchema },
      },
    },
    async (request, reply) => {
      const { actor, scope } = await actorIn(request, canWriteDelegates);
      reply.status(201);
      return substituteDelegate(
        db,
        actor,
        scope,
        request.params.eventId,
        request.params.delegateId,
        request.body,
      );
    },
  );
}
