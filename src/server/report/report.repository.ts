import type { Executor } from '../db/database';

/** Read-only figures the readiness board and the report count across features (no writes here). */

export async function countDelegatesByStatus(db: Executor, eventId: string) {
  const rows = await db
    .selectFrom('delegates')
    .select(['status'])
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('event_id', '=', eventId)
    .groupBy('status')
    .execute();
  return new Map(rows.map((r) => [r.status, Number(r.n)]));
}

/** People with their group and the person they stand in for: the annex lists and the absences. */
export async function findDelegateRows(db: Executor, eventId: string) {
  return db
    .selectFrom('delegates as d')
    .leftJoin('composition_groups as g', 'g.id', 'd.group_id')
    .leftJoin('delegates as s', 's.id', 'd.substitute_for_id')
    .leftJoin('attendance as a', (j) =>
      j.onRef('a.delegate_id', '=', 'd.id').onRef('a.event_id', '=', 'd.event_id'),
    )
    .select([
      'd.id',
      'd.full_name',
      'd.position',
      'd.organization',
      'd.status',
      'd.substitute_for_id',
      'g.title as group_title',
      'g.position as group_position',
      's.full_name as substitute_for_name',
      'a.checked_in_at',
      'a.walk_in_reason',
    ])
    .where('d.event_id', '=', eventId)
    .orderBy('g.position')
    .orderBy('d.protocol_key')
    .execute();
}

export async function countIssuedInvitations(db: Executor, eventId: string): Promise<number> {
  const row = await db
    .selectFrom('invitations')
    .select((eb) => eb.fn.count<number>('delegate_id').distinct().as('n'))
    .where('event_id', '=', eventId)
    .where('delegate_id', 'is not', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function countSeated(db: Executor, eventId: string): Promise<number> {
  const row = await db
    .selectFrom('seat_assignments as s')
    .innerJoin('delegates as d', 'd.id', 's.delegate_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('s.event_id', '=', eventId)
    .where('d.status', 'not in', ['declined', 'replaced'])
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Delegates whose badge can be printed: a badge carries the QR of the delegate's current reply link. */
export async function countWithBadgeCode(db: Executor, eventId: string): Promise<number> {
  const row = await db
    .selectFrom('reply_tokens as t')
    .innerJoin('delegates as d', 'd.id', 't.delegate_id')
    .select((eb) => eb.fn.count<number>('t.delegate_id').distinct().as('n'))
    .where('t.event_id', '=', eventId)
    .where('t.revoked_at', 'is', null)
    .where('d.status', 'not in', ['declined', 'replaced'])
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
