import type { HallState, MoveHallInput, ProgramItem } from '../../shared/program';
import { recordAudit } from '../audit/audit.service';
import type { Actor } from '../auth/actor';
import type { RoomFeed } from '../checkin/room-feed';
import type { Db, Executor } from '../db/database';
import { invalidField } from '../errors';
import { getEventById } from '../events/events.service';
import { nowIso } from '../util';
import { buildMcScript } from './mc-script';
import { loadMcScriptInput, loadSigningForScript } from './mc-sources';
import { findLiveRow, saveLiveRow } from './program.repository';
import { getProgram } from './program.service';

// The hall screen: which program item is on now and which comes next, moved on by the organizer's "next" from a
// phone and carried to the projector and the MC's phone over the room feed (the same SSE channel as check-in).

/** Items in the order they happen: each item, then its parts. */
export function flattenProgram(items: ProgramItem[]): ProgramItem[] {
  return items.flatMap((item) => [item, ...item.children]);
}

export async function getHallState(db: Executor, eventId: string): Promise<HallState> {
  const [event, live, input] = await Promise.all([
    getEventById(db, eventId),
    findLiveRow(db, eventId),
    loadMcScriptInput(db, eventId),
  ]);
  const flat = flattenProgram(input.items);
  const index = live?.current_item_id ? flat.findIndex((i) => i.id === live.current_item_id) : -1;
  const current = index >= 0 ? flat[index]! : null;
  const next = index >= 0 ? (flat[index + 1] ?? null) : (flat[0] ?? null);
  const strip = (item: ProgramItem | null) => (item ? { ...item, children: [] } : null);
  let page = null;
  if (current) {
    const script = buildMcScript(input, await loadSigningForScript(db, eventId));
    page = script.sections.find((s) => s.itemId === current.id) ?? null;
  }
  return {
    eventName: event.name,
    current: strip(current),
    next: strip(next),
    page,
    updatedAt: live?.updated_at ?? null,
  };
}

/** Moves the hall to the next, previous, first or a chosen item, then tells every screen. */
export async function moveHall(
  db: Db,
  room: RoomFeed,
  actor: Actor,
  eventId: string,
  input: MoveHallInput,
): Promise<HallState> {
  await db.transaction().execute(async (trx) => {
    const flat = flattenProgram((await getProgram(trx, eventId)).items);
    const live = await findLiveRow(trx, eventId);
    const index = live?.current_item_id ? flat.findIndex((i) => i.id === live.current_item_id) : -1;
    let target: string | null;
    if (input.action === 'set') {
      if (!input.itemId || !flat.some((i) => i.id === input.itemId))
        throw invalidField('itemId', 'Không tìm thấy mục chương trình');
      target = input.itemId;
    } else if (input.action === 'start') target = flat[0]?.id ?? null;
    else if (input.action === 'next') target = flat[Math.min(index + 1, flat.length - 1)]?.id ?? null;
    else target = index > 0 ? flat[index - 1]!.id : null;
    await saveLiveRow(trx, { event_id: eventId, current_item_id: target, updated_at: nowIso() });
    await recordAudit(trx, actor, {
      eventId,
      entity: 'program_live',
      entityId: eventId,
      action: input.action,
      before: live?.current_item_id ?? null,
      after: target,
    });
  });
  await room.changed(eventId);
  return getHallState(db, eventId);
}
