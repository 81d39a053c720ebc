import type {
  AwardBatch,
  AwardPlanInput,
  AwardRecipient,
  Awards,
  UpdateAwardRecipientInput,
} from '../../shared/ocop';
import { MIN_CERTIFIED_STARS } from '../../shared/ocop';
import { compareVietnamese } from '../../shared/text';
import { recordAudit } from '../audit/audit.service';
import type { Actor } from '../auth/actor';
import type { Db, Executor } from '../db/database';
import { inScope, type Scope, scopeUnitList } from '../delegates/delegates.policy';
import { assertEventOpen } from '../delegates/delegates.service';
import { conflict, invalidField, notFound } from '../errors';
import { newId, nowIso } from '../util';

/** A producer's products reach the stage with the producer's delegate: declined and replaced people excluded. */
const ATTENDING = ['draft', 'invited', 'confirmed', 'checked_in'];
const codeOrder = new Intl.Collator('en', { numeric: true });

type DelegateInfo = {
  id: string;
  full_name: string;
  position: string | null;
  status: string;
  replaced_by_id: string | null;
  unit_id: string | null;
};

async function delegatesById(
  db: Executor,
  eventId: string,
  ids: string[],
): Promise<Map<string, DelegateInfo>> {
  const found = new Map<string, DelegateInfo>();
  let wanted = [...new Set(ids)];
  // A replaced delegate hands the certificate on to their substitute: follow the chain.
  for (let depth = 0; wanted.length > 0 && depth < 5; depth++) {
    const rows = await db
      .selectFrom('delegates')
      .select(['id', 'full_name', 'position', 'status', 'replaced_by_id', 'unit_id'])
      .where('event_id', '=', eventId)
      .where('id', 'in', wanted)
      .execute();
    for (const r of rows) found.set(r.id, r);
    wanted = rows.map((r) => r.replaced_by_id).filter((id): id is string => !!id && !found.has(id));
  }
  return found;
}

function person(map: Map<string, DelegateInfo>, id: string | null, scope: Scope) {
  let d = id ? map.get(id) : undefined;
  for (let i = 0; d?.status === 'replaced' && d.replaced_by_id && i < 5; i++)
    d = map.get(d.replaced_by_id) ?? d;
  // A unit officer sees nobody of another unit, the province's presenter included.
  return d && inScope(scope, d.unit_id)
    ? { delegateId: d.id, fullName: d.full_name, position: d.position, status: d.status }
    : null;
}

/**
 * The ceremony. A unit officer follows their own producers only: the batches that call one of them up, and no
 * person of another unit (the presenter shows only when of their unit).
 */
export async function getAwards(
  db: Executor,
  eventId: string,
  scope: Scope = { all: true },
): Promise<Awards> {
  const producers = scopeUnitList(scope);
  const [allBatches, recipients, items] = await Promise.all([
    db.selectFrom('award_batches').selectAll().where('event_id', '=', eventId).orderBy('number').execute(),
    db
      .selectFrom('award_recipients as r')
      .innerJoin('units as u', 'u.id', 'r.producer_id')
      .leftJoin('units as d', 'd.id', 'u.parent_id')
      .selectAll('r')
      .select(['u.name as producer_name', 'd.name as district_name', 'd.kind as district_kind'])
      .where('r.event_id', '=', eventId)
      .$if(producers !== null, (q) => q.where('r.producer_id', 'in', producers ?? []))
      .orderBy('r.position')
      .execute(),
    db
      .selectFrom('award_items as i')
      .innerJoin('products as p', 'p.id', 'i.product_id')
      .select(['i.recipient_id', 'p.id', 'p.name', 'p.stars'])
      .where('i.event_id', '=', eventId)
      .$if(producers !== null, (q) =>
        q
          .innerJoin('award_recipients as ir', 'ir.id', 'i.recipient_id')
          .where('ir.producer_id', 'in', producers ?? []),
      )
      .execute(),
  ]);
  const batches = scope.all
    ? allBatches
    : allBatches.filter((b) => recipients.some((r) => r.batch_id === b.id));
  const people = await delegatesById(
    db,
    eventId,
    [...batches.map((b) => b.presenter_delegate_id), ...recipients.map((r) => r.delegate_id)].filter(
      (id): id is string => !!id,
    ),
  );
  const productsOf = new Map<string, AwardRecipient['products']>();
  for (const item of items) {
    const list = productsOf.get(item.recipient_id) ?? [];
    list.push({ id: item.id, name: item.name, stars: item.stars });
    productsOf.set(item.recipient_id, list);
  }
  const toRecipient = (r: (typeof recipients)[number]): AwardRecipient => {
    const products = (productsOf.get(r.id) ?? []).sort((a, b) => compareVietnamese(a.name, b.name));
    const delegate = person(people, r.delegate_id, scope);
    return {
      id: r.id,
      position: r.position,
      producerId: r.producer_id,
      producerName: r.producer_name,
      districtName: r.district_kind === 'district' ? r.district_name : null,
      stars: Math.max(0, ...products.map((p) => p.stars ?? 0)) || null,
      products,
      delegate,
      present: delegate?.status === 'checked_in',
      standInName: r.stand_in_name,
      handedOverAt: r.handed_over_at,
    };
  };
  const result: AwardBatch[] = batches.map((b) => ({
    id: b.id,
    number: b.number,
    title: b.title,
    presenter: person(people, b.presenter_delegate_id, scope),
    recipients: recipients.filter((r) => r.batch_id === b.id).map(toRecipient),
  }));
  const all = result.flatMap((b) => b.recipients);
  return {
    batches: result,
    totals: {
      recipients: all.length,
      products: items.length,
      present: all.filter((r) => r.present).length,
      absent: all.filter((r) => !r.present).length,
      handedOver: all.filter((r) => r.handedOverAt).length,
    },
  };
}

