import { formatCalendarDate, vietnamDay } from '../../shared/format';
import {
  type CertifyingLevel,
  type CreateProductInput,
  defaultCertifyingLevel,
  defaultValidUntil,
  type FieldProblem,
  type FindProductsQuery,
  groupValidOn,
  MAX_PHOTO_BYTES,
  MAX_PHOTOS_PER_PRODUCT,
  type ProducerType,
  type Product,
  type ProductGroup,
  type ProductGroupInput,
  productProblems,
  type ShowcaseFilters,
  starsForScore,
  type UpdateProductInput,
} from '../../shared/ocop';
import { compareVietnamese, foldVietnamese, vietnameseSortKey } from '../../shared/text';
import { recordAudit } from '../audit/audit.service';
import type { Actor } from '../auth/actor';
import type { Db, Executor } from '../db/database';
import type { ProductsTable, UnitsTable } from '../db/schema';
import { conflict, invalid, invalidField, notFound } from '../errors';
import { newId, nowIso, toBool } from '../util';
import {
  deletePhotoRow,
  deleteProductRow,
  findGroupRows,
  findPhoto,
  findPhotoInfo,
  findProductRowById,
  findProductRows,
  insertPhotoRow,
  insertProductRow,
  type ProductRow,
  updateProductRow,
} from './products.repository';

export function productSearchKey(name: string, producerName: string): string {
  return foldVietnamese(`${name} ${producerName}`);
}

