import type { Executor } from '../db/database';
import type { TaskCommentsTable } from '../db/schema';

/** All SQL of duties: the plan's task rows with their follow-up columns, comments and counts. */

export async function findEventStart(db: Executor, eventId: string): Promise<string | null> {
  const row = await db.selectFrom('events').select('starts_at').where('id', '=', eventId).executeTakeFirst();
  return row?.starts_at ?? null;
}

const TASK_COLUMNS = [
  't.id',
  't.event_id',
  't.position',
  't.unit_id',
  't.unit_name',
  't.title',
  't.owner_user_id',
  't.due_on',
  't.due_offset_days',
  't.status',
  't.done_at',
  'u.full_name as owner_name',
] as const;

export type TaskRow = Awaited<ReturnType<typeof findTaskRows>>[number];

/** The event's tasks, of the given units only when `unitIds` is a list. */
export async function findTaskRows(db: Executor, eventId: string, unitIds: string[] | null, taskId?: string) {
  return db
    .selectFrom('tasks as t')
    .leftJoin('users as u', 'u.id', 't.owner_user_id')
    .select(TASK_COLUMNS)
    .select((eb) => [
      eb
        .selectFrom('task_comments as c')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('c.task_id', '=', 't.id')
        .as('comment_count'),
      eb
        .selectFrom('attachments as a')
        .select((e) => e.fn.countAll<number>().as('n'))
        .where('a.owner_kind', '=', 'task')
        .whereRef('a.owner_id', '=', 't.id')
        .as('attachment_count'),
    ])
    .where('t.event_id', '=', eventId)
    .$if(unitIds !== null, (q) => q.where('t.unit_id', 'in', unitIds ?? []))
    .$if(taskId !== undefined, (q) => q.where('t.id', '=', taskId ?? ''))
    .orderBy('t.position')
    .execute();
}

export async function findTaskRow(db: Executor, eventId: string, taskId: string) {
  return (await findTaskRows(db, eventId, null, taskId))[0];
}

export async function nextTaskPosition(db: Executor, eventId: string): Promise<number> {
  const row = await db
    .selectFrom('tasks')
    .select((eb) => eb.fn.max('position').as('p'))
    .where('event_id', '=', eventId)
    .executeTakeFirst();
  return Number(row?.p ?? -1) + 1;
}

export async function insertTaskRow(
  db: Executor,
  row: {
    id: string;
    event_id: string;
    position: number;
    unit_id: string | null;
    unit_name: string;
    title: string;
    owner_user_id: string | null;
    due_on: string | null;
    due_offset_days: number | null;
    updated_at: string;
  },
): Promise<void> {
  await db.insertInto('tasks').values(row).execute();
}

export async function updateTaskRow(
  db: Executor,
  taskId: string,
  values: Partial<{
    unit_id: string | null;
    unit_name: string;
    title: string;
    status: string;
    owner_user_id: string | null;
    due_on: string | null;
    due_offset_days: number | null;
    done_at: string | null;
    updated_at: string;
  }>,
): Promise<void> {
  await db.updateTable('tasks').set(values).where('id', '=', taskId).execute();
}

export async function deleteTaskRow(db: Executor, taskId: string): Promise<void> {
  await db.deleteFrom('tasks').where('id', '=', taskId).execute();
}

export async function insertCommentRow(db: Executor, row: TaskCommentsTable): Promise<void> {
  await db.insertInto('task_comments').values(row).execute();
}

export async function findCommentRows(db: Executor, taskId: string) {
  return db
    .selectFrom('task_comments')
    .selectAll()
    .where('task_id', '=', taskId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}
