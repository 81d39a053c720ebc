import type { Executor } from '../db/database';
import type { ReplyTokensTable } from '../db/schema';

/**
 * A derived token is the same whoever derives it, so two requests issuing the same generation at once insert the
 * same row: the second insert is that row already, not an error.
 */
export async function insertTokens(db: Executor, rows: ReplyTokensTable[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500)
    await db
      .insertInto('reply_tokens')
      .values(rows.slice(i, i + 500))
      .onConflict((oc) => oc.column('token_hash').doNothing())
      .execute();
}

export async function revokeTokens(db: Executor, delegateIds: string[], at: string): Promise<void> {
  if (delegateIds.length === 0) return;
  for (let i = 0; i < delegateIds.length; i += 500)
    await db
      .updateTable('reply_tokens')
      .set({ revoked_at: at })
      .where('delegate_id', 'in', delegateIds.slice(i, i + 500))
      .where('revoked_at', 'is', null)
      .execute();
}

export function findActiveToken(db: Executor, tokenHash: string): Promise<ReplyTokensTable | undefined> {
  return db
    .selectFrom('reply_tokens')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
}

export async function findActiveTokensOf(db: Executor, delegateIds: string[]): Promise<ReplyTokensTable[]> {
  const rows: ReplyTokensTable[] = [];
  for (let i = 0; i < delegateIds.length; i += 500)
    rows.push(
      ...(await db
        .selectFrom('reply_tokens')
        .selectAll()
        .where('delegate_id', 'in', delegateIds.slice(i, i + 500))
        .where('revoked_at', 'is', null)
        .execute()),
    );
  return rows;
}

/** The highest generation each delegate's links reached, revoked ones included, so a reissue never repeats one. */
export async function findLastGenerations(db: Executor, delegateIds: string[]): Promise<Map<string, number>> {
  const last = new Map<string, number>();
  for (let i = 0; i < delegateIds.length; i += 500) {
    const rows = await db
      .selectFrom('reply_tokens')
      .select((eb) => ['delegate_id', eb.fn.max('generation').as('generation')])
      .where('delegate_id', 'in', delegateIds.slice(i, i + 500))
      .groupBy('delegate_id')
      .execute();
    for (const r of rows) last.set(r.delegate_id, Number(r.generation ?? 0));
  }
  return last;
}
