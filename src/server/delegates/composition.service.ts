import type {
  Composition,
  CompositionGroup,
  CreateGroupInput,
  Inviter,
  SetSeatsInput,
  UnitFill,
  UpdateGroupInput,
} from '../../shared/delegates';
import type { CompositionGroupInput } from '../../shared/plan-contents';
import { compareVietnamese, foldVietnamese } from '../../shared/text';
import { recordAudit } from '../audit/audit.service';
import type { Actor } from '../auth/actor';
import type { Db, Executor } from '../db/database';
import type { CompositionGroupsTable } from '../db/schema';
import { conflict, invalidField, notFound } from '../errors';
import { getEventById } from '../events/events.service';
import { findUnitsByIds } from '../units/units.service';
import { newId } from '../util';
import {
  countFill,
  countGroupDelegates,
  deleteGroupRows,
  findGroupRow,
  findGroupRows,
  findSeatRows,
  insertGroupRows,
  lockGroupSeats,
  replaceSeatRows,
  updateGroupRow,
} from './composition.repository';
import { inScope, type Scope } from './delegates.policy';
import { refreshProtocolKeys } from './delegates.repository';

function depthOf(rows: CompositionGroupsTable[]): Map<string, number> {
  const parent = new Map(rows.map((r) => [r.id, r.parent_id]));
  const depth = new Map<string, number>();
  for (const r of rows) {
    let d = 0;
    for (let p = r.parent_id; p && d < 50; p = parent.get(p) ?? null) d++;
    depth.set(r.id, d);
  }
  return depth;
}

/** The planned head count: a group's own count, unless its children carry counts of their own. */
function plannedTotal(rows: CompositionGroupsTable[]): number {
  const children = new Map<string | null, CompositionGroupsTable[]>();
  for (const r of rows) children.set(r.parent_id, [...(children.get(r.parent_id) ?? []), r]);
  const total = (r: CompositionGroupsTable): number => {
    const sum = (children.get(r.id) ?? []).reduce((s, c) => s + total(c), 0);
    return sum > 0 ? sum : (r.planned_count ?? 0);
  };
  return (children.get(null) ?? []).reduce((s, r) => s + total(r), 0);
}

/**
 * The event's composition with quotas and fill: per group, per seat (group × unit), per unit, and the totals
 * set against expected attendance and the hall's capacity. A unit officer sees the groups where their units
 * have seats, and only those seats.
 */
export async function getComposition(db: Executor, scope: Scope, eventId: string): Promise<Composition> {
  const event = await getEventById(db, eventId);
  const [groupRows, seatRows, fill] = await Promise.all([
    findGroupRows(db, eventId),
    findSeatRows(db, eventId),
    countFill(db, eventId),
  ]);
  const fillOf = new Map(fill.map((f) => [`${f.group_id}|${f.unit_id}`, f]));
  const depth = depthOf(groupRows);
  const visibleSeats = seatRows.filter((s) => inScope(scope, s.unit_id));

  const groups: CompositionGroup[] = [];
  for (const g of groupRows) {
    const seats = visibleSeats
      .filter((s) => s.group_id === g.id)
      .map((s) => ({
        unitId: s.unit_id,
        unitName: s.unit_name,
        unitShortName: s.unit_short_name,
        parentUnitName: s.parent_unit_name,
        quota: s.quota,
        filled: fillOf.get(`${g.id}|${s.unit_id}`)?.filled ?? 0,
      }))
      .sort((a, b) => compareVietnamese(a.unitName, b.unitName));
    const groupFill = fill.filter((f) => f.group_id === g.id && inScope(scope, f.unit_id));
    if (!scope.all && seats.length === 0) continue;
    groups.push({
      id: g.id,
      parentId: g.parent_id,
      depth: depth.get(g.id) ?? 0,
      position: g.position,
      title: g.title,
      plannedCount: g.planned_count,
      perUnit: g.per_unit,
      unitCount: g.unit_count,
      inviter: g.inviter as Inviter | null,
      protocolRank: g.protocol_rank,
      seats,
      quota: seats.reduce((s, x) => s + x.quota, 0),
      filled: groupFill.reduce((s, f) => s + f.filled, 0),
      confirmed: groupFill.reduce((s, f) => s + f.confirmed, 0),
    });
  }

  const byUnit = new Map<string, UnitFill>();
  for (const s of visibleSeats) {
    const entry = byUnit.get(s.unit_id) ?? { unitId: s.unit_id, unitName: s.unit_name, quota: 0, filled: 0 };
    entry.quota += s.quota;
    entry.filled += fillOf.get(`${s.group_id}|${s.unit_id}`)?.filled ?? 0;
    byUnit.set(s.unit_id, entry);
  }
  const units = [...byUnit.values()].sort(
    (a, b) =>
      a.filled / (a.quota || 1) - b.filled / (b.quota || 1) || compareVietnamese(a.unitName, b.unitName),
  );

  const visibleFill = fill.filter((f) => inScope(scope, f.unit_id));
  const totals = {
    planned: scope.all ? plannedTotal(groupRows) : groups.reduce((s, g) => s + g.quota, 0),
    quota: groups.reduce((s, g) => s + g.quota, 0),
    filled: visibleFill.reduce((s, f) => s + f.filled, 0),
    confirmed: visibleFill.reduce((s, f) => s + f.confirmed, 0),
    expected: event.expectedAttendees,
    capacity: event.capacity,
  };
  return { groups, units, totals, warnings: scope.all ? warningsFor(groups, totals) : [] };
}

