import type { DelegateStatus, Gender, Honorific } from '../../shared/delegates';
import type { DerivedRank } from '../../shared/protocol';
import { foldVietnamese, vietnameseNameKey } from '../../shared/text';
import type { Actor } from '../auth/actor';
import type { Executor } from '../db/database';
import type { DelegatesTable } from '../db/schema';
import { AppError, conflict, invalidField } from '../errors';
import { findUnitsByIds } from '../units/units.service';
import { newId, nowIso, toFlag } from '../util';
import { countSeatHolders, findGroupRow, lockSeat } from './composition.repository';
import { assertInScope, type Scope } from './delegates.policy';
import { findDuplicateCandidates, protocolKey } from './delegates.repository';
import { termsOf } from './delegates.search';

/**
 * Placing a delegate: where they go (seat within the quota, no duplicate) and the rows that hold them. Shared by
 * single adds, updates, substitutions, imports, walk-ins and the demo.
 */

export const identityKey = (fullName: string, unitId: string | null, organization: string | null) =>
  `${foldVietnamese(fullName)}|${unitId ?? foldVietnamese(organization ?? '')}`;

/**
 * Checks where a delegate goes and, when the group draws from that unit, takes one of its seats: the seat's
 * lock is held to the end of the transaction, so two officers submitting at once cannot both take the last one.
 */
export async function claimSeats(
  trx: Executor,
  scope: Scope,
  eventId: string,
  place: { groupId: string | null; unitId: string | null },
  count: number,
): Promise<{
  groupTitle: string | null;
  protocol: { protocol_rank: number | null; position: number } | null;
}> {
  assertInScope(scope, place.unitId);
  if (!place.groupId) {
    if (!scope.all) throw invalidField('groupId', 'Hãy chọn thành phần đại biểu');
    return { groupTitle: null, protocol: null };
  }
  const group = await findGroupRow(trx, place.groupId);
  if (!group || group.event_id !== eventId)
    throw invalidField('groupId', 'Nhóm thành phần không thuộc hội nghị này');
  if (!place.unitId) {
    if (!scope.all) throw invalidField('unitId', 'Hãy chọn đơn vị cử');
    return { groupTitle: group.title, protocol: group };
  }
  const quota = await lockSeat(trx, place.groupId, place.unitId);
  if (quota === undefined) {
    if (!scope.all) throw invalidField('unitId', `Đơn vị không có chỉ tiêu trong nhóm "${group.title}"`);
    return { groupTitle: group.title, protocol: group };
  }
  const holders = await countSeatHolders(trx, place.groupId, place.unitId);
  if (holders + count > quota) {
    const unit = (await findUnitsByIds(trx, [place.unitId])).get(place.unitId);
    throw conflict(
      `Đã đủ chỉ tiêu: ${unit?.name ?? 'đơn vị'} có ${quota} chỗ trong nhóm "${group.title}" và đã đăng ký ${holders}`,
    );
  }
  return { groupTitle: group.title, protocol: group };
}

export async function assertNoDuplicate(
  db: Executor,
  eventId: string,
  candidate: {
    id?: string;
    fullName: string;
    unitId: string | null;
    organization: string | null;
    phone: string | null;
  },
) {
  const key = identityKey(candidate.fullName, candidate.unitId, candidate.organization);
  // Two index lookups ((event_id, identity_key) and (event_id, phone)), not every key of the event.
  const others = await findDuplicateCandidates(db, eventId, key, candidate.phone, candidate.id);
  const same = others.find((other) => other.identity_key === key);
  if (same) {
    throw new AppError('CONFLICT', `Đã có đại biểu "${same.full_name}" của đơn vị này trong danh sách`, [
      { field: 'fullName', message: 'Trùng họ tên và đơn vị với một đại biểu đã có' },
    ]);
  }
  const samePhone = candidate.phone ? others.find((other) => other.phone === candidate.phone) : undefined;
  if (samePhone) {
    throw new AppError('CONFLICT', `Số điện thoại này đã có ở đại biểu "${samePhone.full_name}"`, [
      { field: 'phone', message: 'Trùng số điện thoại với một đại biểu đã có' },
    ]);
  }
}

export interface NewDelegate {
  groupId: string | null;
  unitId: string | null;
  organization: string | null;
  honorific: Honorific | null;
  fullName: string;
  position: string | null;
  phone: string | null;
  email: string | null;
  gender: Gender | null;
  protocolRank: number | null;
  notes: string | null;
}

/** Builds the rows of new delegates (the delegate and its search terms); shared by single adds and imports. */
export function buildDelegateRows(
  eventId: string,
  actor: Actor,
  d: NewDelegate,
  extra: {
    status: DelegateStatus;
    group: { protocol_rank: number | null; position: number } | null;
    /** From the post and the unit's level (protocol feature); the override is `d.protocolRank`. */
    rank: DerivedRank;
    unitNames: string[];
    substituteForId?: string | null;
    isSample?: boolean;
  },
): { row: DelegatesTable; terms: string[] } {
  const now = nowIso();
  const nameKey = vietnameseNameKey(d.fullName);
  const row: DelegatesTable = {
    id: newId(),
    event_id: eventId,
    group_id: d.groupId,
    unit_id: d.unitId,
    organization: d.organization,
    honorific: d.honorific ?? (d.gender === 'female' ? 'ba' : d.gender === 'male' ? 'ong' : null),
    full_name: d.fullName,
    position: d.position,
    phone: d.phone,
    email: d.email,
    gender: d.gender,
    protocol_rank: d.protocolRank,
    notes: d.notes,
    status: extra.status,
    substitute_for_id: extra.substituteForId ?? null,
    replaced_by_id: null,
    is_sample: toFlag(extra.isSample ?? false),
    name_key: nameKey,
    protocol_key: protocolKey(d.protocolRank ?? extra.rank.rank, extra.group, nameKey),
    derived_rank: extra.rank.rank,
    rank_reason: extra.rank.reason,
    identity_key: identityKey(d.fullName, d.unitId, d.organization),
    created_by: actor.id === 'system' ? null : actor.id,
    created_at: now,
    updated_at: now,
  };
  const terms = termsOf({
    fullName: d.fullName,
    position: d.position,
    organization: d.organization,
    unitNames: extra.unitNames,
    phone: d.phone,
  });
  return { row, terms };
}

export async function unitNamesOf(db: Executor, unitId: string | null): Promise<string[]> {
  if (!unitId) return [];
  const unit = (await findUnitsByIds(db, [unitId])).get(unitId);
  if (!unit) throw invalidField('unitId', 'Đơn vị không có trong danh mục');
  return [unit.name, unit.shortName];
}
