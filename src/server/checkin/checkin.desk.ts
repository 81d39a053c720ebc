import type { DoorSubstituteInput, WalkInInput } from '../../shared/checkin';
import { recordAudit } from '../audit/audit.service';
import type { Actor } from '../auth/actor';
import type { Db } from '../db/database';
import { insertDelegateRows } from '../delegates/delegates.repository';
import { buildDelegateRows } from '../delegates/delegates.rows';
import { substituteDelegate } from '../delegates/delegates.service';
import { conflict } from '../errors';
import { loadRanker } from '../protocol/protocol.service';
import { nowIso } from '../util';
import {
  type ChangeNotifier,
  cardOf,
  checkIn,
  checkInWithin,
  eventWindow,
  resultFor,
} from './checkin.service';
import { scanTimeProblem } from './scan-time';

// The desk's actions after a scan: documents handed, a walk-in registered, a substitute at the door.

/** "Đã nhận tài liệu": the second action at the desk; the first time counts. */
export async function markDocuments(
  db: Db,
  feed: ChangeNotifier,
  actor: Actor,
  eventId: string,
  delegateId: string,
) {
  const card = await db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('attendance')
      .select('documents_at')
      .where('event_id', '=', eventId)
      .where('delegate_id', '=', delegateId)
      .executeTakeFirst();
    if (!row) throw conflict('Đại biểu chưa được điểm danh; hãy điểm danh trước khi phát tài liệu');
    if (!row.documents_at) {
      await trx
        .updateTable('attendance')
        .set({ documents_at: nowIso() })
        .where('event_id', '=', eventId)
        .where('delegate_id', '=', delegateId)
        .execute();
      await recordAudit(trx, actor, {
        eventId,
        entity: 'attendance',
        entityId: delegateId,
        action: 'update',
        after: { documents: true },
      });
    }
    return cardOf(trx, eventId, delegateId);
  });
  await feed.changed(eventId);
  return card;
}

/** Someone not on the list, let in for a reason: registered as a delegate without a group, and checked in. */
export async function registerWalkIn(
  db: Db,
  feed: ChangeNotifier,
  actor: Actor,
  eventId: string,
  input: WalkInInput,
) {
  const result = await db.transaction().execute(async (trx) => {
    const again = await trx
      .selectFrom('checkins')
      .select(['delegate_id', 'outcome'])
      .where('event_id', '=', eventId)
      .where('client_id', '=', input.clientId)
      .executeTakeFirst();
    if (again) return resultFor(trx, eventId, again.delegate_id, again.outcome);
    const { row, terms } = buildDelegateRows(
      eventId,
      actor,
      {
        groupId: null,
        unitId: null,
        organization: input.organization ?? null,
        honorific: null,
        fullName: input.fullName,
        position: input.position ?? null,
        phone: null,
        email: null,
        gender: null,
        protocolRank: null,
        notes: `Khách ngoài danh sách: ${input.reason}`,
      },
      {
        status: 'confirmed',
        group: null,
        rank: (await loadRanker(trx, eventId, [])).rank(input.position ?? null, null),
        unitNames: [],
      },
    );
    await insertDelegateRows(
      trx,
      [row],
      terms.map((term) => ({ event_id: eventId, term, delegate_id: row.id })),
    );
    await recordAudit(trx, actor, {
      eventId,
      entity: 'delegate',
      entityId: row.id,
      action: 'create',
      after: { ...row, walkIn: input.reason },
    });
    const { result } = await checkInWithin(trx, actor, eventId, {
      ...input,
      delegateId: row.id,
      token: undefined,
    });
    await trx
      .updateTable('attendance')
      .set({ walk_in_reason: input.reason })
      .where('event_id', '=', eventId)
      .where('delegate_id', '=', row.id)
      .execute();
    return result;
  });
  await feed.changed(eventId);
  return result;
}

/** A unit sends someone else and they are at the door: the substitute is registered in the seat and checked in. */
export async function substituteAtDoor(
  db: Db,
  feed: ChangeNotifier,
  actor: Actor,
  eventId: string,
  input: DoorSubstituteInput,
) {
  const again = await db
    .selectFrom('checkins')
    .select(['delegate_id', 'outcome'])
    .where('event_id', '=', eventId)
    .where('client_id', '=', input.clientId)
    .executeTakeFirst();
  if (again) return resultFor(db, eventId, again.delegate_id, again.outcome);
  // Refused before the substitute is registered, so a wrong clock leaves no half-done change.
  const wrongClock = scanTimeProblem(input.scannedAt, await eventWindow(db, eventId));
  if (wrongClock) throw wrongClock;
  const substitute = await substituteDelegate(db, actor, { all: true }, eventId, input.delegateId, {
    fullName: input.fullName,
    position: input.position ?? null,
    notes: 'Cử người dự thay, ghi nhận tại bàn đón tiếp',
  });
  return checkIn(db, feed, actor, eventId, {
    delegateId: substitute.id,
    clientId: input.clientId,
    scannedAt: input.scannedAt,
    deviceId: input.deviceId,
  });
}