function warningsFor(groups: CompositionGroup[], totals: Composition['totals']): string[] {
  const warnings: string[] = [];
  const n = (v: number) => v.toLocaleString('vi-VN');
  if (totals.expected !== null && totals.planned > 0 && totals.planned !== totals.expected) {
    warnings.push(
      `Tổng số đại biểu theo thành phần (${n(totals.planned)}) khác số dự kiến của hội nghị (${n(totals.expected)}).`,
    );
  }
  if (totals.capacity !== null) {
    const most = Math.max(totals.planned, totals.expected ?? 0, totals.filled);
    if (most > totals.capacity) {
      warnings.push(`Số đại biểu (${n(most)}) vượt sức chứa hội trường (${n(totals.capacity)} chỗ).`);
    }
  }
  for (const g of groups) {
    if (g.seats.length && g.plannedCount !== null && g.quota !== g.plannedCount) {
      warnings.push(
        `"${g.title}": tổng chỉ tiêu các đơn vị (${n(g.quota)}) khác số theo kế hoạch (${n(g.plannedCount)}).`,
      );
    }
    if (!g.seats.length && g.plannedCount !== null && g.filled > g.plannedCount) {
      warnings.push(`"${g.title}": đã có ${n(g.filled)} đại biểu, vượt số dự kiến ${n(g.plannedCount)}.`);
    }
  }
  return warnings;
}

/** The groups as a plan writes them (titles and counts), for the plan views and the plan DOCX. */
export async function findCompositionTree(db: Executor, eventId: string): Promise<CompositionGroupInput[]> {
  const rows = await findGroupRows(db, eventId);
  const nodes = new Map<string, CompositionGroupInput>(
    rows.map((r) => [
      r.id,
      { title: r.title, count: r.planned_count, perUnit: r.per_unit, unitCount: r.unit_count, children: [] },
    ]),
  );
  const roots: CompositionGroupInput[] = [];
  for (const r of rows) {
    const parent = r.parent_id ? nodes.get(r.parent_id) : undefined;
    (parent ? parent.children : roots).push(nodes.get(r.id)!);
  }
  return roots;
}

async function groupOf(db: Executor, eventId: string, groupId: string): Promise<CompositionGroupsTable> {
  const row = await findGroupRow(db, groupId);
  if (!row || row.event_id !== eventId) throw notFound('nhóm thành phần');
  return row;
}

async function checkParent(db: Executor, eventId: string, groupId: string | null, parentId: string | null) {
  if (!parentId) return;
  const rows = await findGroupRows(db, eventId);
  const parent = new Map(rows.map((r) => [r.id, r.parent_id]));
  if (!parent.has(parentId)) throw invalidField('parentId', 'Nhóm cha không thuộc hội nghị này');
  for (let p: string | null | undefined = parentId; p; p = parent.get(p)) {
    if (p === groupId) throw invalidField('parentId', 'Một nhóm không thể nằm trong chính nó');
  }
}

