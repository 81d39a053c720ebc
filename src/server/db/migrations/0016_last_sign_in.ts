import type { Kysely } from 'kysely';

// Frozen. When each account last signed in: shown to the organizer beside the people of their event, so an
// officer who never signed in (or forgot the password) is noticed before the day.

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against an untyped schema on purpose
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('users').addColumn('last_login_at', 'text').execute();
}

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against an untyped schema on purpose
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('users').dropColumn('last_login_at').execute();
}
