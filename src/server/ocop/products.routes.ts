import { z } from 'zod';
import { idSchema, okSchema, pageOf } from '../../shared/common';
import { formatDate } from '../../shared/format';
import {
  createProductSchema,
  findProductsQuerySchema,
  MAX_PHOTO_BYTES,
  ocopStatisticsSchema,
  PHOTO_MEDIA_TYPES,
  productGroupInputSchema,
  productGroupSchema,
  productImportQuerySchema,
  productImportResultSchema,
  productSchema,
  statisticsQuerySchema,
  updateProductSchema,
} from '../../shared/ocop';
import { foldVietnamese } from '../../shared/text';
import { authenticate, authorize } from '../http/session';
import {
  type App,
  cookieAuth,
  DOCX_MEDIA_TYPE,
  type RouteDeps,
  sendDownload,
  XLSX_MEDIA_TYPE,
} from '../http/types';
import { nowIso } from '../util';
import { canCreateProducers, canEditProductGroups, canEditProducts, canReadProducts } from './ocop.policy';
import {
  addPhoto,
  createGroup,
  createProduct,
  deletePhoto,
  deleteProduct,
  findGroups,
  findProducts,
  findProductsByFilter,
  getProduct,
  updateGroup,
  updateProduct,
} from './products.service';
import { importProducts, writeProductsWorkbook } from './products.xlsx';
import { getStatistics, writeStatisticsDocx, writeStatisticsWorkbook } from './statistics.service';

const tags = ['ocop'];
const productParams = z.object({ productId: idSchema });
const photoParams = productParams.extend({ photoId: idSchema });
const file = (description: string, mediaType: string) => ({
  200: { description, content: { [mediaType]: { schema: z.string() } } },
});

