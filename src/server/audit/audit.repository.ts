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

/**
 * Names for ids an audit page mentions: people (accounts and delegates), units, composition groups, events and
 * products. One query per table, in chunks an `in (…)` list accepts on both engines.
 */
export async function findNamesByIds(db: Executor, ids: string[]): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    const [users, delegates, units, groups, events, products] = await Promise.all([
      db.selectFrom('users').select(['id', 'full_name as name']).where('id', 'in', chunk).execute(),
      db.selectFrom('delegates').select(['id', 'full_name as name']).where('id', 'in', chunk).execute(),
      db.selectFrom('units').select(['id', 'name']).where('id', 'in', chunk).execute(),
      db.selectFrom('composition_groups').select(['id', 'title as name']).where('id', 'in', chunk).execute(),
      db.selectFrom('events').select(['id', 'name']).where('id', 'in', chunk).execute(),
      db.selectFrom('products').select(['id', 'name']).where('id', 'in', chunk).execute(),
    ]);
    for (const row of [...units, ...groups, ...events, ...products, ...delegates, ...users])
      names.set(row.id, row.name);
  }
  return names;
}

/** Who wrote to an event's log and which kinds of records: the choices of the log's filters. */
export async function findAuditFacets(
  db: Executor,
  eventId: string,
): Promise<{ actors: { id: string; name: string | null }[]; entities: string[] }> {
  const [actors, entities] = await Promise.all([
    db
      .selectFrom('audit_log')
      .select(['actor_id as id', (eb) => eb.fn.max('actor_name').as('name')])
      .where('event_id', '=', eventId)
      .where('actor_id', 'is not', null)
      .groupBy('actor_id')
      .execute(),
    db.selectFrom('audit_log').select('entity').distinct().where('event_id', '=', eventId).execute(),
  ]);
  return {
    actors: actors.map((a) => ({ id: a.id!, name: a.name ?? null })),
    entities: entities.map((e) => e.entity),
  };
}
