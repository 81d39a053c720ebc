import type {
  AssignBoothInput,
  Booth,
  BoothKind,
  BoothList,
  BoothTotals,
  CreateBoothInput,
  PublicBoothMap,
  UpdateBoothInput,
} from '../../shared/booths';
import { recordAudit } from '../audit/audit.service';
import type { Actor } from '../auth/actor';
import type { Db, Executor } from '../db/database';
import type { BoothsTable } from '../db/schema';
import { inScope, type Scope } from '../delegates/delegates.policy';
import { conflict, invalidField, notFound } from '../errors';
import { getEventStatus } from '../events/events.service';
import { newId, nowIso } from '../util';
import {
  type BoothRow,
  deleteBoothRow,
  findBoothByNumber,
  findBoothProductRows,
  findBoothRow,
  findBoothRows,
  findCurrentBoothEventId,
  findEventHeadRow,
  findProductPlaceRows,
  findUnitRow,
  insertBoothRow,
  replaceBoothProducts,
  updateBoothRow,
} from './booths.repository';

/** Booths go to a producer or to a district (which gathers its producers). */
const EXHIBITOR_KINDS = ['producer', 'district'];
/** New booths fill the floor left to right, this many a row, unless placed. */
const DEFAULT_ROW_LENGTH = 5;

async function assertEventWritable(db: Executor, eventId: string): Promise<void> {
  if ((await getEventStatus(db, eventId)) === 'closed') {
    throw conflict('Hội nghị đã kết thúc; hãy mở lại hội nghị để sửa gian hàng');
  }
}

type ProductRow = Awaited<ReturnType<typeof findBoothProductRows>>[number];

function productsByBooth(rows: ProductRow[]) {
  const map = new Map<string, ProductRow[]>();
  for (const r of rows) map.set(r.booth_id, [...(map.get(r.booth_id) ?? []), r]);
  return map;
}

const districtOf = (r: BoothRow) =>
  r.unit_kind === 'district' ? r.unit_name : r.parent_kind === 'district' ? r.parent_name : null;
const lacksPerson = (r: BoothRow) => !r.person_name || !r.person_phone;

function twoBoothProducers(rows: BoothRow[]): Map<string, BoothRow[]> {
  const byUnit = new Map<string, BoothRow[]>();
  for (const r of rows)
    if (r.unit_id && r.unit_kind === 'producer') byUnit.set(r.unit_id, [...(byUnit.get(r.unit_id) ?? []), r]);
  return new Map([...byUnit].filter(([, list]) => list.length > 1));
}

function toBooth(r: BoothRow, products: ProductRow[], doubled: Map<string, BoothRow[]>): Booth {
  const warnings: string[] = [];
  if (!r.unit_id) warnings.push('Chưa giao cho chủ thể hoặc huyện');
  if (lacksPerson(r)) warnings.push('Chưa có người phụ trách (họ tên và điện thoại)');
  const twins = r.unit_id ? doubled.get(r.unit_id) : undefined;
  if (twins) {
    const others = twins.filter((t) => t.id !== r.id).map((t) => t.number);
    warnings.push(`${r.unit_name} có ${twins.length} gian hàng (cả gian số ${others.join(', ')})`);
  }
  if (r.kind === 'ocop' && products.some((p) => p.potential === 1))
    warnings.push('Gian hàng OCOP có sản phẩm tiềm năng');
  return {
    id: r.id,
    number: r.number,
    unitId: r.unit_id,
    unitName: r.unit_name,
    unitKind: r.unit_kind,
    districtName: districtOf(r),
    kind: r.kind as BoothKind,
    productIds: products.map((p) => p.id),
    products: products.map((p) => ({ id: p.id, name: p.name, stars: p.stars })),
    x: r.grid_x,
    y: r.grid_y,
    w: r.grid_w,
    h: r.grid_h,
    sizeText: r.size_text,
    personName: r.person_name,
    personPhone: r.person_phone,
    setupAt: r.setup_at,
    teardownAt: r.teardown_at,
    needsPower: r.needs_power === 1,
    tables: r.tables,
    notes: r.notes,
    isSample: r.is_sample === 1,
    warnings,
  };
}