export async function productsRoutes(app: App, { handle: { db } }: RouteDeps) {
  // Photos arrive as the raw image body; the size is checked here and again by the service.
  app.addContentTypeParser(
    [...PHOTO_MEDIA_TYPES],
    { parseAs: 'buffer', bodyLimit: MAX_PHOTO_BYTES },
    (_req, body, done) => done(null, body),
  );

  app.get(
    '/api/product-groups',
    {
      schema: {
        tags,
        summary: 'Danh mục nhóm sản phẩm OCOP (theo bộ tiêu chí và thời gian áp dụng)',
        security: cookieAuth,
        response: { 200: z.array(productGroupSchema) },
      },
    },
    async (request) => {
      authorize(canReadProducts(await authenticate(db, request)));
      return findGroups(db);
    },
  );

  app.post(
    '/api/product-groups',
    {
      schema: {
        tags,
        summary: 'Thêm nhóm sản phẩm (khi có bộ tiêu chí mới)',
        security: cookieAuth,
        body: productGroupInputSchema,
        response: { 201: productGroupSchema },
      },
    },
    async (request, reply) => {
      const actor = await authenticate(db, request);
      authorize(canEditProductGroups(actor));
      reply.status(201);
      return createGroup(db, actor, request.body);
    },
  );

  app.put(
    '/api/product-groups/:groupId',
    {
      schema: {
        tags,
        summary: 'Sửa nhóm sản phẩm (tên, thời gian áp dụng)',
        security: cookieAuth,
        params: z.object({ groupId: idSchema }),
        body: productGroupInputSchema,
        response: { 200: productGroupSchema },
      },
    },
    async (request) => {
      const actor = await authenticate(db, request);
      authorize(canEditProductGroups(actor));
      return updateGroup(db, actor, request.params.groupId, request.body);
    },
  );

  app.get(
    '/api/products',
    {
      schema: {
        tags,
        summary: 'Tìm sản phẩm OCOP (không phân biệt dấu; lọc theo nhóm, sao, huyện, năm, quyết định)',
        security: cookieAuth,
        querystring: findProductsQuerySchema,
        response: { 200: pageOf(productSchema) },
      },
    },
    async (request) => {
      authorize(canReadProducts(await authenticate(db, request)));
      return findProducts(db, request.query);
    },
  );

  app.get(
    '/api/products/export.xlsx',
    {
      schema: {
        tags,
        summary: 'Xuất danh sách sản phẩm ra Excel (cùng các cột như khi nhập)',
        security: cookieAuth,
        querystring: findProductsQuerySchema.omit({ page: true, pageSize: true }),
        response: file('Tệp .xlsx', XLSX_MEDIA_TYPE),
      },
    },
    async (request, reply) => {
      authorize(canReadProducts(await authenticate(db, request)));
      const { q, ...filter } = request.query;
      const products = await findProductsByFilter(db, {
        ...filter,
        searchKey: q ? foldVietnamese(q) : undefined,
      });
      sendDownload(reply, {
        buffer: await writeProductsWorkbook(products, formatDate(nowIso())),
        mediaType: XLSX_MEDIA_TYPE,
        asciiName: 'san-pham-ocop.xlsx',
        name: 'Sản phẩm OCOP.xlsx',
      });
    },
  );

  app.post(
    '/api/products/import',
    {
      config: { fileBody: 'spreadsheet' },
      schema: {
        tags,
        summary:
          'Nhập danh sách sản phẩm từ Excel (xem trước với dryRun; mặc định tất cả hoặc không gì cả; createProducers thêm chủ thể mới)',
        security: cookieAuth,
        querystring: productImportQuerySchema,
        consumes: [XLSX_MEDIA_TYPE],
        response: { 200: productImportResultSchema },
      },
    },
    async (request) => {
      const actor = await authenticate(db, request);
      authorize(canEditProducts(actor));
      // Previewing which producers are new writes nothing; creating them does.
      if (request.query.createProducers && !request.query.dryRun) authorize(canCreateProducers(actor));
      return importProducts(db, actor, request.body as Buffer, request.query);
    },
  );

  app.get(
    '/api/ocop/statistics',
    {
      schema: {
        tags,
        summary: 'Số liệu Chương trình OCOP cho báo cáo tổng kết',
        security: cookieAuth,
        querystring: statisticsQuerySchema,
        response: { 200: ocopStatisticsSchema },
      },
    },
    async (request) => {
      authorize(canReadProducts(await authenticate(db, request)));
      return getStatistics(db, request.query);
    },
  );

  app.get(
    '/api/ocop/statistics.xlsx',
    {
      schema: {
        tags,
        summary: 'Số liệu OCOP: bảng Excel',
        security: cookieAuth,
        querystring: statisticsQuerySchema,
        response: file('Tệp .xlsx', XLSX_MEDIA_TYPE),
      },
    },
    async (request, reply) => {
      authorize(canReadProducts(await authenticate(db, request)));
      const stats = await getStatistics(db, request.query);
      sendDownload(reply, {
        buffer: await writeStatisticsWorkbook(stats, formatDate(nowIso())),
        mediaType: XLSX_MEDIA_TYPE,
        asciiName: 'so-lieu-ocop.xlsx',
        name: 'Số liệu OCOP.xlsx',
      });
    },
  );

  app.get(
    '/api/ocop/statistics.docx',
    {
      schema: {
        tags,
        summary: 'Số liệu OCOP: bảng biểu Word để đưa vào báo cáo',
        security: cookieAuth,
        querystring: statisticsQuerySchema,
        response: file('Tệp .docx', DOCX_MEDIA_TYPE),
      },
    },
    async (request, reply) => {
      authorize(canReadProducts(await authenticate(db, request)));
      const stats = await getStatistics(db, request.query);
      sendDownload(reply, {
        buffer: await writeStatisticsDocx(stats),
        mediaType: DOCX_MEDIA_TYPE,
        asciiName: 'so-lieu-ocop.docx',
        name: 'Số liệu OCOP.docx',
      });
    },
  );

  app.get(
    '/api/products/:productId',
    {
      schema: {
        tags,
        summary: 'Một sản phẩm',
        security: cookieAuth,
        params: productParams,
        response: { 200: productSchema },
      },
    },
    async (request) => {
      authorize(canReadProducts(await authenticate(db, request)));
      return getProduct(db, request.params.productId);
    },
  );

  app.post(
    '/api/products',
    {
      schema: {
        tags,
        summary: 'Thêm sản phẩm (số sao khớp điểm; hiệu lực mặc định 36 tháng từ ngày quyết định)',
        security: cookieAuth,
        body: createProductSchema,
        response: { 201: productSchema },
      },
    },
    async (request, reply) => {
      const actor = await authenticate(db, request);
      authorize(canEditProducts(actor));
      reply.status(201);
      return createProduct(db, actor, request.body);
    },
  );

  app.patch(
    '/api/products/:productId',
    {
      schema: {
        tags,
        summary: 'Sửa sản phẩm',
        security: cookieAuth,
        params: productParams,
        body: updateProductSchema,
        response: { 200: productSchema },
      },
    },
    async (request) => {
      const actor = await authenticate(db, request);
      authorize(canEditProducts(actor));
      return updateProduct(db, actor, request.params.productId, request.body);
    },
  );

  app.delete(
    '/api/products/:productId',
    {
      schema: {
        tags,
        summary: 'Xóa sản phẩm (không có trong danh sách trao chứng nhận)',
        security: cookieAuth,
        params: productParams,
        response: { 200: okSchema },
      },
    },
    async (request) => {
      const actor = await authenticate(db, request);
      authorize(canEditProducts(actor));
      await deleteProduct(db, actor, request.params.productId);
      return { ok: true as const };
    },
  );

  app.post(
    '/api/products/:productId/photos',
    {
      config: { fileBody: 'image' },
      schema: {
        tags,
        summary: 'Thêm ảnh sản phẩm (JPEG, PNG hoặc WebP, tối đa 5 MB; gửi nguyên tệp ảnh)',
        security: cookieAuth,
        params: productParams,
        consumes: [...PHOTO_MEDIA_TYPES],
        response: { 201: productSchema },
      },
    },
    async (request, reply) => {
      const actor = await authenticate(db, request);
      authorize(canEditProducts(actor));
      reply.status(201);
      return addPhoto(db, actor, request.params.productId, request.body as Buffer);
    },
  );

  app.delete(
    '/api/products/:productId/photos/:photoId',
    {
      schema: {
        tags,
        summary: 'Xóa ảnh sản phẩm',
        security: cookieAuth,
        params: photoParams,
        response: { 200: productSchema },
      },
    },
    async (request) => {
      const actor = await authenticate(db, request);
      authorize(canEditProducts(actor));
      return deletePhoto(db, actor, request.params.productId, request.params.photoId);
    },
  );
}
