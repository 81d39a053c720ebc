import type { EventRole, Membership } from '../../shared/auth';
import {
  type CreateEventInput,
  canMoveStatus,
  EVENT_STATUS_LABELS,
  type Event,
  type EventStatus,
  type EventSummary,
  type Member,
  type SetMemberInput,
  type UpdateEventInput,
} from '../../shared/events';
import { DEFAULT_RETENTION_DAYS } from '../../shared/limits';
import { recordAudit } from '../audit/audit.service';
import { type Actor, roleIn } from '../auth/actor';
import { forgetSessions } from '../auth/session-cache';
import type { Db, Executor, Trx } from '../db/database';
import type { EventsTable } from '../db/schema';
import { AppError, invalid, notFound } from '../errors';
import { findUnitsByIds } from '../units/units.service';
import { getUserById } from '../users/users.service';
import { newId, nowIso, toBool, toFlag } from '../util';
import {
  deleteEventRow,
  deleteMemberRow,
  findEventRowById,
  findEventRows,
  findMemberRow,
  findMemberRows,
  findMemberRowsOfUser,
  findPartnerRows,
  findUnerasedEventRows,
  insertEventRow,
  replacePartnerRows,
  updateEventRow,
  upsertMemberRow,
} from './events.repository';

async function rowToEvent(db: Executor, row: EventsTable): Promise<Event> {
  const partners = await findPartnerRows(db, row.id);
  const units = await findUnitsByIds(
    db,
    [row.host_unit_id, row.lead_unit_id].filter((id): id is string => !!id),
  );
  return {
    id: row.id,
    name: row.name,
    status: row.status as EventStatus,
    planNumber: row.plan_number,
    planDate: row.plan_date,
    planIssuer: row.plan_issuer,
    planSignerAuthority: row.plan_signer_authority,
    planSignerTitle: row.plan_signer_title,
    planSignerName: row.plan_signer_name,
    hostUnitId: row.host_unit_id,
    hostName: row.host_unit_id ? (units.get(row.host_unit_id)?.name ?? null) : null,
    leadUnitId: row.lead_unit_id,
    leadName: row.lead_unit_id ? (units.get(row.lead_unit_id)?.name ?? null) : null,
    partners: partners.map((p) => ({ unitId: p.unit_id, name: p.name })),
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    timeText: row.time_text,
    venueName: row.venue_name,
    venueAddress: row.venue_address,
    capacity: row.capacity,
    expectedAttendees: row.expected_attendees,
    fundingSource: row.funding_source,
    notes: row.notes,
    isDemo: toBool(row.is_demo),
    personalDataRetentionDays: row.personal_data_retention_days,
    personalDataErasableFrom: erasableFrom(row),
    personalDataErasedAt: row.erased_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** The end of the event plus its retention period: personal data may be erased from then on. */
export function erasableFrom(row: Pick<EventsTable, 'ends_at' | 'personal_data_retention_days'>): string {
  return new Date(Date.parse(row.ends_at) + row.personal_data_retention_days * DAY_MS).toISOString();
}

export async function getEventById(db: Executor, id: string): Promise<Event> {
  const row = await findEventRowById(db, id);
  if (!row) throw notFound('hội nghị');
  return rowToEvent(db, row);
}

/** The event's status, or 404: a light check for features that only need to know the event is there. */
export async function getEventStatus(db: Executor, id: string): Promise<EventStatus> {
  const row = await findEventRowById(db, id);
  if (!row) throw notFound('hội nghị');
  return row.status as EventStatus;
}

export async function findEventsForActor(db: Executor, actor: Actor): Promise<EventSummary[]> {
  const rows = await findEventRows(db, actor.isAdmin ? null : actor.memberships.map((m) => m.eventId));
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    status: r.status as EventStatus,
    startsAt: r.starts_at,
    endsAt: r.ends_at,
    venueName: r.venue_name,
    expectedAttendees: r.expected_attendees,
    isDemo: toBool(r.is_demo),
    myRole: roleIn(actor, r.id),
  }));
}

/** Every unit the event names must exist in the catalogue. */
async function assertUnitsExist(db: Executor, input: UpdateEventInput) {
  const refs: [string, string][] = [];
  if (input.hostUnitId) refs.push(['hostUnitId', input.hostUnitId]);
  if (input.leadUnitId) refs.push(['leadUnitId', input.leadUnitId]);
  input.partners?.forEach((p, i) => {
    if (p.unitId) refs.push([`partners.${i}.unitId`, p.unitId]);
  });
  const found = await findUnitsByIds(
    db,
    refs.map(([, id]) => id),
  );
  const missing = refs.filter(([, id]) => !found.has(id));
  if (missing.length) {
    throw invalid(
      'Có đơn vị không có trong danh mục',
      missing.map(([field]) => ({ field, message: 'Không tìm thấy đơn vị' })),
    );
  }
}

