import type { Kysely } from 'kysely';

// Frozen. Duties become tasks one can follow (owner, due date absolute or relative to the event day, status,
// comments, files), the event gets a budget (source decision, lines in integer VND, receipts) and media items
// (the clip, press invitations, coverage links). Files are stored in the database as base64, like product photos.

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against an untyped schema on purpose
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('tasks').addColumn('owner_user_id', 'text').execute();
  await db.schema.alterTable('tasks').addColumn('due_on', 'text').execute();
  // Days from the event day (D-14 = -14): the due date follows the event when its date moves.
  await db.schema.alterTable('tasks').addColumn('due_offset_days', 'integer').execute();
  await db.schema
    .alterTable('tasks')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('todo'))
    .execute();
  await db.schema.alterTable('tasks').addColumn('done_at', 'text').execute();
  await db.schema.alterTable('tasks').addColumn('updated_at', 'text').execute();

  await db.schema
    .createTable('task_comments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('task_id', 'text', (c) => c.notNull().references('tasks.id').onDelete('cascade'))
    .addColumn('author_id', 'text')
    .addColumn('author_name', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('task_comments_task_idx').on('task_comments').column('task_id').execute();

  await db.schema
    .createTable('attachments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('event_id', 'text', (c) => c.notNull().references('events.id').onDelete('cascade'))
    // 'task' | 'budget_line'; owner_id points into that table (no foreign key across two tables).
    .addColumn('owner_kind', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('byte_size', 'integer', (c) => c.notNull())
    .addColumn('data_base64', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('attachments_owner_idx')
    .on('attachments')
    .columns(['event_id', 'owner_kind', 'owner_id'])
    .execute();

  await db.schema
    .createTable('event_budgets')
    .addColumn('event_id', 'text', (c) => c.primaryKey().references('events.id').onDelete('cascade'))
    .addColumn('source_decision', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('budget_lines')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('event_id', 'text', (c) => c.notNull().references('events.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('unit_label', 'text')
    .addColumn('quantity', 'integer', (c) => c.notNull())
    // Integer VND; bigint so a whole programme's sums fit on PostgreSQL.
    .addColumn('unit_price_vnd', 'bigint', (c) => c.notNull())
    .addColumn('committed_vnd', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('spent_vnd', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('notes', 'text')
    .addColumn('is_sample', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('budget_lines_event_idx')
    .on('budget_lines')
    .columns(['event_id', 'position'])
    .execute();

  await db.schema
    .createTable('media_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('event_id', 'text', (c) => c.notNull().references('events.id').onDelete('cascade'))
    // 'clip' | 'press' (a press unit invited) | 'coverage' (a link after the event)
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('outlet', 'text')
    .addColumn('url', 'text')
    .addColumn('published_on', 'text')
    .addColumn('is_sample', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('media_items_event_idx').on('media_items').column('event_id').execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('media_items').execute();
  await db.schema.dropTable('budget_lines').execute();
  await db.schema.dropTable('event_budgets').execute();
  await db.schema.dropTable('attachments').execute();
  await db.schema.dropTable('task_comments').execute();
  for (const column of ['updated_at', 'done_at', 'status', 'due_offset_days', 'due_on', 'owner_user_id'])
    await db.schema.alterTable('tasks').dropColumn(column).execute();
}
