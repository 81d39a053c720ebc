import { PostgresAdapter, sql } from 'kysely';
import { SEAT_HOLDING_STATUSES } from '../../shared/vocabulary';
import type { Executor } from '../db/database';
import type { CompositionGroupsTable, CompositionSeatsTable } from '../db/schema';
import { toCount } from '../util';

export function findGroupRows(db: Executor, eventId: string): Promise<CompositionGroupsTable[]> {
  return db
    .selectFrom('composition_groups')
    .selectAll()
    .where('event_id', '=', eventId)
    .orderBy('position')
    .execute();
}

export function findGroupRow(db: Executor, groupId: string): Promise<CompositionGroupsTable | undefined> {
  return db.selectFrom('composition_groups').selectAll().where('id', '=', groupId).executeTakeFirst();
}

export async function insertGroupRows(db: Executor, rows: CompositionGroupsTable[]): Promise<void> {
  if (rows.length) await db.insertInto('composition_groups').values(rows).execute();
}

export async function updateGroupRow(
  db: Executor,
  id: string,
  patch: Partial<Omit<CompositionGroupsTable, 'id' | 'event_id'>>,
): Promise<void> {
  // An update with no columns is a syntax error on both engines.
  if (Object.keys(patch).length === 0) return;
  await db.updateTable('composition_groups').set(patch).where('id', '=', id).execute();
}

export async function deleteGroupRows(db: Executor, ids: string[]): Promise<void> {
  if (!ids.length) return;
  // Children point at parents; unlink first so the order of deletion does not matter.
  await db.updateTable('composition_groups').set({ parent_id: null }).where('id', 'in', ids).execute();
  await db.deleteFrom('composition_groups').where('id', 'in', ids).execute();
}

export interface SeatRow extends CompositionSeatsTable {
  unit_name: string;
  unit_short_name: string;
  parent_unit_name: string | null;
}

export function findSeatRows(db: Executor, eventId: string): Promise<SeatRow[]> {
  return db
    .selectFrom('composition_seats as s')
    .innerJoin('units as u', 'u.id', 's.unit_id')
    .leftJoin('units as p', 'p.id', 'u.parent_id')
    .selectAll('s')
    .select(['u.name as unit_name', 'u.short_name as unit_short_name', 'p.name as parent_unit_name'])
    .where('s.event_id', '=', eventId)
    .execute();
}

/**
 * Makes a group's seats exactly `rows`: quotas updated in place, seats no longer wanted removed, new ones added.
 * Updating in place (not delete + insert) matters on PostgreSQL: an officer waiting on a seat's row lock then
 * reads the new quota instead of finding its row gone.
 */
export async function replaceSeatRows(
  db: Executor,
  groupId: string,
  rows: CompositionSeatsTable[],
): Promise<void> {
  const existing = new Set(
    (
      await db.selectFrom('composition_seats').select('unit_id').where('group_id', '=', groupId).execute()
    ).map((r) => r.unit_id),
  );
  const kept = rows.filter((r) => existing.has(r.unit_id));
  for (const row of kept) {
    await db
      .updateTable('composition_seats')
      .set({ quota: row.quota })
      .where('group_id', '=', groupId)
      .where('unit_id', '=', row.unit_id)
      .execute();
  }
  let removed = db.deleteFrom('composition_seats').where('group_id', '=', groupId);
  if (rows.length)
    removed = removed.where(
      'unit_id',
      'not in',
      rows.map((r) => r.unit_id),
    );
  await removed.execute();
  const added = rows.filter((r) => !existing.has(r.unit_id));
  if (added.length) await db.insertInto('composition_seats').values(added).execute();
}

/**
 * Locks a group's seats in key order (the order `lockSeats` and imports use) before its quotas are checked
 * against the people registered: on PostgreSQL an officer adding to one of them waits, or is waited for, and the
 * fill counted afterwards includes what they wrote. SQLite's transactions already run one at a time.
 */
export async function lockGroupSeats(db: Executor, groupId: string): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  await db
    .selectFrom('composition_seats')
    .select('quota')
    .where('group_id', '=', groupId)
    .orderBy('unit_id')
    .forUpdate()
    .execute();
}

/**
 * Takes the seat's row lock for the rest of the transaction and returns its quota (undefined: no such seat).
 * On PostgreSQL a second transaction adding to the same seat waits here until the first commits, then counts
 * what it wrote; SQLite has one writer at a time anyway.
 */
