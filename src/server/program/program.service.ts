import { formatTime } from '../../shared/format';
import {
  type CreateProgramItemInput,
  DEFAULT_DURATION_MINUTES,
  kindFromTitle,
  PROGRAM_ITEM_KINDS,
  type Presenter,
  type PresenterInput,
  type Program,
  type ProgramItem,
  type ProgramItemKind,
  type ProgramWarning,
  type ReorderProgramInput,
  type UpdateProgramItemInput,
} from '../../shared/program';
import { recordAudit } from '../audit/audit.service';
import type { Actor } from '../auth/actor';
import type { Db, Executor } from '../db/database';
import type { ProgramItemsTable } from '../db/schema';
import { inScope, type Scope } from '../delegates/delegates.policy';
import { assertEventOpen } from '../delegates/delegates.service';
import { invalid, invalidField, notFound } from '../errors';
import { getEventById } from '../events/events.service';
import { newId } from '../util';
import { fullTitle } from './mc-script';
import {
  deleteItemRow,
  findItemRow,
  findItemRows,
  findKnownIds,
  findPresenterRows,
  hasCheckinBegun,
  insertItemRow,
  type PresenterRow,
  replacePresenterRows,
  updateItemRow,
} from './program.repository';

const MINUTE = 60_000;

export function kindOf(row: Pick<ProgramItemsTable, 'kind' | 'title'>): ProgramItemKind {
  const kind = row.kind as ProgramItemKind | null | undefined;
  return kind && PROGRAM_ITEM_KINDS.includes(kind) ? kind : kindFromTitle(row.title);
}

/** Minutes an item lasts: its own, else the plan's start–end, else the usual for its kind. */
function durationOf(row: ProgramItemsTable): number {
  if (row.duration_minutes !== null && row.duration_minutes !== undefined) return row.duration_minutes;
  if (row.start_time && row.end_time) {
    const [sh, sm] = row.start_time.split(':').map(Number) as [number, number];
    const [eh, em] = row.end_time.split(':').map(Number) as [number, number];
    const minutes = eh * 60 + em - (sh * 60 + sm);
    if (minutes > 0) return minutes;
  }
  return DEFAULT_DURATION_MINUTES[kindOf(row)];
}

/** A unit officer reads the program, but no person of another unit: such a speaker shows by post only. */
function toPresenter(row: PresenterRow, scope: Scope): Presenter {
  if (row.delegate_id && row.full_name && !inScope(scope, row.delegate_unit_id)) {
    return {
      delegateId: null,
      unitId: row.delegate_unit_id,
      name: 'Đại biểu',
      detail: fullTitle(row.delegate_position, row.organization) || null,
    };
  }
  if (row.delegate_id && row.full_name) {
    return {
      delegateId: row.delegate_id,
      unitId: row.unit_id,
      name: row.full_name,
      detail: fullTitle(row.delegate_position, row.organization) || null,
    };
  }
  if (row.unit_id && row.unit_name) {
    return {
      delegateId: null,
      unitId: row.unit_id,
      name: row.name ?? `Đại diện ${row.unit_name}`,
      detail: row.unit_name,
    };
  }
  return { delegateId: null, unitId: null, name: row.name ?? '', detail: null };
}

/**
 * The program with its times: the first item starts when the event does and each item when the one before it
 * ends; a sub-item starts when its parent does, after its earlier siblings. Warnings say where the day overruns
 * and which presenter will not be there.
 */
