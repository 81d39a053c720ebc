import type { Executor } from '../db/database';
import type { PresidiumTable, TitleRanksTable } from '../db/schema';

export function findTitleRankRows(db: Executor): Promise<TitleRanksTable[]> {
  return db.selectFrom('title_ranks').selectAll().orderBy('rank').orderBy('id').execute();
}

export function findTitleRankRow(db: Executor, id: string): Promise<TitleRanksTable | undefined> {
  return db.selectFrom('title_ranks').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertTitleRankRow(db: Executor, row: TitleRanksTable): Promise<void> {
  await db.insertInto('title_ranks').values(row).execute();
}

export async function updateTitleRankRow(db: Executor, id: string, row: Omit<TitleRanksTable, 'id'>) {
  await db.updateTable('title_ranks').set(row).where('id', '=', id).execute();
}

export async function deleteTitleRankRow(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('title_ranks').where('id', '=', id).execute();
}

export interface PresidiumRow extends PresidiumTable {
  full_name: string;
  position_text: string | null;
}

export function findPresidiumRows(db: Executor, eventId: string): Promise<PresidiumRow[]> {
  return db
    .selectFrom('presidium as p')
    .innerJoin('delegates as d', 'd.id', 'p.delegate_id')
    .selectAll('p')
    .select(['d.full_name', 'd.position as position_text'])
    .where('p.event_id', '=', eventId)
    .orderBy('p.position')
    .execute();
}

export async function replacePresidiumRows(db: Executor, eventId: string, rows: PresidiumTable[]) {
  await db.deleteFrom('presidium').where('event_id', '=', eventId).execute();
  if (rows.length) await db.insertInto('presidium').values(rows).execute();
}

/** Every event's people with what ranks them (read only: the delegates feature writes them). */
export function findRankablePeople(db: Executor) {
  return db
    .selectFrom('delegates as d')
    .innerJoin('events as e', 'e.id', 'd.event_id')
    .leftJoin('units as u', 'u.id', 'd.unit_id')
    .select([
      'd.id',
      'd.event_id',
      'e.name as event_name',
      'e.starts_at',
      'd.full_name',
      'd.position',
      'u.kind as unit_kind',
    ])
    .orderBy('e.starts_at')
    .orderBy('d.protocol_key')
    .orderBy('d.id')
    .execute();
}
