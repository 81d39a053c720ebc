import { formatDate } from '../../shared/format';
import type { EraseResult, PersonalData } from '../../shared/privacy';
import {
  findAuditEntriesOf,
  recordAudit,
  recordPersonalDataExport,
  scrubAuditOfEvent,
} from '../audit/audit.service';
import type { Actor } from '../auth/actor';
import type { Db, Executor } from '../db/database';
import { anonymiseEventDelegates } from '../delegates/delegates.erase';
import type { Scope } from '../delegates/delegates.policy';
import { getDelegate } from '../delegates/delegates.service';
import { conflict } from '../errors';
import { findEventsDueForErasure, getEventById, markPersonalDataErased } from '../events/events.service';
import { revokeTokens } from '../replies/replies.repository';
import { nowIso } from '../util';
import {
  clearDayPersonalData,
  clearStandInNames,
  clearWalkInReasons,
  deleteDocumentJobs,
  findAttendanceRow,
  findAwardRows,
  findCheckinRows,
  findInvitationRows,
  findReplyLinkRows,
  findSeat,
  relabelInvitations,
} from './privacy.repository';

/** Everything held about one delegate in one event; taking it out is itself recorded. */
export async function getPersonalData(
  db: Executor,
  actor: Actor,
  scope: Scope,
  eventId: string,
  delegateId: string,
): Promise<PersonalData> {
  const event = await getEventById(db, eventId);
  const delegate = await getDelegate(db, scope, eventId, delegateId);
  const [links, invitations, checkins, attendance, seat, awards, history] = await Promise.all([
    findReplyLinkRows(db, delegateId),
    findInvitationRows(db, eventId, delegateId),
    findCheckinRows(db, eventId, delegateId),
    findAttendanceRow(db, eventId, delegateId),
    findSeat(db, eventId, delegateId),
    findAwardRows(db, eventId, delegateId),
    findAuditEntriesOf(db, eventId, delegateId),
  ]);
  await recordPersonalDataExport(db, actor, {
    eventId,
    list: 'personal_data',
    people: 1,
    entityId: delegateId,
  });
  return {
    generatedAt: nowIso(),
    event: { id: event.id, name: event.name, startsAt: event.startsAt, endsAt: event.endsAt },
    delegate,
    replyLinks: links.map((l) => ({ createdAt: l.created_at, revokedAt: l.revoked_at })),
    invitations: invitations.map((i) => ({
      number: i.number,
      recipient: i.recipient,
      issuedAt: i.issued_at,
      channel: i.channel,
    })),
    checkins: checkins.map((c) => ({
      scannedAt: c.scanned_at,
      receivedAt: c.received_at,
      outcome: c.outcome,
    })),
    attendance: attendance
      ? {
          checkedInAt: attendance.checked_in_at,
          documentsAt: attendance.documents_at,
          walkInReason: attendance.walk_in_reason,
        }
      : null,
    seat,
    awards: [
      ...awards.presented.map((b) => ({
        batchNumber: b.number,
        batchTitle: b.title,
        role: 'presenter' as const,
        producerName: null,
        handedOverAt: null,
      })),
      ...awards.received.map((r) => ({
        batchNumber: r.number,
        batchTitle: r.title,
        role: 'recipient' as const,
        producerName: r.producer_name,
        handedOverAt: r.handed_over_at,
      })),
    ],
    history,
  };
}

/** What a walk-in's reason reads as once erased: still a walk-in for the counts. */
const ERASED_REASON = 'Đến dự không có trong danh sách';

/**
 * Anonymises every delegate of an event once its retention period has passed, in one transaction: names become
 * "Đại biểu 1…N", contact details and search terms go, reply links stop working, generated letters are dropped
 * and the audit trail's copies are scrubbed. Groups, units, statuses, check-ins, seats and awards stay.
 */
export async function erasePersonalData(
  db: Db,
  actor: Actor,
  eventId: string,
  at: string = nowIso(),
): Promise<EraseResult> {
  const event = await getEventById(db, eventId);
  if (event.personalDataErasedAt) {
    throw conflict(
      `Dữ liệu cá nhân của hội nghị này đã được xóa ngày ${formatDate(event.personalDataErasedAt)}`,
    );
  }
  if (at < event.personalDataErasableFrom) {
    throw conflict(
      `Chưa hết thời hạn lưu giữ dữ liệu cá nhân (${event.personalDataRetentionDays} ngày sau khi hội nghị kết thúc): có thể xóa từ ngày ${formatDate(event.personalDataErasableFrom)}`,
    );
  }
  return db.transaction().execute(async (trx) => {
    const { labels, removed } = await anonymiseEventDelegates(trx, eventId);
    await revokeTokens(trx, [...labels.keys()], at);
    await relabelInvitations(trx, eventId, labels);
    await clearStandInNames(trx, eventId);
    await clearWalkInReasons(trx, eventId, ERASED_REASON);
    await clearDayPersonalData(trx, eventId);
    await deleteDocumentJobs(trx, eventId);
    await scrubAuditOfEvent(trx, eventId, removed);
    await markPersonalDataErased(trx, eventId, at);
    await recordAudit(trx, actor, {
      eventId,
      entity: 'personal_data',
      entityId: eventId,
      action: 'erase',
      after: { delegates: labels.size },
    });
    return { eventId, erasedAt: at, delegates: labels.size };
  });
}

/** `hoinghi privacy erase-expired`: every event whose retention period has passed, one transaction each. */
export async function eraseExpiredPersonalData(
  db: Db,
  actor: Actor,
  at: string = nowIso(),
): Promise<(EraseResult & { name: string })[]> {
  const results: (EraseResult & { name: string })[] = [];
  for (const event of await findEventsDueForErasure(db, at)) {
    results.push({ ...(await erasePersonalData(db, actor, event.id, at)), name: event.name });
  }
  return results;
}
