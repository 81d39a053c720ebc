import type { z } from 'zod';
import { MAX_IMPORT_ROWS } from '../../shared/limits';
import { guessProducerType } from '../../shared/ocop-rules';
import { foldVietnamese } from '../../shared/text';
import { createUnitSchema, type ImportRowError, type UnitImportResult } from '../../shared/units';
import { recordAudit } from '../audit/audit.service';
import type { Actor } from '../auth/actor';
import type { Db } from '../db/database';
import {
  pickSheet,
  readTable,
  readTableFile,
  type SheetRow,
  wholeFileRefused,
} from '../documents/table-import';
import { newId, nowIso } from '../util';
import { findAllUnitKeys, findUnitRowById, insertUnitRow, updateUnitRow } from './units.repository';
import { getUnitById, unitSearchKey } from './units.service';
import {
  columnLabel,
  parseCellDate,
  parseUnitKind,
  textOf,
  UNIT_COLUMNS,
  type UnitColumn,
} from './units.xlsx';

type UnitInput = z.infer<typeof createUnitSchema>;

interface PlannedRow {
  rowNumber: number;
  id: string;
  existingId: string | null;
  input: UnitInput;
  parentRef: string;
}

export interface ImportOptions {
  mode: 'all_or_nothing' | 'valid_rows_only';
  dryRun: boolean;
}

/**
 * Imports a units list. All rows are checked first; with `all_or_nothing` one bad row stops the whole
 * import and nothing is written. Rows match existing units by administrative code, else by name and kind.
 */
export async function importUnits(
  db: Db,
  actor: Actor,
  buffer: Buffer,
  options: ImportOptions,
): Promise<UnitImportResult> {
  const file = await readTableFile(buffer);
  const rows = readTable(pickSheet(file, UNIT_COLUMNS), UNIT_COLUMNS, { maxRows: MAX_IMPORT_ROWS });
  const existing = await findAllUnitKeys(db);
  const errors: ImportRowError[] = [];
  const fail = (row: number, column: UnitColumn, message: string) =>
    errors.push({ row, column: columnLabel(column), message });

  const existingByCode = new Map(existing.filter((u) => u.admin_code).map((u) => [u.admin_code!, u]));
  const existingByName = new Map(existing.map((u) => [foldVietnamese(u.name), u]));
  const planned: PlannedRow[] = [];
  const seenCodes = new Map<string, number>();
  const seenNames = new Map<string, number>();

  for (const row of rows) {
    const before = errors.length;
    for (const [key, cell] of Object.entries(row.values) as [UnitColumn, { problem?: string }][]) {
      if (cell.problem) fail(row.rowNumber, key, cell.problem);
    }
    const input = toUnitInput(row, (column, message) => fail(row.rowNumber, column, message));
    if (!input) continue;
    const foldedName = foldVietnamese(input.name);
    if (input.adminCode && seenCodes.has(input.adminCode)) {
      fail(row.rowNumber, 'adminCode', `Trùng mã hành chính với dòng ${seenCodes.get(input.adminCode)}`);
    } else if (seenNames.has(foldedName)) {
      fail(row.rowNumber, 'name', `Trùng tên đơn vị với dòng ${seenNames.get(foldedName)}`);
    }
    if (input.adminCode) seenCodes.set(input.adminCode, row.rowNumber);
    seenNames.set(foldedName, row.rowNumber);

    const byCode = input.adminCode ? existingByCode.get(input.adminCode) : undefined;
    const byName = existingByName.get(foldedName);
    if (!byCode && byName?.admin_code && input.adminCode && byName.admin_code !== input.adminCode) {
      fail(
        row.rowNumber,
        'adminCode',
        `Đơn vị "${byName.name}" đã có mã ${byName.admin_code}; mã hành chính không được đổi sang mã khác`,
      );
    }
    if (errors.length > before) continue;
    const match = byCode ?? byName;
    planned.push({
      rowNumber: row.rowNumber,
      id: match?.id ?? newId(),
      existingId: match?.id ?? null,
      input,
      parentRef: textOf(row, 'parent'),
    });
  }

  // Parents may be existing units or rows of the same file, named by code or by name.
  const idByRef = new Map<string, string>();
  for (const u of existing) {
    idByRef.set(foldVietnamese(u.name), u.id);
    idByRef.set(foldVietnamese(u.short_name), u.id);
    if (u.admin_code) idByRef.set(u.admin_code, u.id);
  }
  for (const p of planned) {
    idByRef.set(foldVietnamese(p.input.name), p.id);
    idByRef.set(foldVietnamese(p.input.shortName), p.id);
    if (p.input.adminCode) idByRef.set(p.input.adminCode, p.id);
  }
  const parentOf = new Map(existing.map((u) => [u.id, u.parent_id]));
  const invalidRows = new Set(errors.map((e) => e.row));
  for (const p of planned) {
    if (!p.parentRef) continue;
    const parentId = idByRef.get(p.parentRef.trim()) ?? idByRef.get(foldVietnamese(p.parentRef));
    if (!parentId) {
      fail(
        p.rowNumber,
        'parent',
        `Không tìm thấy đơn vị cấp trên "${p.parentRef}" trong danh mục hay trong tệp`,
      );
      invalidRows.add(p.rowNumber);
    } else {
      p.input.parentId = parentId;
      parentOf.set(p.id, parentId);
    }
  }
  for (const p of planned) {
    const seen = new Set<string>();
    for (let cursor: string | null | undefined = p.id; cursor; cursor = parentOf.get(cursor)) {
      if (seen.has(cursor)) {
        fail(p.rowNumber, 'parent', 'Quan hệ trực thuộc tạo thành vòng lặp');
        invalidRows.add(p.rowNumber);
        break;
      }
      seen.add(cursor);
    }
  }

  // A row whose parent row is rejected cannot be written either.
  const rowById = new Map(planned.map((p) => [p.id, p]));
  let changed = true;
  while (changed) {
    changed = false;
    for (const p of planned) {
      const parent = p.input.parentId ? rowById.get(p.input.parentId) : undefined;
      if (!invalidRows.has(p.rowNumber) && parent && invalidRows.has(parent.rowNumber)) {
        fail(p.rowNumber, 'parent', `Đơn vị cấp trên ở dòng ${parent.rowNumber} có lỗi`);
        invalidRows.add(p.rowNumber);
        changed = true;
      }
    }
  }

  errors.sort((a, b) => a.row - b.row);
  const valid = planned.filter((p) => !invalidRows.has(p.rowNumber));
  const result: UnitImportResult = {
    dryRun: options.dryRun,
    totalRows: rows.length,
    validRows: valid.length,
    created: valid.filter((p) => !p.existingId).length,
    updated: valid.filter((p) => p.existingId).length,
    errors,
  };
  if (options.dryRun) return result;
  if (errors.length > 0 && options.mode === 'all_or_nothing') {
    throw wholeFileRefused('Tệp', errors);
  }

  await db.transaction().execute(async (trx) => {
    const now = nowIso();
    for (const p of orderParentsFirst(valid)) {
      const before = p.existingId ? await getUnitById(trx, p.existingId) : null;
      const columns = {
        parent_id: p.input.parentId ?? before?.parentId ?? null,
        kind: p.input.kind,
        short_name: p.input.shortName,
        name: p.input.name,
        admin_code: p.input.adminCode ?? before?.adminCode ?? null,
        valid_from: p.input.validFrom ?? null,
        valid_to: p.input.validTo ?? null,
        address: p.input.address ?? null,
        notes: p.input.notes ?? null,
        // The units list has no producer type column: keep the one set, else guess it from the name.
        producer_type:
          p.input.kind === 'producer' ? (before?.producerType ?? guessProducerType(p.input.name)) : null,
        search_key: unitSearchKey(p.input),
        updated_at: now,
      };
      if (before) await updateUnitRow(trx, p.id, columns);
      else await insertUnitRow(trx, { id: p.id, ...columns, is_sample: 0, created_at: now });
      const row = await findUnitRowById(trx, p.id);
      await recordAudit(trx, actor, { entity: 'unit', entityId: p.id, action: 'import', before, after: row });
    }
  });
  return result;
}

