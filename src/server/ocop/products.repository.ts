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

function selectProducts(db: Executor, f: ProductRowFilter) {
  let query = db
    .selectFrom('products as p')
    .innerJoin('product_groups as g', 'g.id', 'p.group_id')
    .innerJoin('units as producer', 'producer.id', 'p.producer_id')
    .leftJoin('units as district', 'district.id', 'p.district_id')
    .leftJoin('units as commune', 'commune.id', 'p.commune_id');
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

export async function findProductRows(
  db: Executor,
  f: ProductRowFilter,
  page?: { limit: number; offset: number },
): Promise<{ rows: ProductRow[]; total: number }> {
  const base = selectProducts(db, f);
  let rowsQuery = base
    .selectAll('p')
    .select([
      'g.name as group_name',
      'producer.name as producer_name',
      'producer.producer_type as producer_type',
      'producer.address as producer_address',
      'district.name as district_name',
      'commune.name as commune_name',
    ])
    .orderBy('p.name')
    .orderBy('p.id');
  if (page) rowsQuery = rowsQuery.limit(page.limit).offset(page.offset);
  const [rows, count] = await Promise.all([
    rowsQuery.execute(),
    page
      ? base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
      : Promise.resolve(null),
  ]);
  return { rows, total: count ? Number(count.n) : rows.length };
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
