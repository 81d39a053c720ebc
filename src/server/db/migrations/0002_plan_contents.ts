import type { Kysely } from 'kysely';

// Frozen. What a plan orders besides the event itself: composition groups, program items, side activities,
// tasks per unit, the legal bases it cites and its distribution list; and the plan text the event came from.

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against an untyped schema on purpose
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('events').addColumn('plan_text', 'text').execute();
  await db.schema.alterTable('events').addColumn('plan_purpose', 'text').execute();

  await db.schema
    .createTable('composition_groups')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('event_id', 'text', (c) => c.notNull().references('events.id').onDelete('cascade'))
    .addColumn('parent_id', 'text', (c) => c.references('composition_groups.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('planned_count', 'integer')
    .addColumn('per_unit', 'integer')
    .addColumn('unit_count', 'integer')
    .execute();
  await db.schema
    .createIndex('composition_groups_event_idx')
    .on('composition_groups')
    .columns(['event_id', 'position'])
    .execute();

  await db.schema
    .createTable('program_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('event_id', 'text', (c) => c.notNull().references('events.id').onDelete('cascade'))
    .addColumn('parent_id', 'text', (c) => c.references('program_items.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('start_time', 'text') // "HH:MM", Vietnam wall clock
    .addColumn('end_time', 'text')
    .addColumn('session', 'text')
    .execute();
  await db.schema
    .createIndex('program_items_event_idx')
    .on('program_items')
    .columns(['event_id', 'position'])
    .execute();

  await db.schema
    .createTable('side_activities')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('event_id', 'text', (c) => c.notNull().references('events.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('count', 'integer')
    .addColumn('count_unit', 'text')
    .execute();

  await db.schema
    .createTable('tasks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('event_id', 'text', (c) => c.notNull().references('events.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('unit_id', 'text', (c) => c.references('units.id'))
    .addColumn('unit_name', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('tasks_event_idx').on('tasks').columns(['event_id', 'position']).execute();

  await db.schema
    .createTable('event_legal_bases')
    .addColumn('event_id', 'text', (c) => c.notNull().references('events.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('citations_json', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('event_legal_bases_pk', ['event_id', 'position'])
    .execute();

  await db.schema
    .createTable('event_recipients')
    .addColumn('event_id', 'text', (c) => c.notNull().references('events.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('purpose', 'text')
    .addPrimaryKeyConstraint('event_recipients_pk', ['event_id', 'position'])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'event_recipients',
    'event_legal_bases',
    'tasks',
    'side_activities',
    'program_items',
    'composition_groups',
  ]) {
    await db.schema.dropTable(table).execute();
  }
  await db.schema.alterTable('events').dropColumn('plan_purpose').execute();
  await db.schema.alterTable('events').dropColumn('plan_text').execute();
}
