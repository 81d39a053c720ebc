import { z } from 'zod';
import { idSchema, pageOf } from '../../shared/common';
import {
  type Product,
  type PublicProduct,
  publicProductSchema,
  publicProductsQuerySchema,
  showcaseFiltersSchema,
} from '../../shared/ocop';
import { foldVietnamese } from '../../shared/text';
import { notFound } from '../errors';
import type { App, RouteDeps } from '../http/types';
import { findProducts, getPhoto, getProduct } from './products.service';

const tags = ['showcase'];
const productParams = z.object({ productId: idSchema });

/** What the public may see of a product: no producer address, no notes, nothing about people. */
function toPublic(p: Product): PublicProduct {
  return {
    id: p.id,
    name: p.name,
    groupName: p.groupName,
    subGroup: p.subGroup,
    stars: p.stars,
    potential: p.potential,
    producerName: p.producerName,
    producerType: p.producerType,
    districtName: p.districtName,
    communeName: p.communeName,
    evaluationYear: p.evaluationYear,
    validUntil: p.validUntil,
    description: p.description,
    whereToBuy: p.whereToBuy,
    photoIds: p.photos.map((ph) => ph.id),
    isSample: p.isSample,
  };
}

/** The public showcase: the product catalogue without sign-in, read-only. */
export async function publicRoutes(app: App, { handle: { db } }: RouteDeps) {
  const config = { public: true };

  app.get(
    '/api/public/products',
    {
      config,
      schema: {
        tags,
        summary: 'Trưng bày sản phẩm OCOP (không cần đăng nhập): tìm không dấu, lọc theo nhóm, sao, huyện',
        querystring: publicProductsQuerySchema,
        response: { 200: pageOf(publicProductSchema) },
      },
    },
    async (request, reply) => {
      const { q, ...rest } = request.query;
      const page = await findProducts(db, { ...rest, q: q?.trim() || undefined, potential: undefined });
      reply.header('cache-control', 'public, max-age=60');
      return { ...page, items: page.items.map(toPublic) };
    },
  );

  app.get(
    '/api/public/product-filters',
    {
      config,
      schema: {
        tags,
        summary: 'Các nhóm và huyện có sản phẩm, để lọc',
        response: { 200: showcaseFiltersSchema },
      },
    },
    async (_request, reply) => {
      const rows = await db
        .selectFrom('products as p')
        .innerJoin('product_groups as g', 'g.id', 'p.group_id')
        .leftJoin('units as d', 'd.id', 'p.district_id')
        .select([
          'g.id as group_id',
          'g.name as group_name',
          'd.id as district_id',
          'd.name as district_name',
          'd.admin_code',
        ])
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .groupBy(['g.id', 'g.name', 'd.id', 'd.name', 'd.admin_code'])
        .execute();
      const groups = new Map<string, { id: string; name: string; count: number }>();
      const districts = new Map<string, { id: string; name: string; count: number; code: string }>();
      let total = 0;
      for (const r of rows) {
        const n = Number(r.n);
        total += n;
        const g = groups.get(r.group_id) ?? { id: r.group_id, name: r.group_name, count: 0 };
        g.count += n;
        groups.set(r.group_id, g);
        if (r.district_id && r.district_name) {
          const d = districts.get(r.district_id) ?? {
            id: r.district_id,
            name: r.district_name,
            count: 0,
            code: r.admin_code ?? '',
          };
          d.count += n;
          districts.set(r.district_id, d);
        }
      }
      reply.header('cache-control', 'public, max-age=60');
      return {
        groups: [...groups.values()].sort((a, b) => b.count - a.count),
        districts: [...districts.values()]
          .sort((a, b) => foldVietnamese(a.name).localeCompare(foldVietnamese(b.name)))
          .map(({ code: _code, ...d }) => d),
        total,
      };
    },
  );

  app.get(
    '/api/public/products/:productId',
    {
      config,
      schema: {
        tags,
        summary: 'Một sản phẩm trưng bày',
        params: productParams,
        response: { 200: publicProductSchema },
      },
    },
    async (request) => toPublic(await getProduct(db, request.params.productId)),
  );

  app.get(
    '/api/public/products/:productId/photos/:photoId',
    {
      config,
      schema: {
        tags,
        summary: 'Ảnh sản phẩm',
        params: productParams.extend({ photoId: idSchema }),
        response: {
          200: { description: 'Ảnh (JPEG, PNG hoặc WebP)', content: { 'image/jpeg': { schema: z.any() } } },
        },
      },
    },
    async (request, reply) => {
      const photo = await getPhoto(db, request.params.productId, request.params.photoId).catch(() => {
        throw notFound('ảnh');
      });
      reply.type(photo.mediaType).header('cache-control', 'public, max-age=86400, immutable');
      return reply.send(photo.bytes as never);
    },
  );
}
