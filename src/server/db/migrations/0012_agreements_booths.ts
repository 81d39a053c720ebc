import type { Kysely } from 'kysely';

// Frozen. The signing ceremony and the exhibition: agreements (contracts, memoranda, commitments) between producers
// and buyers with the products they cover, each party's signatory and stand-in, the scanned signed copy; the
// exhibition booths on a grid with the products on display.

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against an untyped schema on purpose
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('agreements')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('event_id', 'text', (c) => c.notNull().references('events.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    // Integer VND; bigint so a large supply contract fits on PostgreSQL.
    .addColumn('value_vnd', 'bigint')
    .addColumn('starts_on', 'text')
    .addColumn('ends_on', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    // Place on stage: the round (đợt ký) and the order within it; null until laid out.
    .addColumn('round', 'integer')
    .addColumn('position', 'integer')
    .addColumn('signed_at', 'text')
    .addColumn('follow_up_notes', 'text')
    .addColumn('notes', 'text')
    .addColumn('is_sample', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('agreements_event_idx')
    .on('agreements')
    .columns(['event_id', 'round'])
    .execute();

  await db.schema
    .createTable('agreement_parties')
    .addColumn('agreement_id', 'text', (c) => c.notNull().references('agreements.id').onDelete('cascade'))
    .addColumn('event_id', 'text', (c) => c.notNull().references('events.id').onDelete('cascade'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('signatory_delegate_id', 'text', (c) => c.references('delegates.id').onDelete('set null'))
    .addColumn('stand_in_name', 'text')
    .addColumn('stand_in_position', 'text')
    .addPrimaryKeyConstraint('agreement_parties_pk', ['agreement_id', 'unit_id'])
    .execute();
  await db.schema
    .createIndex('agreement_parties_unit_idx')
    .on('agreement_parties')
    .columns(['event_id', 'unit_id'])
    .execute();

  await db.schema
    .createTable('agreement_products')
    .addColumn('agreement_id', 'text', (c) => c.notNull().references('agreements.id').onDelete('cascade'))
    .addColumn('product_id', 'text', (c) => c.notNull().references('products.id'))
    .addColumn('event_id', 'text', (c) => c.notNull().references('events.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('agreement_products_pk', ['agreement_id', 'product_id'])
    .execute();

  // The scan apart from the agreement, so lists never carry its bytes.
  await db.schema
    .createTable('agreement_scans')
    .addColumn('agreement_id', 'text', (c) => c.primaryKey().references('agreements.id').onDelete('cascade'))
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('byte_size', 'integer', (c) => c.notNull())
    .addColumn('data_base64', 'text', (c) => c.notNull())
    .addColumn('uploaded_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('booths')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('event_id', 'text', (c) => c.notNull().references('events.id').onDelete('cascade'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    // A producer or a district (a district's booth gathers several of its producers).
    .addColumn('unit_id', 'text', (c) => c.references('units.id'))
    // Place on the floor grid, in cells from the top left; size in cells and in metres as written.
    .addColumn('grid_x', 'integer', (c) => c.notNull())
    .addColumn('grid_y', 'integer', (c) => c.notNull())
    .addColumn('grid_w', 'integer', (c) => c.notNull())
    .addColumn('grid_h', 'integer', (c) => c.notNull())
    .addColumn('size_text', 'text')
    .addColumn('person_name', 'text')
    .addColumn('person_phone', 'text')
    .addColumn('setup_at', 'text')
    .addColumn('teardown_at', 'text')
    .addColumn('needs_power', 'integer', (c) => c.notNull())
    .addColumn('tables', 'integer', (c) => c.notNull())
    .addColumn('notes', 'text')
    .addColumn('is_sample', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('booths_number_uq', ['event_id', 'number'])
    .execute();

  await db.schema
    .createTable('booth_products')
    .addColumn('booth_id', 'text', (c) => c.notNull().references('booths.id').onDelete('cascade'))
    .addColumn('product_id', 'text', (c) => c.notNull().references('products.id'))
    .addColumn('event_id', 'text', (c) => c.notNull().references('events.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('booth_products_pk', ['booth_id', 'product_id'])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('booth_products').execute();
  await db.schema.dropTable('booths').execute();
  await db.schema.dropTable('agreement_scans').execute();
  await db.schema.dropTable('agreement_products').execute();
  await db.schema.dropTable('agreement_parties').execute();
  await db.schema.dropTable('agreements').execute();
}
