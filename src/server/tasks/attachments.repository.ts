import type { Executor } from '../db/database';
import type { AttachmentsTable } from '../db/schema';

/** Files kept with a duty (proof of work) or a budget line (a receipt): bytes in the database, as base64. */

const LISTED = ['id', 'owner_id', 'file_name', 'media_type', 'byte_size', 'created_at'] as const;

export async function findAttachmentRows(
  db: Executor,
  eventId: string,
  ownerKind: string,
  ownerIds: string[],
) {
  if (ownerIds.length === 0) return [];
  return db
    .selectFrom('attachments')
    .select(LISTED)
    .where('event_id', '=', eventId)
    .where('owner_kind', '=', ownerKind)
    .where('owner_id', 'in', ownerIds)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function countAttachmentRows(db: Executor, eventId: string, ownerKind: string, ownerId: string) {
  const row = await db
    .selectFrom('attachments')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('event_id', '=', eventId)
    .where('owner_kind', '=', ownerKind)
    .where('owner_id', '=', ownerId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function findAttachmentRow(db: Executor, eventId: string, attachmentId: string) {
  return db
    .selectFrom('attachments')
    .selectAll()
    .where('event_id', '=', eventId)
    .where('id', '=', attachmentId)
    .executeTakeFirst();
}

export async function insertAttachmentRow(db: Executor, row: AttachmentsTable): Promise<void> {
  await db.insertInto('attachments').values(row).execute();
}

export async function deleteAttachmentRows(
  db: Executor,
  eventId: string,
  where: { id: string } | { ownerKind: string; ownerId: string },
): Promise<void> {
  let q = db.deleteFrom('attachments').where('event_id', '=', eventId);
  q =
    'id' in where
      ? q.where('id', '=', where.id)
      : q.where('owner_kind', '=', where.ownerKind).where('owner_id', '=', where.ownerId);
  await q.execute();
}
