import {
  ATTACHMENT_MEDIA_TYPES,
  type Attachment,
  type AttachmentMediaType,
  MAX_ATTACHMENT_BYTES,
  MAX_ATTACHMENTS_PER_OWNER,
} from '../../shared/tasks';
import { recordAudit } from '../audit/audit.service';
import type { Actor } from '../auth/actor';
import type { Executor } from '../db/database';
import { AppError, conflict, invalidField, notFound } from '../errors';
import { newId, nowIso } from '../util';
import {
  countAttachmentRows,
  deleteAttachmentRows,
  findAttachmentRow,
  findAttachmentRows,
  insertAttachmentRow,
} from './attachments.repository';

export type AttachmentOwner = 'task' | 'budget_line';

/** What the bytes are, whatever the client called them: a PDF starts "%PDF-", a JPEG FF D8 FF. */
export function attachmentTypeOf(bytes: Buffer): AttachmentMediaType | null {
  if (bytes.length > 5 && bytes.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  if (bytes.length > 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  return null;
}

function toAttachment(r: {
  id: string;
  file_name: string;
  media_type: string;
  byte_size: number;
  created_at: string;
}): Attachment {
  return {
    id: r.id,
    fileName: r.file_name,
    mediaType: r.media_type,
    byteSize: Number(r.byte_size),
    createdAt: r.created_at,
  };
}

export async function findAttachments(
  db: Executor,
  eventId: string,
  ownerKind: AttachmentOwner,
  ownerIds: string[],
): Promise<Map<string, Attachment[]>> {
  const byOwner = new Map<string, Attachment[]>();
  for (const r of await findAttachmentRows(db, eventId, ownerKind, ownerIds)) {
    const list = byOwner.get(r.owner_id) ?? [];
    list.push(toAttachment(r));
    byOwner.set(r.owner_id, list);
  }
  return byOwner;
}

/** Keeps a PDF or JPEG with its owner; the caller has checked the owner exists and may be written. */
export async function addAttachment(
  trx: Executor,
  actor: Actor,
  eventId: string,
  owner: { kind: AttachmentOwner; id: string },
  fileName: string,
  bytes: Buffer,
): Promise<Attachment> {
  if (!Buffer.isBuffer(bytes) || bytes.length === 0) throw invalidField('file', 'Chưa có tệp');
  if (bytes.length > MAX_ATTACHMENT_BYTES)
    throw new AppError('PAYLOAD_TOO_LARGE', 'Tệp quá lớn: tối đa 5 MB mỗi tệp');
  const mediaType = attachmentTypeOf(bytes);
  if (!mediaType || !ATTACHMENT_MEDIA_TYPES.includes(mediaType))
    throw invalidField('file', 'Tệp gửi lên không phải PDF hoặc ảnh JPEG');
  if ((await countAttachmentRows(trx, eventId, owner.kind, owner.id)) >= MAX_ATTACHMENTS_PER_OWNER)
    throw conflict(`Mỗi mục giữ tối đa ${MAX_ATTACHMENTS_PER_OWNER} tệp`);
  const extension = mediaType === 'application/pdf' ? '.pdf' : '.jpg';
  const name = /\.(pdf|jpe?g)$/i.test(fileName) ? fileName : `${fileName}${extension}`;
  const row = {
    id: newId(),
    event_id: eventId,
    owner_kind: owner.kind,
    owner_id: owner.id,
    file_name: name,
    media_type: mediaType,
    byte_size: bytes.length,
    data_base64: bytes.toString('base64'),
    created_by: actor.id,
    created_at: nowIso(),
  };
  await insertAttachmentRow(trx, row);
  await recordAudit(trx, actor, {
    eventId,
    entity: 'attachment',
    entityId: row.id,
    action: 'create',
    after: { ownerKind: owner.kind, ownerId: owner.id, fileName: name, byteSize: bytes.length },
  });
  return toAttachment(row);
}

export async function getAttachmentFile(db: Executor, eventId: string, attachmentId: string) {
  const row = await findAttachmentRow(db, eventId, attachmentId);
  if (!row) throw notFound('tệp đính kèm');
  return {
    ownerKind: row.owner_kind as AttachmentOwner,
    ownerId: row.owner_id,
    fileName: row.file_name,
    mediaType: row.media_type,
    bytes: Buffer.from(row.data_base64, 'base64'),
  };
}

export async function deleteAttachment(
  trx: Executor,
  actor: Actor,
  eventId: string,
  attachmentId: string,
): Promise<void> {
  const row = await findAttachmentRow(trx, eventId, attachmentId);
  if (!row) throw notFound('tệp đính kèm');
  await deleteAttachmentRows(trx, eventId, { id: attachmentId });
  await recordAudit(trx, actor, {
    eventId,
    entity: 'attachment',
    entityId: attachmentId,
    action: 'delete',
    before: { ownerKind: row.owner_kind, ownerId: row.owner_id, fileName: row.file_name },
  });
}

export async function deleteAttachmentsOf(
  trx: Executor,
  eventId: string,
  kind: AttachmentOwner,
  ownerId: string,
) {
  await deleteAttachmentRows(trx, eventId, { ownerKind: kind, ownerId });
}