export async function createGroup(db: Db, actor: Actor, eventId: string, input: CreateGroupInput) {
  return db.transaction().execute(async (trx) => {
    await getEventById(trx, eventId);
    await checkParent(trx, eventId, null, input.parentId ?? null);
    const rows = await findGroupRows(trx, eventId);
    const row: CompositionGroupsTable = {
      id: newId(),
      event_id: eventId,
      parent_id: input.parentId ?? null,
      position: rows.length ? Math.max(...rows.map((r) => r.position)) + 1 : 0,
      title: input.title,
      planned_count: input.plannedCount ?? null,
      per_unit: input.perUnit ?? null,
      unit_count: input.unitCount ?? null,
      inviter: input.inviter ?? null,
      protocol_rank: input.protocolRank ?? null,
    };
    await insertGroupRows(trx, [row]);
    await recordAudit(trx, actor, {
      eventId,
      entity: 'composition_group',
      entityId: row.id,
      action: 'create',
      after: row,
    });
    return row.id;
  });
}

export async function updateGroup(
  db: Db,
  actor: Actor,
  eventId: string,
  groupId: string,
  input: UpdateGroupInput,
) {
  await db.transaction().execute(async (trx) => {
    const before = await groupOf(trx, eventId, groupId);
    if (input.parentId !== undefined) await checkParent(trx, eventId, groupId, input.parentId);
    const patch = {
      ...(input.parentId !== undefined ? { parent_id: input.parentId } : {}),
      ...(input.title !== undefined ? { title: input.title } : {}),
      ...(input.plannedCount !== undefined ? { planned_count: input.plannedCount } : {}),
      ...(input.perUnit !== undefined ? { per_unit: input.perUnit } : {}),
      ...(input.unitCount !== undefined ? { unit_count: input.unitCount } : {}),
      ...(input.inviter !== undefined ? { inviter: input.inviter } : {}),
      ...(input.protocolRank !== undefined ? { protocol_rank: input.protocolRank } : {}),
    };
    await updateGroupRow(trx, groupId, patch);
    if (input.protocolRank !== undefined && input.protocolRank !== before.protocol_rank) {
      await refreshProtocolKeys(trx, eventId, groupId);
    }
    await recordAudit(trx, actor, {
      eventId,
      entity: 'composition_group',
      entityId: groupId,
      action: 'update',
      before,
      after: await findGroupRow(trx, groupId),
    });
  });
}

export async function deleteGroup(db: Db, actor: Actor, eventId: string, groupId: string) {
  await db.transaction().execute(async (trx) => {
    const before = await groupOf(trx, eventId, groupId);
    const rows = await findGroupRows(trx, eventId);
    const subtree = [groupId];
    for (let i = 0; i < subtree.length; i++) {
      for (const r of rows) if (r.parent_id === subtree[i]) subtree.push(r.id);
    }
    const counts = await countGroupDelegates(trx, subtree);
    const total = [...counts.values()].reduce((s, n) => s + n, 0);
    if (total > 0) {
      throw conflict(
        `Nhóm "${before.title}" đang có ${total} đại biểu; hãy chuyển họ sang nhóm khác trước khi xóa nhóm`,
      );
    }
    await deleteGroupRows(trx, subtree);
    await recordAudit(trx, actor, {
      eventId,
      entity: 'composition_group',
      entityId: groupId,
      action: 'delete',
      before,
    });
  });
}

/**
 * Sets the units a group draws from and each one's quota. A quota can go up or down, never below the people
 * the unit has already registered there.
 */
