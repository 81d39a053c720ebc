import type { Kysely } from 'kysely';

// Frozen. Letters an office can sign:
// - app_settings: settings an administrator changes in the app (the public address printed on letters).
// - letter_registers: the agency's register of outgoing letters (sổ văn bản đi), one per issuer and year, so numbers
//   continue across the events of one issuer; the row is the lock and holds the last number given.
// - invitations gain the register number (null: left blank for the clerk), its symbol, the register it came from
//   and the issue date (ngày ban hành; null: left blank). Letters issued before keep their event number, symbol
//   and the Vietnam day they were issued, so a reprint shows what was printed.
// - badge_tokens: a badge's own check-in code, apart from the reply link; only its SHA-256 is stored.

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against an untyped schema on purpose
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('app_settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .execute();

  await db.schema
    .createTable('letter_registers')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('issuer', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('last_number', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema.alterTable('invitations').addColumn('register_key', 'text').execute();
  await db.schema.alterTable('invitations').addColumn('register_number', 'integer').execute();
  await db.schema.alterTable('invitations').addColumn('register_symbol', 'text').execute();
  await db.schema.alterTable('invitations').addColumn('issued_on', 'text').execute();

  const templates = await db
    .selectFrom('invitation_templates')
    .select(['event_id', 'template_json'])
    .execute();
  const symbolOf = new Map<string, string>();
  for (const t of templates) {
    try {
      symbolOf.set(t.event_id, String(JSON.parse(t.template_json).symbol ?? 'GM'));
    } catch {
      symbolOf.set(t.event_id, 'GM');
    }
  }
  const rows = await db.selectFrom('invitations').select(['id', 'event_id', 'number', 'issued_at']).execute();
  for (const r of rows) {
    // Vietnam keeps +07:00 all year: the day the letter was issued there.
    const day = new Date(Date.parse(r.issued_at) + 7 * 3_600_000).toISOString().slice(0, 10);
    await db
      .updateTable('invitations')
      .set({
        register_key: `event:${r.event_id}`,
        register_number: r.number,
        register_symbol: symbolOf.get(r.event_id) ?? 'GM',
        issued_on: day,
      })
      .where('id', '=', r.id)
      .execute();
  }
  // One number once in a register; a blank number (null) may repeat.
  await db.schema
    .createIndex('invitations_register_uq')
    .on('invitations')
    .columns(['register_key', 'register_number'])
    .unique()
    .execute();

  await db.schema
    .createTable('badge_tokens')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('delegate_id', 'text', (c) =>
      c.notNull().unique().references('delegates.id').onDelete('cascade'),
    )
    .addColumn('event_id', 'text', (c) => c.notNull().references('events.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .execute();
  await db.schema.createIndex('badge_tokens_event_idx').on('badge_tokens').column('event_id').execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('badge_tokens').execute();
  await db.schema.dropIndex('invitations_register_uq').execute();
  await db.schema.alterTable('invitations').dropColumn('issued_on').execute();
  await db.schema.alterTable('invitations').dropColumn('register_symbol').execute();
  await db.schema.alterTable('invitations').dropColumn('register_number').execute();
  await db.schema.alterTable('invitations').dropColumn('register_key').execute();
  await db.schema.dropTable('letter_registers').execute();
  await db.schema.dropTable('app_settings').execute();
}
