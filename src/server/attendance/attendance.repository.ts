import type { Executor } from '../db/database';

/** Who has arrived: one row per delegate the desk checked in (the earliest scan counts), walk-ins marked. */
export function findAttendanceRows(db: Executor, eventId: string) {
  return db
    .selectFrom('attendance')
    .select(['delegate_id', 'checked_in_at', 'walk_in_reason'])
    .where('event_id', '=', eventId)
    .execute();
}