function toProduct(row: ProductRow, photos: Product['photos']): Product {
  return {
    id: row.id,
    name: row.name,
    groupId: row.group_id,
    groupName: row.group_name,
    subGroup: row.sub_group,
    producerId: row.producer_id,
    producerName: row.producer_name,
    producerType: row.producer_type as ProducerType | null,
    producerAddress: row.producer_address,
    districtId: row.district_id,
    districtName: row.district_name,
    communeId: row.commune_id,
    communeName: row.commune_name,
    score: row.score,
    stars: row.stars,
    potential: toBool(row.potential),
    evaluationYear: row.evaluation_year,
    evaluationRound: row.evaluation_round,
    certifyingLevel: row.certifying_level as CertifyingLevel | null,
    decisionNumber: row.decision_number,
    decisionDate: row.decision_date,
    validUntil: row.valid_until,
    certificateNumber: row.certificate_number,
    description: row.description,
    whereToBuy: row.where_to_buy,
    photos,
    isSample: toBool(row.is_sample),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

async function withPhotos(db: Executor, rows: ProductRow[]): Promise<Product[]> {
  const photos = await findPhotoInfo(
    db,
    rows.map((r) => r.id),
  );
  const byProduct = new Map<string, Product['photos']>();
  for (const p of photos) {
    const list = byProduct.get(p.product_id) ?? [];
    list.push({ id: p.id, mediaType: p.media_type, byteSize: p.byte_size });
    byProduct.set(p.product_id, list);
  }
  return rows.map((row) => toProduct(row, byProduct.get(row.id) ?? []));
}

export async function findProducts(db: Executor, query: FindProductsQuery) {
  const { rows, total } = await findProductRows(
    db,
    { ...query, searchKey: query.q ? foldVietnamese(query.q) : undefined },
    { limit: query.pageSize, offset: (query.page - 1) * query.pageSize },
  );
  return { items: await withPhotos(db, rows), total, page: query.page, pageSize: query.pageSize };
}

export async function findProductsByFilter(db: Executor, filter: Parameters<typeof findProductRows>[1]) {
  return withPhotos(db, (await findProductRows(db, filter)).rows);
}

export async function getProduct(db: Executor, id: string): Promise<Product> {
  const row = await findProductRowById(db, id);
  if (!row) throw notFound('sản phẩm');
  return (await withPhotos(db, [row]))[0]!;
}

/** The showcase's filter choices: the groups and districts that have products, with their counts. */
export async function showcaseFilters(db: Executor): Promise<ShowcaseFilters> {
  const rows = await db
    .selectFrom('products as p')
    .innerJoin('product_groups as g', 'g.id', 'p.group_id')
    .leftJoin('units as d', 'd.id', 'p.district_id')
    .select(['g.id as group_id', 'g.name as group_name', 'd.id as district_id', 'd.name as district_name'])
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .groupBy(['g.id', 'g.name', 'd.id', 'd.name'])
    .execute();
  const groups = new Map<string, { id: string; name: string; count: number }>();
  const districts = new Map<string, { id: string; name: string; count: number }>();
  const add = (map: typeof groups, id: string, name: string, n: number) => {
    const entry = map.get(id) ?? { id, name, count: 0 };
    entry.count += n;
    map.set(id, entry);
  };
  for (const r of rows) {
    add(groups, r.group_id, r.group_name, Number(r.n));
    if (r.district_id && r.district_name) add(districts, r.district_id, r.district_name, Number(r.n));
  }
  return {
    groups: [...groups.values()].sort((a, b) => b.count - a.count),
    districts: [...districts.values()].sort((a, b) => compareVietnamese(a.name, b.name)),
    total: rows.reduce((sum, r) => sum + Number(r.n), 0),
  };
}

// ── Groups ─────────────────────────────────────────────────────────────────────────────────────────────

function toGroup(row: Awaited<ReturnType<typeof findGroupRows>>[number]): ProductGroup {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    framework: row.framework,
    validFrom: row.valid_from,
    validTo: row.valid_to,
  };
}

export async function findGroups(db: Executor): Promise<ProductGroup[]> {
  return (await findGroupRows(db)).map(toGroup);
}

export async function createGroup(db: Db, actor: Actor, input: ProductGroupInput): Promise<ProductGroup> {
  return db.transaction().execute(async (trx) => {
    const row = {
      id: newId(),
      code: input.code,
      name: input.name,
      framework: input.framework,
      valid_from: input.validFrom,
      valid_to: input.validTo ?? null,
    };
    await trx.insertInto('product_groups').values(row).execute();
    await recordAudit(trx, actor, {
      entity: 'product_group',
      entityId: row.id,
      action: 'create',
      after: row,
    });
    return toGroup(row);
  });
}

export async function updateGroup(
  db: Db,
  actor: Actor,
  id: string,
  input: ProductGroupInput,
): Promise<ProductGroup> {
  return db.transaction().execute(async (trx) => {
    const before = (await findGroupRows(trx)).find((g) => g.id === id);
    if (!before) throw notFound('nhóm sản phẩm');
    const after = {
      id,
      code: input.code,
      name: input.name,
      framework: input.framework,
      valid_from: input.validFrom,
      valid_to: input.validTo ?? null,
    };
    await trx.updateTable('product_groups').set(after).where('id', '=', id).execute();
    await recordAudit(trx, actor, { entity: 'product_group', entityId: id, action: 'update', before, after });
    return toGroup(after);
  });
}

// ── Checking a product ─────────────────────────────────────────────────────────────────────────────────

type ProductFields = Omit<CreateProductInput, 'potential'> & { potential: boolean };

/** The columns to write, with defaults filled in; every problem found is reported at once. */
export async function resolveProduct(
  input: ProductFields,
  context: {
    groups: ProductGroup[];
    unit: (id: string) => Promise<UnitsTable | undefined>;
    today: string;
  },
): Promise<{ columns: Omit<ProductsTable, 'id' | 'created_at' | 'is_sample'>; problems: FieldProblem[] }> {
  const problems: FieldProblem[] = [];
  const producer = await context.unit(input.producerId);
  if (producer?.kind !== 'producer') {
    problems.push({
      field: 'producerId',
      message: 'Chủ thể phải là một đơn vị loại "Chủ thể OCOP" trong danh mục',
    });
  }
  let districtId = input.districtId ?? null;
  if (input.districtId === undefined && producer?.parent_id) {
    const parent = await context.unit(producer.parent_id);
    if (parent?.kind === 'district') districtId = parent.id;
  }
  if (districtId && (await context.unit(districtId))?.kind !== 'district') {
    problems.push({ field: 'districtId', message: 'Huyện phải là một đơn vị cấp huyện trong danh mục' });
  }
  const communeId = input.communeId ?? null;
  if (communeId) {
    const commune = await context.unit(communeId);
    if (commune?.kind !== 'commune') {
      problems.push({ field: 'communeId', message: 'Xã phải là một đơn vị cấp xã trong danh mục' });
    } else if (districtId && commune.parent_id && commune.parent_id !== districtId) {
      problems.push({ field: 'communeId', message: 'Xã không thuộc huyện đã chọn' });
    }
  }

  const stars = input.stars ?? (input.score != null ? starsForScore(input.score) : null);
  const decisionDate = input.decisionDate ?? null;
  const validUntil = input.validUntil ?? (decisionDate ? defaultValidUntil(decisionDate) : null);
  problems.push(...productProblems({ ...input, stars: input.stars ?? null, validUntil }, context.today));

  const group = context.groups.find((g) => g.id === input.groupId);
  if (!group) {
    problems.push({ field: 'groupId', message: 'Nhóm sản phẩm không có trong danh mục' });
  } else {
    const day = decisionDate ?? (input.evaluationYear ? `${input.evaluationYear}-12-31` : null);
    // A future decision date is reported above; the group is not judged against it.
    if (day && day <= context.today && !groupValidOn(group, day)) {
      const period = group.validTo
        ? `từ ${formatCalendarDate(group.validFrom)} đến ${formatCalendarDate(group.validTo)}`
        : `từ ${formatCalendarDate(group.validFrom)}`;
      problems.push({
        field: 'groupId',
        message: `Nhóm "${group.name}" (${group.framework}) chỉ áp dụng ${period}; hãy chọn nhóm của bộ tiêu chí áp dụng vào ngày ${formatCalendarDate(day)}`,
      });
    }
  }

  return {
    problems,
    columns: {
      name: input.name,
      search_key: productSearchKey(input.name, producer?.name ?? ''),
      sort_key: vietnameseSortKey(input.name),
      group_id: input.groupId,
      sub_group: input.subGroup ?? null,
      producer_id: input.producerId,
      district_id: districtId,
      commune_id: communeId,
      score: input.score ?? null,
      stars,
      potential: input.potential ? 1 : 0,
      evaluation_year: input.evaluationYear ?? (decisionDate ? Number(decisionDate.slice(0, 4)) : null),
      evaluation_round: input.evaluationRound ?? null,
      certifying_level:
        input.certifyingLevel ??
        (stars && !input.potential ? defaultCertifyingLevel(stars, decisionDate) : null),
      decision_number: input.decisionNumber ?? null,
      decision_date: decisionDate,
      valid_until: validUntil,
      certificate_number: input.certificateNumber ?? null,
      description: input.description ?? null,
      where_to_buy: input.whereToBuy ?? null,
      updated_at: nowIso(),
    },
  };
}

export function unitLookup(db: Executor) {
  const cache = new Map<string, Promise<UnitsTable | undefined>>();
  return (id: string) => {
    let hit = cache.get(id);
    if (!hit) {
      hit = db.selectFrom('units').selectAll().where('id', '=', id).executeTakeFirst();
      cache.set(id, hit);
    }
    return hit;
  };
}

function throwProblems(problems: FieldProblem[]): void {
  if (problems.length === 0) return;
  if (problems.length === 1) throw invalidField(problems[0]!.field, problems[0]!.message);
  throw invalid(problems.map((p) => p.message).join('; '), problems);
}

export async function createProduct(
  db: Db,
  actor: Actor,
  input: CreateProductInput,
  options: { isSample?: boolean; today?: string } = {},
): Promise<Product> {
  return db.transaction().execute(async (trx) => {
    const { columns, problems } = await resolveProduct(
      { ...input, potential: input.potential ?? false },
      { groups: await findGroups(trx), unit: unitLookup(trx), today: options.today ?? vietnamDay(nowIso()) },
    );
    throwProblems(problems);
    const id = newId();
    await insertProductRow(trx, {
      id,
      ...columns,
      is_sample: options.isSample ? 1 : 0,
      created_at: columns.updated_at,
    });
    const product = await getProduct(trx, id);
    await recordAudit(trx, actor, { entity: 'product', entityId: id, action: 'create', after: product });
    return product;
  });
}

export async function updateProduct(
  db: Db,
  actor: Actor,
  id: string,
  input: UpdateProductInput,
): Promise<Product> {
  return db.transaction().execute(async (trx) => {
    const before = await getProduct(trx, id);
    const defined = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
    const merged = { ...before, ...defined } as ProductFields;
    // Left undefined, resolveProduct derives them: a new decision date moves the validity with it, a new producer
    // brings its own district — unless the request gives them too.
    if (input.decisionDate !== undefined && input.validUntil === undefined) merged.validUntil = undefined;
    if (input.producerId !== undefined && input.districtId === undefined) merged.districtId = undefined;
    const { columns, problems } = await resolveProduct(merged, {
      groups: await findGroups(trx),
      unit: unitLookup(trx),
      today: vietnamDay(nowIso()),
    });
    throwProblems(problems);
    await updateProductRow(trx, id, columns);
    const after = await getProduct(trx, id);
    await recordAudit(trx, actor, { entity: 'product', entityId: id, action: 'update', before, after });
    return after;
  });
}

export async function deleteProduct(db: Db, actor: Actor, id: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const before = await getProduct(trx, id);
    const onStage = await trx
      .selectFrom('award_items')
      .select('event_id')
      .where('product_id', '=', id)
      .executeTakeFirst();
    if (onStage) {
      throw conflict(
        'Sản phẩm đang có trong danh sách trao chứng nhận của một hội nghị; hãy bỏ khỏi danh sách trước',
      );
    }
    await deleteProductRow(trx, id);
    await recordAudit(trx, actor, { entity: 'product', entityId: id, action: 'delete', before });
  });
}