export async function setSeats(db: Db, actor: Actor, eventId: string, groupId: string, input: SetSeatsInput) {
  await db.transaction().execute(async (trx) => {
    const group = await groupOf(trx, eventId, groupId);
    const units = await findUnitsByIds(
      trx,
      input.seats.map((s) => s.unitId),
    );
    input.seats.forEach((s, i) => {
      if (!units.has(s.unitId)) throw invalidField(`seats.${i}.unitId`, 'Đơn vị không có trong danh mục');
    });
    await lockGroupSeats(trx, groupId);
    const before = (await findSeatRows(trx, eventId)).filter((s) => s.group_id === groupId);
    const fill = (await countFill(trx, eventId)).filter((f) => f.group_id === groupId);
    const wanted = new Map(input.seats.map((s) => [s.unitId, s.quota]));
    for (const f of fill) {
      if (!f.unit_id) continue;
      const quota = wanted.get(f.unit_id) ?? 0;
      if (f.filled > quota) {
        const name = units.get(f.unit_id)?.name ?? before.find((s) => s.unit_id === f.unit_id)?.unit_name;
        throw conflict(
          `${name} đã đăng ký ${f.filled} đại biểu trong nhóm "${group.title}"; chỉ tiêu không thể thấp hơn ${f.filled}`,
        );
      }
    }
    await replaceSeatRows(
      trx,
      groupId,
      input.seats.map((s) => ({ group_id: groupId, unit_id: s.unitId, event_id: eventId, quota: s.quota })),
    );
    await recordAudit(trx, actor, {
      eventId,
      entity: 'composition_seats',
      entityId: groupId,
      action: 'update',
      before: before.map((s) => ({ unitId: s.unit_id, quota: s.quota })),
      after: input.seats,
    });
  });
}

/**
 * Brings the groups in line with a plan, keeping what people built on them: a group whose title path is
 * unchanged keeps its id, seats, inviter, rank and delegates; new groups are added; a group the plan no longer
 * has is removed, unless delegates are registered in it.
 */
export async function syncCompositionFromPlan(
  trx: Executor,
  eventId: string,
  composition: CompositionGroupInput[],
): Promise<void> {
  const existing = await findGroupRows(trx, eventId);
  const byId = new Map(existing.map((r) => [r.id, r]));
  const pathOf = (r: CompositionGroupsTable): string => {
    const parts: string[] = [];
    for (
      let g: CompositionGroupsTable | undefined = r;
      g;
      g = g.parent_id ? byId.get(g.parent_id) : undefined
    ) {
      parts.unshift(foldVietnamese(g.title));
    }
    return parts.join(' / ');
  };
  const existingByPath = new Map(existing.map((r) => [pathOf(r), r]));
  const kept = new Map<
    string,
    Omit<CompositionGroupsTable, 'id' | 'event_id' | 'inviter' | 'protocol_rank'>
  >();
  const inserts: CompositionGroupsTable[] = [];
  let position = 0;
  const visit = (items: CompositionGroupInput[], parentId: string | null, parentPath: string) => {
    for (const item of items) {
      const path = parentPath ? `${parentPath} / ${foldVietnamese(item.title)}` : foldVietnamese(item.title);
      const match = existingByPath.get(path);
      const columns = {
        parent_id: parentId,
        position: position++,
        title: item.title,
        planned_count: item.count,
        per_unit: item.perUnit,
        unit_count: item.unitCount,
      };
      const id = match && !kept.has(match.id) ? match.id : newId();
      if (id === match?.id) kept.set(id, columns);
      else inserts.push({ id, event_id: eventId, inviter: null, protocol_rank: null, ...columns });
      visit(item.children, id, path);
    }
  };
  visit(composition, null, '');
  const removed = existing.filter((r) => !kept.has(r.id)).map((r) => r.id);
  const counts = await countGroupDelegates(trx, removed);
  const busy = existing.filter((r) => (counts.get(r.id) ?? 0) > 0);
  if (busy.length) {
    throw conflict(
      `Kế hoạch mới bỏ nhóm ${busy.map((b) => `"${b.title}" (${counts.get(b.id)} đại biểu)`).join(', ')}; hãy chuyển các đại biểu sang nhóm khác trước khi cập nhật`,
    );
  }
  // New groups first (parents before children), then kept ones re-pointed, then the rest removed.
  await insertGroupRows(trx, inserts);
  for (const [id, columns] of kept) await updateGroupRow(trx, id, columns);
  await deleteGroupRows(trx, removed);
  await refreshProtocolKeys(trx, eventId, null);
}
