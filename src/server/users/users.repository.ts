import type { Executor } from '../db/database';
import type { UsersTable } from '../db/schema';
import { toCount } from '../util';

export function findUserRowById(db: Executor, id: string): Promise<UsersTable | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findUserRowByUsername(db: Executor, username: string): Promise<UsersTable | undefined> {
  return db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
}

export function listUserRows(db: Executor): Promise<UsersTable[]> {
  return db.selectFrom('users').selectAll().orderBy('username').execute();
}

export async function insertUserRow(db: Executor, row: UsersTable): Promise<void> {
  await db.insertInto('users').values(row).execute();
}

export async function updateUserRow(
  db: Executor,
  id: string,
  patch: Partial<Omit<UsersTable, 'id'>>,
): Promise<void> {
  await db.updateTable('users').set(patch).where('id', '=', id).execute();
}

export async function countUsers(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return toCount(row.n);
}

export async function countUsersWithPublishedPassword(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('users')
    .where('has_published_password', '=', 1)
    .where('is_active', '=', 1)
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return toCount(row.n);
}
