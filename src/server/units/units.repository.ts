import type { Executor } from '../db/database';
import { containsLike } from '../db/like';
import type { UnitsTable } from '../db/schema';

export type UnitRowWithParent = UnitsTable & { parent_name: string | null };

export interface UnitRowFilter {
  searchKey?: string | undefined;
  kind?: string | undefined;
  parentId?: string | undefined;
  validOn?: string | undefined;
  ids?: string[] | undefined;
}

export function findUnitRows(db: Executor, f: UnitRowFilter = {}): Promise<UnitRowWithParent[]> {
  let query = db
    .selectFrom('units as u')
    .leftJoin('units as p', 'p.id', 'u.parent_id')
    .selectAll('u')
    .select('p.name as parent_name');
  if (f.searchKey) query = query.where(containsLike('u.search_key', f.searchKey));
  if (f.kind) query = query.where('u.kind', '=', f.kind);
  if (f.parentId) query = query.where('u.parent_id', '=', f.parentId);
  if (f.ids) query = query.where('u.id', 'in', f.ids.length ? f.ids : ['']);
  if (f.validOn) {
    const day = f.validOn;
    query = query
      .where((eb) => eb.or([eb('u.valid_from', 'is', null), eb('u.valid_from', '<=', day)]))
      .where((eb) => eb.or([eb('u.valid_to', 'is', null), eb('u.valid_to', '>=', day)]));
  }
  return query.execute();
}

export function findUnitRowById(db: Executor, id: string): Promise<UnitRowWithParent | undefined> {
  return db
    .selectFrom('units as u')
    .leftJoin('units as p', 'p.id', 'u.parent_id')
    .selectAll('u')
    .select('p.name as parent_name')
    .where('u.id', '=', id)
    .executeTakeFirst();
}

export function findUnitRowByAdminCode(db: Executor, code: string): Promise<UnitsTable | undefined> {
  return db.selectFrom('units').selectAll().where('admin_code', '=', code).executeTakeFirst();
}

export function findUnitParent(db: Executor, id: string): Promise<{ parent_id: string | null } | undefined> {
  return db.selectFrom('units').select('parent_id').where('id', '=', id).executeTakeFirst();
}

/** Parent links of every unit, for cycle checks and import matching (the catalogue is thousands, not millions). */
export function findAllUnitKeys(db: Executor) {
  return db.selectFrom('units').select(['id', 'parent_id', 'name', 'short_name', 'admin_code']).execute();
}

export async function insertUnitRow(db: Executor, row: UnitsTable): Promise<void> {
  await db.insertInto('units').values(row).execute();
}

export async function updateUnitRow(
  db: Executor,
  id: string,
  patch: Partial<Omit<UnitsTable, 'id'>>,
): Promise<void> {
  await db.updateTable('units').set(patch).where('id', '=', id).execute();
}

export async function deleteUnitRow(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('units').where('id', '=', id).execute();
}

/** A unit and everything under it (a district, its communes, their producers), by a recursive query. */
export async function findUnitSubtreeIds(db: Executor, unitId: string): Promise<string[]> {
  const rows = await db
    .withRecursive('subtree(id)', (qb) =>
      qb
        .selectFrom('units')
        .select('id')
        .where('id', '=', unitId)
        .unionAll((qb2) =>
          qb2.selectFrom('units as u').innerJoin('subtree as s', 's.id', 'u.parent_id').select('u.id'),
        ),
    )
    .selectFrom('subtree')
    .select('id')
    .execute();
  return rows.map((r) => r.id);
}
