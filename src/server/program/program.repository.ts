import type { Executor } from '../db/database';
import type {
  McScriptsTable,
  PapersTable,
  ProgramItemsTable,
  ProgramLiveTable,
  ProgramPresentersTable,
} from '../db/schema';

// All SQL of the program feature: items and presenters, papers, the MC script's versions, the hall's position.

export function findItemRows(db: Executor, eventId: string): Promise<ProgramItemsTable[]> {
  return db
    .selectFrom('program_items')
    .selectAll()
    .where('event_id', '=', eventId)
    .orderBy('position')
    .orderBy('id')
    .execute();
}

export function findItemRow(db: Executor, eventId: string, id: string) {
  return db
    .selectFrom('program_items')
    .selectAll()
    .where('event_id', '=', eventId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function insertItemRow(db: Executor, row: ProgramItemsTable): Promise<void> {
  await db.insertInto('program_items').values(row).execute();
}

export async function updateItemRow(
  db: Executor,
  id: string,
  values: Partial<Omit<ProgramItemsTable, 'id' | 'event_id'>>,
): Promise<void> {
  if (Object.keys(values).length === 0) return;
  await db.updateTable('program_items').set(values).where('id', '=', id).execute();
}

export async function deleteItemRow(db: Executor, eventId: string, id: string): Promise<void> {
  // Children go with their parent (the foreign key cascades); papers placed there keep their place as null.
  await db.deleteFrom('program_items').where('event_id', '=', eventId).where('id', '=', id).execute();
}

export function findPresenterRows(db: Executor, eventId: string) {
  return db
    .selectFrom('program_presenters as p')
    .leftJoin('delegates as d', 'd.id', 'p.delegate_id')
    .leftJoin('units as u', 'u.id', 'p.unit_id')
    .select([
      'p.id',
      'p.item_id',
      'p.position',
      'p.delegate_id',
      'p.unit_id',
      'p.name',
      'd.full_name',
      'd.position as delegate_position',
      'd.organization',
      'd.status',
      'd.unit_id as delegate_unit_id',
      'u.name as unit_name',
    ])
    .where('p.event_id', '=', eventId)
    .orderBy('p.item_id')
    .orderBy('p.position')
    .execute();
}
export type PresenterRow = Awaited<ReturnType<typeof findPresenterRows>>[number];

export async function replacePresenterRows(
  db: Executor,
  itemId: string,
  rows: ProgramPresentersTable[],
): Promise<void> {
  await db.deleteFrom('program_presenters').where('item_id', '=', itemId).execute();
  if (rows.length) await db.insertInto('program_presenters').values(rows).execute();
}

/** Which of these ids are delegates / units the event may name (delegates of this event, any catalogue unit). */
export async function findKnownIds(db: Executor, eventId: string, delegateIds: string[], unitIds: string[]) {
  const [delegates, units] = await Promise.all([
    delegateIds.length
      ? db
          .selectFrom('delegates')
          .select('id')
          .where('event_id', '=', eventId)
          .where('id', 'in', delegateIds)
          .execute()
      : [],
    unitIds.length ? db.selectFrom('units').select('id').where('id', 'in', unitIds).execute() : [],
  ]);
  return { delegates: new Set(delegates.map((d) => d.id)), units: new Set(units.map((u) => u.id)) };
}

/** Whether anyone has been checked in at the event: from then on the script names only people in the hall. */
export async function hasCheckinBegun(db: Executor, eventId: string): Promise<boolean> {
  const row = await db
    .selectFrom('attendance')
    .select('delegate_id')
    .where('event_id', '=', eventId)
    .limit(1)
    .executeTakeFirst();
  return !!row;
}

/** Everyone of the event the MC may introduce, in protocol order, with whether they are in the hall. */
export function findPeopleForScript(db: Executor, eventId: string) {
  return db
    .selectFrom('delegates as d')
    .leftJoin('units as u', 'u.id', 'd.unit_id')
    .leftJoin('attendance as a', (j) =>
      j.onRef('a.delegate_id', '=', 'd.id').onRef('a.event_id', '=', 'd.event_id'),
    )
    .leftJoin('delegates as s', 's.id', 'd.substitute_for_id')
    .select([
      'd.id',
      'd.full_name',
      'd.position',
      'd.organization',
      'd.honorific',
      'd.gender',
      'd.status',
      'd.protocol_rank',
      'd.derived_rank',
      'd.unit_id',
      'u.kind as unit_kind',
      'u.name as unit_name',
      'a.checked_in_at',
      's.full_name as substitute_for_name',
      's.position as substitute_for_position',
      's.organization as substitute_for_organization',
      's.protocol_rank as substitute_for_protocol_rank',
      's.derived_rank as substitute_for_derived_rank',
    ])
    .where('d.event_id', '=', eventId)
    .orderBy('d.protocol_key')
    .execute();
}
export type ScriptPersonRow = Awaited<ReturnType<typeof findPeopleForScript>>[number];

// ── Papers ──────────────────────────────────────────────────────────────────────────────────────────────────

const paperColumns = [
  'p.id',
  'p.event_id',
  'p.unit_id',
  'p.title',
  'p.file_name',
  'p.media_type',
  'p.byte_size',
  'p.status',
  'p.review_comment',
  'p.program_item_id',
  'p.is_sample',
  'p.submitted_at',
  'p.reviewed_at',
  'u.name as unit_name',
] as const;

export function findPaperRows(db: Executor, eventId: string, unitIds: string[] | null) {
  return db
    .selectFrom('papers as p')
    .innerJoin('units as u', 'u.id', 'p.unit_id')
    .select(paperColumns)
    .where('p.event_id', '=', eventId)
    .$if(unitIds !== null, (q) => q.where('p.unit_id', 'in', unitIds ?? []))
    .orderBy('p.submitted_at')
    .orderBy('p.id')
    .execute();
}
export type PaperRow = Awaited<ReturnType<typeof findPaperRows>>[number];

export function findPaperRow(db: Executor, eventId: string, id: string) {
  return db
    .selectFrom('papers as p')
    .innerJoin('units as u', 'u.id', 'p.unit_id')
    .select(paperColumns)
    .where('p.event_id', '=', eventId)
    .where('p.id', '=', id)
    .executeTakeFirst();
}

export function findPaperFile(db: Executor, eventId: string, id: string) {
  return db
    .selectFrom('papers')
    .select(['file_name', 'media_type', 'data_base64', 'status', 'title'])
    .where('event_id', '=', eventId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function findAcceptedPaperFiles(db: Executor, eventId: string) {
  return db
    .selectFrom('papers as p')
    .innerJoin('units as u', 'u.id', 'p.unit_id')
    .select(['p.id', 'p.title', 'p.file_name', 'p.media_type', 'p.data_base64', 'u.name as unit_name'])
    .where('p.event_id', '=', eventId)
    .where('p.status', '=', 'accepted')
    .orderBy('p.submitted_at')
    .orderBy('p.id')
    .execute();
}

export async function insertPaperRow(db: Executor, row: PapersTable): Promise<void> {
  await db.insertInto('papers').values(row).execute();
}

export async function updatePaperRow(
  db: Executor,
  id: string,
  values: Partial<
    Pick<PapersTable, 'status' | 'review_comment' | 'program_item_id' | 'reviewed_by' | 'reviewed_at'>
  >,
): Promise<void> {
  await db.updateTable('papers').set(values).where('id', '=', id).execute();
}

export async function deletePaperRow(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('papers').where('id', '=', id).execute();
}

// ── MC script versions and the hall ────────────────────────────────────────────────────────────────────────

export function findMcScriptRow(db: Executor, eventId: string): Promise<McScriptsTable | undefined> {
  return db.selectFrom('mc_scripts').selectAll().where('event_id', '=', eventId).executeTakeFirst();
}

export async function saveMcScriptRow(db: Executor, row: McScriptsTable, exists: boolean): Promise<void> {
  if (exists) await db.updateTable('mc_scripts').set(row).where('event_id', '=', row.event_id).execute();
  else await db.insertInto('mc_scripts').values(row).execute();
}

export function findLiveRow(db: Executor, eventId: string): Promise<ProgramLiveTable | undefined> {
  return db.selectFrom('program_live').selectAll().where('event_id', '=', eventId).executeTakeFirst();
}

export async function saveLiveRow(db: Executor, row: ProgramLiveTable): Promise<void> {
  const updated = await db
    .updateTable('program_live')
    .set({ current_item_id: row.current_item_id, updated_at: row.updated_at })
    .where('event_id', '=', row.event_id)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) === 0) await db.insertInto('program_live').values(row).execute();
}
