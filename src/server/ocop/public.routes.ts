import { z } from 'zod';
import { idSchema, pageOf } from '../../shared/common';
import {
  type Product,
  type PublicProduct,
  publicProductSchema,
  publicProductsQuerySchema,
  showcaseFiltersSchema,
} from '../../shared/ocop';
import { notFound } from '../errors';
import type { App, RouteDeps } from '../http/types';
import { findProducts, getPhoto, getProduct, showcaseFilters } from './products.service';

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
      reply.header('cache-control', 'public, max-age=60');
      return showcaseFilters(db);
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