function totalsOf(rows: BoothRow[]): BoothTotals {
  return {
    booths: rows.length,
    assigned: rows.filter((r) => r.unit_id).length,
    withoutPersonInCharge: rows.filter(lacksPerson).length,
    producersWithTwoBooths: twoBoothProducers(rows).size,
  };
}

/** The floor: booths by number, with their warnings. A unit officer sees the booths of their own units. */
export async function findBooths(
  db: Executor,
  eventId: string,
  scope: Scope = { all: true },
): Promise<BoothList> {
  const [all, productRows] = await Promise.all([
    findBoothRows(db, eventId),
    findBoothProductRows(db, eventId),
  ]);
  const rows = all.filter((r) => scope.all || inScope(scope, r.unit_id));
  const products = productsByBooth(productRows);
  const doubled = twoBoothProducers(rows);
  return {
    items: rows.map((r) => toBooth(r, products.get(r.id) ?? [], doubled)),
    totals: totalsOf(rows),
    warnings: [...doubled.values()].map((list) => ({
      boothIds: list.map((r) => r.id),
      message: `${list[0]!.unit_name} có ${list.length} gian hàng: số ${list.map((r) => r.number).join(', ')}`,
    })),
  };
}

/** For the closing report: how many booths, how many given out, the gaps. */
export async function boothTotals(db: Executor, eventId: string): Promise<BoothTotals> {
  return totalsOf(await findBoothRows(db, eventId));
}

async function getBooth(db: Executor, eventId: string, id: string): Promise<Booth> {
  const booth = (await findBooths(db, eventId)).items.find((b) => b.id === id);
  if (!booth) throw notFound('gian hàng');
  return booth;
}

async function checkExhibitor(db: Executor, unitId: string | null | undefined) {
  if (!unitId) return null;
  const unit = await findUnitRow(db, unitId);
  if (!unit) throw invalidField('unitId', 'Không có đơn vị này trong danh mục');
  if (!EXHIBITOR_KINDS.includes(unit.kind))
    throw invalidField('unitId', 'Gian hàng giao cho một chủ thể OCOP hoặc một huyện, thị xã, thành phố');
  return unit;
}

/** Products on display come from the register, of the booth's producer (or of the district's producers). */
async function checkProducts(db: Executor, unit: { id: string; kind: string } | null, productIds: string[]) {
  const unique = [...new Set(productIds)];
  if (unique.length && !unit) throw invalidField('productIds', 'Hãy giao gian hàng trước khi chọn sản phẩm');
  const found = new Map((await findProductPlaceRows(db, unique)).map((p) => [p.id, p]));
  unique.forEach((id, i) => {
    const p = found.get(id);
    if (!p) throw invalidField(`productIds.${i}`, 'Không có sản phẩm này trong danh mục sản phẩm OCOP');
    const fits =
      unit?.kind === 'producer'
        ? p.producer_id === unit.id
        : p.district_id === unit?.id || p.producer_parent_id === unit?.id;
    if (!fits)
      throw invalidField(
        `productIds.${i}`,
        unit?.kind === 'producer'
          ? `Sản phẩm "${p.name}" thuộc chủ thể khác`
          : `Sản phẩm "${p.name}" không thuộc huyện của gian hàng`,
      );
  });
  return unique;
}

/** Two booths never share a cell of the floor. */
async function checkPlace(
  db: Executor,
  eventId: string,
  id: string | null,
  place: Pick<BoothsTable, 'grid_x' | 'grid_y' | 'grid_w' | 'grid_h'>,
) {
  const clash = (await findBoothRows(db, eventId)).find(
    (b) =>
      b.id !== id &&
      b.grid_x < place.grid_x + place.grid_w &&
      place.grid_x < b.grid_x + b.grid_w &&
      b.grid_y < place.grid_y + place.grid_h &&
      place.grid_y < b.grid_y + b.grid_h,
  );
  if (clash) throw conflict(`Vị trí này trùng với gian hàng số ${clash.number}`);
}

async function checkNumber(db: Executor, eventId: string, id: string | null, number: number) {
  const taken = await findBoothByNumber(db, eventId, number);
  if (taken && taken.id !== id) throw conflict(`Đã có gian hàng số ${number}`);
}

