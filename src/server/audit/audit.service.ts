import type { AuditEntry, FindAuditQuery } from '../../shared/audit';
import type { Actor } from '../auth/actor';
import type { Executor } from '../db/database';
import type { AuditLogTable } from '../db/schema';
import { newId, nowIso } from '../util';
import { findAuditRows, insertAuditRow } from './audit.repository';

export interface AuditRecord {
  eventId?: string | null;
  entity: string;
  entityId?: string | null;
  action: string;
  before?: unknown;
  after?: unknown;
}

/** Every write calls this inside its own transaction, so the change and its audit row commit together. */
export async function recordAudit(db: Executor, actor: Actor | null, record: AuditRecord): Promise<void> {
  await insertAuditRow(db, {
    id: newId(),
    at: nowIso(),
    actor_id: actor?.id ?? null,
    actor_name: actor?.fullName ?? null,
    event_id: record.eventId ?? null,
    entity: record.entity,
    entity_id: record.entityId ?? null,
    action: record.action,
    before_json: record.before === undefined ? null : JSON.stringify(record.before),
    after_json: record.after === undefined ? null : JSON.stringify(record.after),
  });
}

function rowToEntry(row: AuditLogTable): AuditEntry {
  return {
    id: row.id,
    at: row.at,
    actorId: row.actor_id,
    actorName: row.actor_name,
    eventId: row.event_id,
    entity: row.entity,
    entityId: row.entity_id,
    action: row.action,
    before: row.before_json === null ? null : JSON.parse(row.before_json),
    after: row.after_json === null ? null : JSON.parse(row.after_json),
  };
}

/** Dates are Vietnam calendar days: "to" includes the whole day. */
export async function findAuditEntries(db: Executor, eventId: string, query: FindAuditQuery) {
  const { rows, total } = await findAuditRows(db, {
    eventId,
    entity: query.entity,
    action: query.action,
    actorId: query.actorId,
    fromIso: query.from ? new Date(`${query.from}T00:00:00+07:00`).toISOString() : undefined,
    toIso: query.to ? new Date(`${query.to}T23:59:59.999+07:00`).toISOString() : undefined,
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  });
  return { items: rows.map(rowToEntry), total, page: query.page, pageSize: query.pageSize };
}
