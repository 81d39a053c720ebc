import { z } from 'zod';
import { idSchema, okSchema, pageOf } from '../../shared/common';
import { formatDate } from '../../shared/format';
import {
  createUnitSchema,
  findUnitsQuerySchema,
  importQuerySchema,
  unitImportResultSchema,
  unitSchema,
  updateUnitSchema,
} from '../../shared/units';
import { authenticate, authorize } from '../http/session';
import { type App, cookieAuth, type RouteDeps, sendDownload, XLSX_MEDIA_TYPE } from '../http/types';
import { nowIso } from '../util';
import { importUnits } from './units.import';
import { canDeleteUnits, canEditUnits, canImportUnits, canReadUnits } from './units.policy';
import { createUnit, deleteUnit, findAllUnits, findUnits, getUnitById, updateUnit } from './units.service';
import { writeUnitsWorkbook } from './units.xlsx';

const params = z.object({ unitId: idSchema });
const tags = ['units'];

export async function unitsRoutes(app: App, { handle: { db } }: RouteDeps) {
  app.get(
    '/api/units',
    {
      schema: {
        tags,
        summary: 'Tìm đơn vị (không phân biệt dấu, hoa thường)',
        security: cookieAuth,
        querystring: findUnitsQuerySchema,
        response: { 200: pageOf(unitSchema) },
      },
    },
    async (request) => {
      authorize(canReadUnits(await authenticate(db, request)));
      return findUnits(db, request.query);
    },
  );

  app.get(
    '/api/units/export.xlsx',
    {
      schema: {
        tags,
        summary: 'Xuất danh mục đơn vị ra Excel',
        security: cookieAuth,
        response: {
          200: { description: 'Tệp .xlsx', content: { [XLSX_MEDIA_TYPE]: { schema: z.string() } } },
        },
      },
    },
    async (request, reply) => {
      authorize(canReadUnits(await authenticate(db, request)));
      const buffer = await writeUnitsWorkbook(await findAllUnits(db), formatDate(nowIso()));
      sendDownload(reply, {
        buffer,
        mediaType: XLSX_MEDIA_TYPE,
        asciiName: 'danh-muc-don-vi.xlsx',
        name: 'Danh mục đơn vị.xlsx',
      });
    },
  );

  app.post(
    '/api/units/import',
    {
      config: { fileBody: 'spreadsheet' },
      schema: {
        tags,
        summary: 'Nhập danh mục đơn vị từ Excel (xem trước với dryRun; mặc định tất cả hoặc không gì cả)',
        security: cookieAuth,
        querystring: importQuerySchema,
        consumes: [XLSX_MEDIA_TYPE],
        response: { 200: unitImportResultSchema },
      },
    },
    async (request) => {
      const actor = await authenticate(db, request);
      authorize(canImportUnits(actor));
      return importUnits(db, actor, request.body as Buffer, request.query);
    },
  );

  app.get(
    '/api/units/:unitId',
    { schema: { tags, summary: 'Một đơn vị', security: cookieAuth, params, response: { 200: unitSchema } } },
    async (request) => {
      authorize(canReadUnits(await authenticate(db, request)));
      return getUnitById(db, request.params.unitId);
    },
  );

  app.post(
    '/api/units',
    {
      schema: {
        tags,
        summary: 'Thêm đơn vị',
        security: cookieAuth,
        body: createUnitSchema,
        response: { 201: unitSchema },
      },
    },
    async (request, reply) => {
      const actor = await authenticate(db, request);
      authorize(canEditUnits(actor));
      reply.status(201);
      return createUnit(db, actor, request.body);
    },
  );

  app.patch(
    '/api/units/:unitId',
    {
      schema: {
        tags,
        summary: 'Sửa đơn vị',
        security: cookieAuth,
        params,
        body: updateUnitSchema,
        response: { 200: unitSchema },
      },
    },
    async (request) => {
      const actor = await authenticate(db, request);
      authorize(canEditUnits(actor));
      return updateUnit(db, actor, request.params.unitId, request.body);
    },
  );

  app.delete(
    '/api/units/:unitId',
    {
      schema: {
        tags,
        summary: 'Xóa đơn vị chưa được dùng',
        security: cookieAuth,
        params,
        response: { 200: okSchema },
      },
    },
    async (request) => {
      const actor = await authenticate(db, request);
      authorize(canDeleteUnits(actor));
      await deleteUnit(db, actor, request.params.unitId);
      return { ok: true as const };
    },
  );
}
