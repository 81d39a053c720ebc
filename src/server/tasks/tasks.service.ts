import { vietnamDay } from '../../shared/format';
import type {
  Attachment,
  CreateTaskInput,
  Task,
  TaskDetail,
  TaskList,
  TaskStatus,
  UpdateTaskInput,
} from '../../shared/tasks';
import { createTaskSchema, updateTaskSchema } from '../../shared/tasks';
import { recordAudit } from '../audit/audit.service';
import type { Actor } from '../auth/actor';
import type { Db, Executor } from '../db/database';
import { inScope, type Scope, scopeOf, scopeUnitList } from '../delegates/delegates.policy';
import { forbidden, invalidField, notFound } from '../errors';
import { findMembers } from '../events/events.service';
import { findUnitsByIds } from '../units/units.service';
import { newId, nowIso } from '../util';
import {
  addAttachment,
  deleteAttachment,
  deleteAttachmentsOf,
  findAttachments,
  getAttachmentFile,
} from './attachments.service';
import { canManageTasks } from './tasks.policy';
import {
  deleteTaskRow,
  findCommentRows,
  findEventStart,
  findTaskRow,
  findTaskRows,
  insertCommentRow,
  insertTaskRow,
  nextTaskPosition,
  type TaskRow,
  updateTaskRow,
} from './tasks.repository';

/** "2020-11-27" plus -14 days → "2020-11-13" (calendar arithmetic, no time zone). */
export function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

async function eventDayOf(db: Executor, eventId: string): Promise<string> {
  const startsAt = await findEventStart(db, eventId);
  if (!startsAt) throw notFound('hội nghị');
  return vietnamDay(startsAt);
}

/** The day a duty is due: its own date, or the event day moved by its offset, so it follows the event. */
export function dueOnOf(
  row: { due_on: string | null; due_offset_days: number | null },
  eventDay: string,
): string | null {
  if (row.due_on) return row.due_on;
  return row.due_offset_days === null || row.due_offset_days === undefined
    ? null
    : addDays(eventDay, Number(row.due_offset_days));
}

export function toTask(row: TaskRow, eventDay: string, today: string): Task {
  const dueOn = dueOnOf(row, eventDay);
  const status = row.status as TaskStatus;
  return {
    id: row.id,
    unitId: row.unit_id,
    unitName: row.unit_name,
    title: row.title,
    dueOn,
    dueOffsetDays: row.due_offset_days === null ? null : Number(row.due_offset_days),
    status,
    ownerUserId: row.owner_user_id,
    ownerName: row.owner_name ?? null,
    doneAt: row.done_at,
    isOverdue: status !== 'done' && !!dueOn && dueOn < today,
    isLate: status === 'done' && !!dueOn && !!row.done_at && vietnamDay(row.done_at) > dueOn,
    commentCount: Number(row.comment_count ?? 0),
    attachmentCount: Number(row.attachment_count ?? 0),
  };
}

/** Every duty of the event as the caller may see it, with due dates worked out for today. */
export async function findTasks(db: Executor, actor: Actor, eventId: string): Promise<TaskList> {
  const scope = await scopeOf(db, actor, eventId);
  return findTasksInScope(db, eventId, scope, canManageTasks(actor, eventId));
}

export async function findTasksInScope(
  db: Executor,
  eventId: string,
  scope: Scope,
  canManage = false,
): Promise<TaskList> {
  const eventDay = await eventDayOf(db, eventId);
  const today = vietnamDay(nowIso());
  const rows = await findTaskRows(db, eventId, scopeUnitList(scope));
  return { eventDay, canManage, items: rows.map((r) => toTask(r, eventDay, today)) };
}

/** A duty the caller may see, else 404 (another unit's duty is not shown to exist). */
async function visibleTask(db: Executor, scope: Scope, eventId: string, taskId: string): Promise<TaskRow> {
  const row = await findTaskRow(db, eventId, taskId);
  if (!row || !inScope(scope, row.unit_id)) throw notFound('nhiệm vụ');
  return row;
}

