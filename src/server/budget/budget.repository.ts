import type { Insertable, Updateable } from 'kysely';
import type { Executor } from '../db/database';
import type { BudgetLinesTable } from '../db/schema';

/** All SQL of the budget: the event's source decision and its lines. */

export async function findBudgetRow(db: Executor, eventId: string) {
  return db.selectFrom('event_budgets').selectAll().where('event_id', '=', eventId).executeTakeFirst();
}

export async function upsertBudgetRow(
  db: Executor,
  row: { event_id: string; source_decision: string | null; updated_at: string },
): Promise<void> {
  const updated = await db
    .updateTable('event_budgets')
    .set({ source_decision: row.source_decision, updated_at: row.updated_at })
    .where('event_id', '=', row.event_id)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) === 0) await db.insertInto('event_budgets').values(row).execute();
}

export async function findBudgetLineRows(db: Executor, eventId: string) {
  return db
    .selectFrom('budget_lines')
    .selectAll()
    .where('event_id', '=', eventId)
    .orderBy('position')
    .orderBy('id')
    .execute();
}

export async function findBudgetLineRow(db: Executor, eventId: string, lineId: string) {
  return db
    .selectFrom('budget_lines')
    .selectAll()
    .where('event_id', '=', eventId)
    .where('id', '=', lineId)
    .executeTakeFirst();
}

export async function countBudgetLineRows(
  db: Executor,
  eventId: string,
): Promise<{ n: number; last: number }> {
  const row = await db
    .selectFrom('budget_lines')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('position').as('last')])
    .where('event_id', '=', eventId)
    .executeTakeFirstOrThrow();
  return { n: Number(row.n), last: Number(row.last ?? -1) };
}

export async function insertBudgetLineRows(
  db: Executor,
  rows: Insertable<BudgetLinesTable>[],
): Promise<void> {
  if (rows.length) await db.insertInto('budget_lines').values(rows).execute();
}

export async function updateBudgetLineRow(
  db: Executor,
  lineId: string,
  values: Updateable<BudgetLinesTable>,
): Promise<void> {
  await db.updateTable('budget_lines').set(values).where('id', '=', lineId).execute();
}

export async function deleteBudgetLineRow(db: Executor, lineId: string): Promise<void> {
  await db.deleteFrom('budget_lines').where('id', '=', lineId).execute();
}
