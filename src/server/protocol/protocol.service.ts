import {
  compileLadder,
  type DerivedRank,
  deriveRank,
  type Ladder,
  type Presidium,
  type PreviewTitleRankInput,
  type ProtocolLevel,
  type SaveTitleRankInput,
  type SetPresidiumInput,
  type TitleRank,
  type TitleRankPreview,
} from '../../shared/protocol';
import type { UnitKind } from '../../shared/units';
import { recordAudit } from '../audit/audit.service';
import type { Actor } from '../auth/actor';
import type { Db, Executor } from '../db/database';
import type { TitleRanksTable } from '../db/schema';
import { invalidField, notFound } from '../errors';
import { getEventById } from '../events/events.service';
import { findUnitsByIds } from '../units/units.service';
import { newId } from '../util';
import {
  deleteTitleRankRow,
  findPresidiumRows,
  findRankablePeople,
  findTitleRankRow,
  findTitleRankRows,
  insertTitleRankRow,
  replacePresidiumRows,
  updateTitleRankRow,
} from './protocol.repository';

function rowToTitleRank(row: TitleRanksTable): TitleRank {
  return {
    id: row.id,
    rank: row.rank,
    level: row.level as ProtocolLevel | null,
    titles: JSON.parse(row.titles) as string[],
    bodies: JSON.parse(row.bodies) as string[],
    label: row.label,
    validFrom: row.valid_from,
    validTo: row.valid_to,
  };
}

const titleRankColumns = (input: SaveTitleRankInput): Omit<TitleRanksTable, 'id'> => ({
  rank: input.rank,
  level: input.level,
  titles: JSON.stringify(input.titles),
  bodies: JSON.stringify(input.bodies),
  label: input.label,
  valid_from: input.validFrom,
  valid_to: input.validTo,
});

export async function findTitleRanks(db: Executor): Promise<TitleRank[]> {
  return (await findTitleRankRows(db)).map(rowToTitleRank);
}

/** Ranks people of one event: the ladder in force on the event's day, the levels of the units they come from. */
export interface Ranker {
  rank(position: string | null, unitId: string | null): DerivedRank;
}

export async function loadRanker(db: Executor, eventId: string, unitIds: (string | null)[]): Promise<Ranker> {
  const event = await getEventById(db, eventId);
  const ladder: Ladder = compileLadder(await findTitleRanks(db), event.startsAt.slice(0, 10));
  const ids = [...new Set(unitIds.filter((id): id is string => !!id))];
  const units = ids.length ? await findUnitsByIds(db, ids) : new Map();
  return {
    rank: (position, unitId) =>
      deriveRank(
        ladder,
        position,
        unitId ? ((units.get(unitId)?.kind as UnitKind | undefined) ?? null) : null,
      ),
  };
}

/**
 * A ladder edit re-ranks every event's people. `rerank` is the delegates feature's refresh, passed in so this
 * feature does not write delegates itself.
 */
export async function saveTitleRank(
  db: Db,
  actor: Actor,
  id: string | null,
  input: SaveTitleRankInput,
  rerank: (trx: Executor) => Promise<void>,
): Promise<TitleRank> {
  return db.transaction().execute(async (trx) => {
    const before = id ? await findTitleRankRow(trx, id) : undefined;
    if (id && !before) throw notFound('Chức danh');
    const rowId = id ?? newId();
    if (before) await updateTitleRankRow(trx, rowId, titleRankColumns(input));
    else await insertTitleRankRow(trx, { id: rowId, ...titleRankColumns(input) });
    await recordAudit(trx, actor, {
      entity: 'title_rank',
      entityId: rowId,
      action: before ? 'update' : 'create',
      before: before ? rowToTitleRank(before) : undefined,
      after: input,
    });
    await rerank(trx);
    return rowToTitleRank((await findTitleRankRow(trx, rowId))!);
  });
}

