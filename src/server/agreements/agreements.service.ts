import {
  AGREEMENT_KIND_LABELS,
  AGREEMENT_MOVES,
  AGREEMENT_STATUS_LABELS,
  type Agreement,
  type AgreementKind,
  type AgreementList,
  type AgreementPartyInput,
  type AgreementStatus,
  type AgreementTotals,
  BUYER_UNIT_KINDS,
  type CeremonyPlanInput,
  type CreateAgreementInput,
  MAX_SCAN_BYTES,
  type PartyRole,
  SELLER_UNIT_KINDS,
  type UpdateAgreementInput,
} from '../../shared/agreements';
import { compareVietnamese } from '../../shared/text';
import { UNIT_KIND_LABELS, type UnitKind } from '../../shared/vocabulary';
import { recordAudit } from '../audit/audit.service';
import type { Actor } from '../auth/actor';
import type { Db, Executor } from '../db/database';
import { inScope, type Scope } from '../delegates/delegates.policy';
import { AppError, conflict, invalidField, notFound } from '../errors';
import { getEventStatus } from '../events/events.service';
import { newId, nowIso } from '../util';
import {
  type AgreementRow,
  deleteAgreementRow,
  findAgreementProductRows,
  findAgreementRow,
  findAgreementRows,
  findDelegateRows,
  findPartyRows,
  findPresentIds,
  findProductOwnerRows,
  findScanInfoRows,
  findScanRow,
  findUnitRows,
  hasCheckinBegun,
  insertAgreementRow,
  type PartyRow,
  replaceParties,
  replaceProducts,
  updateAgreementRow,
  upsertScanRow,
} from './agreements.repository';

type DelegateRow = Awaited<ReturnType<typeof findDelegateRows>>[number];

async function assertEventWritable(db: Executor, eventId: string): Promise<void> {
  if ((await getEventStatus(db, eventId)) === 'closed') {
    throw conflict('Hội nghị đã kết thúc; hãy mở lại hội nghị để sửa danh sách ký kết');
  }
}

/** A replaced signatory hands the pen to their substitute: follow the chain. */
async function signatoriesOf(db: Executor, eventId: string, ids: string[]) {
  const found = new Map<string, DelegateRow>();
  let wanted = [...new Set(ids)];
  for (let depth = 0; wanted.length > 0 && depth < 5; depth++) {
    const rows = await findDelegateRows(db, eventId, wanted);
    for (const r of rows) found.set(r.id, r);
    wanted = rows.map((r) => r.replaced_by_id).filter((id): id is string => !!id && !found.has(id));
  }
  return (id: string | null): DelegateRow | null => {
    let d = id ? found.get(id) : undefined;
    for (let i = 0; d?.status === 'replaced' && d.replaced_by_id && i < 5; i++)
      d = found.get(d.replaced_by_id) ?? d;
    return d ?? null;
  };
}

interface Loaded {
  rows: AgreementRow[];
  parties: Map<string, PartyRow[]>;
  products: Map<string, { id: string; name: string; producerId: string }[]>;
  scans: Map<string, { mediaType: string; byteSize: number; uploadedAt: string }>;
  signatory: (id: string | null) => DelegateRow | null;
  present: (d: DelegateRow | null) => boolean | null;
  checkinStarted: boolean;
}

