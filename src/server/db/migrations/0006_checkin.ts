import type { Kysely } from 'kysely';

// Frozen. The day itself: every scan as it reached the server (idempotent on the device's id), who is in the room
// (the earliest scan wins), documents handed, walk-ins; the hall's layout and who sits where.

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against an untyped schema on purpose
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('checkins')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('event_id', 'text', (c) => c.notNull().references('events.id').onDelete('cascade'))
    // Made by the device before it first tries to send: a retried upload carries the same one.
    .addColumn('client_id', 'text', (c) => c.notNull())
    .addColumn('delegate_id', 'text', (c) => c.notNull().references('delegates.id').onDelete('cascade'))
    .addColumn('device_id', 'text', (c) => c.notNull())
    .addColumn('scanned_at', 'text', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text')
    // 'checked_in' for the scan that counts, 'duplicate' for every other scan of the same person.
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addUniqueConstraint('checkins_client_uq', ['event_id', 'client_id'])
    .execute();
  await db.schema
    .createIndex('checkins_delegate_idx')
    .on('checkins')
    .columns(['event_id', 'delegate_id'])
    .execute();

  await db.schema
    .createTable('attendance')
    .addColumn('event_id', 'text', (c) => c.notNull().references('events.id').onDelete('cascade'))
    .addColumn('delegate_id', 'text', (c) => c.notNull().references('delegates.id').onDelete('cascade'))
    .addColumn('checkin_id', 'text', (c) => c.notNull())
    .addColumn('checked_in_at', 'text', (c) => c.notNull())
    .addColumn('documents_at', 'text')
    .addColumn('walk_in_reason', 'text')
    .addPrimaryKeyConstraint('attendance_pk', ['event_id', 'delegate_id'])
    .execute();

  await db.schema
    .createTable('halls')
    .addColumn('event_id', 'text', (c) => c.primaryKey().references('events.id').onDelete('cascade'))
    .addColumn('layout_json', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('seat_assignments')
    .addColumn('event_id', 'text', (c) => c.notNull().references('events.id').onDelete('cascade'))
    .addColumn('delegate_id', 'text', (c) => c.notNull().references('delegates.id').onDelete('cascade'))
    .addColumn('seat', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('seat_assignments_pk', ['event_id', 'delegate_id'])
    .addUniqueConstraint('seat_assignments_seat_uq', ['event_id', 'seat'])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('seat_assignments').execute();
  await db.schema.dropTable('halls').execute();
  await db.schema.dropTable('attendance').execute();
  await db.schema.dropTable('checkins').execute();
}
