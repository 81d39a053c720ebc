import type { Kysely } from 'kysely';

// Frozen. Reply links: each delegate's secret link to answer an invitation without signing in. Looked up by the
// token's SHA-256; the token itself is kept too, so a reprinted invitation carries the same QR code. A new link
// revokes the old one.

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against an untyped schema on purpose
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('reply_tokens')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('token', 'text', (c) => c.notNull())
    .addColumn('delegate_id', 'text', (c) => c.notNull().references('delegates.id').onDelete('cascade'))
    .addColumn('event_id', 'text', (c) => c.notNull().references('events.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('revoked_at', 'text')
    .execute();
  await db.schema.createIndex('reply_tokens_delegate_idx').on('reply_tokens').column('delegate_id').execute();

  // Invitations: the wording the organizer edits, and the register (sổ giấy mời) numbering each letter.
  await db.schema
    .createTable('invitation_templates')
    .addColumn('event_id', 'text', (c) => c.primaryKey().references('events.id').onDelete('cascade'))
    .addColumn('template_json', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('invitations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('event_id', 'text', (c) => c.notNull().references('events.id').onDelete('cascade'))
    .addColumn('number', 'integer', (c) => c.notNull())
    // A letter goes to a person (delegate) or to a unit asked to send people (unit).
    .addColumn('delegate_id', 'text', (c) => c.references('delegates.id').onDelete('cascade'))
    .addColumn('unit_id', 'text', (c) => c.references('units.id'))
    .addColumn('recipient', 'text', (c) => c.notNull())
    .addColumn('issued_at', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('issued_by', 'text')
    .addUniqueConstraint('invitations_number_uq', ['event_id', 'number'])
    .addUniqueConstraint('invitations_delegate_uq', ['event_id', 'delegate_id'])
    .addUniqueConstraint('invitations_unit_uq', ['event_id', 'unit_id'])
    .execute();

  // Documents made in the background (a batch of letters): progress and the finished file, in the database so
  // any app server can answer "how far along is it" and hand the file over.
  await db.schema
    .createTable('document_jobs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('event_id', 'text', (c) => c.notNull().references('events.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('done', 'integer', (c) => c.notNull())
    .addColumn('total', 'integer', (c) => c.notNull())
    .addColumn('error', 'text')
    .addColumn('file_name', 'text')
    .addColumn('media_type', 'text')
    .addColumn('file_base64', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('document_jobs').execute();
  await db.schema.dropTable('invitations').execute();
  await db.schema.dropTable('invitation_templates').execute();
  await db.schema.dropTable('reply_tokens').execute();
}