async function load(db: Executor, eventId: string, ids?: string[]): Promise<Loaded> {
  const [rows, partyRows, productRows, scanRows, checkinStarted] = await Promise.all([
    findAgreementRows(db, eventId, ids),
    findPartyRows(db, eventId),
    findAgreementProductRows(db, eventId),
    findScanInfoRows(db, eventId),
    hasCheckinBegun(db, eventId),
  ]);
  const parties = new Map<string, PartyRow[]>();
  for (const p of partyRows) parties.set(p.agreement_id, [...(parties.get(p.agreement_id) ?? []), p]);
  const products = new Map<string, { id: string; name: string; producerId: string }[]>();
  for (const p of productRows)
    products.set(p.agreement_id, [
      ...(products.get(p.agreement_id) ?? []),
      { id: p.id, name: p.name, producerId: p.producer_id },
    ]);
  const scans = new Map(
    scanRows.map((s) => [
      s.agreement_id,
      { mediaType: s.media_type, byteSize: s.byte_size, uploadedAt: s.uploaded_at },
    ]),
  );
  const signatory = await signatoriesOf(
    db,
    eventId,
    partyRows.map((p) => p.signatory_delegate_id).filter((id): id is string => !!id),
  );
  const people = partyRows
    .map((p) => signatory(p.signatory_delegate_id)?.id)
    .filter((id): id is string => !!id);
  const attended = checkinStarted ? await findPresentIds(db, eventId, people) : new Set<string>();
  const present = (d: DelegateRow | null) =>
    !checkinStarted || !d ? null : attended.has(d.id) || d.status === 'checked_in';
  return { rows, parties, products, scans, signatory, present, checkinStarted };
}

function toAgreement(l: Loaded, row: AgreementRow, scope: Scope): Agreement {
  const parties = (l.parties.get(row.id) ?? []).map((p) => {
    const d = l.signatory(p.signatory_delegate_id);
    // A unit officer sees nobody of another unit, the other side's signatory included.
    const visible = d && inScope(scope, d.unit_id) ? d : null;
    return {
      unitId: p.unit_id,
      name: p.unit_name,
      shortName: p.unit_short_name,
      unitKind: p.unit_kind,
      role: p.role as PartyRole,
      signatory: visible
        ? {
            delegateId: visible.id,
            name: visible.full_name,
            position: visible.position,
            present: l.present(visible),
          }
        : null,
      standIn: p.stand_in_name ? { name: p.stand_in_name, position: p.stand_in_position } : null,
      hasSignatory: !!d,
      absent: l.present(d) === false,
    };
  });
  const status = row.status as AgreementStatus;
  const scan = l.scans.get(row.id) ?? null;
  const warnings: string[] = [];
  if (!parties.some((p) => p.role === 'seller')) warnings.push('Thiếu bên bán (chủ thể OCOP)');
  if (!parties.some((p) => p.role === 'buyer')) warnings.push('Thiếu bên mua (siêu thị, nhà phân phối)');
  for (const p of parties) {
    if (!p.hasSignatory && !p.standIn) warnings.push(`${p.shortName}: chưa có người ký`);
    else if (p.absent && !p.standIn)
      warnings.push(`${p.shortName}: người ký vắng mặt, chưa có người ký thay`);
  }
  if ((status === 'signed' || status === 'followed_up') && !scan) warnings.push('Chưa có bản scan đã ký');
  const products = l.products.get(row.id) ?? [];
  return {
    id: row.id,
    kind: row.kind as AgreementKind,
    title: row.title,
    parties: parties.map(({ hasSignatory: _h, absent: _a, ...p }) => p),
    valueVnd: row.value_vnd,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    status,
    round: row.round,
    order: row.position,
    products,
    productIds: products.map((p) => p.id),
    signedAt: row.signed_at,
    followUpNotes: row.follow_up_notes,
    notes: row.notes,
    scan,
    isSample: row.is_sample === 1,
    warnings,
  };
}

/** The agreements in stage order (laid-out rounds first). A unit officer sees those with a party of their unit. */
export async function findAgreements(
  db: Executor,
  eventId: string,
  scope: Scope = { all: true },
): Promise<AgreementList> {
  const l = await load(db, eventId);
  const rows = sortForStage(l.rows).filter(
    (r) => scope.all || (l.parties.get(r.id) ?? []).some((p) => inScope(scope, p.unit_id)),
  );
  return {
    items: rows.map((r) => toAgreement(l, r, scope)),
    totals: totalsOf(l, rows),
    checkinStarted: l.checkinStarted,
  };
}

