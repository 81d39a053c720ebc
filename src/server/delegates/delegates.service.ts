import type {
  CreateDelegateInput,
  Delegate,
  DelegatePage,
  DelegateStatus,
  FindDelegatesQuery,
  Gender,
  Honorific,
  SubstituteInput,
  UpdateDelegateInput,
} from '../../shared/delegates';
import { MAX_RANK } from '../../shared/protocol';
import { vietnameseNameKey } from '../../shared/text';
import {
  canMoveDelegateStatus,
  DELEGATE_STATUS_LABELS,
  SEAT_HOLDING_STATUSES,
  UNIT_OFFICER_STATUSES,
} from '../../shared/vocabulary';
import { recordAudit } from '../audit/audit.service';
import { type Actor, SYSTEM_ACTOR } from '../auth/actor';
import type { Db, Executor } from '../db/database';
import type { DelegatesTable } from '../db/schema';
import { AppError, conflict, forbidden, notFound } from '../errors';
import { getEventStatus } from '../events/events.service';
import { loadRanker } from '../protocol/protocol.service';
import { findUnitsByIds } from '../units/units.service';
import { nowIso, toBool } from '../util';
import { findGroupRow, findGroupRows } from './composition.repository';
import { assertInScope, type Scope } from './delegates.policy';
import {
  countDelegateRows,
  type DelegateRow,
  deleteDelegateRow,
  findDelegateIdsOfEvent,
  findDelegateRow,
  insertDelegateRows,
  protocolKey,
  replaceDelegateTerms,
  searchDelegateRows,
  updateDelegateRow,
} from './delegates.repository';
import {
  assertNoDuplicate,
  buildDelegateRows,
  claimSeats,
  identityKey,
  type NewDelegate,
  unitNamesOf,
} from './delegates.rows';
import { queryWords, termsOf } from './delegates.search';

