import type SqliteDatabase from 'better-sqlite3';
import type { CheckinInput, CheckinResult } from '../../shared/checkin';
import type { Actor } from '../auth/actor';
import type { Db } from '../db/database';
import { AppError, conflict, notFound } from '../errors';
import { newId, nowIso } from '../util';
import { clientIdTaken, scanTimeProblem } from './scan-time';

/**
 * The door's hot path on SQLite: the same rules as `checkInWithin` (idempotent on the client id, the earliest scan
 * counts, the others are duplicates), run as one synchronous better-sqlite3 transaction with prepared statements.
 * Through Kysely a scan costs about a dozen awaited round trips of query building; here it is a handful of
 * statement calls, which is what lets one process take thousands of scans a second. It runs while holding
 * Kysely's connection (so no Kysely transaction is ever open around it), and PostgreSQL keeps the Kysely path.
 */

const CARD = `select d.id, d.full_name, d.honorific, d.position, d.organization, d.status, d.replaced_by_id,
  g.title as group_title, s.seat, a.documents_at, a.checked_in_at
  from delegates d
  left join composition_groups g on g.id = d.group_id
  left join seat_assignments s on s.delegate_id = d.id and s.event_id = d.event_id
  left join attendance a on a.delegate_id = d.id and a.event_id = d.event_id`;

interface Card {
  id: string;
  full_name: string;
  honorific: string | null;
  position: string | null;
  organization: string | null;
  status: string;
  replaced_by_id: string | null;
  group_title: string | null;
  seat: string | null;
  documents_at: string | null;
  checked_in_at: string | null;
}

function statements(sqlite: SqliteDatabase.Database) {
  return {
    byId: sqlite.prepare<[string, string], Card>(`${CARD} where d.event_id = ? and d.id = ?`),
    // A letter's reply link or a badge's check-in code.
    byToken: sqlite.prepare<[string, string, string], Card>(
      `${CARD} where d.event_id = ? and (d.id in (select delegate_id from reply_tokens where token_hash = ? and revoked_at is null) or d.id in (select delegate_id from badge_tokens where token_hash = ?))`,
    ),
    previous: sqlite.prepare<[string, string], { delegate_id: string; outcome: string }>(
      'select delegate_id, outcome from checkins where event_id = ? and client_id = ?',
    ),
    insertScan: sqlite.prepare(
      `insert into checkins (id, event_id, client_id, delegate_id, device_id, scanned_at, received_at, user_id, outcome)
       values (?, ?, ?, ?, ?, ?, ?, ?, 'checked_in') on conflict (event_id, client_id) do nothing`,
    ),
    insertAttendance: sqlite.prepare(
      `insert into attendance (event_id, delegate_id, checkin_id, checked_in_at, documents_at, walk_in_reason)
       values (?, ?, ?, ?, null, null) on conflict (event_id, delegate_id) do nothing`,
    ),
    attendance: sqlite.prepare<[string, string], { checkin_id: string; checked_in_at: string }>(
      'select checkin_id, checked_in_at from attendance where event_id = ? and delegate_id = ?',
    ),
    markDuplicate: sqlite.prepare("update checkins set outcome = 'duplicate' where id = ?"),
    moveAttendance: sqlite.prepare(
      'update attendance set checkin_id = ?, checked_in_at = ? where event_id = ? and delegate_id = ?',
    ),
    arrived: sqlite.prepare("update delegates set status = 'checked_in', updated_at = ? where id = ?"),
    nameOf: sqlite.prepare<[string], { full_name: string }>('select full_name from delegates where id = ?'),
    event: sqlite.prepare<[string], { starts_at: string; ends_at: string }>(
      'select starts_at, ends_at from events where id = ?',
    ),
    tokenOf: sqlite.prepare<[string, string, string, string], { found: number }>(
      'select 1 as found from reply_tokens where token_hash = ? and delegate_id = ? union all select 1 from badge_tokens where token_hash = ? and delegate_id = ?',
    ),
  };
}
const prepared = new WeakMap<SqliteDatabase.Database, ReturnType<typeof statements>>();

const toResult = (card: Card, status: CheckinResult['status'], checkedInAt: string): CheckinResult => ({
  status,
  checkedInAt,
  delegate: {
    id: card.id,
    fullName: card.full_name,
    honorific: card.honorific,
    position: card.position,
    organization: card.organization,
    groupTitle: card.group_title,
    seat: card.seat,
    status: card.status,
    documentsAt: card.documents_at,
  },
});