export async function getAgreement(db: Executor, eventId: string, id: string): Promise<Agreement> {
  const l = await load(db, eventId, [id]);
  const row = l.rows[0];
  if (!row) throw notFound('thỏa thuận');
  return toAgreement(l, row, { all: true });
}

function sortForStage(rows: AgreementRow[]): AgreementRow[] {
  const big = Number.MAX_SAFE_INTEGER;
  return [...rows].sort(
    (a, b) =>
      (a.round ?? big) - (b.round ?? big) ||
      (a.position ?? big) - (b.position ?? big) ||
      a.created_at.localeCompare(b.created_at) ||
      a.id.localeCompare(b.id),
  );
}

function totalsOf(l: Loaded, rows: AgreementRow[]): AgreementTotals {
  const signed = rows.filter((r) => r.status === 'signed' || r.status === 'followed_up');
  const ids = new Set(rows.map((r) => r.id));
  const products = new Set<string>();
  const producers = new Set<string>();
  const buyers = new Set<string>();
  for (const [id, list] of l.products) if (ids.has(id)) for (const p of list) products.add(p.id);
  for (const [id, list] of l.parties) {
    if (!ids.has(id)) continue;
    for (const p of list) {
      if (p.role === 'seller') producers.add(p.unit_id);
      else buyers.add(p.unit_name);
    }
  }
  const sum = (list: AgreementRow[]) => list.reduce((s, r) => s + (r.value_vnd ?? 0), 0);
  return {
    count: rows.length,
    ready: rows.filter((r) => r.status === 'ready').length,
    signed: signed.length,
    valueVnd: sum(rows),
    signedValueVnd: sum(signed),
    products: products.size,
    producers: producers.size,
    buyers: [...buyers].sort(compareVietnamese),
  };
}

/** Totals for the closing report: count, value (all and signed), products and producers covered, the buyers. */
export async function agreementTotals(db: Executor, eventId: string): Promise<AgreementTotals> {
  const l = await load(db, eventId);
  return totalsOf(l, l.rows);
}

export interface CeremonyParty {
  unitId: string;
  unitName: string;
  role: 'seller' | 'buyer';
  signatory: {
    delegateId: string | null;
    name: string;
    position: string | null;
    present: boolean | null;
    standIn: { name: string; position: string | null } | null;
  } | null;
}
export interface CeremonyRound {
  round: number;
  pairs: {
    agreementId: string;
    title: string;
    kind: string;
    valueVnd: number | null;
    order: number;
    parties: CeremonyParty[];
  }[];
}

/**
 * What the MC reads: the rounds in order, each with its pairs on stage in order, sellers first, every party's
 * signatory with presence from check-in (null before check-in begins) and the stand-in named for an absentee.
 * Drafts and agreements not laid out in a round stay off the stage.
 */
export async function signingCeremony(db: Executor, eventId: string): Promise<CeremonyRound[]> {
  const l = await load(db, eventId);
  const rounds = new Map<number, CeremonyRound>();
  for (const row of sortForStage(l.rows)) {
    if (row.round === null || row.status === 'draft') continue;
    const round = rounds.get(row.round) ?? { round: row.round, pairs: [] };
    const parties = [...(l.parties.get(row.id) ?? [])].sort((a, b) =>
      a.role === b.role ? a.position - b.position : a.role === 'seller' ? -1 : 1,
    );
    round.pairs.push({
      agreementId: row.id,
      title: row.title,
      kind: AGREEMENT_KIND_LABELS[row.kind as AgreementKind] ?? row.kind,
      valueVnd: row.value_vnd,
      order: row.position ?? round.pairs.length + 1,
      parties: parties.map((p) => {
        const d = l.signatory(p.signatory_delegate_id);
        const standIn = p.stand_in_name ? { name: p.stand_in_name, position: p.stand_in_position } : null;
        return {
          unitId: p.unit_id,
          unitName: p.unit_name,
          role: p.role as PartyRole,
          signatory: d
            ? { delegateId: d.id, name: d.full_name, position: d.position, present: l.present(d), standIn }
            : standIn
              ? { delegateId: null, name: standIn.name, position: standIn.position, present: null, standIn }
              : null,
        };
      }),
    });
    rounds.set(row.round, round);
  }
  return [...rounds.values()].sort((a, b) => a.round - b.round);
}

