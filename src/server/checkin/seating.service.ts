import { MAX_RANK } from '../../shared/protocol';
import {
  DEMO_HALL,
  type HallLayout,
  hallLayoutSchema,
  type Seating,
  seatsByPrecedence,
  seatsOf,
} from '../../shared/seating';
import { recordAudit } from '../audit/audit.service';
import type { Actor } from '../auth/actor';
import type { Db, Executor } from '../db/database';
import { type Scope, scopeUnitList } from '../delegates/delegates.policy';
import { conflict, invalidField, notFound } from '../errors';
import { getEventById } from '../events/events.service';
import { getPresidium } from '../protocol/protocol.service';
import { nowIso } from '../util';

/** Who gets a seat: everyone still coming (declined and replaced people give theirs up). */
export const SEATED_STATUSES = ['draft', 'invited', 'confirmed', 'checked_in', 'absent'];

export async function getLayout(db: Executor, eventId: string): Promise<HallLayout> {
  const stored = await db
    .selectFrom('halls')
    .select('layout_json')
    .where('event_id', '=', eventId)
    .executeTakeFirst();
  // Layouts saved before a setting existed take its default.
  if (stored) return hallLayoutSchema.parse(JSON.parse(stored.layout_json));
  const event = await getEventById(db, eventId);
  return event.isDemo
    ? DEMO_HALL
    : {
        ...DEMO_HALL,
        name: event.venueName ?? 'Hội trường',
        note: 'Sơ đồ mặc định 310 ghế: hãy sửa theo hội trường thật',
      };
}

/** A new layout; people whose seat no longer exists lose it (and are reported). */
export async function saveLayout(db: Db, actor: Actor, eventId: string, layout: HallLayout) {
  return db.transaction().execute(async (trx) => {
    const before = await getLayout(trx, eventId);
    const values = { event_id: eventId, layout_json: JSON.stringify(layout), updated_at: nowIso() };
    await trx
      .insertInto('halls')
      .values(values)
      .onConflict((oc) =>
        oc.column('event_id').doUpdateSet({ layout_json: values.layout_json, updated_at: values.updated_at }),
      )
      .execute();
    const labels = seatsOf(layout).map((s) => s.label);
    const dropped = await trx
      .deleteFrom('seat_assignments')
      .where('event_id', '=', eventId)
      .where('seat', 'not in', labels)
      .executeTakeFirst();
    await recordAudit(trx, actor, {
      eventId,
      entity: 'hall',
      entityId: eventId,
      action: 'update',
      before,
      after: layout,
    });
    return { layout, unseated: Number(dropped.numDeletedRows) };
  });
}

export async function seatedPeople(db: Executor, eventId: string, scope: Scope = { all: true }) {
  const units = scopeUnitList(scope);
  return db
    .selectFrom('seat_assignments as s')
    .innerJoin('delegates as d', 'd.id', 's.delegate_id')
    .leftJoin('composition_groups as g', 'g.id', 'd.group_id')
    .leftJoin('units as u', 'u.id', 'd.unit_id')
    .select([
      'u.name as unit_name',
      'u.short_name as unit_short_name',
      's.seat',
      's.pinned',
      'd.id',
      'd.protocol_rank',
      'd.derived_rank',
      'd.full_name',
      'd.honorific',
      'd.position',
      'd.organization',
      'g.title as group_title',
      'g.position as group_position',
    ])
    .where('s.event_id', '=', eventId)
    .$if(units !== null, (q) => q.where('d.unit_id', 'in', units ?? []))
    .orderBy('s.seat')
    .execute();
}

/**
 * Who sits where. A unit officer gets their own people only (the layout is the hall's, not anyone's): the seats
 * of other units read as free to them, and the count of people waiting for a seat is their unit's.
 */
export async function getSeating(
  db: Executor,
  eventId: string,
  scope: Scope = { all: true },
): Promise<Seating> {
  const units = scopeUnitList(scope);
  const [layout, seated, waiting] = await Promise.all([
    getLayout(db, eventId),
    seatedPeople(db, eventId, scope),
    db
      .selectFrom('delegates as d')
      .leftJoin('seat_assignments as s', (j) =>
        j.onRef('s.delegate_id', '=', 'd.id').onRef('s.event_id', '=', 'd.event_id'),
      )
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('d.event_id', '=', eventId)
      .where('d.status', 'in', SEATED_STATUSES)
      .where('s.seat', 'is', null)
      .$if(units !== null, (q) => q.where('d.unit_id', 'in', units ?? []))
      .executeTakeFirstOrThrow(),
  ]);
  return {
    layout,
    seats: seated.map((r) => ({
      seat: r.seat,
      delegateId: r.id,
      fullName: r.full_name,
      position: r.position,
      groupTitle: r.group_title,
      groupPosition: r.group_position,
      unitName: r.unit_name ?? r.organization,
      protocolRank: r.protocol_rank ?? r.derived_rank ?? MAX_RANK,
      pinned: r.pinned === 1,
    })),
    unseated: Number(waiting.n),
  };
}

