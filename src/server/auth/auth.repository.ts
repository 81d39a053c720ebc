import type { Executor } from '../db/database';
import type { SessionsTable } from '../db/schema';
import { toCount } from '../util';

export async function insertSession(db: Executor, row: SessionsTable): Promise<void> {
  await db.insertInto('sessions').values(row).execute();
}

export function findLiveSession(
  db: Executor,
  id: string,
  nowIso: string,
): Promise<SessionsTable | undefined> {
  return db
    .selectFrom('sessions')
    .selectAll()
    .where('id', '=', id)
    .where('expires_at', '>', nowIso)
    .executeTakeFirst();
}

export async function deleteSession(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', id).execute();
}

export async function deleteSessionsOfUser(db: Executor, userId: string, exceptId?: string): Promise<void> {
  let query = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (exceptId) query = query.where('id', '!=', exceptId);
  await query.execute();
}

export async function deleteExpiredSessions(db: Executor, nowIso: string): Promise<void> {
  await db.deleteFrom('sessions').where('expires_at', '<=', nowIso).execute();
}

export async function insertLoginFailure(
  db: Executor,
  row: { id: string; username: string; ip: string; at: string },
) {
  await db.insertInto('login_failures').values(row).execute();
}

export async function countLoginFailures(
  db: Executor,
  sinceIso: string,
  by: { username: string } | { ip: string },
): Promise<number> {
  let query = db.selectFrom('login_failures').where('at', '>', sinceIso);
  query = 'username' in by ? query.where('username', '=', by.username) : query.where('ip', '=', by.ip);
  const row = await query.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
  return toCount(row.n);
}

export async function deleteLoginFailures(
  db: Executor,
  filter: { username: string } | { beforeIso: string },
) {
  const query = db.deleteFrom('login_failures');
  await ('username' in filter
    ? query.where('username', '=', filter.username)
    : query.where('at', '<', filter.beforeIso)
  ).execute();
}
