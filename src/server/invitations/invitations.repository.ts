import { sql } from 'kysely';
import type { Executor } from '../db/database';
import type { InvitationsTable } from '../db/schema';

export function findTemplateJson(db: Executor, eventId: string) {
  return db
    .selectFrom('invitation_templates')
    .select('template_json')
    .where('event_id', '=', eventId)
    .executeTakeFirst();
}

export async function saveTemplateJson(
  db: Executor,
  eventId: string,
  json: string,
  at: string,
): Promise<void> {
  const exists = await findTemplateJson(db, eventId);
  if (exists) {
    await db
      .updateTable('invitation_templates')
      .set({ template_json: json, updated_at: at })
      .where('event_id', '=', eventId)
      .execute();
  } else {
    await db
      .insertInto('invitation_templates')
      .values({ event_id: eventId, template_json: json, updated_at: at })
      .execute();
  }
}

/** Serialises numbering within an event: the register is written one letter batch at a time. */
export async function lockRegister(db: Executor, eventId: string): Promise<void> {
  await db.updateTable('events').set({ updated_at: sql`updated_at` }).where('id', '=', eventId).execute();
}

export function findRegister(db: Executor, eventId: string): Promise<InvitationsTable[]> {
  return db.selectFrom('invitations').selectAll().where('event_id', '=', eventId).orderBy('number').execute();
}

export async function nextNumber(db: Executor, eventId: string): Promise<number> {
  const row = await db
    .selectFrom('invitations')
    .select((eb) => eb.fn.max('number').as('n'))
    .where('event_id', '=', eventId)
    .executeTakeFirst();
  return Number(row?.n ?? 0) + 1;
}

export async function setChannel(
  db: Executor,
  eventId: string,
  number: number,
  channel: string,
): Promise<void> {
  await db
    .updateTable('invitations')
    .set({ channel })
    .where('event_id', '=', eventId)
    .where('number', '=', number)
    .execute();
}

export async function insertInvitations(db: Executor, rows: InvitationsTable[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500)
    await db
      .insertInto('invitations')
      .values(rows.slice(i, i + 500))
      .execute();
}

/**
 * Takes `count` numbers from an agency register (one per issuer and year), never below `start`: the row is
 * created on first use and updated in the caller's transaction, which also serialises two batches of one issuer
 * (PostgreSQL holds the row lock to the commit; SQLite has one writer). Returns the first number taken.
 */
export async function takeRegisterNumbers(
  db: Executor,
  register: { key: string; issuer: string; year: number },
  start: number,
  count: number,
  at: string,
): Promise<number> {
  await db
    .insertInto('letter_registers')
    .values({ ...register, last_number: start - 1, updated_at: at })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  // Lock first (a no-op update), then read: two transactions cannot both read the same last number.
  await db
    .updateTable('letter_registers')
    .set({ last_number: sql`last_number` })
    .where('key', '=', register.key)
    .execute();
  const row = await db
    .selectFrom('letter_registers')
    .select('last_number')
    .where('key', '=', register.key)
    .executeTakeFirstOrThrow();
  const first = Math.max(Number(row.last_number) + 1, start);
  await db
    .updateTable('letter_registers')
    .set({ last_number: first + count - 1, updated_at: at })
    .where('key', '=', register.key)
    .execute();
  return first;
}
