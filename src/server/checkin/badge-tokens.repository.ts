import type { Executor } from '../db/database';
import type { BadgeTokensTable } from '../db/schema';

export function findBadgeTokenRows(db: Executor, delegateIds: string[]): Promise<BadgeTokensTable[]> {
  if (delegateIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('badge_tokens').selectAll().where('delegate_id', 'in', delegateIds).execute();
}

export function findEventBadgeHashes(db: Executor, eventId: string) {
  return db
    .selectFrom('badge_tokens')
    .select(['delegate_id', 'token_hash'])
    .where('event_id', '=', eventId)
    .execute();
}

/** A delegate's badge code, replacing the one they had (made under another key, it can no longer be reprinted). */
export async function replaceBadgeTokenRows(db: Executor, rows: BadgeTokensTable[]): Promise<void> {
  if (rows.length === 0) return;
  await db
    .deleteFrom('badge_tokens')
    .where(
      'delegate_id',
      'in',
      rows.map((r) => r.delegate_id),
    )
    .execute();
  for (let i = 0; i < rows.length; i += 500)
    await db
      .insertInto('badge_tokens')
      .values(rows.slice(i, i + 500))
      .execute();
}