export async function deleteTitleRank(
  db: Db,
  actor: Actor,
  id: string,
  rerank: (trx: Executor) => Promise<void>,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const before = await findTitleRankRow(trx, id);
    if (!before) throw notFound('Chức danh');
    await deleteTitleRankRow(trx, id);
    await recordAudit(trx, actor, {
      entity: 'title_rank',
      entityId: id,
      action: 'delete',
      before: rowToTitleRank(before),
    });
    await rerank(trx);
  });
}

export async function getPresidium(db: Executor, eventId: string): Promise<Presidium> {
  return {
    items: (await findPresidiumRows(db, eventId)).map((r) => ({
      delegateId: r.delegate_id,
      role: r.role as 'chair' | 'member',
      fullName: r.full_name,
      position: r.position_text,
    })),
  };
}

/** The chair(s) and the presidium, in the order they sit and are introduced; chairs first. */
export async function setPresidium(
  db: Db,
  actor: Actor,
  eventId: string,
  input: SetPresidiumInput,
  isDelegateOfEvent: (trx: Executor, delegateIds: string[]) => Promise<Set<string>>,
): Promise<Presidium> {
  return db.transaction().execute(async (trx) => {
    const ids = input.items.map((i) => i.delegateId);
    if (new Set(ids).size !== ids.length)
      throw invalidField('items', 'Một người chỉ có một vị trí trong đoàn chủ tịch');
    const known = await isDelegateOfEvent(trx, ids);
    input.items.forEach((item, i) => {
      if (!known.has(item.delegateId))
        throw invalidField(`items.${i}.delegateId`, 'Đại biểu không thuộc hội nghị này');
    });
    const ordered = [
      ...input.items.filter((i) => i.role === 'chair'),
      ...input.items.filter((i) => i.role === 'member'),
    ];
    const before = await getPresidium(trx, eventId);
    await replacePresidiumRows(
      trx,
      eventId,
      ordered.map((item, position) => ({
        event_id: eventId,
        delegate_id: item.delegateId,
        role: item.role,
        position,
      })),
    );
    await recordAudit(trx, actor, {
      eventId,
      entity: 'presidium',
      entityId: eventId,
      action: 'update',
      before: before.items.map((i) => ({ delegateId: i.delegateId, role: i.role })),
      after: ordered,
    });
    return getPresidium(trx, eventId);
  });
}

/**
 * Who a ladder edit re-ranks, before it is saved: every event's people ranked by the ladder as it is and as it
 * would be (each on their event's day). The derived rank is compared: an organizer's override still wins on lists.
 */
export async function previewTitleRank(
  db: Executor,
  input: PreviewTitleRankInput,
  limit = 200,
): Promise<TitleRankPreview> {
  const current = await findTitleRanks(db);
  if (input.id && !current.some((r) => r.id === input.id)) throw notFound('Chức danh');
  const kept = current.filter((r) => r.id !== input.id);
  const proposed = input.rule ? [...kept, { ...input.rule, id: input.id ?? 'new' }] : kept;
  const ladders = new Map<string, { before: Ladder; after: Ladder }>();
  const items: TitleRankPreview['items'] = [];
  let total = 0;
  for (const p of await findRankablePeople(db)) {
    const day = p.starts_at.slice(0, 10);
    let pair = ladders.get(day);
    if (!pair) {
      pair = { before: compileLadder(current, day), after: compileLadder(proposed, day) };
      ladders.set(day, pair);
    }
    const kind = (p.unit_kind as UnitKind | null) ?? null;
    const before = deriveRank(pair.before, p.position, kind);
    const after = deriveRank(pair.after, p.position, kind);
    if (before.rank === after.rank && before.reason === after.reason) continue;
    total++;
    if (items.length < limit)
      items.push({
        delegateId: p.id,
        eventId: p.event_id,
        eventName: p.event_name,
        fullName: p.full_name,
        position: p.position,
        before,
        after,
      });
  }
  return { items, total };
}
