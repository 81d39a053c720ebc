import type { Executor } from '../db/database';
import type { AuditLogTable } from '../db/schema';
import { toCount } from '../util';

export async function insertAuditRow(db: Executor, row: AuditLogTable): Promise<void> {
  await db.insertInto('audit_log').values(row).execute();
}

export interface AuditFilter {
  eventId: string;
  entity?: string | undefined;
  action?: string | undefined;
  actorId?: string | undefined;
  fromIso?: string | undefined;
  toIso?: string | undefined;
  limit: number;
  offset: number;
}

export async function findAuditRows(
  db: Executor,
  f: AuditFilter,
): Promise<{ rows: AuditLogTable[]; total: number }> {
  let query = db.selectFrom('audit_log').where('event_id', '=', f.eventId);
  if (f.entity) query = query.where('entity', '=', f.entity);
  if (f.action) query = query.where('action', '=', f.action);
  if (f.actorId) query = query.where('actor_id', '=', f.actorId);
  if (f.fromIso) query = query.where('at', '>=', f.fromIso);
  if (f.toIso) query = query.where('at', '<=', f.toIso);
  const [rows, count] = await Promise.all([
    query.selectAll().orderBy('at', 'desc').orderBy('id', 'desc').limit(f.limit).offset(f.offset).execute(),
    query.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: toCount(count.n) };
}

export function findAuditRowsOfEvent(db: Executor, eventId: string): Promise<AuditLogTable[]> {
  return db.selectFrom('audit_log').selectAll().where('event_id', '=', eventId).execute();
}

export async function updateAuditRowJson(
  db: Executor,
  id: string,
  json: Pick<AuditLogTable, 'before_json' | 'after_json'>,
): Promise<void> {
  await db.updateTable('audit_log').set(json).where('id', '=', id).execute();
}

/** The trail of one record (a delegate and its reply links, which share its id), oldest first. */
export function findAuditRowsOfEntity(
  db: Executor,
  eventId: string,
  entityId: string,
): Promise<AuditLogTable[]> {
  return db
    .selectFrom('audit_log')
    .selectAll()
    .where('event_id', '=', eventId)
    .where('entity_id', '=', entityId)
    .orderBy('at')
    .orderBy('id')
    .execute();
}