// ── Photos ─────────────────────────────────────────────────────────────────────────────────────────────

/** The image type by the file's first bytes; a renamed document is refused whatever its name says. */
export function imageTypeOf(bytes: Buffer): 'image/jpeg' | 'image/png' | 'image/webp' | null {
  if (bytes.length > 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    return 'image/png';
  if (
    bytes.subarray(0, 4).toString('latin1') === 'RIFF' &&
    bytes.subarray(8, 12).toString('latin1') === 'WEBP'
  )
    return 'image/webp';
  return null;
}

export async function addPhoto(db: Db, actor: Actor, productId: string, bytes: Buffer): Promise<Product> {
  if (bytes.length > MAX_PHOTO_BYTES) throw invalidField('photo', 'Ảnh tối đa 5 MB');
  const mediaType = imageTypeOf(bytes);
  if (!mediaType) throw invalidField('photo', 'Tệp gửi lên không phải ảnh JPEG, PNG hoặc WebP');
  return db.transaction().execute(async (trx) => {
    const product = await getProduct(trx, productId);
    if (product.photos.length >= MAX_PHOTOS_PER_PRODUCT) {
      throw invalidField('photo', `Mỗi sản phẩm tối đa ${MAX_PHOTOS_PER_PRODUCT} ảnh; hãy xóa bớt ảnh cũ`);
    }
    const photoId = newId();
    await insertPhotoRow(trx, {
      id: photoId,
      product_id: productId,
      position: product.photos.length,
      media_type: mediaType,
      byte_size: bytes.length,
      data_base64: bytes.toString('base64'),
      created_at: nowIso(),
    });
    await recordAudit(trx, actor, {
      entity: 'product_photo',
      entityId: photoId,
      action: 'create',
      after: { productId, mediaType, byteSize: bytes.length },
    });
    return getProduct(trx, productId);
  });
}

export async function deletePhoto(
  db: Db,
  actor: Actor,
  productId: string,
  photoId: string,
): Promise<Product> {
  return db.transaction().execute(async (trx) => {
    if ((await deletePhotoRow(trx, productId, photoId)) === 0) throw notFound('ảnh');
    await recordAudit(trx, actor, { entity: 'product_photo', entityId: photoId, action: 'delete' });
    return getProduct(trx, productId);
  });
}

export async function getPhoto(db: Executor, productId: string, photoId: string) {
  const photo = await findPhoto(db, productId, photoId);
  if (!photo) throw notFound('ảnh');
  return { mediaType: photo.media_type, bytes: Buffer.from(photo.data_base64, 'base64') };
}
