import { createHash } from 'node:crypto';
import type SqliteDatabase from 'better-sqlite3';
import { PostgresAdapter } from 'kysely';
import type pg from 'pg';
import type { CheckinDelegate, CheckinInput, CheckinResult } from '../../shared/checkin';
import type { Actor } from '../auth/actor';
import type { Db, Executor } from '../db/database';
import { AppError, conflict, notFound } from '../errors';
import { newId, nowIso } from '../util';
import { firstScanOnPostgres } from './checkin.postgres';
import { checkInOnSqlite } from './checkin.sqlite';
import { clientIdTaken, scanTimeProblem } from './scan-time';

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * A QR holds a badge's check-in code (https://…/c/<token>) or a letter's reply link (https://…/r/<token>); a typed
 * or pasted code works too. Both check a person in; only the reply link opens the reply page.
 */
export function tokenOf(scanned: string): string {
  const text = scanned.trim();
  const m = /\/[rc]\/([A-Za-z0-9_-]+)\/?(?:[?#].*)?$/.exec(text);
  return m ? m[1]! : text;
}

const unknownToken = () =>
  new AppError(
    'UNKNOWN_TOKEN',
    'Mã QR không có trong danh sách đại biểu của hội nghị này (mã lạ, của hội nghị khác hoặc đã bị thay)',
  );

function cardsQuery(db: Executor, eventId: string) {
  return db
    .selectFrom('delegates as d')
    .leftJoin('composition_groups as g', 'g.id', 'd.group_id')
    .leftJoin('seat_assignments as s', (j) =>
      j.onRef('s.delegate_id', '=', 'd.id').onRef('s.event_id', '=', 'd.event_id'),
    )
    .leftJoin('attendance as a', (j) =>
      j.onRef('a.delegate_id', '=', 'd.id').onRef('a.event_id', '=', 'd.event_id'),
    )
    .select([
      'd.id',
      'd.full_name',
      'd.honorific',
      'd.position',
      'd.organization',
      'd.status',
      'd.name_key',
      'g.title as group_title',
      's.seat',
      'a.documents_at',
      'a.checked_in_at',
    ])
    .where('d.event_id', '=', eventId);
}

export async function delegateCards(db: Executor, eventId: string, ids?: string[]) {
  let q = cardsQuery(db, eventId);
  if (ids) q = q.where('d.id', 'in', ids.length ? ids : ['']);
  return q.execute();
}

type CardRow = Awaited<ReturnType<typeof delegateCards>>[number];
export const toCard = (r: CardRow): CheckinDelegate => ({
  id: r.id,
  fullName: r.full_name,
  honorific: r.honorific,
  position: r.position,
  organization: r.organization,
  groupTitle: r.group_title,
  seat: r.seat,
  status: r.status,
  documentsAt: r.documents_at,
});

export async function cardOf(db: Executor, eventId: string, delegateId: string): Promise<CheckinDelegate> {
  const [row] = await delegateCards(db, eventId, [delegateId]);
  if (!row) throw notFound('đại biểu');
  return toCard(row);
}

type Resolved = CardRow & { replaced_by_id: string | null };

/** The scanned person with their card, in one query: by QR token (of this event only) or by id. */
async function resolveDelegate(trx: Executor, eventId: string, input: CheckinInput): Promise<Resolved> {
  const base = cardsQuery(trx, eventId).select('d.replaced_by_id');
  if (input.token !== undefined) {
    const hash = hashOf(tokenOf(input.token));
    const found = await base
      .where((eb) =>
        eb.or([
          eb(
            'd.id',
            'in',
            eb
              .selectFrom('reply_tokens')
              .select('delegate_id')
              .where('token_hash', '=', hash)
              .where('revoked_at', 'is', null),
          ),
          eb(
            'd.id',
            'in',
            eb.selectFrom('badge_tokens').select('delegate_id').where('token_hash', '=', hash),
          ),
        ]),
      )
      .executeTakeFirst();
    if (!found) throw unknownToken();
    return found;
  }
  const found = await base.where('d.id', '=', input.delegateId!).executeTakeFirst();
  if (!found) throw notFound('đại biểu trong hội nghị này');
  return found;
}

async function previousScan(trx: Executor, eventId: string, clientId: string) {
  return trx
    .selectFrom('checkins')
    .select(['delegate_id', 'outcome'])
    .where('event_id', '=', eventId)
    .where('client_id', '=', clientId)
    .executeTakeFirst();
}

export async function eventWindow(db: Executor, eventId: string) {
  const event = await db
    .selectFrom('events')
    .select(['starts_at', 'ends_at'])
    .where('id', '=', eventId)
    .executeTakeFirst();
  if (!event) throw notFound('hội nghị');
  return event;
}

/** A client id sent before: for the same person, the first answer again; for someone else, a refusal. */
async function answerAgain(
  trx: Executor,
  eventId: string,
  clientId: string,
  delegateId: string,
): Promise<{ result: CheckinResult; changed: false } | null> {
  const previous = await previousScan(trx, eventId, clientId);
  if (!previous) return null;
  if (previous.delegate_id !== delegateId) {
    const first = await trx
      .selectFrom('delegates')
      .select('full_name')
      .where('id', '=', previous.delegate_id)
      .executeTakeFirst();
    throw clientIdTaken(first?.full_name ?? '');
  }
  return { result: await resultFor(trx, eventId, previous.delegate_id, previous.outcome), changed: false };
}

/** Whether an unresolvable scan is the retry of an earlier one (same person, by id or by any token of theirs). */
async function isRetryOf(trx: Executor, previous: { delegate_id: string }, input: CheckinInput) {
  if (input.token === undefined) return previous.delegate_id === input.delegateId;
  const hash = hashOf(tokenOf(input.token));
  const [reply, badge] = await Promise.all([
    trx
      .selectFrom('reply_tokens')
      .select('delegate_id')
      .where('token_hash', '=', hash)
      .where('delegate_id', '=', previous.delegate_id)
      .executeTakeFirst(),
    trx
      .selectFrom('badge_tokens')
      .select('delegate_id')
      .where('token_hash', '=', hash)
      .where('delegate_id', '=', previous.delegate_id)
      .executeTakeFirst(),
  ]);
  return !!reply || !!badge;
}

/**
 * One scan. Idempotent on the device's client id: the same upload again answers as it did the first time and
 * changes nothing. Of several scans of one person (two devices, a retried offline queue in any order), the
 * earliest by scan time is the check-in and every other one is recorded as a duplicate. The common case, a
 * first scan, is two inserts, the delegate's status and the card read back.
 */
export async function checkInWithin(
  trx: Executor,
  actor: Actor,
  eventId: string,
  input: CheckinInput,
): Promise<{ result: CheckinResult; changed: boolean }> {
  const delegate = await resolveDelegate(trx, eventId, input).catch(async (error) => {
    // A retried upload whose person has since been replaced still gets its first answer.
    const previous = await previousScan(trx, eventId, input.clientId);
    if (previous && (await isRetryOf(trx, previous, input))) return null;
    throw error;
  });
  if (!delegate) {
    const previous = (await previousScan(trx, eventId, input.clientId))!;
    return { result: await resultFor(trx, eventId, previous.delegate_id, previous.outcome), changed: false };
  }

  const wrongClock = scanTimeProblem(input.scannedAt, await eventWindow(trx, eventId));
  if (wrongClock) {
    const again = await answerAgain(trx, eventId, input.clientId, delegate.id);
    if (again) return again;
    throw wrongClock;
  }
  const scannedAt = new Date(input.scannedAt).toISOString();
  const id = newId();
  const inserted = await trx
    .insertInto('checkins')
    .values({
      id,
      event_id: eventId,
      client_id: input.clientId,
      delegate_id: delegate.id,
      device_id: input.deviceId,
      scanned_at: scannedAt,
      received_at: nowIso(),
      user_id: actor.id,
      outcome: 'checked_in',
    })
    .onConflict((oc) => oc.columns(['event_id', 'client_id']).doNothing())
    .executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) {
    // This client id was sent before (a retry, or the same upload racing itself): answer as it was answered.
    return (await answerAgain(trx, eventId, input.clientId, delegate.id))!;
  }
  if (delegate.status === 'replaced') {
    const by = delegate.replaced_by_id
      ? await trx
          .selectFrom('delegates')
          .select('full_name')
          .where('id', '=', delegate.replaced_by_id)
          .executeTakeFirst()
      : undefined;
    throw conflict(
      `Đại biểu này đã được thay${by ? ` bằng ${by.full_name}` : ''}; hãy tìm người dự thay trong danh sách`,
    );
  }

  const first = await trx
    .insertInto('attendance')
    .values({
      event_id: eventId,
      delegate_id: delegate.id,
      checkin_id: id,
      checked_in_at: scannedAt,
      documents_at: null,
      walk_in_reason: null,
    })
    .onConflict((oc) => oc.columns(['event_id', 'delegate_id']).doNothing())
    .executeTakeFirst();
  let counts = Number(first.numInsertedOrUpdatedRows ?? 0) === 1;
  let checkedInAt = scannedAt;
  if (!counts) {
    let current = trx
      .selectFrom('attendance')
      .select(['checkin_id', 'checked_in_at'])
      .where('event_id', '=', eventId)
      .where('delegate_id', '=', delegate.id);
    // Two servers checking in the same person at once: the second waits for the first's row, then compares.
    if (trx.getExecutor().adapter instanceof PostgresAdapter) current = current.forUpdate();
    const row = await current.executeTakeFirstOrThrow();
    if (scannedAt < row.checked_in_at) {
      // An earlier scan arriving late (an offline device syncing): it becomes the check-in.
      await trx
        .updateTable('checkins')
        .set({ outcome: 'duplicate' })
        .where('id', '=', row.checkin_id)
        .execute();
      await trx
        .updateTable('attendance')
        .set({ checkin_id: id, checked_in_at: scannedAt })
        .where('event_id', '=', eventId)
        .where('delegate_id', '=', delegate.id)
        .execute();
      counts = true;
    } else {
      await trx.updateTable('checkins').set({ outcome: 'duplicate' }).where('id', '=', id).execute();
      checkedInAt = row.checked_in_at;
    }
  }
  if (delegate.status !== 'checked_in') {
    await trx
      .updateTable('delegates')
      .set({ status: 'checked_in', updated_at: nowIso() })
      .where('id', '=', delegate.id)
      .execute();
  }
  // The card as it now stands, without reading it back.
  return {
    result: {
      status: counts ? 'checked_in' : 'already_checked_in',
      delegate: toCard({ ...delegate, status: 'checked_in' }),
      checkedInAt,
    },
    changed: true,
  };
}

export async function resultFor(
  db: Executor,
  eventId: string,
  delegateId: string,
  outcome: string,
): Promise<CheckinResult> {
  const [row] = await delegateCards(db, eventId, [delegateId]);
  if (!row?.checked_in_at) throw notFound('đại biểu');
  return {
    status: outcome === 'checked_in' ? 'checked_in' : 'already_checked_in',
    delegate: toCard(row),
    checkedInAt: row.checked_in_at,
  };
}

export interface ChangeNotifier {
  changed(eventId: string): Promise<void>;
}

/** The raw SQLite connection when the database is SQLite (the fast path), else null. */
/** The engine's own connection for the door's hot path (the database handle's `sqlite` or `pool`). */
export interface DoorPath {
  sqlite?: SqliteDatabase.Database | null;
  pool?: pg.Pool | null;
}

async function scanIn(db: Db, door: DoorPath, actor: Actor, eventId: string, input: CheckinInput) {
  const tokenHash = input.token !== undefined ? hashOf(tokenOf(input.token)) : null;
  if (door.sqlite) return checkInOnSqlite(db, door.sqlite, actor, eventId, input, tokenHash);
  if (door.pool) {
    const result = await firstScanOnPostgres(door.pool, actor, eventId, input, tokenHash);
    if (result) return { result, changed: true };
  }
  return db.transaction().execute((trx) => checkInWithin(trx, actor, eventId, input));
}

export async function checkIn(
  db: Db,
  feed: ChangeNotifier,
  actor: Actor,
  eventId: string,
  input: CheckinInput,
  door: DoorPath = {},
): Promise<CheckinResult> {
  const { result, changed } = await scanIn(db, door, actor, eventId, input);
  if (changed) await feed.changed(eventId);
  return result;
}

/** An offline queue's scans, each on its own (one refused scan does not hold back the others). */
export async function checkInBatch(
  db: Db,
  feed: ChangeNotifier,
  actor: Actor,
  eventId: string,
  inputs: CheckinInput[],
  door: DoorPath = {},
) {
  const results = [];
  let any = false;
  for (const input of inputs) {
    try {
      const { result, changed } = await scanIn(db, door, actor, eventId, input);
      any ||= changed;
      results.push({ clientId: input.clientId, result, error: null });
    } catch (error) {
      if (!(error instanceof AppError) || error.status >= 500) throw error;
      results.push({
        clientId: input.clientId,
        result: null,
        error: { code: error.code, message: error.message },
      });
    }
  }
  if (any) await feed.changed(eventId);
  return { results };
}
