import type { Executor } from '../db/database';
import type { BoothsTable } from '../db/schema';

export type BoothRow = BoothsTable & {
  unit_name: string | null;
  unit_kind: string | null;
  parent_name: string | null;
  parent_kind: string | null;
};

export function findBoothRows(db: Executor, eventId: string): Promise<BoothRow[]> {
  return db
    .selectFrom('booths as b')
    .leftJoin('units as u', 'u.id', 'b.unit_id')
    .leftJoin('units as p', 'p.id', 'u.parent_id')
    .selectAll('b')
    .select(['u.name as unit_name', 'u.kind as unit_kind', 'p.name as parent_name', 'p.kind as parent_kind'])
    .where('b.event_id', '=', eventId)
    .orderBy('b.number')
    .execute();
}

export function findBoothProductRows(db: Executor, eventId: string) {
  return db
    .selectFrom('booth_products as bp')
    .innerJoin('products as p', 'p.id', 'bp.product_id')
    .select(['bp.booth_id', 'p.id', 'p.name', 'p.stars', 'p.potential'])
    .where('bp.event_id', '=', eventId)
    .orderBy('bp.booth_id')
    .orderBy('bp.position')
    .execute();
}

export function findBoothRow(db: Executor, eventId: string, id: string) {
  return db
    .selectFrom('booths')
    .selectAll()
    .where('event_id', '=', eventId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function findBoothByNumber(db: Executor, eventId: string, number: number) {
  return db
    .selectFrom('booths')
    .select(['id', 'number'])
    .where('event_id', '=', eventId)
    .where('number', '=', number)
    .executeTakeFirst();
}

export function insertBoothRow(db: Executor, row: BoothsTable) {
  return db.insertInto('booths').values(row).execute();
}

export function updateBoothRow(db: Executor, id: string, values: Partial<BoothsTable>) {
  return db.updateTable('booths').set(values).where('id', '=', id).execute();
}

export function deleteBoothRow(db: Executor, id: string) {
  return db.deleteFrom('booths').where('id', '=', id).execute();
}

export async function replaceBoothProducts(db: Executor, eventId: string, boothId: string, ids: string[]) {
  await db.deleteFrom('booth_products').where('booth_id', '=', boothId).execute();
  if (ids.length)
    await db
      .insertInto('booth_products')
      .values(ids.map((product_id, i) => ({ booth_id: boothId, product_id, event_id: eventId, position: i })))
      .execute();
}

export function findUnitRow(db: Executor, id: string) {
  return db.selectFrom('units').select(['id', 'kind', 'name']).where('id', '=', id).executeTakeFirst();
}

export function findProductPlaceRows(db: Executor, ids: string[]) {
  return db
    .selectFrom('products as p')
    .innerJoin('units as u', 'u.id', 'p.producer_id')
    .select(['p.id', 'p.name', 'p.producer_id', 'p.district_id', 'u.parent_id as producer_parent_id'])
    .where('p.id', 'in', ids.length ? ids : [''])
    .execute();
}

export function findEventHeadRow(db: Executor, eventId: string) {
  return db
    .selectFrom('events')
    .select(['id', 'name', 'venue_name', 'starts_at'])
    .where('id', '=', eventId)
    .executeTakeFirst();
}

/** The event whose floor the public sees by default: one with booths, open before drafts, the latest first. */
export async function findCurrentBoothEventId(db: Executor): Promise<string | null> {
  const row = await db
    .selectFrom('events as e')
    .select(['e.id', 'e.status', 'e.starts_at'])
    .where((eb) => eb.exists(eb.selectFrom('booths as b').select('b.id').whereRef('b.event_id', '=', 'e.id')))
    .orderBy((eb) => eb.case().when('e.status', '=', 'draft').then(1).else(0).end())
    .orderBy('e.starts_at', 'desc')
    .executeTakeFirst();
  return row?.id ?? null;
}