async function freeCell(db: Executor, eventId: string): Promise<{ x: number; y: number }> {
  const rows = await findBoothRows(db, eventId);
  for (let i = 0; ; i++) {
    const x = i % DEFAULT_ROW_LENGTH;
    const y = Math.floor(i / DEFAULT_ROW_LENGTH);
    if (
      !rows.some((b) => b.grid_x <= x && x < b.grid_x + b.grid_w && b.grid_y <= y && y < b.grid_y + b.grid_h)
    )
      return { x, y };
  }
}

export async function createBooth(
  db: Db,
  actor: Actor,
  eventId: string,
  input: CreateBoothInput,
  options: { isSample?: boolean } = {},
): Promise<Booth> {
  return db.transaction().execute(async (trx) => {
    await assertEventWritable(trx, eventId);
    await checkNumber(trx, eventId, null, input.number);
    const unit = await checkExhibitor(trx, input.unitId);
    const productIds = await checkProducts(trx, unit, input.productIds ?? []);
    const cell =
      input.x !== undefined && input.y !== undefined
        ? { x: input.x, y: input.y }
        : await freeCell(trx, eventId);
    const place = { grid_x: cell.x, grid_y: cell.y, grid_w: input.w ?? 1, grid_h: input.h ?? 1 };
    await checkPlace(trx, eventId, null, place);
    const id = newId();
    const now = nowIso();
    await insertBoothRow(trx, {
      id,
      event_id: eventId,
      number: input.number,
      kind: input.kind,
      unit_id: unit?.id ?? null,
      ...place,
      size_text: input.sizeText ?? null,
      person_name: input.personName ?? null,
      person_phone: input.personPhone ?? null,
      setup_at: input.setupAt ?? null,
      teardown_at: input.teardownAt ?? null,
      needs_power: input.needsPower ? 1 : 0,
      tables: input.tables ?? 1,
      notes: input.notes ?? null,
      is_sample: options.isSample ? 1 : 0,
      created_at: now,
      updated_at: now,
    });
    await replaceBoothProducts(trx, eventId, id, productIds);
    await recordAudit(trx, actor, { eventId, entity: 'booth', entityId: id, action: 'create', after: input });
    return getBooth(trx, eventId, id);
  });
}

async function rowOf(db: Executor, eventId: string, id: string) {
  const row = await findBoothRow(db, eventId, id);
  if (!row) throw notFound('gian hàng');
  return row;
}

export async function updateBooth(
  db: Db,
  actor: Actor,
  eventId: string,
  id: string,
  input: UpdateBoothInput,
): Promise<Booth> {
  return db.transaction().execute(async (trx) => {
    await assertEventWritable(trx, eventId);
    const before = await rowOf(trx, eventId, id);
    if (input.number !== undefined) await checkNumber(trx, eventId, id, input.number);
    if (input.unitId !== undefined && input.unitId !== before.unit_id && before.unit_id && input.unitId) {
      throw conflict(`Gian hàng số ${before.number} đã giao cho đơn vị khác; hãy thu hồi trước khi giao lại`);
    }
    const unitId = input.unitId === undefined ? before.unit_id : input.unitId;
    const unit = await checkExhibitor(trx, unitId);
    if (input.productIds !== undefined || input.unitId !== undefined) {
      const current = (await getBooth(trx, eventId, id)).productIds;
      const wanted = input.productIds ?? (unitId === before.unit_id ? current : []);
      await replaceBoothProducts(trx, eventId, id, await checkProducts(trx, unit, wanted));
    }
    const place = {
      grid_x: input.x ?? before.grid_x,
      grid_y: input.y ?? before.grid_y,
      grid_w: input.w ?? before.grid_w,
      grid_h: input.h ?? before.grid_h,
    };
    await checkPlace(trx, eventId, id, place);
    const pick = <T>(v: T | undefined, old: T) => (v === undefined ? old : v);
    const values = {
      number: input.number ?? before.number,
      kind: input.kind ?? before.kind,
      unit_id: unitId,
      ...place,
      size_text: pick(input.sizeText, before.size_text),
      person_name: pick(input.personName, before.person_name),
      person_phone: pick(input.personPhone, before.person_phone),
      setup_at: pick(input.setupAt, before.setup_at),
      teardown_at: pick(input.teardownAt, before.teardown_at),
      needs_power: input.needsPower === undefined ? before.needs_power : input.needsPower ? 1 : 0,
      tables: input.tables ?? before.tables,
      notes: pick(input.notes, before.notes),
      updated_at: nowIso(),
    };
    await updateBoothRow(trx, id, values);
    await recordAudit(trx, actor, {
      eventId,
      entity: 'booth',
      entityId: id,
      action: 'update',
      before,
      after: values,
    });
    return getBooth(trx, eventId, id);
  });
}