export async function getTask(
  db: Executor,
  actor: Actor,
  eventId: string,
  taskId: string,
): Promise<TaskDetail> {
  const scope = await scopeOf(db, actor, eventId);
  const row = await visibleTask(db, scope, eventId, taskId);
  const [comments, files, eventDay] = await Promise.all([
    findCommentRows(db, taskId),
    findAttachments(db, eventId, 'task', [taskId]),
    eventDayOf(db, eventId),
  ]);
  return {
    ...toTask(row, eventDay, vietnamDay(nowIso())),
    comments: comments.map((c) => ({
      id: c.id,
      authorName: c.author_name,
      body: c.body,
      createdAt: c.created_at,
    })),
    attachments: files.get(taskId) ?? [],
  };
}

const OTHER_UNIT =
  'Bạn không có quyền thực hiện thao tác này: nhiệm vụ thuộc đơn vị khác, bạn chỉ cập nhật nhiệm vụ của đơn vị mình';

/** A task to write: 403 for a unit officer reaching another unit's duty (it exists, they may not touch it). */
async function writableTask(db: Executor, actor: Actor, eventId: string, taskId: string): Promise<TaskRow> {
  const row = await findTaskRow(db, eventId, taskId);
  if (!row) throw notFound('nhiệm vụ');
  if (!inScope(await scopeOf(db, actor, eventId), row.unit_id)) throw forbidden(OTHER_UNIT);
  return row;
}

/** An owner is someone in the event: an organizer, or an officer of the duty's unit. */
async function assertOwner(db: Executor, eventId: string, ownerUserId: string | null, unitId: string | null) {
  if (!ownerUserId) return;
  const member = (await findMembers(db, eventId)).find((m) => m.userId === ownerUserId);
  const fits =
    member &&
    (member.role === 'organizer' || (member.role === 'unit_officer' && !!unitId && member.unitId === unitId));
  if (!fits)
    throw invalidField(
      'ownerUserId',
      'Người phụ trách phải là thành viên ban tổ chức hoặc cán bộ của đơn vị thực hiện nhiệm vụ',
    );
}

export async function createTask(
  db: Db,
  actor: Actor,
  eventId: string,
  input: CreateTaskInput,
): Promise<Task> {
  const data = createTaskSchema.parse(input);
  return db.transaction().execute(async (trx) => {
    let unitName = data.unitName ?? '';
    if (data.unitId) {
      const unit = (await findUnitsByIds(trx, [data.unitId])).get(data.unitId);
      if (!unit) throw invalidField('unitId', 'Đơn vị không có trong danh mục');
      unitName = data.unitName ?? unit.name;
    }
    await assertOwner(trx, eventId, data.ownerUserId, data.unitId);
    const id = newId();
    await insertTaskRow(trx, {
      id,
      event_id: eventId,
      position: await nextTaskPosition(trx, eventId),
      unit_id: data.unitId,
      unit_name: unitName,
      title: data.title,
      owner_user_id: data.ownerUserId,
      due_on: data.dueOn ?? null,
      due_offset_days: data.dueOffsetDays ?? null,
      updated_at: nowIso(),
    });
    await recordAudit(trx, actor, { eventId, entity: 'task', entityId: id, action: 'create', after: data });
    const row = await findTaskRow(trx, eventId, id);
    return toTask(row!, await eventDayOf(trx, eventId), vietnamDay(nowIso()));
  });
}

/**
 * Organizers change anything; a unit officer moves their own unit's duties along (status, owner) and nothing of
 * another unit's. Marking done stamps the time once; reopening clears it.
 */
