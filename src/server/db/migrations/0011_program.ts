import type { Kysely } from 'kysely';

// Frozen. The program as the day runs it: each item's kind, duration, the MC's notes and a sample flag on the plan's
// program rows; presenters per item (a delegate, or a unit that names its speaker later); papers (tham luận) with
// their file; the MC script's last two generated texts; and which item the hall is on.

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against an untyped schema on purpose
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('program_items').addColumn('kind', 'text').execute();
  await db.schema.alterTable('program_items').addColumn('duration_minutes', 'integer').execute();
  await db.schema.alterTable('program_items').addColumn('notes', 'text').execute();
  await db.schema
    .alterTable('program_items')
    .addColumn('is_sample', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  await db.schema
    .createTable('program_presenters')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('event_id', 'text', (c) => c.notNull().references('events.id').onDelete('cascade'))
    .addColumn('item_id', 'text', (c) => c.notNull().references('program_items.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('delegate_id', 'text', (c) => c.references('delegates.id').onDelete('set null'))
    .addColumn('unit_id', 'text', (c) => c.references('units.id').onDelete('set null'))
    .addColumn('name', 'text')
    .execute();
  await db.schema
    .createIndex('program_presenters_item_idx')
    .on('program_presenters')
    .columns(['item_id', 'position'])
    .execute();
  await db.schema
    .createIndex('program_presenters_event_idx')
    .on('program_presenters')
    .column('event_id')
    .execute();

  await db.schema
    .createTable('papers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('event_id', 'text', (c) => c.notNull().references('events.id').onDelete('cascade'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('byte_size', 'integer', (c) => c.notNull())
    .addColumn('data_base64', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('review_comment', 'text')
    .addColumn('program_item_id', 'text', (c) => c.references('program_items.id').onDelete('set null'))
    .addColumn('is_sample', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('submitted_by', 'text')
    .addColumn('submitted_at', 'text', (c) => c.notNull())
    .addColumn('reviewed_by', 'text')
    .addColumn('reviewed_at', 'text')
    .execute();
  await db.schema
    .createIndex('papers_event_idx')
    .on('papers')
    .columns(['event_id', 'submitted_at'])
    .execute();

  await db.schema
    .createTable('mc_scripts')
    .addColumn('event_id', 'text', (c) => c.primaryKey().references('events.id').onDelete('cascade'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('generated_at', 'text', (c) => c.notNull())
    .addColumn('previous_text', 'text')
    .addColumn('previous_generated_at', 'text')
    .execute();

  await db.schema
    .createTable('program_live')
    .addColumn('event_id', 'text', (c) => c.primaryKey().references('events.id').onDelete('cascade'))
    .addColumn('current_item_id', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('program_live').execute();
  await db.schema.dropTable('mc_scripts').execute();
  await db.schema.dropTable('papers').execute();
  await db.schema.dropTable('program_presenters').execute();
  for (const column of ['is_sample', 'notes', 'duration_minutes', 'kind'])
    await db.schema.alterTable('program_items').dropColumn(column).execute();
}