/**
 * Gives a booth to a producer or a district, or frees it (unitId null). A booth already given to someone else is
 * refused: it is freed first, so nobody loses a booth by a slip.
 */
export async function assignBooth(
  db: Db,
  actor: Actor,
  eventId: string,
  id: string,
  input: AssignBoothInput,
): Promise<Booth> {
  return db.transaction().execute(async (trx) => {
    await assertEventWritable(trx, eventId);
    const before = await rowOf(trx, eventId, id);
    if (before.unit_id && input.unitId && before.unit_id !== input.unitId) {
      const holder = (await findUnitRow(trx, before.unit_id))?.name ?? 'đơn vị khác';
      throw conflict(`Gian hàng số ${before.number} đã giao cho ${holder}; hãy thu hồi trước khi giao lại`);
    }
    const unit = await checkExhibitor(trx, input.unitId);
    const keep =
      input.unitId && input.unitId === before.unit_id ? (await getBooth(trx, eventId, id)).productIds : [];
    const productIds = await checkProducts(trx, unit, input.productIds ?? keep);
    await updateBoothRow(trx, id, { unit_id: unit?.id ?? null, updated_at: nowIso() });
    await replaceBoothProducts(trx, eventId, id, productIds);
    await recordAudit(trx, actor, {
      eventId,
      entity: 'booth',
      entityId: id,
      action: 'update',
      before: { unitId: before.unit_id },
      after: { unitId: unit?.id ?? null, productIds },
    });
    return getBooth(trx, eventId, id);
  });
}

export async function deleteBooth(db: Db, actor: Actor, eventId: string, id: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await assertEventWritable(trx, eventId);
    const before = await rowOf(trx, eventId, id);
    await deleteBoothRow(trx, id);
    await recordAudit(trx, actor, { eventId, entity: 'booth', entityId: id, action: 'delete', before });
  });
}

/** The floor as the public sees it: who exhibits what, where. Nobody's name, phone or email. */
export async function publicBoothMap(db: Executor, eventId: string): Promise<PublicBoothMap> {
  const event = await findEventHeadRow(db, eventId);
  if (!event) throw notFound('hội nghị');
  const [rows, productRows] = await Promise.all([
    findBoothRows(db, eventId),
    findBoothProductRows(db, eventId),
  ]);
  const products = productsByBooth(productRows);
  return {
    event: { name: event.name, venueName: event.venue_name, startsAt: event.starts_at },
    columns: Math.max(DEFAULT_ROW_LENGTH, ...rows.map((r) => r.grid_x + r.grid_w)),
    rows: Math.max(1, ...rows.map((r) => r.grid_y + r.grid_h)),
    booths: rows.map((r) => ({
      id: r.id,
      number: r.number,
      kind: r.kind as BoothKind,
      x: r.grid_x,
      y: r.grid_y,
      w: r.grid_w,
      h: r.grid_h,
      exhibitor: r.unit_name,
      districtName: districtOf(r),
      products: (products.get(r.id) ?? []).map((p) => ({
        id: p.id,
        name: p.name,
        stars: p.stars,
        potential: p.potential === 1,
      })),
      isSample: r.is_sample === 1,
    })),
  };
}

/** The floor of the current event (the one the showcase links to), or 404 when no event has booths. */
export async function currentPublicBoothMap(db: Executor): Promise<PublicBoothMap> {
  const eventId = await findCurrentBoothEventId(db);
  if (!eventId) throw notFound('sơ đồ gian hàng');
  return publicBoothMap(db, eventId);
}
