import type { Kysely } from 'kysely';

// Frozen. OCOP: the catalogue of product groups (data with validity dates, one set per criteria decision), the
// product register, photos, the certificate wording per event, and the award ceremony (batches of producers on
// stage, each with the products they receive).

const CRITERIA_1048 = 'QĐ 490/QĐ-TTg, QĐ 1048/QĐ-TTg';
const CRITERIA_148 = 'QĐ 919/QĐ-TTg, QĐ 148/QĐ-TTg';
const GROUPS: [id: string, code: string, name: string, framework: string, from: string, to: string | null][] =
  [
    ['g1048-1', '1', 'Thực phẩm', CRITERIA_1048, '2018-05-07', '2023-02-23'],
    ['g1048-2', '2', 'Đồ uống', CRITERIA_1048, '2018-05-07', '2023-02-23'],
    ['g1048-3', '3', 'Thảo dược', CRITERIA_1048, '2018-05-07', '2023-02-23'],
    ['g1048-4', '4', 'Vải và may mặc', CRITERIA_1048, '2018-05-07', '2023-02-23'],
    ['g1048-5', '5', 'Lưu niệm – nội thất – trang trí', CRITERIA_1048, '2018-05-07', '2023-02-23'],
    ['g1048-6', '6', 'Dịch vụ du lịch nông thôn, bán hàng', CRITERIA_1048, '2018-05-07', '2023-02-23'],
    ['g148-1', '1', 'Thực phẩm', CRITERIA_148, '2023-02-24', null],
    ['g148-2', '2', 'Đồ uống', CRITERIA_148, '2023-02-24', null],
    ['g148-3', '3', 'Dược liệu và sản phẩm từ dược liệu', CRITERIA_148, '2023-02-24', null],
    ['g148-4', '4', 'Hàng thủ công mỹ nghệ', CRITERIA_148, '2023-02-24', null],
    ['g148-5', '5', 'Sinh vật cảnh', CRITERIA_148, '2023-02-24', null],
    [
      'g148-6',
      '6',
      'Dịch vụ du lịch cộng đồng, du lịch sinh thái và điểm du lịch',
      CRITERIA_148,
      '2023-02-24',
      null,
    ],
  ];

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against an untyped schema on purpose
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('units').addColumn('producer_type', 'text').execute();

  await db.schema
    .createTable('product_groups')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('framework', 'text', (c) => c.notNull())
    .addColumn('valid_from', 'text', (c) => c.notNull())
    .addColumn('valid_to', 'text')
    .execute();
  await db
    .insertInto('product_groups')
    .values(
      GROUPS.map(([id, code, name, framework, from, to]) => ({
        id,
        code,
        name,
        framework,
        valid_from: from,
        valid_to: to,
      })),
    )
    .execute();

  await db.schema
    .createTable('products')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    // Folded product and producer names, for accent-insensitive search.
    .addColumn('search_key', 'text', (c) => c.notNull())
    // Vietnamese dictionary order of the name, as bytes (see vietnameseSortKey).
    .addColumn('sort_key', 'text', (c) => c.notNull())
    .addColumn('group_id', 'text', (c) => c.notNull().references('product_groups.id'))
    .addColumn('sub_group', 'text')
    .addColumn('producer_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('district_id', 'text', (c) => c.references('units.id'))
    .addColumn('commune_id', 'text', (c) => c.references('units.id'))
    .addColumn('score', 'integer')
    .addColumn('stars', 'integer')
    .addColumn('potential', 'integer', (c) => c.notNull())
    .addColumn('evaluation_year', 'integer')
    .addColumn('evaluation_round', 'integer')
    .addColumn('certifying_level', 'text')
    .addColumn('decision_number', 'text')
    .addColumn('decision_date', 'text')
    .addColumn('valid_until', 'text')
    .addColumn('certificate_number', 'text')
    .addColumn('description', 'text')
    .addColumn('where_to_buy', 'text')
    .addColumn('is_sample', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  for (const column of ['producer_id', 'district_id', 'group_id', 'stars', 'decision_number']) {
    await db.schema.createIndex(`products_${column}_idx`).on('products').column(column).execute();
  }
  // Accent-insensitive search scans this index instead of the wide rows; it also holds the sort order.
  await db.schema
    .createIndex('products_search_idx')
    .on('products')
    .columns(['search_key', 'name', 'id'])
    .execute();
  // Unfiltered lists read the first page straight off this one.
  await db.schema.createIndex('products_name_idx').on('products').columns(['name', 'id']).execute();

  await db.schema
    .createTable('product_photos')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('product_id', 'text', (c) => c.notNull().references('products.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('byte_size', 'integer', (c) => c.notNull())
    .addColumn('data_base64', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('product_photos_product_idx')
    .on('product_photos')
    .column('product_id')
    .execute();

  await db.schema
    .createTable('certificate_templates')
    .addColumn('event_id', 'text', (c) => c.primaryKey().references('events.id').onDelete('cascade'))
    .addColumn('template_json', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('award_batches')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('event_id', 'text', (c) => c.notNull().references('events.id').onDelete('cascade'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('title', 'text')
    .addColumn('presenter_delegate_id', 'text', (c) => c.references('delegates.id').onDelete('set null'))
    .addUniqueConstraint('award_batches_number_uq', ['event_id', 'number'])
    .execute();
  await db.schema
    .createTable('award_recipients')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('event_id', 'text', (c) => c.notNull().references('events.id').onDelete('cascade'))
    .addColumn('batch_id', 'text', (c) => c.notNull().references('award_batches.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('producer_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('delegate_id', 'text', (c) => c.references('delegates.id').onDelete('set null'))
    .addColumn('stand_in_name', 'text')
    .addColumn('handed_over_at', 'text')
    .addUniqueConstraint('award_recipients_producer_uq', ['event_id', 'producer_id'])
    .execute();
  await db.schema
    .createIndex('award_recipients_batch_idx')
    .on('award_recipients')
    .column('batch_id')
    .execute();
  await db.schema
    .createTable('award_items')
    .addColumn('event_id', 'text', (c) => c.notNull().references('events.id').onDelete('cascade'))
    .addColumn('product_id', 'text', (c) => c.notNull().references('products.id').onDelete('cascade'))
    .addColumn('recipient_id', 'text', (c) =>
      c.notNull().references('award_recipients.id').onDelete('cascade'),
    )
    .addPrimaryKeyConstraint('award_items_pk', ['event_id', 'product_id'])
    .execute();
  await db.schema.createIndex('award_items_recipient_idx').on('award_items').column('recipient_id').execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('award_items').execute();
  await db.schema.dropTable('award_recipients').execute();
  await db.schema.dropTable('award_batches').execute();
  await db.schema.dropTable('certificate_templates').execute();
  await db.schema.dropTable('product_photos').execute();
  await db.schema.dropTable('products').execute();
  await db.schema.dropTable('product_groups').execute();
  await db.schema.alterTable('units').dropColumn('producer_type').execute();
}