async function assertDelegateOfEvent(db: Executor, eventId: string, delegateId: string, field: string) {
  const found = await db
    .selectFrom('delegates')
    .select('id')
    .where('event_id', '=', eventId)
    .where('id', '=', delegateId)
    .executeTakeFirst();
  if (!found) throw invalidField(field, 'Người này không có trong danh sách đại biểu của hội nghị');
}

/**
 * Lays out the ceremony: the certified products (of one decision, or of the years given) grouped by producer,
 * ordered by district or by stars, cut into batches of at most `batchSize` people; each producer's delegate
 * comes up. Replaces the earlier plan, unless certificates have already been handed over.
 */
export async function planAwards(
  db: Db,
  actor: Actor,
  eventId: string,
  input: AwardPlanInput,
): Promise<Awards> {
  return db.transaction().execute(async (trx) => {
    await assertEventOpen(trx, eventId);
    const handed = await trx
      .selectFrom('award_recipients')
      .select('id')
      .where('event_id', '=', eventId)
      .where('handed_over_at', 'is not', null)
      .executeTakeFirst();
    if (handed) throw conflict('Đã có chứng nhận được trao; không lập lại danh sách được nữa');
    for (const [i, id] of (input.presenterDelegateIds ?? []).entries()) {
      await assertDelegateOfEvent(trx, eventId, id, `presenterDelegateIds.${i}`);
    }

    let query = trx
      .selectFrom('products as p')
      .innerJoin('units as u', 'u.id', 'p.producer_id')
      .leftJoin('units as d', 'd.id', 'p.district_id')
      .select([
        'p.id',
        'p.name',
        'p.stars',
        'p.producer_id',
        'u.name as producer_name',
        'd.admin_code',
        'd.name as district_name',
      ])
      .where('p.potential', '=', 0)
      .where('p.stars', '>=', MIN_CERTIFIED_STARS);
    if (input.decisionNumber) query = query.where('p.decision_number', '=', input.decisionNumber);
    if (input.fromYear) query = query.where('p.evaluation_year', '>=', input.fromYear);
    if (input.toYear) query = query.where('p.evaluation_year', '<=', input.toYear);
    const products = await query.execute();
    if (products.length === 0) {
      throw invalidField('decisionNumber', 'Không có sản phẩm được chứng nhận nào khớp điều kiện đã chọn');
    }

    const producers = new Map<
      string,
      { id: string; name: string; code: string; district: string; stars: number; products: string[] }
    >();
    for (const p of products) {
      const entry = producers.get(p.producer_id) ?? {
        id: p.producer_id,
        name: p.producer_name,
        code: p.admin_code ?? '999',
        district: p.district_name ?? '',
        stars: 0,
        products: [],
      };
      entry.stars = Math.max(entry.stars, p.stars ?? 0);
      entry.products.push(p.id);
      producers.set(p.producer_id, entry);
    }
    const ordered = [...producers.values()].sort((a, b) => {
      const byDistrict = codeOrder.compare(a.code, b.code) || compareVietnamese(a.district, b.district);
      const byName = compareVietnamese(a.name, b.name);
      return input.order === 'stars' ? b.stars - a.stars || byDistrict || byName : byDistrict || byName;
    });
    const delegates = await trx
      .selectFrom('delegates')
      .select(['id', 'unit_id'])
      .where('event_id', '=', eventId)
      .where(
        'unit_id',
        'in',
        ordered.map((p) => p.id),
      )
      .where('status', 'in', ATTENDING)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    const delegateOf = new Map<string, string>();
    for (const d of delegates) if (d.unit_id && !delegateOf.has(d.unit_id)) delegateOf.set(d.unit_id, d.id);

    await trx.deleteFrom('award_batches').where('event_id', '=', eventId).execute();
    const presenters = input.presenterDelegateIds ?? [];
    for (let start = 0, number = 1; start < ordered.length; start += input.batchSize, number++) {
      const batchId = newId();
      await trx
        .insertInto('award_batches')
        .values({
          id: batchId,
          event_id: eventId,
          number,
          title: null,
          presenter_delegate_id: presenters[number - 1] ?? null,
        })
        .execute();
      for (const [i, producer] of ordered.slice(start, start + input.batchSize).entries()) {
        const recipientId = newId();
        await trx
          .insertInto('award_recipients')
          .values({
            id: recipientId,
            event_id: eventId,
            batch_id: batchId,
            position: start + i + 1,
            producer_id: producer.id,
            delegate_id: delegateOf.get(producer.id) ?? null,
            stand_in_name: null,
            handed_over_at: null,
          })
          .execute();
        await trx
          .insertInto('award_items')
          .values(
            producer.products.map((productId) => ({
              event_id: eventId,
              product_id: productId,
              recipient_id: recipientId,
            })),
          )
          .execute();
      }
    }
    const awards = await getAwards(trx, eventId);
    await recordAudit(trx, actor, {
      eventId,
      entity: 'award_plan',
      entityId: eventId,
      action: 'update',
      after: { ...input, batches: awards.batches.length, recipients: awards.totals.recipients },
    });
    return awards;
  });
}