/**
 * Seats by protocol. The chair(s) and the presidium first, in the order the organizer set, from the front row's
 * centre; then everyone else in protocol order (rank from the post, then group and name), alternating to the
 * chair's right and left, front rows first. Only leaders (rank up to the hall's `leaderRankMax`) and the presidium
 * take the reserved rows; staff start behind them. Seats placed by hand (pinned) never move; `reset` re-places
 * everyone else, otherwise people already seated keep their seats.
 */
export async function autoAssignSeats(
  db: Db,
  actor: Actor,
  eventId: string,
  reset: boolean,
): Promise<Seating> {
  await db.transaction().execute(async (trx) => {
    const layout = await getLayout(trx, eventId);
    if (reset) {
      await trx
        .deleteFrom('seat_assignments')
        .where('event_id', '=', eventId)
        .where('pinned', '=', 0)
        .execute();
    }
    // People no longer coming give their seats back, pinned or not.
    const gone = await trx
      .selectFrom('delegates')
      .select('id')
      .where('event_id', '=', eventId)
      .where('status', 'not in', SEATED_STATUSES)
      .execute();
    if (gone.length) {
      await trx
        .deleteFrom('seat_assignments')
        .where('event_id', '=', eventId)
        .where(
          'delegate_id',
          'in',
          gone.map((g) => g.id),
        )
        .execute();
    }
    const taken = new Set(
      (await trx.selectFrom('seat_assignments').select('seat').where('event_id', '=', eventId).execute()).map(
        (r) => r.seat,
      ),
    );
    const waiting = await trx
      .selectFrom('delegates as d')
      .leftJoin('seat_assignments as s', (j) =>
        j.onRef('s.delegate_id', '=', 'd.id').onRef('s.event_id', '=', 'd.event_id'),
      )
      .select(['d.id', 'd.protocol_rank', 'd.derived_rank'])
      .where('d.event_id', '=', eventId)
      .where('d.status', 'in', SEATED_STATUSES)
      .where('s.seat', 'is', null)
      .orderBy('d.protocol_key')
      .orderBy('d.id')
      .execute();
    const presidium = (await getPresidium(trx, eventId)).items.map((p) => p.delegateId);
    const first = new Map(presidium.map((id, i) => [id, i]));
    const ordered = [
      ...waiting.filter((d) => first.has(d.id)).sort((a, b) => first.get(a.id)! - first.get(b.id)!),
      ...waiting.filter((d) => !first.has(d.id)),
    ];
    const free = seatsByPrecedence(layout).filter((s) => !taken.has(s.label));
    const rows: { event_id: string; delegate_id: string; seat: string }[] = [];
    for (const d of ordered) {
      const leader =
        first.has(d.id) || (d.protocol_rank ?? d.derived_rank ?? MAX_RANK) <= layout.leaderRankMax;
      const index = free.findIndex((s) => leader || !s.reserved);
      if (index < 0) continue;
      rows.push({ event_id: eventId, delegate_id: d.id, seat: free[index]!.label });
      free.splice(index, 1);
    }
    for (let i = 0; i < rows.length; i += 500)
      await trx
        .insertInto('seat_assignments')
        .values(rows.slice(i, i + 500))
        .execute();
    await recordAudit(trx, actor, {
      eventId,
      entity: 'seating',
      entityId: eventId,
      action: 'update',
      after: { reset, seated: rows.length, withoutSeat: waiting.length - rows.length },
    });
  });
  return getSeating(db, eventId);
}

/** A manual move: to a free seat, or null to take the seat away. */
export async function moveSeat(
  db: Db,
  actor: Actor,
  eventId: string,
  delegateId: string,
  seat: string | null,
) {
  await db.transaction().execute(async (trx) => {
    const delegate = await trx
      .selectFrom('delegates')
      .select(['id', 'full_name'])
      .where('event_id', '=', eventId)
      .where('id', '=', delegateId)
      .executeTakeFirst();
    if (!delegate) throw notFound('đại biểu');
    const layout = await getLayout(trx, eventId);
    if (seat && !seatsOf(layout).some((s) => s.label === seat)) {
      throw invalidField('seat', `Hội trường không có ghế ${seat}`);
    }
    if (seat) {
      const holder = await trx
        .selectFrom('seat_assignments as s')
        .innerJoin('delegates as d', 'd.id', 's.delegate_id')
        .select(['d.id', 'd.full_name'])
        .where('s.event_id', '=', eventId)
        .where('s.seat', '=', seat)
        .executeTakeFirst();
      if (holder && holder.id !== delegateId) throw conflict(`Ghế ${seat} đã xếp cho ${holder.full_name}`);
    }
    await trx
      .deleteFrom('seat_assignments')
      .where('event_id', '=', eventId)
      .where('delegate_id', '=', delegateId)
      .execute();
    if (seat)
      await trx
        .insertInto('seat_assignments')
        .values({ event_id: eventId, delegate_id: delegateId, seat, pinned: 1 })
        .execute();
    await recordAudit(trx, actor, {
      eventId,
      entity: 'seating',
      entityId: delegateId,
      action: 'update',
      after: { seat },
    });
  });
  return getSeating(db, eventId);
}
