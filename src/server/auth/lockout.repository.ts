import type { Executor } from '../db/database';
import type { LoginFailuresTable } from '../db/schema';
import { toCount } from '../util';

export async function insertAttempt(db: Executor, row: LoginFailuresTable): Promise<void> {
  await db.insertInto('login_failures').values(row).execute();
}

export async function deleteAttempt(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('login_failures').where('id', '=', id).execute();
}

export async function markAttemptRefused(db: Executor, id: string): Promise<void> {
  await db.updateTable('login_failures').set({ refused: 1 }).where('id', '=', id).execute();
}

/** Which attempts count together: one account from one device, or from one address, or all of an account's or an address's. */
export type Bucket =
  | { username: string; device: string }
  | { username: string; ip: string }
  | { username: string }
  | { ip: string };

/** How many other attempts share the bucket since `sinceIso`: the oldest, and the newest one that was checked. */
export async function summariseAttempts(
  db: Executor,
  bucket: Bucket,
  sinceIso: string,
  exceptId: string,
  checkedOnly: boolean,
): Promise<{ count: number; oldest: string | null; newest: string | null }> {
  let query = db.selectFrom('login_failures').where('at', '>', sinceIso).where('id', '!=', exceptId);
  if ('username' in bucket) query = query.where('username', '=', bucket.username);
  if ('device' in bucket) query = query.where('device', '=', bucket.device);
  // Attempts from known devices never count against the address or the whole account: that is the owner's lane.
  else query = query.where('device', 'is', null);
  if ('ip' in bucket) query = query.where('ip', '=', bucket.ip);
  if (checkedOnly) query = query.where('refused', '=', 0);
  const row = await query
    .select((eb) => [
      eb.fn.countAll().as('n'),
      eb.fn.min('at').as('oldest'),
      // The lane's clock runs from the last attempt that was really checked: a refused one does not restart it.
      eb.fn.max(eb.case().when('refused', '=', 0).then(eb.ref('at')).end()).as('newestChecked'),
      eb.fn.max('at').as('newest'),
    ])
    .executeTakeFirstOrThrow();
  return {
    count: toCount(row.n),
    oldest: row.oldest ?? null,
    // A burst may have been refused whole (each saw the others first): then the newest attempt starts the clock.
    newest: row.newestChecked ?? row.newest ?? null,
  };
}

export async function deleteAttempts(
  db: Executor,
  filter: { username: string; device?: string | null; ip?: string } | { beforeIso: string },
): Promise<void> {
  let query = db.deleteFrom('login_failures');
  if ('beforeIso' in filter) query = query.where('at', '<', filter.beforeIso);
  else {
    query = query.where('username', '=', filter.username);
    if (filter.device) query = query.where('device', '=', filter.device);
    else if (filter.device === null) query = query.where('device', 'is', null);
    if (filter.ip !== undefined) query = query.where('ip', '=', filter.ip);
  }
  await query.execute();
}

export async function isKnownDevice(db: Executor, userId: string, tokenHash: string): Promise<boolean> {
  const row = await db
    .selectFrom('known_devices')
    .select('id')
    .where('user_id', '=', userId)
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
  return !!row;
}

export async function isMintedDevice(db: Executor, tokenHash: string): Promise<boolean> {
  const row = await db
    .selectFrom('known_devices')
    .select('id')
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
  return !!row;
}

/** Idempotent: two sign-ins from one browser at once both end with one row. */
export async function upsertKnownDevice(
  db: Executor,
  row: { id: string; user_id: string; token_hash: string; at: string },
): Promise<void> {
  await db
    .insertInto('known_devices')
    .values({
      id: row.id,
      user_id: row.user_id,
      token_hash: row.token_hash,
      created_at: row.at,
      last_used_at: row.at,
    })
    .onConflict((oc) =>
      oc
        .columns(['token_hash', 'user_id'])
        .doUpdateSet((eb) => ({ last_used_at: eb.ref('excluded.last_used_at') })),
    )
    .execute();
}