export async function getProgram(
  db: Executor,
  eventId: string,
  scope: Scope = { all: true },
): Promise<Program> {
  const event = await getEventById(db, eventId);
  const [rows, presenterRows, begun] = await Promise.all([
    findItemRows(db, eventId),
    findPresenterRows(db, eventId),
    hasCheckinBegun(db, eventId),
  ]);
  const presentersOf = new Map<string, PresenterRow[]>();
  for (const p of presenterRows) presentersOf.set(p.item_id, [...(presentersOf.get(p.item_id) ?? []), p]);
  const childrenOf = new Map<string | null, ProgramItemsTable[]>();
  const ids = new Set(rows.map((r) => r.id));
  for (const row of rows) {
    const parent = row.parent_id && ids.has(row.parent_id) ? row.parent_id : null;
    childrenOf.set(parent, [...(childrenOf.get(parent) ?? []), row]);
  }
  const warnings: ProgramWarning[] = [];
  const eventEnd = Date.parse(event.endsAt);

  const build = (parentId: string | null, start: number): { items: ProgramItem[]; end: number } => {
    let at = start;
    const items = (childrenOf.get(parentId) ?? []).map((row, position) => {
      const duration = durationOf(row);
      const children = build(row.id, at);
      const endsAt = at + duration * MINUTE;
      const item: ProgramItem = {
        id: row.id,
        position,
        kind: kindOf(row),
        title: row.title,
        startsAt: new Date(at).toISOString(),
        durationMinutes: duration,
        endsAt: new Date(endsAt).toISOString(),
        notes: row.notes ?? null,
        isSample: row.is_sample === 1,
        presenters: (presentersOf.get(row.id) ?? []).map((p) => toPresenter(p, scope)),
        children: children.items,
      };
      if (children.items.length && children.end > endsAt) {
        warnings.push({
          code: 'children_overrun',
          itemId: row.id,
          message: `Các phần của mục "${row.title}" cần ${Math.round((children.end - at) / MINUTE)} phút, mục chỉ có ${duration} phút`,
        });
      }
      if (endsAt > eventEnd && !warnings.some((w) => w.code === 'overrun')) {
        warnings.push({
          code: 'overrun',
          itemId: row.id,
          message: `Chương trình vượt quá giờ kết thúc hội nghị (${formatTime(event.endsAt)}): mục "${row.title}" kết thúc lúc ${formatTime(new Date(endsAt).toISOString())}`,
        });
      }
      for (const p of presentersOf.get(row.id) ?? []) {
        if (!p.delegate_id || !p.status || !inScope(scope, p.delegate_unit_id)) continue;
        if (p.status === 'declined' || p.status === 'replaced') {
          warnings.push({
            code: 'presenter_declined',
            itemId: row.id,
            message: `${p.full_name} (${row.title}) đã báo không dự${p.status === 'replaced' ? ' và cử người dự thay' : ''}`,
          });
        } else if (begun && p.status !== 'checked_in') {
          warnings.push({
            code: 'presenter_absent',
            itemId: row.id,
            message: `${p.full_name} (${row.title}) chưa điểm danh`,
          });
        }
      }
      at = endsAt;
      return item;
    });
    return { items, end: at };
  };
  const { items, end } = build(null, Date.parse(event.startsAt));
  return { items, endsAt: new Date(end).toISOString(), warnings };
}

/** The program item of the event, or 404. */
async function itemOf(db: Executor, eventId: string, id: string) {
  const row = await findItemRow(db, eventId, id);
  if (!row) throw notFound('Mục chương trình');
  return row;
}

async function presenterRows(trx: Executor, eventId: string, itemId: string, presenters: PresenterInput[]) {
  const known = await findKnownIds(
    trx,
    eventId,
    presenters.flatMap((p) => (p.delegateId ? [p.delegateId] : [])),
    presenters.flatMap((p) => (p.unitId ? [p.unitId] : [])),
  );
  presenters.forEach((p, i) => {
    if (p.delegateId && !known.delegates.has(p.delegateId))
      throw invalidField(`presenters.${i}.delegateId`, 'Đại biểu không thuộc hội nghị này');
    if (p.unitId && !known.units.has(p.unitId))
      throw invalidField(`presenters.${i}.unitId`, 'Không tìm thấy đơn vị');
  });
  return presenters.map((p, position) => ({
    id: newId(),
    event_id: eventId,
    item_id: itemId,
    position,
    delegate_id: p.delegateId ?? null,
    unit_id: p.unitId ?? null,
    name: p.name ?? null,
  }));
}

function findInTree(items: ProgramItem[], id: string): ProgramItem | null {
  for (const item of items) {
    if (item.id === id) return item;
    const found = findInTree(item.children, id);
    if (found) return found;
  }
  return null;
}

export async function getProgramItem(db: Executor, eventId: string, id: string): Promise<ProgramItem> {
  const item = findInTree((await getProgram(db, eventId)).items, id);
  if (!item) throw notFound('Mục chương trình');
  return item;
}