function scanOnce(
  sqlite: SqliteDatabase.Database,
  actor: Actor,
  eventId: string,
  input: CheckinInput,
  tokenHash: string | null,
): { result: CheckinResult; changed: boolean } {
  let q = prepared.get(sqlite);
  if (!q) {
    q = statements(sqlite);
    prepared.set(sqlite, q);
  }
  const answerAs = (previous: { delegate_id: string; outcome: string }) => {
    const card = q.byId.get(eventId, previous.delegate_id)!;
    return {
      result: toResult(
        card,
        previous.outcome === 'checked_in' ? 'checked_in' : 'already_checked_in',
        card.checked_in_at!,
      ),
      changed: false,
    };
  };
  /** A client id sent before: for the same person, the first answer again; for someone else, a refusal. */
  const answerAgain = (delegateId: string) => {
    const previous = q.previous.get(eventId, input.clientId);
    if (!previous) return null;
    if (previous.delegate_id !== delegateId)
      throw clientIdTaken(q.nameOf.get(previous.delegate_id)?.full_name ?? '');
    return answerAs(previous);
  };
  const card = tokenHash
    ? q.byToken.get(eventId, tokenHash, tokenHash)
    : q.byId.get(eventId, input.delegateId!);
  if (!card) {
    // A retried upload whose person has since been replaced (their token revoked) still gets its first answer.
    const previous = q.previous.get(eventId, input.clientId);
    const same =
      previous &&
      (tokenHash
        ? !!q.tokenOf.get(tokenHash, previous.delegate_id, tokenHash, previous.delegate_id)
        : previous.delegate_id === input.delegateId);
    if (previous && same) return answerAs(previous);
    throw tokenHash
      ? new AppError(
          'UNKNOWN_TOKEN',
          'Mã QR không có trong danh sách đại biểu của hội nghị này (mã lạ, của hội nghị khác hoặc đã bị thay)',
        )
      : notFound('đại biểu trong hội nghị này');
  }
  const event = q.event.get(eventId);
  if (!event) throw notFound('hội nghị');
  const wrongClock = scanTimeProblem(input.scannedAt, event);
  if (wrongClock) {
    const again = answerAgain(card.id);
    if (again) return again;
    throw wrongClock;
  }
  const scannedAt = new Date(input.scannedAt).toISOString();
  const id = newId();
  const inserted = q.insertScan.run(
    id,
    eventId,
    input.clientId,
    card.id,
    input.deviceId,
    scannedAt,
    nowIso(),
    actor.id,
  );
  if (inserted.changes === 0) return answerAgain(card.id)!;
  if (card.status === 'replaced') {
    const by = card.replaced_by_id ? q.nameOf.get(card.replaced_by_id) : undefined;
    throw conflict(
      `Đại biểu này đã được thay${by ? ` bằng ${by.full_name}` : ''}; hãy tìm người dự thay trong danh sách`,
    );
  }
  let counts = q.insertAttendance.run(eventId, card.id, id, scannedAt).changes === 1;
  let checkedInAt = scannedAt;
  if (!counts) {
    const row = q.attendance.get(eventId, card.id)!;
    if (scannedAt < row.checked_in_at) {
      q.markDuplicate.run(row.checkin_id);
      q.moveAttendance.run(id, scannedAt, eventId, card.id);
      counts = true;
    } else {
      q.markDuplicate.run(id);
      checkedInAt = row.checked_in_at;
    }
  }
  if (card.status !== 'checked_in') q.arrived.run(nowIso(), card.id);
  return {
    result: toResult(
      { ...card, status: 'checked_in' },
      counts ? 'checked_in' : 'already_checked_in',
      checkedInAt,
    ),
    changed: true,
  };
}

type Outcome = { result: CheckinResult; changed: boolean };

interface Pending {
  actor: Actor;
  eventId: string;
  input: CheckinInput;
  tokenHash: string | null;
  resolve: (outcome: Outcome) => void;
  reject: (error: unknown) => void;
}

/** Scans waiting for the next durable commit, per database connection. */
interface CommitQueue {
  waiting: Pending[];
  running: boolean;
}
const queues = new WeakMap<SqliteDatabase.Database, CommitQueue>();

/** The most scans one commit carries; a larger backlog is committed in several. */
export const MAX_SCANS_PER_COMMIT = 256;

/**
 * Group commit. With `synchronous=FULL` every commit waits for the disk, which would cap the door at the disk's
 * sync rate. Scans that arrive while a commit is being made (or in the same turn of the event loop) wait for the
 * next one and share it: one outer transaction, each scan in its own savepoint so that a refused scan rolls back
 * alone. Nobody is answered before the commit that holds their scan has returned, so an acknowledged scan
 * survives a power cut. An idle door commits a lone scan at once (setImmediate, no timer).
 */
function commitWaiting(db: Db, sqlite: SqliteDatabase.Database, queue: CommitQueue): void {
  if (queue.running || queue.waiting.length === 0) return;
  queue.running = true;
  setImmediate(async () => {
    const batch = queue.waiting.splice(0, MAX_SCANS_PER_COMMIT);
    try {
      const outcomes = await db.connection().execute(async () =>
        sqlite.transaction(() =>
          batch.map((p): { ok: Outcome } | { error: unknown } => {
            try {
              const ok = sqlite.transaction(() =>
                scanOnce(sqlite, p.actor, p.eventId, p.input, p.tokenHash),
              )();
              return { ok };
            } catch (error) {
              return { error };
            }
          }),
        )(),
      );
      outcomes.forEach((outcome, i) => {
        if ('ok' in outcome) batch[i]!.resolve(outcome.ok);
        else batch[i]!.reject(outcome.error);
      });
    } catch (error) {
      // The commit itself failed: none of these scans is stored, and none is acknowledged.
      for (const p of batch) p.reject(error);
    } finally {
      queue.running = false;
      commitWaiting(db, sqlite, queue);
    }
  });
}

/** One scan, atomically (a thrown refusal rolls back that scan only), answered once its commit is durable. */
export function checkInOnSqlite(
  db: Db,
  sqlite: SqliteDatabase.Database,
  actor: Actor,
  eventId: string,
  input: CheckinInput,
  tokenHash: string | null,
): Promise<Outcome> {
  let queue = queues.get(sqlite);
  if (!queue) {
    queue = { waiting: [], running: false };
    queues.set(sqlite, queue);
  }
  const q = queue;
  return new Promise<Outcome>((resolve, reject) => {
    q.waiting.push({ actor, eventId, input, tokenHash, resolve, reject });
    commitWaiting(db, sqlite, q);
  });
}
