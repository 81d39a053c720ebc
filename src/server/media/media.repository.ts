import type { Executor } from '../db/database';
import type { MediaItemsTable } from '../db/schema';

/** All SQL of media: the clip, press invitations and coverage links; the press units seated in the composition. */

export async function findMediaRows(db: Executor, eventId: string) {
  return db
    .selectFrom('media_items')
    .selectAll()
    .where('event_id', '=', eventId)
    .orderBy('kind')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function findPressSeatRows(db: Executor, eventId: string) {
  return db
    .selectFrom('composition_seats as s')
    .innerJoin('units as u', 'u.id', 's.unit_id')
    .select(['u.id', 'u.name'])
    .select((eb) => eb.fn.sum<number>('s.quota').as('seats'))
    .where('s.event_id', '=', eventId)
    .where('u.kind', '=', 'media')
    .groupBy(['u.id', 'u.name'])
    .orderBy('u.name')
    .execute();
}

export async function insertMediaRow(db: Executor, row: MediaItemsTable): Promise<void> {
  await db.insertInto('media_items').values(row).execute();
}

export async function findMediaRow(db: Executor, eventId: string, itemId: string) {
  return db
    .selectFrom('media_items')
    .selectAll()
    .where('event_id', '=', eventId)
    .where('id', '=', itemId)
    .executeTakeFirst();
}

export async function deleteMediaRow(db: Executor, itemId: string): Promise<void> {
  await db.deleteFrom('media_items').where('id', '=', itemId).execute();
}