export async function createProgramItem(
  db: Db,
  actor: Actor,
  eventId: string,
  input: CreateProgramItemInput,
): Promise<ProgramItem> {
  await assertEventOpen(db, eventId);
  const id = newId();
  await db.transaction().execute(async (trx) => {
    const parentId = input.parentId ?? null;
    if (parentId) {
      const parent = await itemOf(trx, eventId, parentId);
      if (parent.parent_id)
        throw invalidField('parentId', 'Chương trình chỉ có hai cấp: mục và phần của mục');
    }
    const siblings = (await findItemRows(trx, eventId)).filter((r) => (r.parent_id ?? null) === parentId);
    await insertItemRow(trx, {
      id,
      event_id: eventId,
      parent_id: parentId,
      position: siblings.length ? Math.max(...siblings.map((s) => s.position)) + 1 : 0,
      title: input.title,
      start_time: null,
      end_time: null,
      session: null,
      kind: input.kind,
      duration_minutes: input.durationMinutes ?? DEFAULT_DURATION_MINUTES[input.kind],
      notes: input.notes ?? null,
      is_sample: 0,
    });
    if (input.presenters?.length)
      await replacePresenterRows(trx, id, await presenterRows(trx, eventId, id, input.presenters));
    await recordAudit(trx, actor, {
      eventId,
      entity: 'program_item',
      entityId: id,
      action: 'create',
      after: input,
    });
  });
  return getProgramItem(db, eventId, id);
}

export async function updateProgramItem(
  db: Db,
  actor: Actor,
  eventId: string,
  id: string,
  input: UpdateProgramItemInput,
): Promise<ProgramItem> {
  await assertEventOpen(db, eventId);
  await db.transaction().execute(async (trx) => {
    const before = await itemOf(trx, eventId, id);
    await updateItemRow(trx, id, {
      ...(input.kind !== undefined ? { kind: input.kind } : {}),
      ...(input.title !== undefined ? { title: input.title } : {}),
      ...(input.durationMinutes !== undefined ? { duration_minutes: input.durationMinutes } : {}),
      ...(input.notes !== undefined ? { notes: input.notes } : {}),
      // Someone set this by hand: it is no longer the demo's invention.
      is_sample: 0,
    });
    if (input.presenters)
      await replacePresenterRows(trx, id, await presenterRows(trx, eventId, id, input.presenters));
    await recordAudit(trx, actor, {
      eventId,
      entity: 'program_item',
      entityId: id,
      action: 'update',
      before: {
        kind: before.kind,
        title: before.title,
        durationMinutes: before.duration_minutes,
        notes: before.notes,
      },
      after: input,
    });
  });
  return getProgramItem(db, eventId, id);
}

export async function deleteProgramItem(db: Db, actor: Actor, eventId: string, id: string): Promise<void> {
  await assertEventOpen(db, eventId);
  await db.transaction().execute(async (trx) => {
    const before = await itemOf(trx, eventId, id);
    await deleteItemRow(trx, eventId, id);
    await recordAudit(trx, actor, {
      eventId,
      entity: 'program_item',
      entityId: id,
      action: 'delete',
      before: { title: before.title, kind: before.kind },
    });
  });
}

/** One level put in a new order: every item of that level named once; the times after it follow. */
export async function reorderProgram(
  db: Db,
  actor: Actor,
  eventId: string,
  input: ReorderProgramInput,
): Promise<Program> {
  await assertEventOpen(db, eventId);
  await db.transaction().execute(async (trx) => {
    const siblings = (await findItemRows(trx, eventId)).filter(
      (r) => (r.parent_id ?? null) === input.parentId,
    );
    const expected = new Set(siblings.map((s) => s.id));
    if (
      input.ids.length !== expected.size ||
      new Set(input.ids).size !== input.ids.length ||
      input.ids.some((id) => !expected.has(id))
    ) {
      throw invalid('Thứ tự mới phải gồm đúng các mục của cấp này, mỗi mục một lần', [
        { field: 'ids', message: 'Danh sách mục không khớp với chương trình' },
      ]);
    }
    for (const [position, id] of input.ids.entries()) await updateItemRow(trx, id, { position });
    await recordAudit(trx, actor, {
      eventId,
      entity: 'program',
      entityId: input.parentId ?? eventId,
      action: 'reorder',
      before: siblings.map((s) => s.id),
      after: input.ids,
    });
  });
  return getProgram(db, eventId);
}