export function rowToDelegate(row: DelegateRow): Delegate {
  return {
    id: row.id,
    eventId: row.event_id,
    groupId: row.group_id,
    groupTitle: row.group_title,
    unitId: row.unit_id,
    unitName: row.unit_name,
    organization: row.organization,
    honorific: row.honorific as Honorific | null,
    fullName: row.full_name,
    position: row.position,
    phone: row.phone,
    email: row.email,
    gender: row.gender as Gender | null,
    protocolRank: row.protocol_rank ?? row.derived_rank ?? MAX_RANK,
    rankOverride: row.protocol_rank,
    rankReason:
      row.protocol_rank !== null
        ? `Ban tổ chức xếp bậc ${row.protocol_rank}${row.rank_reason ? ` (theo chức vụ: ${row.rank_reason})` : ''}`
        : (row.rank_reason ?? ''),
    notes: row.notes,
    status: row.status as DelegateStatus,
    substituteFor: row.substitute_for_id
      ? { id: row.substitute_for_id, fullName: row.substitute_for_name ?? '' }
      : null,
    replacedBy: row.replaced_by_id ? { id: row.replaced_by_id, fullName: row.replaced_by_name ?? '' } : null,
    isSample: toBool(row.is_sample),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** How many of the event's delegates within the actor's scope are in these statuses (all statuses when omitted). */
export function countDelegates(
  db: Executor,
  scope: Scope,
  eventId: string,
  statuses?: readonly DelegateStatus[],
): Promise<number> {
  return countDelegateRows(
    db,
    eventId,
    scope.all ? null : [...scope.unitIds],
    statuses ? [...statuses] : null,
  );
}

export async function findDelegates(
  db: Executor,
  scope: Scope,
  eventId: string,
  query: FindDelegatesQuery,
): Promise<DelegatePage> {
  await getEventStatus(db, eventId);
  const { rows, total, totalIsLowerBound } = await searchDelegateRows(db, {
    eventId,
    unitIds: scope.all ? null : [...scope.unitIds],
    groupId: query.groupId,
    unitId: query.unitId,
    status: query.status,
    words: queryWords(query.q),
    sort: query.sort,
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  });
  return {
    items: rows.map(rowToDelegate),
    total,
    totalIsLowerBound,
    page: query.page,
    pageSize: query.pageSize,
  };
}

async function delegateOf(db: Executor, scope: Scope, eventId: string, id: string): Promise<DelegateRow> {
  const row = await findDelegateRow(db, id);
  if (!row || row.event_id !== eventId) throw notFound('đại biểu');
  assertInScope(scope, row.unit_id);
  return row;
}

export async function getDelegate(
  db: Executor,
  scope: Scope,
  eventId: string,
  id: string,
): Promise<Delegate> {
  return rowToDelegate(await delegateOf(db, scope, eventId, id));
}

export async function assertEventOpen(db: Executor, eventId: string): Promise<void> {
  if ((await getEventStatus(db, eventId)) === 'closed') {
    throw conflict('Hội nghị đã kết thúc; danh sách đại biểu không sửa được nữa');
  }
}

function toNewDelegate(input: CreateDelegateInput): NewDelegate {
  return {
    groupId: input.groupId ?? null,
    unitId: input.unitId ?? null,
    organization: input.organization ?? null,
    honorific: input.honorific ?? null,
    fullName: input.fullName,
    position: input.position ?? null,
    phone: input.phone ?? null,
    email: input.email ?? null,
    gender: input.gender ?? null,
    protocolRank: input.protocolRank ?? null,
    notes: input.notes ?? null,
  };
}

export async function createDelegate(
  db: Db,
  actor: Actor,
  scope: Scope,
  eventId: string,
  input: CreateDelegateInput,
): Promise<Delegate> {
  const d = toNewDelegate(input);
  if (!scope.all && !d.unitId) d.unitId = scope.unitId;
  if (!scope.all && d.protocolRank !== null) throw forbidden('Chỉ ban tổ chức xếp thứ tự lễ tân');
  const id = await db.transaction().execute(async (trx) => {
    await assertEventOpen(trx, eventId);
    const unitNames = await unitNamesOf(trx, d.unitId);
    const place = await claimSeats(trx, scope, eventId, d, 1);
    await assertNoDuplicate(trx, eventId, d);
    const ranker = await loadRanker(trx, eventId, [d.unitId]);
    const { row, terms } = buildDelegateRows(eventId, actor, d, {
      status: 'draft',
      group: place.protocol,
      rank: ranker.rank(d.position, d.unitId),
      unitNames,
    });
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
      after: row,
    });
    return row.id;
  });
  return getDelegate(db, scope, eventId, id);
}

export async function updateDelegate(
  db: Db,
  actor: Actor,
  scope: Scope,
  eventId: string,
  id: string,
  input: UpdateDelegateInput,
): Promise<Delegate> {
  if (!scope.all && input.protocolRank !== undefined) throw forbidden('Chỉ ban tổ chức xếp thứ tự lễ tân');
  await db.transaction().execute(async (trx) => {
    await assertEventOpen(trx, eventId);
    const before = await delegateOf(trx, scope, eventId, id);
    const pick = <T>(v: T | undefined, old: T): T => (v === undefined ? old : v);
    const next: NewDelegate = {
      groupId: pick(input.groupId, before.group_id),
      unitId: pick(input.unitId, before.unit_id),
      organization: pick(input.organization, before.organization),
      honorific: pick(input.honorific, before.honorific as Honorific | null),
      fullName: pick(input.fullName, before.full_name),
      position: pick(input.position, before.position),
      phone: pick(input.phone, before.phone),
      email: pick(input.email, before.email),
      gender: pick(input.gender, before.gender as Gender | null),
      protocolRank: pick(input.protocolRank, before.protocol_rank),
      notes: pick(input.notes, before.notes),
    };
    const moved = next.groupId !== before.group_id || next.unitId !== before.unit_id;
    const holdsSeat = SEAT_HOLDING_STATUSES.includes(before.status as DelegateStatus);
    const place =
      moved && holdsSeat
        ? await claimSeats(trx, scope, eventId, next, 1)
        : { protocol: next.groupId ? ((await findGroupRow(trx, next.groupId)) ?? null) : null };
    if (moved && !holdsSeat) assertInScope(scope, next.unitId);
    if (holdsSeat) await assertNoDuplicate(trx, eventId, { id, ...next });
    const nameKey = vietnameseNameKey(next.fullName);
    const rank = (await loadRanker(trx, eventId, [next.unitId])).rank(next.position, next.unitId);
    await updateDelegateRow(trx, id, {
      group_id: next.groupId,
      unit_id: next.unitId,
      organization: next.organization,
      honorific: next.honorific,
      full_name: next.fullName,
      position: next.position,
      phone: next.phone,
      email: next.email,
      gender: next.gender,
      protocol_rank: next.protocolRank,
      notes: next.notes,
      name_key: nameKey,
      protocol_key: protocolKey(next.protocolRank ?? rank.rank, place.protocol, nameKey),
      derived_rank: rank.rank,
      rank_reason: rank.reason,
      identity_key: identityKey(next.fullName, next.unitId, next.organization),
      updated_at: nowIso(),
    });
    await replaceDelegateTerms(
      trx,
      eventId,
      id,
      termsOf({ ...next, unitNames: await unitNamesOf(trx, next.unitId) }),
    );
    await recordAudit(trx, actor, {
      eventId,
      entity: 'delegate',
      entityId: id,
      action: 'update',
      before,
      after: await findDelegateRow(trx, id),
    });
  });
  return getDelegate(db, scope, eventId, id);
}

