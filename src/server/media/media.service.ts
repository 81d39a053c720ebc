import type { CreateMediaItemInput, Media, MediaItem, MediaKind } from '../../shared/report';
import { createMediaItemSchema } from '../../shared/report';
import { recordAudit } from '../audit/audit.service';
import type { Actor } from '../auth/actor';
import type { Db, Executor } from '../db/database';
import { notFound } from '../errors';
import { newId, nowIso, toBool } from '../util';
import {
  deleteMediaRow,
  findMediaRow,
  findMediaRows,
  findPressSeatRows,
  insertMediaRow,
} from './media.repository';

export async function getMedia(db: Executor, eventId: string): Promise<Media> {
  const [rows, press] = await Promise.all([findMediaRows(db, eventId), findPressSeatRows(db, eventId)]);
  return {
    items: rows.map(
      (r): MediaItem => ({
        id: r.id,
        kind: r.kind as MediaKind,
        title: r.title,
        outlet: r.outlet,
        url: r.url,
        publishedOn: r.published_on,
        isSample: toBool(r.is_sample),
      }),
    ),
    pressUnits: press.map((p) => ({ unitId: p.id, name: p.name, seats: Number(p.seats ?? 0) })),
  };
}

export async function createMediaItem(
  db: Db,
  actor: Actor,
  eventId: string,
  input: CreateMediaItemInput,
  options: { isSample?: boolean } = {},
): Promise<Media> {
  const data = createMediaItemSchema.parse(input);
  await db.transaction().execute(async (trx) => {
    const row = {
      id: newId(),
      event_id: eventId,
      kind: data.kind,
      title: data.title,
      outlet: data.outlet ?? null,
      url: data.url ?? null,
      published_on: data.publishedOn ?? null,
      is_sample: options.isSample ? 1 : 0,
      created_at: nowIso(),
    };
    await insertMediaRow(trx, row);
    await recordAudit(trx, actor, {
      eventId,
      entity: 'media_item',
      entityId: row.id,
      action: 'create',
      after: row,
    });
  });
  return getMedia(db, eventId);
}

export async function deleteMediaItem(db: Db, actor: Actor, eventId: string, itemId: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const before = await findMediaRow(trx, eventId, itemId);
    if (!before) throw notFound('mục truyền thông');
    await deleteMediaRow(trx, itemId);
    await recordAudit(trx, actor, {
      eventId,
      entity: 'media_item',
      entityId: itemId,
      action: 'delete',
      before,
    });
  });
}
