import type { Insertable, Updateable } from 'kysely';
import type { Executor } from '../db/database';
import type { AgreementPartiesTable, AgreementsTable } from '../db/schema';
import { toCount } from '../util';

export type AgreementRow = Omit<AgreementsTable, 'value_vnd'> & { value_vnd: number | null };
export type PartyRow = AgreementPartiesTable & {
  unit_name: string;
  unit_short_name: string;
  unit_kind: string;
};

/** BIGINT comes back as a string on PostgreSQL; money stays an exact integer well below 2^53. */
const vnd = (v: number | string | null): number | null => (v === null ? null : Number(v));

export async function findAgreementRows(
  db: Executor,
  eventId: string,
  ids?: string[],
): Promise<AgreementRow[]> {
  const rows = await db
    .selectFrom('agreements')
    .selectAll()
    .where('event_id', '=', eventId)
    .$if(!!ids, (q) => q.where('id', 'in', ids?.length ? ids : ['']))
    .orderBy('round')
    .orderBy('position')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ ...r, value_vnd: vnd(r.value_vnd) }));
}

export async function findAgreementRow(
  db: Executor,
  eventId: string,
  id: string,
): Promise<AgreementRow | undefined> {
  return (await findAgreementRows(db, eventId, [id]))[0];
}

export function findPartyRows(db: Executor, eventId: string): Promise<PartyRow[]> {
  return db
    .selectFrom('agreement_parties as p')
    .innerJoin('units as u', 'u.id', 'p.unit_id')
    .selectAll('p')
    .select(['u.name as unit_name', 'u.short_name as unit_short_name', 'u.kind as unit_kind'])
    .where('p.event_id', '=', eventId)
    .orderBy('p.agreement_id')
    .orderBy('p.position')
    .execute();
}

export function findAgreementProductRows(db: Executor, eventId: string) {
  return db
    .selectFrom('agreement_products as ap')
    .innerJoin('products as p', 'p.id', 'ap.product_id')
    .select(['ap.agreement_id', 'p.id', 'p.name', 'p.producer_id', 'p.sort_key'])
    .where('ap.event_id', '=', eventId)
    .orderBy('p.sort_key')
    .execute();
}

export function findScanInfoRows(db: Executor, eventId: string) {
  return db
    .selectFrom('agreement_scans as s')
    .innerJoin('agreements as a', 'a.id', 's.agreement_id')
    .select(['s.agreement_id', 's.media_type', 's.byte_size', 's.uploaded_at'])
    .where('a.event_id', '=', eventId)
    .execute();
}

export function findScanRow(db: Executor, eventId: string, agreementId: string) {
  return db
    .selectFrom('agreement_scans as s')
    .innerJoin('agreements as a', 'a.id', 's.agreement_id')
    .select(['s.media_type', 's.data_base64'])
    .where('a.event_id', '=', eventId)
    .where('s.agreement_id', '=', agreementId)
    .executeTakeFirst();
}

export async function upsertScanRow(
  db: Executor,
  row: {
    agreement_id: string;
    media_type: string;
    byte_size: number;
    data_base64: string;
    uploaded_at: string;
  },
) {
  await db.deleteFrom('agreement_scans').where('agreement_id', '=', row.agreement_id).execute();
  await db.insertInto('agreement_scans').values(row).execute();
}

export function insertAgreementRow(db: Executor, row: Insertable<AgreementsTable>) {
  return db.insertInto('agreements').values(row).execute();
}

export function updateAgreementRow(db: Executor, id: string, values: Updateable<AgreementsTable>) {
  return db.updateTable('agreements').set(values).where('id', '=', id).execute();
}

export function deleteAgreementRow(db: Executor, id: string) {
  return db.deleteFrom('agreements').where('id', '=', id).execute();
}

export async function replaceParties(db: Executor, agreementId: string, rows: AgreementPartiesTable[]) {
  await db.deleteFrom('agreement_parties').where('agreement_id', '=', agreementId).execute();
  if (rows.length) await db.insertInto('agreement_parties').values(rows).execute();
}

export async function replaceProducts(
  db: Executor,
  eventId: string,
  agreementId: string,
  productIds: string[],
) {
  await db.deleteFrom('agreement_products').where('agreement_id', '=', agreementId).execute();
  if (productIds.length)
    await db
      .insertInto('agreement_products')
      .values(productIds.map((product_id) => ({ agreement_id: agreementId, product_id, event_id: eventId })))
      .execute();
}

export function findUnitRows(db: Executor, ids: string[]) {
  return db
    .selectFrom('units')
    .select(['id', 'kind', 'name'])
    .where('id', 'in', ids.length ? ids : [''])
    .execute();
}

export function findProductOwnerRows(db: Executor, ids: string[]) {
  return db
    .selectFrom('products')
    .select(['id', 'name', 'producer_id'])
    .where('id', 'in', ids.length ? ids : [''])
    .execute();
}

export function findDelegateRows(db: Executor, eventId: string, ids: string[]) {
  return db
    .selectFrom('delegates')
    .select(['id', 'full_name', 'position', 'status', 'replaced_by_id', 'unit_id'])
    .where('event_id', '=', eventId)
    .where('id', 'in', ids.length ? ids : [''])
    .execute();
}

/** Delegates who have been checked in at the door (attendance rows). */
export async function findPresentIds(db: Executor, eventId: string, ids: string[]): Promise<Set<string>> {
  const rows = await db
    .selectFrom('attendance')
    .select('delegate_id')
    .where('event_id', '=', eventId)
    .where('delegate_id', 'in', ids.length ? ids : [''])
    .execute();
  return new Set(rows.map((r) => r.delegate_id));
}

/** Check-in has begun once anyone is in the hall: before that, nobody's presence is known. */
export async function hasCheckinBegun(db: Executor, eventId: string): Promise<boolean> {
  const row = await db
    .selectFrom('attendance')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('event_id', '=', eventId)
    .executeTakeFirst();
  return toCount(row?.n) > 0;
}