// ── Writes ───────────────────────────────────────────────────────────────────────────────────────────────

const SELLERS: readonly string[] = SELLER_UNIT_KINDS;
const BUYERS: readonly string[] = BUYER_UNIT_KINDS;

/** Parties are units of the right kind, each once; signatories are the event's delegates of that unit. */
async function checkParties(db: Executor, eventId: string, parties: AgreementPartyInput[]) {
  const units = new Map(
    (
      await findUnitRows(
        db,
        parties.map((p) => p.unitId),
      )
    ).map((u) => [u.id, u]),
  );
  const delegates = new Map(
    (
      await findDelegateRows(
        db,
        eventId,
        parties.map((p) => p.signatoryDelegateId).filter((id): id is string => !!id),
      )
    ).map((d) => [d.id, d]),
  );
  const seen = new Set<string>();
  parties.forEach((p, i) => {
    const unit = units.get(p.unitId);
    if (!unit) throw invalidField(`parties.${i}.unitId`, 'Bên tham gia phải là một đơn vị trong danh mục');
    if (seen.has(p.unitId)) throw invalidField(`parties.${i}.unitId`, `${unit.name} đã có trong thỏa thuận`);
    seen.add(p.unitId);
    const allowed = p.role === 'seller' ? SELLERS : BUYERS;
    if (!allowed.includes(unit.kind)) {
      throw invalidField(
        `parties.${i}.unitId`,
        p.role === 'seller'
          ? `Bên bán phải là chủ thể OCOP; ${unit.name} là ${UNIT_KIND_LABELS[unit.kind as UnitKind] ?? unit.kind}`
          : `Bên mua phải là siêu thị, cửa hàng hoặc doanh nghiệp phân phối; ${unit.name} là ${
              UNIT_KIND_LABELS[unit.kind as UnitKind] ?? unit.kind
            }`,
      );
    }
    if (p.signatoryDelegateId) {
      const d = delegates.get(p.signatoryDelegateId);
      if (!d) {
        throw invalidField(
          `parties.${i}.signatoryDelegateId`,
          'Người ký không có trong danh sách đại biểu của hội nghị',
        );
      }
      if (d.unit_id !== p.unitId) {
        throw invalidField(`parties.${i}.signatoryDelegateId`, `${d.full_name} không thuộc ${unit.name}`);
      }
    }
  });
}

/** Products from the register, each of a producer that sells in this agreement. */
async function checkProducts(db: Executor, parties: AgreementPartyInput[], productIds: string[]) {
  const sellers = new Set(parties.filter((p) => p.role === 'seller').map((p) => p.unitId));
  const found = new Map((await findProductOwnerRows(db, productIds)).map((p) => [p.id, p]));
  const unique = [...new Set(productIds)];
  unique.forEach((id, i) => {
    const product = found.get(id);
    if (!product) throw invalidField(`productIds.${i}`, 'Không có sản phẩm này trong danh mục sản phẩm OCOP');
    if (!sellers.has(product.producer_id)) {
      throw invalidField(
        `productIds.${i}`,
        `Sản phẩm "${product.name}" thuộc chủ thể khác, không phải bên bán của thỏa thuận`,
      );
    }
  });
  return unique;
}

function partyRows(eventId: string, agreementId: string, parties: AgreementPartyInput[]) {
  return parties.map((p, i) => ({
    agreement_id: agreementId,
    event_id: eventId,
    unit_id: p.unitId,
    role: p.role,
    position: i + 1,
    signatory_delegate_id: p.signatoryDelegateId ?? null,
    stand_in_name: p.standInName ?? null,
    stand_in_position: p.standInPosition ?? null,
  }));
}

