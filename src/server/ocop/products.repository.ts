import { sql } from 'kysely';
import type { Executor } from '../db/database';
import { containsLike } from '../db/like';
import type { ProductPhotosTable, ProductsTable } from '../db/schema';

export type ProductRow = ProductsTable & {
  group_name: string;
  producer_name: string;
  producer_type: string | null;
  producer_address: string | null;
  district_name: string | null;
  commune_name: string | null;
};

export interface ProductRowFilter {
  searchKey?: string | undefined;
  groupId?: string | undefined;
  stars?: number | undefined;
  districtId?: string | undefined;
  producerId?: string | undefined;
  year?: number | undefined;
  decisionNumber?: string | undefined;
  potential?: boolean | undefined;
  ids?: string[] | undefined;
}

/** The filters on the products table alone: counting and paging never touch the joined tables. */
function filteredProducts(db: Executor, f: ProductRowFilter) {
  let query = db.selectFrom('products as p');
  if (f.searchKey) query = query.where(containsLike('p.search_key', f.searchKey));
  if (f.groupId) query = query.where('p.group_id', '=', f.groupId);
  if (f.stars) query = query.where('p.stars', '=', f.stars);
  if (f.districtId) query = query.where('p.district_id', '=', f.districtId);
  if (f.producerId) query = query.where('p.producer_id', '=', f.producerId);
  if (f.year) query = query.where('p.evaluation_year', '=', f.year);
  if (f.decisionNumber) query = query.where('p.decision_number', '=', f.decisionNumber);
  if (f.potential !== undefined) query = query.where('p.potential', '=', f.potential ? 1 : 0);
  if (f.ids) query = query.where('p.id', 'in', f.ids.length ? f.ids : ['']);
  return query;
}

/** The products with their group, producer, district and commune names, in name order. */
function productDetails(db: Executor, ids: string[]): Promise<ProductRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('products as p')
    .innerJoin('product_groups as g', 'g.id', 'p.group_id')
    .innerJoin('units as producer', 'producer.id', 'p.producer_id')
    .leftJoin('units as district', 'district.id', 'p.district_id')
    .leftJoin('units as commune', 'commune.id', 'p.commune_id')
    .selectAll('p')
    .select([
      'g.name as group_name',
      'producer.name as producer_name',
      'producer.producer_type as producer_type',
      'producer.address as producer_address',
      'district.name as district_name',
      'commune.name as commune_name',
    ])
    .where('p.id', 'in', ids)
    .orderBy('p.sort_key')
    .orderBy('p.id')
    .execute();
}

/**
 * One page of products (or all of them without `page`): the page's ids and the count come from the products
 * table alone, then only that page is joined to its names.
 */
export async function findProductRows(
  db: Executor,
  f: ProductRowFilter,
  page?: { limit: number; offset: number },
): Promise<{ rows: ProductRow[]; total: number }> {
  const base = filteredProducts(db, f);
  if (!page) {
    const ids = (await base.select('p.id').execute()).map((r) => r.id);
    const rows: ProductRow[] = [];
    for (let i = 0; i < ids.length; i += 500) rows.push(...(await productDetails(db, ids.slice(i, i + 500))));
    rows.sort((a, b) => (a.sort_key < b.sort_key ? -1 : a.sort_key > b.sort_key ? 1 : a.id < b.id ? -1 : 1));
    return { rows, total: rows.length };
  }
  const ordered = base.orderBy('p.sort_key').orderBy('p.id').limit(page.limit).offset(page.offset);
  const countAll = async () =>
    Number((await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  let ids: { id: string }[];
  let total: number;
  if (f.searchKey) {
    // A search scans every row anyway: one scan gives the page and the count (past the end, count alone).
    const rows = await ordered.select(['p.id', sql<number>`count(*) over ()`.as('n')]).execute();
    ids = rows;
    total = rows.length > 0 ? Number(rows[0]!.n) : await countAll();
  } else {
    // Without one, the page comes off an index and the count from the filters' indexes.
    [ids, total] = await Promise.all([ordered.select('p.id').execute(), countAll()]);
  }
  return {
    rows: await productDetails(
      db,
      ids.map((r) => r.id),
    ),
    total,
  };
}

export async function findProductRowById(db: Executor, id: string): Promise<ProductRow | undefined> {
  return (await findProductRows(db, { ids: [id] })).rows[0];
}

export async function insertProductRow(db: Executor, row: ProductsTable): Promise<void> {
  await db.insertInto('products').values(row).execute();
}

export async function updateProductRow(
  db: Executor,
  id: string,
  values: Partial<Omit<ProductsTable, 'id' | 'created_at'>>,
): Promise<void> {
  await db.updateTable('products').set(values).where('id', '=', id).execute();
}

export async function deleteProductRow(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('products').where('id', '=', id).execute();
}

/** Photos of the given products, without their bytes. */
export function findPhotoInfo(
  db: Executor,
  productIds: string[],
): Promise<Pick<ProductPhotosTable, 'id' | 'product_id' | 'media_type' | 'byte_size' | 'position'>[]> {
  if (productIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('product_photos')
    .select(['id', 'product_id', 'media_type', 'byte_size', 'position'])
    .where('product_id', 'in', productIds)
    .orderBy('product_id')
    .orderBy('position')
    .execute();
}

export function findPhoto(db: Executor, productId: string, photoId: string) {
  return db
    .selectFrom('product_photos')
    .selectAll()
    .where('product_id', '=', productId)
    .where('id', '=', photoId)
    .executeTakeFirst();
}

export async function insertPhotoRow(db: Executor, row: ProductPhotosTable): Promise<void> {
  await db.insertInto('product_photos').values(row).execute();
}

export async function deletePhotoRow(db: Executor, productId: string, photoId: string): Promise<number> {
  const result = await db
    .deleteFrom('product_photos')
    .where('product_id', '=', productId)
    .where('id', '=', photoId)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

export function findGroupRows(db: Executor) {
  return db.selectFrom('product_groups').selectAll().orderBy('valid_from').orderBy('code').execute();
}

/** Every product's name and producer, to match an imported list against the register. */
export function findProductKeys(db: Executor) {
  return db
    .selectFrom('products')
    .select(['id', 'name', 'producer_id', 'evaluation_year', 'created_at'])
    .execute();
}
