import type { Kysely } from 'kysely';

// Frozen. Reply links: each delegate's secret link to answer an invitation without signing in. Only the SHA-256
// of the token is stored; a new link revokes the old one.

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against an untyped schema on purpose
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('reply_tokens')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('delegate_id', 'text', (c) => c.notNull().references('delegates.id').onDelete('cascade'))
    .addColumn('event_id', 'text', (c) => c.notNull().references('events.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('revoked_at', 'text')
    .execute();
  await db.schema.createIndex('reply_tokens_delegate_idx').on('reply_tokens').column('delegate_id').execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('reply_tokens').execute();
}
