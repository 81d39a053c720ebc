import type { Executor } from '../db/database';
import type {
  EventLegalBasesTable,
  EventRecipientsTable,
  ProgramItemsTable,
  SideActivitiesTable,
  TasksTable,
} from '../db/schema';

/**
 * The tables a plan fills. The plans feature writes them when an event is made from a plan; the program and
 * tasks features take over their own tables (and this file shrinks) as they land. Composition groups belong to
 * the delegates feature (delegates/composition.service).
 */
const TABLES = [
  'program_items',
  'side_activities',
  'tasks',
  'event_legal_bases',
  'event_recipients',
] as const;

export async function deletePlanContentRows(db: Executor, eventId: string): Promise<void> {
  // Program rows point at their parents: unlink before deleting.
  await db.updateTable('program_items').set({ parent_id: null }).where('event_id', '=', eventId).execute();
  for (const table of TABLES) await db.deleteFrom(table).where('event_id', '=', eventId).execute();
}

export interface PlanContentRows {
  program: ProgramItemsTable[];
  sideActivities: SideActivitiesTable[];
  tasks: TasksTable[];
  legalBases: EventLegalBasesTable[];
  recipients: EventRecipientsTable[];
}

export async function insertPlanContentRows(db: Executor, rows: PlanContentRows): Promise<void> {
  // Parents come before children in each list, so foreign keys hold row by row.
  if (rows.program.length) await db.insertInto('program_items').values(rows.program).execute();
  if (rows.sideActivities.length)
    await db.insertInto('side_activities').values(rows.sideActivities).execute();
  if (rows.tasks.length) await db.insertInto('tasks').values(rows.tasks).execute();
  if (rows.legalBases.length) await db.insertInto('event_legal_bases').values(rows.legalBases).execute();
  if (rows.recipients.length) await db.insertInto('event_recipients').values(rows.recipients).execute();
}

export async function findPlanContentRows(db: Executor, eventId: string): Promise<PlanContentRows> {
  const [program, sideActivities, tasks, legalBases, recipients] = await Promise.all([
    db.selectFrom('program_items').selectAll().where('event_id', '=', eventId).orderBy('position').execute(),
    db
      .selectFrom('side_activities')
      .selectAll()
      .where('event_id', '=', eventId)
      .orderBy('position')
      .execute(),
    db.selectFrom('tasks').selectAll().where('event_id', '=', eventId).orderBy('position').execute(),
    db
      .selectFrom('event_legal_bases')
      .selectAll()
      .where('event_id', '=', eventId)
      .orderBy('position')
      .execute(),
    db
      .selectFrom('event_recipients')
      .selectAll()
      .where('event_id', '=', eventId)
      .orderBy('position')
      .execute(),
  ]);
  return { program, sideActivities, tasks, legalBases, recipients };
}
