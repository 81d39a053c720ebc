import type pg from 'pg';
import type { CheckinInput, CheckinResult } from '../../shared/checkin';
import type { Actor } from '../auth/actor';
import { newId, nowIso } from '../util';
import { SCAN_EVENT_MARGIN_MS, SCAN_FUTURE_TOLERANCE_MS } from './scan-time';

/**
 * The door's common case on PostgreSQL in one prepared statement: a person's first scan, live (scan time within
 * the last day, not in the future). The statement finds the person (by id, a live reply token or a badge code), and only if
 * they are not replaced, not yet present and the client id is new, writes the scan, the attendance and the status
 * together — one round trip, committed on its own. Anything else (an unknown QR, a retry, a second scan, an
 * offline device's old scan, two servers racing on one person) finds no fresh row or hits a unique key, writes
 * nothing, and the caller runs the full rules in a transaction (`checkInWithin`). So this path never decides a
 * case the full path would decide differently: it only skips round trips when there is nothing to decide.
 */
const FIRST_SCAN = (by: 'id' | 'token') => `
with d as (
  select d.id, d.full_name, d.honorific, d.position, d.organization, d.status, g.title as group_title, s.seat
  from delegates d
  left join composition_groups g on g.id = d.group_id
  left join seat_assignments s on s.delegate_id = d.id and s.event_id = d.event_id
  where d.event_id = $1 and ${
    by === 'id'
      ? 'd.id = $2'
      : // A letter's live reply link or a badge's check-in code.
        `(d.id in (select delegate_id from reply_tokens where token_hash = $2 and revoked_at is null)
          or d.id in (select delegate_id from badge_tokens where token_hash = $2))`
  }
), fresh as (
  select d.id from d
  where d.status <> 'replaced'
    and not exists (select 1 from attendance a where a.event_id = $1 and a.delegate_id = d.id)
    and not exists (select 1 from checkins c where c.event_id = $1 and c.client_id = $4)
), ins as (
  insert into checkins (id, event_id, client_id, delegate_id, device_id, scanned_at, received_at, user_id, outcome)
  select $3, $1, $4, fresh.id, $5, $6, $7, $8, 'checked_in' from fresh
  returning delegate_id
), att as (
  insert into attendance (event_id, delegate_id, checkin_id, checked_in_at, documents_at, walk_in_reason)
  select $1, ins.delegate_id, $3, $6, null, null from ins
  returning delegate_id
), arrived as (
  update delegates set status = 'checked_in', updated_at = $7
  where id in (select delegate_id from att) and status <> 'checked_in'
  returning id
)
select d.*, (select count(*) from att)::int as counted, (select count(*) from arrived)::int as arrived from d`;

interface Row {
  id: string;
  full_name: string;
  honorific: string | null;
  position: string | null;
  organization: string | null;
  status: string;
  group_title: string | null;
  seat: string | null;
  counted: number;
}

/** Unique keys another scan may win in a race (attendance, client id): the full path then decides. */
const RACE_LOST = '23505';

/**
 * The first scan in one statement, or null when the full rules must run (nothing was written then).
 * `tokenHash` is the SHA-256 of the scanned reply token, or null for a scan by delegate id.
 */
export async function firstScanOnPostgres(
  pool: pg.Pool,
  actor: Actor,
  eventId: string,
  input: CheckinInput,
  tokenHash: string | null,
  now = Date.now(),
): Promise<CheckinResult | null> {
  const at = Date.parse(input.scannedAt);
  // Only a live scan: an old or future one needs the event's window and its wording (scanTimeProblem).
  if (!(at <= now + SCAN_FUTURE_TOLERANCE_MS && at >= now - SCAN_EVENT_MARGIN_MS)) return null;
  const by = tokenHash !== null ? 'token' : 'id';
  if (by === 'id' && !input.delegateId) return null;
  const scannedAt = new Date(at).toISOString();
  let rows: Row[];
  try {
    ({ rows } = await pool.query<Row>({
      name: `hoinghi_first_scan_${by}`,
      text: FIRST_SCAN(by),
      values: [
        eventId,
        tokenHash ?? input.delegateId,
        newId(),
        input.clientId,
        input.deviceId,
        scannedAt,
        nowIso(),
        actor.id,
      ],
    }));
  } catch (error) {
    if ((error as { code?: string }).code === RACE_LOST) return null;
    throw error;
  }
  const row = rows[0];
  if (row?.counted !== 1) return null;
  return {
    status: 'checked_in',
    checkedInAt: scannedAt,
    delegate: {
      id: row.id,
      fullName: row.full_name,
      honorific: row.honorific,
      position: row.position,
      organization: row.organization,
      groupTitle: row.group_title,
      seat: row.seat,
      status: 'checked_in',
      documentsAt: null,
    },
  };
}
