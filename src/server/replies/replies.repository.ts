import type { Executor } from '../db/database';
import type { ReplyTokensTable } from '../db/schema';

export async function insertToken(db: Executor, row: ReplyTokensTable): Promise<void> {
  await db.insertInto('reply_tokens').values(row).execute();
}

export async function revokeTokens(db: Executor, delegateId: string, at: string): Promise<void> {
  await db
    .updateTable('reply_tokens')
    .set({ revoked_at: at })
    .where('delegate_id', '=', delegateId)
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

export function findActiveTokenOf(db: Executor, delegateId: string): Promise<ReplyTokensTable | undefined> {
  return db
    .selectFrom('reply_tokens')
    .selectAll()
    .where('delegate_id', '=', delegateId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
}