export async function createAgreement(
  db: Db,
  actor: Actor,
  eventId: string,
  input: CreateAgreementInput,
  options: { isSample?: boolean } = {},
): Promise<Agreement> {
  return db.transaction().execute(async (trx) => {
    await assertEventWritable(trx, eventId);
    await checkParties(trx, eventId, input.parties);
    const productIds = await checkProducts(trx, input.parties, input.productIds ?? []);
    const id = newId();
    const now = nowIso();
    await insertAgreementRow(trx, {
      id,
      event_id: eventId,
      kind: input.kind,
      title: input.title,
      value_vnd: input.valueVnd ?? null,
      starts_on: input.startsOn ?? null,
      ends_on: input.endsOn ?? null,
      status: 'draft',
      round: null,
      position: null,
      signed_at: null,
      follow_up_notes: null,
      notes: input.notes ?? null,
      is_sample: options.isSample ? 1 : 0,
      created_at: now,
      updated_at: now,
    });
    await replaceParties(trx, id, partyRows(eventId, id, input.parties));
    await replaceProducts(trx, eventId, id, productIds);
    await recordAudit(trx, actor, {
      eventId,
      entity: 'agreement',
      entityId: id,
      action: 'create',
      after: input,
    });
    return getAgreement(trx, eventId, id);
  });
}

async function rowOf(db: Executor, eventId: string, id: string): Promise<AgreementRow> {
  const row = await findAgreementRow(db, eventId, id);
  if (!row) throw notFound('thỏa thuận');
  return row;
}

const CONTENT_FIELDS = ['kind', 'title', 'valueVnd', 'startsOn', 'endsOn', 'parties', 'productIds'] as const;

export async function updateAgreement(
  db: Db,
  actor: Actor,
  eventId: string,
  id: string,
  input: UpdateAgreementInput,
): Promise<Agreement> {
  return db.transaction().execute(async (trx) => {
    await assertEventWritable(trx, eventId);
    const before = await rowOf(trx, eventId, id);
    const signed = before.status === 'signed' || before.status === 'followed_up';
    if (signed && CONTENT_FIELDS.some((f) => input[f] !== undefined)) {
      throw conflict(
        'Thỏa thuận đã ký: nội dung, các bên và sản phẩm không sửa được nữa (chỉ ghi chú, theo dõi)',
      );
    }
    const current = await getAgreement(trx, eventId, id);
    const parties: AgreementPartyInput[] =
      input.parties ??
      current.parties.map((p) => ({
        unitId: p.unitId,
        role: p.role,
        signatoryDelegateId: p.signatory?.delegateId ?? null,
        standInName: p.standIn?.name ?? null,
        standInPosition: p.standIn?.position ?? null,
      }));
    if (input.parties) await checkParties(trx, eventId, parties);
    if (input.parties || input.productIds) {
      const productIds = await checkProducts(trx, parties, input.productIds ?? current.productIds);
      await replaceProducts(trx, eventId, id, productIds);
    }
    if (input.parties) await replaceParties(trx, id, partyRows(eventId, id, parties));
    const startsOn = input.startsOn === undefined ? before.starts_on : input.startsOn;
    const endsOn = input.endsOn === undefined ? before.ends_on : input.endsOn;
    if (startsOn && endsOn && startsOn > endsOn)
      throw invalidField('endsOn', 'Ngày kết thúc phải sau ngày bắt đầu');
    const values = {
      kind: input.kind ?? before.kind,
      title: input.title ?? before.title,
      value_vnd: input.valueVnd === undefined ? before.value_vnd : input.valueVnd,
      starts_on: startsOn,
      ends_on: endsOn,
      notes: input.notes === undefined ? before.notes : input.notes,
      follow_up_notes: input.followUpNotes === undefined ? before.follow_up_notes : input.followUpNotes,
      round: input.round === undefined ? before.round : input.round,
      position: input.order === undefined ? before.position : input.order,
      updated_at: nowIso(),
    };
    await updateAgreementRow(trx, id, values);
    await recordAudit(trx, actor, {
      eventId,
      entity: 'agreement',
      entityId: id,
      action: 'update',
      before,
      after: { ...values, ...(input.parties ? { parties: input.parties } : {}) },
    });
    return getAgreement(trx, eventId, id);
  });
}

