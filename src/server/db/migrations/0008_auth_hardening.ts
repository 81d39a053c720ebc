import type { Kysely } from 'kysely';

// Frozen. Sign-in hardening: a flag for accounts still holding the published demo password (checked on every
// sign-in without an argon2 verify), the device a failed sign-in came from, and the devices that signed in before.

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against an untyped schema on purpose
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('users')
    .addColumn('has_published_password', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  // Rows are written before the password is checked, so parallel guesses see each other; a row of a known device
  // carries that device's hash and counts only against that device. A refused attempt (never checked) stays in
  // its own lane but not in the account-wide or address-wide counts.
  await db.schema.alterTable('login_failures').addColumn('device', 'text').execute();
  await db.schema
    .alterTable('login_failures')
    .addColumn('refused', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createIndex('login_failures_pair_idx')
    .on('login_failures')
    .columns(['username', 'ip', 'at'])
    .execute();
  await db.schema
    .createIndex('login_failures_device_idx')
    .on('login_failures')
    .columns(['username', 'device', 'at'])
    .execute();

  await db.schema
    .createTable('known_devices')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    // sha-256 of the device cookie; the cookie itself is never stored
    .addColumn('token_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_used_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('known_devices_token_user_uq', ['token_hash', 'user_id'])
    .execute();
  await db.schema.createIndex('known_devices_user_idx').on('known_devices').column('user_id').execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('known_devices').execute();
  await db.schema.dropIndex('login_failures_device_idx').execute();
  await db.schema.dropIndex('login_failures_pair_idx').execute();
  await db.schema.alterTable('login_failures').dropColumn('refused').execute();
  await db.schema.alterTable('login_failures').dropColumn('device').execute();
  await db.schema.alterTable('users').dropColumn('has_published_password').execute();
}