function eventColumns(input: UpdateEventInput): Partial<EventsTable> {
  const map: [keyof UpdateEventInput, keyof EventsTable][] = [
    ['name', 'name'],
    ['planNumber', 'plan_number'],
    ['planDate', 'plan_date'],
    ['planIssuer', 'plan_issuer'],
    ['planSignerAuthority', 'plan_signer_authority'],
    ['planSignerTitle', 'plan_signer_title'],
    ['planSignerName', 'plan_signer_name'],
    ['hostUnitId', 'host_unit_id'],
    ['leadUnitId', 'lead_unit_id'],
    ['startsAt', 'starts_at'],
    ['endsAt', 'ends_at'],
    ['timeText', 'time_text'],
    ['venueName', 'venue_name'],
    ['venueAddress', 'venue_address'],
    ['capacity', 'capacity'],
    ['expectedAttendees', 'expected_attendees'],
    ['fundingSource', 'funding_source'],
    ['notes', 'notes'],
    ['personalDataRetentionDays', 'personal_data_retention_days'],
  ];
  const columns: Record<string, unknown> = {};
  for (const [key, column] of map) {
    if (input[key] !== undefined) columns[column] = input[key];
  }
  return columns as Partial<EventsTable>;
}

function partnerRows(eventId: string, partners: NonNullable<UpdateEventInput['partners']>) {
  return partners.map((p, position) => ({
    event_id: eventId,
    position,
    unit_id: p.unitId ?? null,
    name: p.name,
  }));
}

/** The creator becomes the event's organizer. */
export async function createEvent(
  db: Db,
  actor: Actor,
  input: CreateEventInput,
  options: { isDemo?: boolean; planText?: string | null } = {},
): Promise<Event> {
  const event = await db.transaction().execute((trx) => insertEvent(trx, actor, input, options));
  forgetSessions();
  return event;
}

/** createEvent inside a caller's transaction (creating an event from a plan writes its contents in the same one). */
export async function insertEvent(
  trx: Trx,
  actor: Actor,
  input: CreateEventInput,
  options: { isDemo?: boolean; planText?: string | null } = {},
): Promise<Event> {
  await assertUnitsExist(trx, input);
  const now = nowIso();
  const id = newId();
  await insertEventRow(trx, {
    plan_number: null,
    plan_date: null,
    plan_issuer: null,
    plan_signer_authority: null,
    plan_signer_title: null,
    plan_signer_name: null,
    host_unit_id: null,
    lead_unit_id: null,
    time_text: null,
    venue_name: null,
    venue_address: null,
    capacity: null,
    expected_attendees: null,
    funding_source: null,
    notes: null,
    ...eventColumns(input),
    id,
    name: input.name,
    starts_at: input.startsAt,
    ends_at: input.endsAt,
    status: 'draft',
    is_demo: toFlag(options.isDemo ?? false),
    plan_text: options.planText ?? null,
    plan_purpose: null,
    personal_data_retention_days: input.personalDataRetentionDays ?? DEFAULT_RETENTION_DAYS,
    erased_at: null,
    created_by: actor.id === 'system' ? null : actor.id,
    created_at: now,
    updated_at: now,
  });
  await replacePartnerRows(trx, id, partnerRows(id, input.partners ?? []));
  if (actor.id !== 'system') {
    await upsertMemberRow(trx, {
      event_id: id,
      user_id: actor.id,
      role: 'organizer',
      unit_id: null,
      created_at: now,
    });
  }
  const event = await getEventById(trx, id);
  await recordAudit(trx, actor, {
    eventId: id,
    entity: 'event',
    entityId: id,
    action: 'create',
    after: event,
  });
  return event;
}

/** The plan's "Mục đích, yêu cầu", kept with the event for writing the plan back out. */
export async function setEventPlanPurpose(
  trx: Executor,
  eventId: string,
  purpose: string | null,
): Promise<void> {
  await updateEventRow(trx, eventId, { plan_purpose: purpose });
}

export async function setEventPlanText(trx: Executor, eventId: string, text: string | null): Promise<void> {
  await updateEventRow(trx, eventId, { plan_text: text });
}

/** The plan's text as read and its "Mục đích, yêu cầu" section, kept with the event. */
export async function getEventPlanTexts(
  db: Executor,
  eventId: string,
): Promise<{ purpose: string | null; text: string | null }> {
  const row = await findEventRowById(db, eventId);
  if (!row) throw notFound('hội nghị');
  return { purpose: row.plan_purpose, text: row.plan_text };
}

export async function updateEvent(db: Db, actor: Actor, id: string, input: UpdateEventInput): Promise<Event> {
  return db.transaction().execute((trx) => writeEventUpdate(trx, actor, id, input));
}

/** updateEvent inside a caller's transaction (applying a plan updates the event and its contents together). */
export async function writeEventUpdate(
  trx: Trx,
  actor: Actor,
  id: string,
  input: UpdateEventInput,
): Promise<Event> {
  const before = await getEventById(trx, id);
  await assertUnitsExist(trx, input);
  const startsAt = input.startsAt ?? before.startsAt;
  const endsAt = input.endsAt ?? before.endsAt;
  if (startsAt >= endsAt) {
    throw invalid('Thời gian kết thúc phải sau thời gian bắt đầu', [
      { field: 'endsAt', message: 'Phải sau thời gian bắt đầu' },
    ]);
  }
  await updateEventRow(trx, id, { ...eventColumns(input), updated_at: nowIso() });
  if (input.partners) await replacePartnerRows(trx, id, partnerRows(id, input.partners));
  const after = await getEventById(trx, id);
  await recordAudit(trx, actor, {
    eventId: id,
    entity: 'event',
    entityId: id,
    action: 'update',
    before,
    after,
  });
  return after;
}