/**
 * One step along draft → ready → signed → followed up (or one back). Ready asks for a seller, a buyer and someone
 * to sign for each party; signing records the moment.
 */
export async function changeAgreementStatus(
  db: Db,
  actor: Actor,
  eventId: string,
  id: string,
  status: AgreementStatus,
): Promise<Agreement> {
  return db.transaction().execute(async (trx) => {
    const before = await rowOf(trx, eventId, id);
    const from = before.status as AgreementStatus;
    if (from === status) return getAgreement(trx, eventId, id);
    if (!AGREEMENT_MOVES[from].includes(status)) {
      throw new AppError(
        'INVALID_STATUS_TRANSITION',
        `Không chuyển được từ "${AGREEMENT_STATUS_LABELS[from]}" sang "${AGREEMENT_STATUS_LABELS[status]}"`,
      );
    }
    // Follow-up happens after the conference: a closed event still takes it.
    if (status !== 'followed_up' && from !== 'followed_up') await assertEventWritable(trx, eventId);
    if (status === 'ready') {
      const current = await getAgreement(trx, eventId, id);
      const sellers = current.parties.filter((p) => p.role === 'seller');
      const buyers = current.parties.filter((p) => p.role === 'buyer');
      if (!sellers.length || !buyers.length) {
        throw invalidField('parties', 'Cần ít nhất một bên bán và một bên mua trước khi sẵn sàng ký');
      }
      const unsigned = (await findPartyRows(trx, eventId)).filter(
        (p) => p.agreement_id === id && !p.signatory_delegate_id && !p.stand_in_name,
      );
      if (unsigned.length) {
        throw invalidField(
          'parties',
          `Chưa có người ký cho: ${unsigned.map((p) => p.unit_short_name).join(', ')}`,
        );
      }
    }
    const values = {
      status,
      signed_at:
        status === 'signed' ? (before.signed_at ?? nowIso()) : status === 'ready' ? null : before.signed_at,
      updated_at: nowIso(),
    };
    await updateAgreementRow(trx, id, values);
    await recordAudit(trx, actor, {
      eventId,
      entity: 'agreement',
      entityId: id,
      action: 'status',
      before: { status: from },
      after: { status },
    });
    return getAgreement(trx, eventId, id);
  });
}

export async function deleteAgreement(db: Db, actor: Actor, eventId: string, id: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await assertEventWritable(trx, eventId);
    const before = await rowOf(trx, eventId, id);
    if (before.status === 'signed' || before.status === 'followed_up') {
      throw conflict('Thỏa thuận đã ký không xóa được; hãy chuyển về "Sẵn sàng ký" trước nếu ghi nhầm');
    }
    await deleteAgreementRow(trx, id);
    await recordAudit(trx, actor, { eventId, entity: 'agreement', entityId: id, action: 'delete', before });
  });
}

