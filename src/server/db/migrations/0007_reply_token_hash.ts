import type { Kysely } from 'kysely';

// Frozen. Reply links stop being stored in plain text: a leaked backup must not hand over every link. A link is
// now derived from the server's secret key (kept outside the database), the delegate and a generation number that
// a reissue raises; the table keeps only the link's SHA-256 and that generation. Links made before this have no
// generation: they keep working through their hash, but a reprint gives such a delegate a new link.

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against an untyped schema on purpose
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('reply_tokens').addColumn('generation', 'integer').execute();
  await db.schema.alterTable('reply_tokens').dropColumn('token').execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  // The plain tokens are gone for good; the column comes back empty so the old code finds its shape.
  await db.schema.alterTable('reply_tokens').addColumn('token', 'text').execute();
  await db.schema.alterTable('reply_tokens').dropColumn('generation').execute();
}
