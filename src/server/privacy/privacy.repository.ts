import type { Executor } from '../db/database';

// The one place that reads one person's rows across features, and the erasure's writes to tables whose feature
// has no write path of its own for them (the invitation register, award stand-ins, walk-in reasons, finished
// document jobs). Delegates, reply links and the audit trail are changed through their own features.

export function findReplyLinkRows(db: Executor, delegateId: string) {
  return db
    .selectFrom('reply_tokens')
    .select(['created_at', 'revoked_at'])
    .where('delegate_id', '=', delegateId)
    .orderBy('created_at')
    .execute();
}

export function findInvitationRows(db: Executor, eventId: string, delegateId: string) {
  return db
    .selectFrom('invitations')
    .select(['number', 'recipient', 'issued_at', 'channel'])
    .where('event_id', '=', eventId)
    .where('delegate_id', '=', delegateId)
    .orderBy('number')
    .execute();
}

export function findCheckinRows(db: Executor, eventId: string, delegateId: string) {
  return db
    .selectFrom('checkins')
    .select(['scanned_at', 'received_at', 'outcome'])
    .where('event_id', '=', eventId)
    .where('delegate_id', '=', delegateId)
    .orderBy('scanned_at')
    .execute();
}

export function findAttendanceRow(db: Executor, eventId: string, delegateId: string) {
  return db
    .selectFrom('attendance')
    .select(['checked_in_at', 'documents_at', 'walk_in_reason'])
    .where('event_id', '=', eventId)
    .where('delegate_id', '=', delegateId)
    .executeTakeFirst();
}

export async function findSeat(db: Executor, eventId: string, delegateId: string): Promise<string | null> {
  const row = await db
    .selectFrom('seat_assignments')
    .select('seat')
    .where('event_id', '=', eventId)
    .where('delegate_id', '=', delegateId)
    .executeTakeFirst();
  return row?.seat ?? null;
}

export async function findAwardRows(db: Executor, eventId: string, delegateId: string) {
  const presented = await db
    .selectFrom('award_batches')
    .select(['number', 'title'])
    .where('event_id', '=', eventId)
    .where('presenter_delegate_id', '=', delegateId)
    .orderBy('number')
    .execute();
  const received = await db
    .selectFrom('award_recipients as r')
    .innerJoin('award_batches as b', 'b.id', 'r.batch_id')
    .leftJoin('units as u', 'u.id', 'r.producer_id')
    .select(['b.number', 'b.title', 'u.name as producer_name', 'r.handed_over_at'])
    .where('r.event_id', '=', eventId)
    .where('r.delegate_id', '=', delegateId)
    .orderBy('b.number')
    .execute();
  return { presented, received };
}

/** The register keeps its numbers and dates; the person it was addressed to becomes their label. */
export async function relabelInvitations(
  db: Executor,
  eventId: string,
  labels: Map<string, string>,
): Promise<void> {
  const rows = await db
    .selectFrom('invitations')
    .select(['id', 'delegate_id'])
    .where('event_id', '=', eventId)
    .where('delegate_id', 'is not', null)
    .execute();
  for (const row of rows) {
    const label = labels.get(row.delegate_id ?? '');
    if (label)
      await db.updateTable('invitations').set({ recipient: label }).where('id', '=', row.id).execute();
  }
}

/** Awards handed keep their recipient rows; only the name of whoever stood in goes. */
export async function clearStandInNames(db: Executor, eventId: string): Promise<void> {
  await db
    .updateTable('award_recipients')
    .set({ stand_in_name: null })
    .where('event_id', '=', eventId)
    .where('stand_in_name', 'is not', null)
    .execute();
}

/**
 * What the day's other features hold about people by name, outside the delegate rows: a signing's stand-in, the
 * person in charge of a booth with their phone, a speaker named as text, the MC script's text (every name read out)
 * and the badges' check-in codes (the badge goes with the person).
 */
export async function clearDayPersonalData(db: Executor, eventId: string): Promise<void> {
  await db
    .updateTable('agreement_parties')
    .set({ stand_in_name: null, stand_in_position: null })
    .where('event_id', '=', eventId)
    .execute();
  await db
    .updateTable('booths')
    .set({ person_name: null, person_phone: null })
    .where('event_id', '=', eventId)
    .execute();
  await db
    .updateTable('program_presenters')
    .set({ name: null })
    .where('event_id', '=', eventId)
    .where('delegate_id', 'is not', null)
    .execute();
  await db.deleteFrom('mc_scripts').where('event_id', '=', eventId).execute();
  await db.deleteFrom('badge_tokens').where('event_id', '=', eventId).execute();
}

/** A walk-in stays a walk-in (the reason is present), but what was written about the person goes. */
export async function clearWalkInReasons(db: Executor, eventId: string, text: string): Promise<void> {
  await db
    .updateTable('attendance')
    .set({ walk_in_reason: text })
    .where('event_id', '=', eventId)
    .where('walk_in_reason', 'is not', null)
    .execute();
}

/** Generated letters and lists kept for download carry names and phones. */
export async function deleteDocumentJobs(db: Executor, eventId: string): Promise<void> {
  await db.deleteFrom('document_jobs').where('event_id', '=', eventId).execute();
}