/** A named stand-in signs for an absent party (or null clears it). */
export async function setStandIn(
  db: Db,
  actor: Actor,
  eventId: string,
  id: string,
  unitId: string,
  standIn: { name: string; position?: string | null | undefined } | null,
): Promise<Agreement> {
  return db.transaction().execute(async (trx) => {
    await rowOf(trx, eventId, id);
    const party = (await findPartyRows(trx, eventId)).find(
      (p) => p.agreement_id === id && p.unit_id === unitId,
    );
    if (!party) throw notFound('bên tham gia');
    const values = { stand_in_name: standIn?.name ?? null, stand_in_position: standIn?.position ?? null };
    await trx
      .updateTable('agreement_parties')
      .set(values)
      .where('agreement_id', '=', id)
      .where('unit_id', '=', unitId)
      .execute();
    await recordAudit(trx, actor, {
      eventId,
      entity: 'agreement_party',
      entityId: `${id}:${unitId}`,
      action: 'update',
      before: { standInName: party.stand_in_name, standInPosition: party.stand_in_position },
      after: values,
    });
    return getAgreement(trx, eventId, id);
  });
}

/**
 * Lays out the stage: every agreement past draft, grouped by buyer and biggest value first within a buyer, cut
 * into rounds of `pairsPerRound`. Drafts leave the stage.
 */
export async function planSigningCeremony(
  db: Db,
  actor: Actor,
  eventId: string,
  input: CeremonyPlanInput,
): Promise<AgreementList> {
  return db.transaction().execute(async (trx) => {
    await assertEventWritable(trx, eventId);
    const l = await load(trx, eventId);
    const buyerOf = (id: string) =>
      (l.parties.get(id) ?? []).find((p) => p.role === 'buyer')?.unit_name ?? '\uffff';
    const staged = l.rows
      .filter((r) => r.status !== 'draft')
      .sort(
        (a, b) =>
          compareVietnamese(buyerOf(a.id), buyerOf(b.id)) ||
          (b.value_vnd ?? 0) - (a.value_vnd ?? 0) ||
          a.created_at.localeCompare(b.created_at),
      );
    for (const row of l.rows.filter((r) => r.status === 'draft'))
      await updateAgreementRow(trx, row.id, { round: null, position: null });
    for (const [i, row] of staged.entries()) {
      await updateAgreementRow(trx, row.id, {
        round: Math.floor(i / input.pairsPerRound) + 1,
        position: i + 1,
      });
    }
    await recordAudit(trx, actor, {
      eventId,
      entity: 'signing_ceremony',
      entityId: eventId,
      action: 'update',
      after: { ...input, pairs: staged.length },
    });
    return findAgreements(trx, eventId);
  });
}

// ── The scanned signed copy ──────────────────────────────────────────────────────────────────────────────

/** PDF or JPEG by the first bytes; whatever the file was called, anything else is refused. */
export function scanTypeOf(bytes: Buffer): 'application/pdf' | 'image/jpeg' | null {
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  if (bytes.length > 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  return null;
}

export async function saveScan(
  db: Db,
  actor: Actor,
  eventId: string,
  id: string,
  bytes: Buffer,
): Promise<Agreement> {
  if (bytes.length === 0) throw invalidField('scan', 'Tệp gửi lên rỗng');
  if (bytes.length > MAX_SCAN_BYTES) throw invalidField('scan', 'Bản scan tối đa 10 MB');
  const mediaType = scanTypeOf(bytes);
  if (!mediaType)
    throw invalidField('scan', 'Bản scan phải là tệp PDF hoặc ảnh JPEG (kiểm tra theo nội dung tệp)');
  return db.transaction().execute(async (trx) => {
    await rowOf(trx, eventId, id);
    await upsertScanRow(trx, {
      agreement_id: id,
      media_type: mediaType,
      byte_size: bytes.length,
      data_base64: bytes.toString('base64'),
      uploaded_at: nowIso(),
    });
    await recordAudit(trx, actor, {
      eventId,
      entity: 'agreement_scan',
      entityId: id,
      action: 'create',
      after: { mediaType, byteSize: bytes.length },
    });
    return getAgreement(trx, eventId, id);
  });
}

export async function getScan(db: Executor, eventId: string, id: string) {
  const row = await findScanRow(db, eventId, id);
  if (!row) throw notFound('bản scan');
  return { mediaType: row.media_type, bytes: Buffer.from(row.data_base64, 'base64') };
}