export async function changeEventStatus(
  db: Db,
  actor: Actor,
  id: string,
  status: EventStatus,
): Promise<Event> {
  return db.transaction().execute(async (trx) => {
    const before = await getEventById(trx, id);
    if (!canMoveStatus(before.status, status)) {
      throw new AppError(
        'INVALID_STATUS_TRANSITION',
        `Không thể chuyển hội nghị từ "${EVENT_STATUS_LABELS[before.status]}" sang "${EVENT_STATUS_LABELS[status]}"`,
      );
    }
    await updateEventRow(trx, id, { status, updated_at: nowIso() });
    await recordAudit(trx, actor, {
      eventId: id,
      entity: 'event',
      entityId: id,
      action: 'status',
      before: { status: before.status },
      after: { status },
    });
    return getEventById(trx, id);
  });
}

export async function deleteEvent(db: Db, actor: Actor, id: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const before = await getEventById(trx, id);
    await deleteEventRow(trx, id);
    await recordAudit(trx, actor, { eventId: id, entity: 'event', entityId: id, action: 'delete', before });
  });
  forgetSessions();
}

export async function findMembershipsOfUser(db: Executor, userId: string): Promise<Membership[]> {
  const rows = await findMemberRowsOfUser(db, userId);
  return rows.map((r) => ({ eventId: r.event_id, role: r.role as EventRole, unitId: r.unit_id }));
}

export async function findMembers(db: Executor, eventId: string): Promise<Member[]> {
  await getEventById(db, eventId);
  const rows = await findMemberRows(db, eventId);
  return rows.map((r) => ({
    userId: r.user_id,
    username: r.username,
    fullName: r.full_name,
    role: r.role as EventRole,
    unitId: r.unit_id,
    unitName: r.unit_name,
    lastLoginAt: r.last_login_at ?? null,
  }));
}

export async function setMember(
  db: Db,
  actor: Actor,
  eventId: string,
  userId: string,
  input: SetMemberInput,
): Promise<Member[]> {
  const result = await db.transaction().execute(async (trx) => {
    await getEventById(trx, eventId);
    const user = await getUserById(trx, userId);
    const unitId = input.role === 'unit_officer' ? (input.unitId ?? null) : null;
    if (unitId && !(await findUnitsByIds(trx, [unitId])).has(unitId)) {
      throw invalid('Không tìm thấy đơn vị', [{ field: 'unitId', message: 'Không tìm thấy đơn vị' }]);
    }
    const before = await findMemberRow(trx, eventId, userId);
    if (before?.role === 'organizer' && input.role !== 'organizer')
      await assertAnotherOrganizer(trx, eventId);
    await upsertMemberRow(trx, {
      event_id: eventId,
      user_id: userId,
      role: input.role,
      unit_id: unitId,
      created_at: nowIso(),
    });
    await recordAudit(trx, actor, {
      eventId,
      entity: 'member',
      entityId: userId,
      action: before ? 'update' : 'create',
      before: before ? { username: user.username, role: before.role, unitId: before.unit_id } : undefined,
      after: { username: user.username, role: input.role, unitId },
    });
    return findMembers(trx, eventId);
  });
  forgetSessions();
  return result;
}

/** An event always keeps at least one organizer, so nobody locks the office out of its own conference. */
async function assertAnotherOrganizer(db: Executor, eventId: string) {
  const organizers = (await findMemberRows(db, eventId)).filter((m) => m.role === 'organizer');
  if (organizers.length <= 1)
    throw new AppError('CONFLICT', 'Hội nghị phải còn ít nhất một người thuộc Ban tổ chức');
}

export async function removeMember(db: Db, actor: Actor, eventId: string, userId: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const before = await findMemberRow(trx, eventId, userId);
    if (!before) throw notFound('thành viên của hội nghị');
    if (before.role === 'organizer') await assertAnotherOrganizer(trx, eventId);
    await deleteMemberRow(trx, eventId, userId);
    await recordAudit(trx, actor, {
      eventId,
      entity: 'member',
      entityId: userId,
      action: 'delete',
      before: { role: before.role, unitId: before.unit_id },
    });
  });
  forgetSessions();
}

/** Events whose retention period has passed by `at` and whose personal data is still held. */
export async function findEventsDueForErasure(
  db: Executor,
  at: string,
): Promise<{ id: string; name: string }[]> {
  const rows = await findUnerasedEventRows(db);
  return rows.filter((r) => erasableFrom(r) <= at).map((r) => ({ id: r.id, name: r.name }));
}

/** Part of the erasure's transaction: the event remembers when its personal data went. */
export async function markPersonalDataErased(trx: Trx, eventId: string, at: string): Promise<void> {
  await updateEventRow(trx, eventId, { erased_at: at, updated_at: at });
}