function toUnitInput(
  row: SheetRow<UnitColumn>,
  fail: (column: UnitColumn, message: string) => void,
): UnitInput | null {
  const name = textOf(row, 'name');
  const kindText = textOf(row, 'kind');
  const kind = kindText ? parseUnitKind(kindText) : null;
  let ok = true;
  if (!kindText) {
    fail('kind', 'Thiếu loại đơn vị');
    ok = false;
  } else if (!kind) {
    fail('kind', `Loại "${kindText}" không có trong danh mục loại đơn vị`);
    ok = false;
  }
  const dates: Partial<Record<'validFrom' | 'validTo', string>> = {};
  for (const key of ['validFrom', 'validTo'] as const) {
    const text = textOf(row, key);
    if (!text) continue;
    const date = parseCellDate(text);
    if (date) dates[key] = date;
    else {
      fail(key, `"${text}" không phải ngày hợp lệ (dd/mm/yyyy)`);
      ok = false;
    }
  }
  const parsed = createUnitSchema.safeParse({
    kind: kind ?? 'other',
    name,
    shortName: textOf(row, 'shortName') || name,
    adminCode: textOf(row, 'adminCode'),
    validFrom: dates.validFrom ?? null,
    validTo: dates.validTo ?? null,
    address: textOf(row, 'address'),
    notes: textOf(row, 'notes'),
  });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = (issue.path[0] as UnitColumn | undefined) ?? 'name';
      fail(key, issue.message);
    }
    return null;
  }
  return ok ? parsed.data : null;
}

function orderParentsFirst(rows: PlannedRow[]): PlannedRow[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const depth = (r: PlannedRow): number => {
    let d = 0;
    for (
      let p = r.input.parentId ? byId.get(r.input.parentId) : undefined;
      p;
      p = p.input.parentId ? byId.get(p.input.parentId) : undefined
    )
      d++;
    return d;
  };
  return [...rows].sort((a, b) => depth(a) - depth(b));
}
