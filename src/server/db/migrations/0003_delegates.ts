import type { Kysely } from 'kysely';

// Frozen. Delegates: who invites each composition group and in what protocol rank, the units a group draws
// from with their quotas (seats), the delegates themselves, and the folded words they are found by.

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against an untyped schema on purpose
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('composition_groups').addColumn('inviter', 'text').execute();
  await db.schema.alterTable('composition_groups').addColumn('protocol_rank', 'integer').execute();

  await db.schema
    .createTable('composition_seats')
    .addColumn('group_id', 'text', (c) => c.notNull().references('composition_groups.id').onDelete('cascade'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('event_id', 'text', (c) => c.notNull().references('events.id').onDelete('cascade'))
    .addColumn('quota', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('composition_seats_pk', ['group_id', 'unit_id'])
    .execute();
  await db.schema
    .createIndex('composition_seats_event_idx')
    .on('composition_seats')
    .columns(['event_id', 'unit_id'])
    .execute();

  await db.schema
    .createTable('delegates')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('event_id', 'text', (c) => c.notNull().references('events.id').onDelete('cascade'))
    .addColumn('group_id', 'text', (c) => c.references('composition_groups.id'))
    .addColumn('unit_id', 'text', (c) => c.references('units.id'))
    .addColumn('organization', 'text')
    .addColumn('honorific', 'text')
    .addColumn('full_name', 'text', (c) => c.notNull())
    .addColumn('position', 'text')
    .addColumn('phone', 'text')
    .addColumn('email', 'text')
    .addColumn('gender', 'text')
    .addColumn('protocol_rank', 'integer')
    .addColumn('notes', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('substitute_for_id', 'text', (c) => c.references('delegates.id'))
    // The other direction of a substitution, kept on the row so lists read it by primary key.
    .addColumn('replaced_by_id', 'text')
    .addColumn('is_sample', 'integer', (c) => c.notNull().defaultTo(0))
    // Sort keys: Vietnamese name order, and protocol order (rank, group, name). Digits only. Indexed with the id,
    // so a search walks the list in order from the index alone.
    .addColumn('name_key', 'text', (c) => c.notNull())
    .addColumn('protocol_key', 'text', (c) => c.notNull())
    // Folded name + sending unit, for duplicate checks.
    .addColumn('identity_key', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('delegates_name_idx')
    .on('delegates')
    .columns(['event_id', 'name_key', 'id'])
    .execute();
  await db.schema
    .createIndex('delegates_protocol_idx')
    .on('delegates')
    .columns(['event_id', 'protocol_key', 'id'])
    .execute();
  await db.schema
    .createIndex('delegates_group_idx')
    .on('delegates')
    .columns(['group_id', 'unit_id'])
    .execute();
  await db.schema
    .createIndex('delegates_unit_idx')
    .on('delegates')
    .columns(['event_id', 'unit_id'])
    .execute();
  await db.schema
    .createIndex('delegates_identity_idx')
    .on('delegates')
    .columns(['event_id', 'identity_key'])
    .execute();
  await db.schema
    .createIndex('delegates_substitute_idx')
    .on('delegates')
    .column('substitute_for_id')
    .execute();
  await db.schema.createIndex('delegates_phone_idx').on('delegates').columns(['event_id', 'phone']).execute();

  // Every folded word a delegate is found by (name, position, organization, unit, phone): a query word matches
  // a term it begins, through an index range on both engines.
  await db.schema
    .createTable('delegate_terms')
    .addColumn('event_id', 'text', (c) => c.notNull())
    .addColumn('term', 'text', (c) => c.notNull())
    .addColumn('delegate_id', 'text', (c) => c.notNull().references('delegates.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('delegate_terms_pk', ['event_id', 'term', 'delegate_id'])
    .execute();
  await db.schema
    .createIndex('delegate_terms_delegate_idx')
    .on('delegate_terms')
    .columns(['delegate_id', 'term'])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('delegate_terms').execute();
  await db.schema.dropTable('delegates').execute();
  await db.schema.dropTable('composition_seats').execute();
  await db.schema.alterTable('composition_groups').dropColumn('protocol_rank').execute();
  await db.schema.alterTable('composition_groups').dropColumn('inviter').execute();
}
