import { forgetSessions } from '../auth/session-cache';
import type { Executor } from '../db/database';
import type { EventMembersTable, EventPartnersTable, EventsTable } from '../db/schema';

export function findEventRowById(db: Executor, id: string): Promise<EventsTable | undefined> {
  return db.selectFrom('events').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Events visible to a user: all of them (ids = null) or those listed. Newest first. */
export function findEventRows(db: Executor, ids: string[] | null): Promise<EventsTable[]> {
  let query = db.selectFrom('events').selectAll();
  if (ids) query = query.where('id', 'in', ids.length ? ids : ['']);
  return query.orderBy('starts_at', 'desc').execute();
}

export async function insertEventRow(db: Executor, row: EventsTable): Promise<void> {
  await db.insertInto('events').values(row).execute();
}

export async function updateEventRow(
  db: Executor,
  id: string,
  patch: Partial<Omit<EventsTable, 'id'>>,
): Promise<void> {
  await db.updateTable('events').set(patch).where('id', '=', id).execute();
}

export async function deleteEventRow(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('events').where('id', '=', id).execute();
}

export function findPartnerRows(db: Executor, eventId: string): Promise<EventPartnersTable[]> {
  return db
    .selectFrom('event_partners')
    .selectAll()
    .where('event_id', '=', eventId)
    .orderBy('position')
    .execute();
}

export async function replacePartnerRows(
  db: Executor,
  eventId: string,
  rows: EventPartnersTable[],
): Promise<void> {
  await db.deleteFrom('event_partners').where('event_id', '=', eventId).execute();
  if (rows.length) await db.insertInto('event_partners').values(rows).execute();
}

export function findMemberRowsOfUser(db: Executor, userId: string): Promise<EventMembersTable[]> {
  return db.selectFrom('event_members').selectAll().where('user_id', '=', userId).execute();
}

export function findMemberRows(db: Executor, eventId: string) {
  return db
    .selectFrom('event_members as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .leftJoin('units as un', 'un.id', 'm.unit_id')
    .select([
      'm.user_id',
      'm.role',
      'm.unit_id',
      'u.username',
      'u.full_name',
      'u.last_login_at',
      'un.name as unit_name',
    ])
    .where('m.event_id', '=', eventId)
    .orderBy('u.username')
    .execute();
}

export function findMemberRow(
  db: Executor,
  eventId: string,
  userId: string,
): Promise<EventMembersTable | undefined> {
  return db
    .selectFrom('event_members')
    .selectAll()
    .where('event_id', '=', eventId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

/** Roles change: cached sessions are dropped here and again by the service once its transaction commits. */
export async function upsertMemberRow(db: Executor, row: EventMembersTable): Promise<void> {
  forgetSessions();
  await db
    .insertInto('event_members')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['event_id', 'user_id']).doUpdateSet({ role: row.role, unit_id: row.unit_id }),
    )
    .execute();
}

export async function deleteMemberRow(db: Executor, eventId: string, userId: string): Promise<void> {
  forgetSessions();
  await db
    .deleteFrom('event_members')
    .where('event_id', '=', eventId)
    .where('user_id', '=', userId)
    .execute();
}

/** Events whose delegates' personal data is still held, with what decides when it may be erased. */
export function findUnerasedEventRows(db: Executor) {
  return db
    .selectFrom('events')
    .select(['id', 'name', 'ends_at', 'personal_data_retention_days'])
    .where('erased_at', 'is', null)
    .orderBy('ends_at')
    .execute();
}