export async function updateTask(
  db: Db,
  actor: Actor,
  eventId: string,
  taskId: string,
  input: UpdateTaskInput,
  /** When the work was done, for records brought in from elsewhere (the demo); now otherwise. */
  options: { doneAt?: string } = {},
): Promise<Task> {
  const data = updateTaskSchema.parse(input);
  return db.transaction().execute(async (trx) => {
    const before = await writableTask(trx, actor, eventId, taskId);
    const manages = canManageTasks(actor, eventId);
    if (
      !manages &&
      (data.title !== undefined || data.dueOn !== undefined || data.dueOffsetDays !== undefined)
    )
      throw forbidden(
        'Chỉ ban tổ chức sửa tên và hạn của nhiệm vụ; đơn vị cập nhật tiến độ và người phụ trách',
      );
    const unitId = data.unitId !== undefined ? data.unitId : before.unit_id;
    const values: Parameters<typeof updateTaskRow>[2] = { updated_at: nowIso() };
    if (data.unitId !== undefined && data.unitId !== null) {
      const unit = (await findUnitsByIds(trx, [data.unitId])).get(data.unitId);
      if (!unit) throw invalidField('unitId', 'Đơn vị không có trong danh mục');
      values.unit_id = data.unitId;
      values.unit_name = data.unitName ?? unit.name;
    } else if (data.unitId === null) values.unit_id = null;
    if (data.unitName !== undefined) values.unit_name = data.unitName;
    if (data.ownerUserId !== undefined) await assertOwner(trx, eventId, data.ownerUserId, unitId);
    if (data.title !== undefined) values.title = data.title;
    if (data.ownerUserId !== undefined) values.owner_user_id = data.ownerUserId;
    if (data.dueOn !== undefined || data.dueOffsetDays !== undefined) {
      // One kind of due date at a time: setting one clears the other.
      values.due_on = data.dueOn ?? null;
      values.due_offset_days = data.dueOn ? null : (data.dueOffsetDays ?? null);
    }
    if (data.status !== undefined) {
      values.status = data.status;
      values.done_at = data.status === 'done' ? (before.done_at ?? options.doneAt ?? nowIso()) : null;
    }
    await updateTaskRow(trx, taskId, values);
    await recordAudit(trx, actor, {
      eventId,
      entity: 'task',
      entityId: taskId,
      action: data.status !== undefined ? 'status' : 'update',
      before: {
        title: before.title,
        status: before.status,
        ownerUserId: before.owner_user_id,
        dueOn: before.due_on,
        dueOffsetDays: before.due_offset_days,
      },
      after: data,
    });
    const row = await findTaskRow(trx, eventId, taskId);
    return toTask(row!, await eventDayOf(trx, eventId), vietnamDay(nowIso()));
  });
}

export async function deleteTask(db: Db, actor: Actor, eventId: string, taskId: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const before = await findTaskRow(trx, eventId, taskId);
    if (!before) throw notFound('nhiệm vụ');
    await deleteAttachmentsOf(trx, eventId, 'task', taskId);
    await deleteTaskRow(trx, taskId);
    await recordAudit(trx, actor, {
      eventId,
      entity: 'task',
      entityId: taskId,
      action: 'delete',
      before: { title: before.title, unitName: before.unit_name },
    });
  });
}

export async function addTaskComment(
  db: Db,
  actor: Actor,
  eventId: string,
  taskId: string,
  body: string,
): Promise<TaskDetail> {
  await db.transaction().execute(async (trx) => {
    await writableTask(trx, actor, eventId, taskId);
    const id = newId();
    await insertCommentRow(trx, {
      id,
      task_id: taskId,
      author_id: actor.id,
      author_name: actor.fullName,
      body,
      created_at: nowIso(),
    });
    await recordAudit(trx, actor, {
      eventId,
      entity: 'task_comment',
      entityId: id,
      action: 'create',
      after: { taskId, body },
    });
  });
  return getTask(db, actor, eventId, taskId);
}

export async function addTaskAttachment(
  db: Db,
  actor: Actor,
  eventId: string,
  taskId: string,
  fileName: string,
  bytes: Buffer,
): Promise<Attachment> {
  return db.transaction().execute(async (trx) => {
    await writableTask(trx, actor, eventId, taskId);
    return addAttachment(trx, actor, eventId, { kind: 'task', id: taskId }, fileName, bytes);
  });
}

/** A duty's file, for whoever sees the duty. */
export async function getTaskAttachmentFile(
  db: Executor,
  actor: Actor,
  eventId: string,
  taskId: string,
  attachmentId: string,
) {
  const file = await getAttachmentFile(db, eventId, attachmentId);
  if (file.ownerKind !== 'task' || file.ownerId !== taskId) throw notFound('tệp đính kèm');
  await visibleTask(db, await scopeOf(db, actor, eventId), eventId, taskId);
  return file;
}

export async function deleteTaskAttachment(
  db: Db,
  actor: Actor,
  eventId: string,
  taskId: string,
  attachmentId: string,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const file = await getAttachmentFile(trx, eventId, attachmentId);
    if (file.ownerKind !== 'task' || file.ownerId !== taskId) throw notFound('tệp đính kèm');
    await writableTask(trx, actor, eventId, taskId);
    await deleteAttachment(trx, actor, eventId, attachmentId);
  });
}