export async function clearAwards(db: Db, actor: Actor, eventId: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await assertEventOpen(trx, eventId);
    await trx.deleteFrom('award_batches').where('event_id', '=', eventId).execute();
    await recordAudit(trx, actor, { eventId, entity: 'award_plan', entityId: eventId, action: 'delete' });
  });
}

export async function updateAwardBatch(
  db: Db,
  actor: Actor,
  eventId: string,
  batchId: string,
  input: { title?: string | null | undefined; presenterDelegateId?: string | null | undefined },
): Promise<Awards> {
  return db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('award_batches')
      .selectAll()
      .where('event_id', '=', eventId)
      .where('id', '=', batchId)
      .executeTakeFirst();
    if (!before) throw notFound('đợt trao');
    if (input.presenterDelegateId)
      await assertDelegateOfEvent(trx, eventId, input.presenterDelegateId, 'presenterDelegateId');
    const values = {
      title: input.title === undefined ? before.title : input.title,
      presenter_delegate_id:
        input.presenterDelegateId === undefined ? before.presenter_delegate_id : input.presenterDelegateId,
    };
    await trx.updateTable('award_batches').set(values).where('id', '=', batchId).execute();
    await recordAudit(trx, actor, {
      eventId,
      entity: 'award_batch',
      entityId: batchId,
      action: 'update',
      before,
      after: { ...before, ...values },
    });
    return getAwards(trx, eventId);
  });
}

export async function updateAwardRecipient(
  db: Db,
  actor: Actor,
  eventId: string,
  recipientId: string,
  input: UpdateAwardRecipientInput,
): Promise<Awards> {
  return db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('award_recipients')
      .selectAll()
      .where('event_id', '=', eventId)
      .where('id', '=', recipientId)
      .executeTakeFirst();
    if (!before) throw notFound('người nhận chứng nhận');
    const values = { ...before };
    if (input.batchId && input.batchId !== before.batch_id) {
      const batch = await trx
        .selectFrom('award_batches')
        .select('id')
        .where('event_id', '=', eventId)
        .where('id', '=', input.batchId)
        .executeTakeFirst();
      if (!batch) throw invalidField('batchId', 'Đợt trao không thuộc hội nghị này');
      const last = await trx
        .selectFrom('award_recipients')
        .select((eb) => eb.fn.max('position').as('max'))
        .where('batch_id', '=', input.batchId)
        .executeTakeFirst();
      values.batch_id = input.batchId;
      values.position = Number(last?.max ?? 0) + 1;
    }
    if (input.delegateId !== undefined) {
      if (input.delegateId) await assertDelegateOfEvent(trx, eventId, input.delegateId, 'delegateId');
      values.delegate_id = input.delegateId;
    }
    if (input.standInName !== undefined) values.stand_in_name = input.standInName;
    if (input.handedOver !== undefined)
      values.handed_over_at = input.handedOver ? (before.handed_over_at ?? nowIso()) : null;
    await trx.updateTable('award_recipients').set(values).where('id', '=', recipientId).execute();
    await recordAudit(trx, actor, {
      eventId,
      entity: 'award_recipient',
      entityId: recipientId,
      action: input.handedOver !== undefined ? 'status' : 'update',
      before,
      after: values,
    });
    return getAwards(trx, eventId);
  });
}

/** Products on the event's award list, in the order they are handed out (for printing certificates). */
export async function awardedProductIds(db: Executor, eventId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('award_items as i')
    .innerJoin('award_recipients as r', 'r.id', 'i.recipient_id')
    .innerJoin('award_batches as b', 'b.id', 'r.batch_id')
    .innerJoin('products as p', 'p.id', 'i.product_id')
    .select(['i.product_id', 'p.name'])
    .where('i.event_id', '=', eventId)
    .orderBy('b.number')
    .orderBy('r.position')
    .execute();
  return rows.map((r) => r.product_id);
}