export async function lockSeat(db: Executor, groupId: string, unitId: string): Promise<number | undefined> {
  const row = await db
    .updateTable('composition_seats')
    .set({ quota: sql<number>`quota` })
    .where('group_id', '=', groupId)
    .where('unit_id', '=', unitId)
    .returning('quota')
    .executeTakeFirst();
  return row?.quota;
}

/**
 * Locks every seat of the event the actor reaches, in key order, for an import. PostgreSQL takes the row locks
 * (a concurrent single registration waits on its one seat; two imports take theirs in the same order); SQLite's
 * transactions already run one at a time.
 */
export async function lockSeats(
  db: Executor,
  eventId: string,
  scope: { all: boolean; unitIds?: Set<string> },
) {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  let q = db
    .selectFrom('composition_seats')
    .select('quota')
    .where('event_id', '=', eventId)
    .orderBy('group_id')
    .orderBy('unit_id')
    .forUpdate();
  if (!scope.all) q = q.where('unit_id', 'in', [...(scope.unitIds ?? [])].concat(''));
  await q.execute();
}

export interface FillRow {
  group_id: string | null;
  unit_id: string | null;
  filled: number;
  confirmed: number;
}

/** Seat-holding delegates per group and sending unit. */
export async function countFill(db: Executor, eventId: string): Promise<FillRow[]> {
  const rows = await db
    .selectFrom('delegates')
    .select(['group_id', 'unit_id'])
    .select((eb) => [
      eb.fn.countAll().as('filled'),
      eb.fn
        .sum(eb.case().when('status', 'in', ['confirmed', 'checked_in']).then(1).else(0).end())
        .as('confirmed'),
    ])
    .where('event_id', '=', eventId)
    .where('status', 'in', SEAT_HOLDING_STATUSES)
    .groupBy(['group_id', 'unit_id'])
    .execute();
  return rows.map((r) => ({
    group_id: r.group_id,
    unit_id: r.unit_id,
    filled: toCount(r.filled),
    confirmed: toCount(r.confirmed as number | string | null),
  }));
}

export async function countSeatHolders(db: Executor, groupId: string, unitId: string): Promise<number> {
  const row = await db
    .selectFrom('delegates')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('group_id', '=', groupId)
    .where('unit_id', '=', unitId)
    .where('status', 'in', SEAT_HOLDING_STATUSES)
    .executeTakeFirstOrThrow();
  return toCount(row.n);
}

export async function countGroupDelegates(db: Executor, groupIds: string[]): Promise<Map<string, number>> {
  if (!groupIds.length) return new Map();
  const rows = await db
    .selectFrom('delegates')
    .select('group_id')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('group_id', 'in', groupIds)
    .groupBy('group_id')
    .execute();
  return new Map(rows.map((r) => [r.group_id!, toCount(r.n)]));
}

/**
 * Moves `count` places of a group from one unit's seat to another's (a commune a district adds in its import
 * takes a free place of the district's own): the giving seat shrinks, or goes when it reaches 0; the receiving
 * seat grows or is created. Returns the quotas it read and wrote.
 */
export async function moveSeatQuota(
  db: Executor,
  eventId: string,
  groupId: string,
  from: string,
  to: string,
  count: number,
): Promise<{ fromBefore: number; toAfter: number }> {
  const seat = (unitId: string) =>
    db
      .selectFrom('composition_seats')
      .select('quota')
      .where('group_id', '=', groupId)
      .where('unit_id', '=', unitId)
      .executeTakeFirst();
  const fromBefore = (await seat(from))?.quota ?? 0;
  const toBefore = await seat(to);
  const left = fromBefore - count;
  if (left > 0) {
    await db
      .updateTable('composition_seats')
      .set({ quota: left })
      .where('group_id', '=', groupId)
      .where('unit_id', '=', from)
      .execute();
  } else {
    await db
      .deleteFrom('composition_seats')
      .where('group_id', '=', groupId)
      .where('unit_id', '=', from)
      .execute();
  }
  const toAfter = (toBefore?.quota ?? 0) + count;
  if (toBefore) {
    await db
      .updateTable('composition_seats')
      .set({ quota: toAfter })
      .where('group_id', '=', groupId)
      .where('unit_id', '=', to)
      .execute();
  } else {
    await db
      .insertInto('composition_seats')
      .values({ group_id: groupId, unit_id: to, event_id: eventId, quota: toAfter })
      .execute();
  }
  return { fromBefore, toAfter };
}
