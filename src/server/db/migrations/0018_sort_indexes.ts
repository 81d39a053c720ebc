import type { Kysely } from 'kysely';

// Frozen. The product list is sorted on sort_key (Vietnamese dictionary order), but 0005 indexed `name`: an
// unfiltered page sorted every product. The indexes decision 005 describes: (sort_key, id) for a page straight off
// the index, and (search_key, sort_key, id) covering a search so it never reads the wide rows.

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against an untyped schema on purpose
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('products_sort_idx').on('products').columns(['sort_key', 'id']).execute();
  await db.schema
    .createIndex('products_search_sort_idx')
    .on('products')
    .columns(['search_key', 'sort_key', 'id'])
    .execute();
  await db.schema.dropIndex('products_search_idx').execute();
  await db.schema.dropIndex('products_name_idx').execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('products_name_idx').on('products').columns(['name', 'id']).execute();
  await db.schema
    .createIndex('products_search_idx')
    .on('products')
    .columns(['search_key', 'name', 'id'])
    .execute();
  await db.schema.dropIndex('products_search_sort_idx').execute();
  await db.schema.dropIndex('products_sort_idx').execute();
}
