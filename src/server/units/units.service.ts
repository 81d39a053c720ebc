import { guessProducerType, type ProducerType } from '../../shared/ocop-rules';
import { compareVietnamese, foldVietnamese } from '../../shared/text';
import {
  type CreateUnitInput,
  type FindUnitsQuery,
  UNIT_KINDS,
  type Unit,
  type UnitKind,
  type UpdateUnitInput,
} from '../../shared/units';
import { recordAudit } from '../audit/audit.service';
import type { Actor } from '../auth/actor';
import { isForeignKeyViolation } from '../db/constraint';
import type { Db, Executor } from '../db/database';
import type { UnitsTable } from '../db/schema';
import { conflict, invalid, notFound } from '../errors';
import { newId, nowIso, toBool } from '../util';
import {
  deleteUnitRow,
  findUnitParent,
  findUnitRowByAdminCode,
  findUnitRowById,
  findUnitRows,
  findUnitSubtreeIds,
  insertUnitRow,
  type UnitRowWithParent,
  updateUnitRow,
} from './units.repository';

export function unitSearchKey(u: { shortName: string; name: string; adminCode?: string | null }): string {
  return foldVietnamese([u.shortName, u.name, u.adminCode ?? ''].join(' '));
}

function rowToUnit(row: UnitRowWithParent): Unit {
  return {
    id: row.id,
    parentId: row.parent_id,
    parentName: row.parent_name,
    kind: row.kind as UnitKind,
    shortName: row.short_name,
    name: row.name,
    adminCode: row.admin_code,
    validFrom: row.valid_from,
    validTo: row.valid_to,
    address: row.address,
    notes: row.notes,
    producerType: (row.producer_type as ProducerType | null) ?? null,
    isSample: toBool(row.is_sample),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

const codeOrder = new Intl.Collator('en', { numeric: true });

/** Catalogue order: by kind (central first), then administrative code, then Vietnamese name order. */
export function compareUnits(a: Unit, b: Unit): number {
  const byKind = UNIT_KINDS.indexOf(a.kind) - UNIT_KINDS.indexOf(b.kind);
  if (byKind !== 0) return byKind;
  if (a.adminCode && b.adminCode && a.adminCode !== b.adminCode)
    return codeOrder.compare(a.adminCode, b.adminCode);
  if (a.adminCode && !b.adminCode) return -1;
  if (!a.adminCode && b.adminCode) return 1;
  return compareVietnamese(a.name, b.name);
}

export async function findUnits(db: Executor, query: FindUnitsQuery) {
  const q = query.q ? foldVietnamese(query.q) : '';
  const rows = await findUnitRows(db, {
    searchKey: q || undefined,
    kind: query.kind,
    parentId: query.parentId,
    validOn: query.validOn,
  });
  const all = rows.map(rowToUnit).sort(compareUnits);
  const start = (query.page - 1) * query.pageSize;
  return {
    items: all.slice(start, start + query.pageSize),
    total: all.length,
    page: query.page,
    pageSize: query.pageSize,
  };
}

export async function getUnitById(db: Executor, id: string): Promise<Unit> {
  const row = await findUnitRowById(db, id);
  if (!row) throw notFound('đơn vị');
  return rowToUnit(row);
}

/** Units by id in one query; unknown ids are simply absent from the map. */
export async function findUnitsByIds(db: Executor, ids: string[]): Promise<Map<string, Unit>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await findUnitRows(db, { ids: unique });
  return new Map(rows.map((r) => [r.id, rowToUnit(r)]));
}

/** The unit and every unit under it: the scope of a unit officer. */
export function findUnitSubtree(db: Executor, unitId: string): Promise<string[]> {
  return findUnitSubtreeIds(db, unitId);
}

export async function findAllUnits(db: Executor): Promise<Unit[]> {
  return (await findUnitRows(db)).map(rowToUnit).sort(compareUnits);
}

/** The parent must exist and must not be the unit itself or one of its descendants (a cycle). */
async function assertParentAllowed(db: Executor, unitId: string | null, parentId: string | null | undefined) {
  if (!parentId) return;
  // Walk up from the new parent one row at a time: a catalogue is a few levels deep, never the whole table.
  for (let cursor: string | null = parentId; cursor; ) {
    if (cursor === unitId) {
      throw invalid('Không thể đặt một đơn vị làm cấp trên của chính nó hoặc của đơn vị cấp trên nó', [
        { field: 'parentId', message: 'Quan hệ cấp trên tạo thành vòng lặp' },
      ]);
    }
    const row: { parent_id: string | null } | undefined = await findUnitParent(db, cursor);
    if (!row) {
      throw invalid('Đơn vị cấp trên không tồn tại', [
        { field: 'parentId', message: 'Không tìm thấy đơn vị cấp trên' },
      ]);
    }
    if (!unitId) return; // a new unit cannot be anyone's ancestor
    cursor = row.parent_id;
  }
}

async function assertAdminCodeFree(db: Executor, code: string | null | undefined, unitId: string | null) {
  if (!code) return;
  const holder = await findUnitRowByAdminCode(db, code);
  if (holder && holder.id !== unitId) {
    throw conflict(`Mã hành chính ${code} đã thuộc về "${holder.name}"`, [
      { field: 'adminCode', message: 'Mã hành chính đã được dùng; mã không bao giờ được dùng lại' },
    ]);
  }
}

export async function createUnit(
  db: Db,
  actor: Actor,
  input: CreateUnitInput,
  options: { isSample?: boolean } = {},
): Promise<Unit> {
  return db.transaction().execute((trx) => createUnitIn(trx, actor, input, options));
}

/** Adds a unit inside a transaction the caller holds (an import that adds the communes its rows name). */
export async function createUnitIn(
  trx: Executor,
  actor: Actor,
  input: CreateUnitInput,
  options: { isSample?: boolean } = {},
): Promise<Unit> {
  await assertParentAllowed(trx, null, input.parentId);
  await assertAdminCodeFree(trx, input.adminCode, null);
  const now = nowIso();
  const row: UnitsTable = {
    id: newId(),
    parent_id: input.parentId ?? null,
    kind: input.kind,
    short_name: input.shortName,
    name: input.name,
    admin_code: input.adminCode ?? null,
    valid_from: input.validFrom ?? null,
    valid_to: input.validTo ?? null,
    address: input.address ?? null,
    notes: input.notes ?? null,
    producer_type: input.kind === 'producer' ? (input.producerType ?? guessProducerType(input.name)) : null,
    is_sample: options.isSample ? 1 : 0,
    search_key: unitSearchKey(input),
    created_at: now,
    updated_at: now,
  };
  await insertUnitRow(trx, row);
  const unit = await getUnitById(trx, row.id);
  await recordAudit(trx, actor, { entity: 'unit', entityId: unit.id, action: 'create', after: unit });
  return unit;
}

export async function updateUnit(db: Db, actor: Actor, id: string, input: UpdateUnitInput): Promise<Unit> {
  return db.transaction().execute(async (trx) => {
    const before = await getUnitById(trx, id);
    const merged = { ...before, ...definedOnly(input) };
    if (merged.validFrom && merged.validTo && merged.validFrom > merged.validTo) {
      throw invalid('Ngày hết hiệu lực phải sau ngày có hiệu lực', [
        { field: 'validTo', message: 'Phải sau ngày có hiệu lực' },
      ]);
    }
    if (input.parentId !== undefined) await assertParentAllowed(trx, id, input.parentId);
    if (input.adminCode !== undefined) await assertAdminCodeFree(trx, input.adminCode, id);
    await updateUnitRow(trx, id, {
      parent_id: merged.parentId,
      kind: merged.kind,
      short_name: merged.shortName,
      name: merged.name,
      admin_code: merged.adminCode,
      valid_from: merged.validFrom,
      valid_to: merged.validTo,
      address: merged.address,
      notes: merged.notes,
      producer_type: merged.kind === 'producer' ? merged.producerType : null,
      search_key: unitSearchKey(merged),
      updated_at: nowIso(),
    });
    const after = await getUnitById(trx, id);
    await recordAudit(trx, actor, { entity: 'unit', entityId: id, action: 'update', before, after });
    return after;
  });
}

/** A unit in use (by events, users, other units) is kept; close it with a validity end date instead. */
export async function deleteUnit(db: Db, actor: Actor, id: string): Promise<void> {
  try {
    await db.transaction().execute(async (trx) => {
      const before = await getUnitById(trx, id);
      await deleteUnitRow(trx, id);
      await recordAudit(trx, actor, { entity: 'unit', entityId: id, action: 'delete', before });
    });
  } catch (error) {
    if (isForeignKeyViolation(error)) {
      throw conflict(
        'Đơn vị đang được dùng (có đơn vị trực thuộc, hội nghị, đại biểu hoặc người dùng gắn với nó) nên không xóa được. Hãy nhập ngày hết hiệu lực thay vì xóa.',
      );
    }
    throw error;
  }
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

const ABBREVIATIONS: [RegExp, string][] = [
  [/\bubnd\b/g, 'uy ban nhan dan'],
  [/\bhdnd\b/g, 'hoi dong nhan dan'],
  [/\b(nn&ptnt|nn ?va ?ptnt)\b/g, 'nong nghiep va phat trien nong thon'],
  [/\bptnt\b/g, 'phat trien nong thon'],
  [/\bkh&cn\b/g, 'khoa hoc va cong nghe'],
  [/\btn&mt\b/g, 'tai nguyen va moi truong'],
  [/\b(pt&th|ptth)\b/g, 'phat thanh va truyen hinh'],
  [/\bvpdp\b/g, 'van phong dieu phoi'],
  [/\bntm\b/g, 'nong thon moi'],
  [/\btw\b/g, 'trung uong'],
];

/** Folded, with the abbreviations plans use spelled out: "Sở NN&PTNT" and "Sở Nông nghiệp và Phát triển nông thôn" meet. */
export function unitMatchKey(name: string): string {
  let key = foldVietnamese(name);
  for (const [pattern, full] of ABBREVIATIONS) key = key.replace(pattern, full);
  return key;
}

/**
 * Links names as a plan writes them to catalogue units: the same name or short name (accents, case and common
 * abbreviations aside), or else the one unit whose name begins with it less a trailing "tỉnh"
 * ("Đài Phát thanh và Truyền hình tỉnh" → "Đài Phát thanh và Truyền hình Thanh Hóa"). Unmatched names map to null.
 */
export async function matchUnitNames(db: Executor, names: string[]): Promise<Map<string, string | null>> {
  const units = await findAllUnits(db);
  const keyed = units.map((u) => ({ id: u.id, keys: [unitMatchKey(u.name), unitMatchKey(u.shortName)] }));
  const result = new Map<string, string | null>();
  for (const name of names) {
    const key = unitMatchKey(name);
    const exact = keyed.filter((u) => u.keys.includes(key));
    if (exact.length === 1) {
      result.set(name, exact[0]!.id);
      continue;
    }
    const stem = key.replace(/ tinh$/, '');
    const prefixed = stem.length > 8 ? keyed.filter((u) => u.keys[0]!.startsWith(`${stem} `)) : [];
    result.set(name, prefixed.length === 1 ? prefixed[0]!.id : null);
  }
  return result;
}