export async function changeDelegateStatus(
  db: Db,
  actor: Actor,
  scope: Scope,
  eventId: string,
  id: string,
  status: DelegateStatus,
): Promise<Delegate> {
  await db.transaction().execute(async (trx) => {
    await assertEventOpen(trx, eventId);
    const before = await delegateOf(trx, scope, eventId, id);
    const from = before.status as DelegateStatus;
    if (from === status) return;
    if (!scope.all && !(UNIT_OFFICER_STATUSES.includes(from) && UNIT_OFFICER_STATUSES.includes(status))) {
      throw forbidden('Đơn vị chỉ xác nhận hoặc báo không dự; việc mời và điểm danh do ban tổ chức làm');
    }
    if (!canMoveDelegateStatus(from, status)) {
      throw new AppError(
        'INVALID_STATUS_TRANSITION',
        `Không chuyển được từ "${DELEGATE_STATUS_LABELS[from]}" sang "${DELEGATE_STATUS_LABELS[status]}"`,
      );
    }
    // Coming back from "declined" takes a seat again, within the quota.
    if (!SEAT_HOLDING_STATUSES.includes(from) && SEAT_HOLDING_STATUSES.includes(status)) {
      await claimSeats(trx, scope, eventId, { groupId: before.group_id, unitId: before.unit_id }, 1);
    }
    await updateDelegateRow(trx, id, { status, updated_at: nowIso() });
    await recordAudit(trx, actor, {
      eventId,
      entity: 'delegate',
      entityId: id,
      action: 'status',
      before: { status: from },
      after: { status },
    });
  });
  return getDelegate(db, scope, eventId, id);
}

/**
 * A unit sends someone else in place of a delegate: the new person takes the same group, unit and seat and the
 * old one's status; the old one is kept, marked replaced, and each points at the other.
 */
