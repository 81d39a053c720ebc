import type { Kysely } from 'kysely';

// Frozen. Personal data (Nghị định 13/2023/NĐ-CP): how long after its end an event keeps its delegates' personal
// data, and when it was erased (null until then). Existing events get the default period.

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against an untyped schema on purpose
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('events')
    .addColumn('personal_data_retention_days', 'integer', (c) => c.notNull().defaultTo(365))
    .execute();
  await db.schema.alterTable('events').addColumn('erased_at', 'text').execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('events').dropColumn('erased_at').execute();
  await db.schema.alterTable('events').dropColumn('personal_data_retention_days').execute();
}
