import {
  type AuditEntry,
  type AuditPage,
  type ExportAuditQuery,
  type FindAuditQuery,
  MAX_AUDIT_EXPORT,
} from '../../shared/audit';
import { auditChangesText, auditEntityLabel, auditIds, describeAudit } from '../../shared/audit-text';
import { formatDate, formatTime } from '../../shared/format';
import { compareVietnamese } from '../../shared/text';
import type { Actor } from '../auth/actor';
import type { Executor } from '../db/database';
import type { AuditLogTable } from '../db/schema';
import { writeListWorkbook } from '../documents/xlsx';
import { newId, nowIso } from '../util';
import {
  findAuditFacets,
  findAuditRows,
  findAuditRowsOfEntity,
  findAuditRowsOfEvent,
  findNamesByIds,
  insertAuditRow,
  updateAuditRowJson,
} from './audit.repository';

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

/**
 * A list carrying personal data (names with phones or emails) left the system: who took it, which list, of which
 * event, how many people (Nghị định 13/2023/NĐ-CP). Not a write to the data, so no transaction of its own.
 */
export async function recordPersonalDataExport(
  db: Executor,
  actor: Actor,
  record: { eventId: string | null; list: string; people: number; entityId?: string | null },
): Promise<void> {
  await recordAudit(db, actor, {
    eventId: record.eventId,
    entity: 'personal_data',
    entityId: record.entityId ?? null,
    action: 'export',
    after: { list: record.list, people: record.people },
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

export async function findAuditEntriesOf(
  db: Executor,
  eventId: string,
  entityId: string,
): Promise<AuditEntry[]> {
  return (await findAuditRowsOfEntity(db, eventId, entityId)).map(rowToEntry);
}

const auditFilter = (eventId: string, query: ExportAuditQuery) => ({
  eventId,
  entity: query.entity,
  action: query.action,
  actorId: query.actorId,
  fromIso: query.from ? new Date(`${query.from}T00:00:00+07:00`).toISOString() : undefined,
  toIso: query.to ? new Date(`${query.to}T23:59:59.999+07:00`).toISOString() : undefined,
});

/** The names of the ids entries mention, so the log reads "Nguyễn Văn An", never an id. */
async function namesOf(db: Executor, entries: AuditEntry[]): Promise<Record<string, string>> {
  const ids = auditIds(entries);
  for (const e of entries) if (e.actorId) ids.push(e.actorId);
  return Object.fromEntries(await findNamesByIds(db, [...new Set(ids)]));
}

/** Dates are Vietnam calendar days: "to" includes the whole day. */
export async function findAuditEntries(
  db: Executor,
  eventId: string,
  query: FindAuditQuery,
): Promise<AuditPage> {
  const [{ rows, total }, facets] = await Promise.all([
    findAuditRows(db, {
      ...auditFilter(eventId, query),
      limit: query.pageSize,
      offset: (query.page - 1) * query.pageSize,
    }),
    findAuditFacets(db, eventId),
  ]);
  const items = rows.map(rowToEntry);
  const actorNames = await findNamesByIds(
    db,
    facets.actors.map((a) => a.id),
  );
  return {
    items,
    total,
    page: query.page,
    pageSize: query.pageSize,
    names: await namesOf(db, items),
    actors: facets.actors
      .map((a) => ({ id: a.id, name: actorNames.get(a.id) ?? a.name ?? 'Người dùng đã xóa' }))
      .sort((a, b) => compareVietnamese(a.name, b.name)),
    entities: facets.entities
      .map((value) => ({ value, label: auditEntityLabel(value) }))
      .sort((a, b) => compareVietnamese(a.label, b.label)),
  };
}

/** The log as the page shows it, in an XLSX list: time, person, kind, action, about whom, what changed. */
export async function buildAuditXlsx(
  db: Executor,
  eventId: string,
  eventName: string,
  query: ExportAuditQuery,
): Promise<Buffer> {
  const { rows } = await findAuditRows(db, {
    ...auditFilter(eventId, query),
    limit: MAX_AUDIT_EXPORT,
    offset: 0,
  });
  const entries = rows.map(rowToEntry);
  const names = await namesOf(db, entries);
  return writeListWorkbook({
    sheetName: 'Nhật ký',
    titleLines: [
      'NHẬT KÝ THAY ĐỔI',
      eventName,
      `Xuất lúc ${formatTime(new Date().toISOString())} ngày ${formatDate(new Date().toISOString())}`,
    ],
    columns: [
      { label: 'Thời điểm', width: 18 },
      { label: 'Người thực hiện', width: 24 },
      { label: 'Đối tượng', width: 22 },
      { label: 'Thao tác', width: 18 },
      { label: 'Của', width: 28 },
      { label: 'Thay đổi', width: 70 },
    ],
    rows: entries.map((e) => {
      const d = describeAudit(e, names);
      return [
        `${formatTime(e.at)} ${formatDate(e.at)}`,
        (e.actorId ? names[e.actorId] : null) ?? e.actorName ?? 'Hệ thống',
        d.kind,
        d.action,
        d.subject,
        auditChangesText(d.changes),
      ];
    }),
  });
}

/** What an erased value reads as in the audit trail. */
export const ERASED_TEXT = '[đã xóa]';

/** Keys whose values are personal wherever they appear in a before/after snapshot. */
const PERSONAL_KEYS = new Set([
  ...['fullName', 'full_name', 'phone', 'email', 'position', 'notes', 'honorific', 'recipient'],
  // Row snapshots carry the name folded or encoded for sorting and duplicate checks.
  ...['name_key', 'protocol_key', 'identity_key', 'substitute_for_name', 'replaced_by_name', 'stand_in_name'],
]);

function scrub(value: unknown, removed: string[], byKey: boolean): unknown {
  if (typeof value === 'string') return removed.some((r) => value.includes(r)) ? ERASED_TEXT : value;
  if (Array.isArray(value)) return value.map((v) => scrub(v, removed, byKey));
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [
        k,
        byKey && PERSONAL_KEYS.has(k) && typeof v === 'string' ? ERASED_TEXT : scrub(v, removed, byKey),
      ]),
    );
  }
  return value;
}

/**
 * Erasing an event's personal data also erases the copies its audit trail holds: every snapshot keeps its shape
 * (who did what, when, which status) with personal values and any text containing one replaced.
 */
export async function scrubAuditOfEvent(db: Executor, eventId: string, removed: string[]): Promise<void> {
  const needles = removed.filter((r) => r.length >= 3);
  for (const row of await findAuditRowsOfEvent(db, eventId)) {
    const clean = (json: string | null) =>
      // The event's own snapshots have notes of their own, not a person's: only values are matched there.
      json === null ? null : JSON.stringify(scrub(JSON.parse(json), needles, row.entity !== 'event'));
    const next = { before_json: clean(row.before_json), after_json: clean(row.after_json) };
    if (next.before_json !== row.before_json || next.after_json !== row.after_json) {
      await updateAuditRowJson(db, row.id, next);
    }
  }
}