export async function substituteDelegate(
  db: Db,
  actor: Actor,
  scope: Scope,
  eventId: string,
  id: string,
  input: SubstituteInput,
): Promise<Delegate> {
  const newId_ = await db.transaction().execute(async (trx) => {
    await assertEventOpen(trx, eventId);
    const before = await delegateOf(trx, scope, eventId, id);
    const from = before.status as DelegateStatus;
    if (!['draft', 'invited', 'confirmed'].includes(from)) {
      throw new AppError(
        'INVALID_STATUS_TRANSITION',
        `Đại biểu đang ở trạng thái "${DELEGATE_STATUS_LABELS[from]}", không cử người thay được`,
      );
    }
    const d: NewDelegate = {
      groupId: before.group_id,
      unitId: before.unit_id,
      organization: input.organization ?? before.organization,
      honorific: input.honorific ?? null,
      fullName: input.fullName,
      position: input.position ?? null,
      phone: input.phone ?? null,
      email: input.email ?? null,
      gender: input.gender ?? null,
      protocolRank: before.protocol_rank,
      notes: input.notes ?? null,
    };
    await updateDelegateRow(trx, id, { status: 'replaced', updated_at: nowIso() });
    await assertNoDuplicate(trx, eventId, d);
    const group = before.group_id ? ((await findGroupRow(trx, before.group_id)) ?? null) : null;
    const ranker = await loadRanker(trx, eventId, [d.unitId]);
    const { row, terms } = buildDelegateRows(eventId, actor, d, {
      status: from,
      group,
      rank: ranker.rank(d.position, d.unitId),
      unitNames: await unitNamesOf(trx, d.unitId),
      substituteForId: id,
    });
    await insertDelegateRows(
      trx,
      [row],
      terms.map((term) => ({ event_id: eventId, term, delegate_id: row.id })),
    );
    await updateDelegateRow(trx, id, { replaced_by_id: row.id });
    await recordAudit(trx, actor, {
      eventId,
      entity: 'delegate',
      entityId: id,
      action: 'substitute',
      before,
      after: row,
    });
    return row.id;
  });
  return getDelegate(db, scope, eventId, newId_);
}

/** Removes a delegate entered by mistake; anyone invited or further along is declined or replaced instead. */
export async function deleteDelegate(db: Db, actor: Actor, scope: Scope, eventId: string, id: string) {
  await db.transaction().execute(async (trx) => {
    await assertEventOpen(trx, eventId);
    const before = await delegateOf(trx, scope, eventId, id);
    if (before.status !== 'draft' || before.replaced_by_id || before.substitute_for_id) {
      throw conflict(
        'Chỉ xóa được đại biểu mới đăng ký. Đại biểu đã mời hãy chuyển sang "Từ chối" hoặc cử người thay.',
      );
    }
    await deleteDelegateRow(trx, id);
    await recordAudit(trx, actor, { eventId, entity: 'delegate', entityId: id, action: 'delete', before });
  });
}

/** Sample delegates for the demo conference, in one transaction, marked as sample data. */
export async function insertSampleDelegates(
  db: Db,
  eventId: string,
  people: (NewDelegate & { status: DelegateStatus })[],
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const groups = new Map((await findGroupRows(trx, eventId)).map((g) => [g.id, g]));
    const units = await findUnitsByIds(
      trx,
      people.map((p) => p.unitId).filter((id): id is string => !!id),
    );
    const ranker = await loadRanker(
      trx,
      eventId,
      people.map((p) => p.unitId),
    );
    const rows: DelegatesTable[] = [];
    const terms: { event_id: string; term: string; delegate_id: string }[] = [];
    for (const person of people) {
      const { status, ...d } = person;
      const unit = d.unitId ? units.get(d.unitId) : undefined;
      const built = buildDelegateRows(eventId, SYSTEM_ACTOR, d, {
        status,
        group: d.groupId ? (groups.get(d.groupId) ?? null) : null,
        rank: ranker.rank(d.position, d.unitId),
        unitNames: unit ? [unit.name, unit.shortName] : [],
        isSample: true,
      });
      rows.push(built.row);
      for (const term of built.terms) terms.push({ event_id: eventId, term, delegate_id: built.row.id });
    }
    await insertDelegateRows(trx, rows, terms);
    await recordAudit(trx, SYSTEM_ACTOR, {
      eventId,
      entity: 'delegate',
      action: 'import',
      after: { sample: true, created: rows.length },
    });
  });
}

/** Which of these ids are delegates of the event (the presidium names only the event's own people). */
export async function findDelegateIdsInEvent(
  db: Executor,
  eventId: string,
  ids: string[],
): Promise<Set<string>> {
  return new Set(await findDelegateIdsOfEvent(db, eventId, ids));
}
