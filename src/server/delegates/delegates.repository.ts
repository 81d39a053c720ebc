import type { ExpressionBuilder, SelectQueryBuilder } from 'kysely';
import type { Executor } from '../db/database';
import type { Database, DelegatesTable } from '../db/schema';
import { toCount } from '../util';
import { prefixUpperBound } from './delegates.search';

export type DelegateRow = DelegatesTable & {
  group_title: string | null;
  unit_name: string | null;
  substitute_for_name: string | null;
  replaced_by_id: string | null;
  replaced_by_name: string | null;
};

function withDetails<O>(query: SelectQueryBuilder<Database, 'delegates', O>) {
  return query
    .leftJoin('composition_groups as g', 'g.id', 'delegates.group_id')
    .leftJoin('units as u', 'u.id', 'delegates.unit_id')
    .leftJoin('delegates as sf', 'sf.id', 'delegates.substitute_for_id')
    .leftJoin('delegates as rb', 'rb.substitute_for_id', 'delegates.id')
    .selectAll('delegates')
    .select([
      'g.title as group_title',
      'u.name as unit_name',
      'sf.full_name as substitute_for_name',
      'rb.id as replaced_by_id',
      'rb.full_name as replaced_by_name',
    ]);
}

export function findDelegateRow(db: Executor, id: string): Promise<DelegateRow | undefined> {
  return withDetails(db.selectFrom('delegates')).where('delegates.id', '=', id).executeTakeFirst();
}

export function findDelegateRowsByIds(db: Executor, ids: string[]): Promise<DelegateRow[]> {
  if (!ids.length) return Promise.resolve([]);
  return withDetails(db.selectFrom('delegates')).where('delegates.id', 'in', ids).execute();
}

export interface DelegateFilter {
  eventId: string;
  /** null: every unit; else only delegates sent by these units. */
  unitIds: string[] | null;
  groupId?: string | undefined;
  unitId?: string | undefined;
  status?: string | undefined;
  /** Query words; each must begin one of the delegate's terms. */
  words: string[];
  sort: 'name' | 'protocol';
  limit: number;
  offset: number;
}

type Where = ExpressionBuilder<Database, 'delegates'>;

function termRange(eb: ExpressionBuilder<Database, 'delegate_terms'>, word: string) {
  const upper = prefixUpperBound(word);
  const from = eb('delegate_terms.term', '>=', word);
  return upper ? eb.and([from, eb('delegate_terms.term', '<', upper)]) : from;
}

/** How many terms begin with `word`, counted up to `cap`. */
async function countTerms(db: Executor, eventId: string, word: string, cap: number): Promise<number> {
  const row = await db
    .selectFrom((qb) =>
      qb
        .selectFrom('delegate_terms')
        .select('delegate_id')
        .where('event_id', '=', eventId)
        .where((eb) => termRange(eb, word))
        .limit(cap)
        .as('hits'),
    )
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return toCount(row.n);
}

const SPARSE = 2000;
const COUNT_CAP = 1000;

/**
 * One page of delegates in name or protocol order. A rare query word drives the search from the terms index
 * and the few matches are sorted; common words walk the delegates in order and stop at the page's end, so
 * neither kind reads the whole event. Totals are exact up to 1,000 matches of a search.
 */
export async function searchDelegateRows(
  db: Executor,
  f: DelegateFilter,
): Promise<{ rows: DelegateRow[]; total: number; totalIsLowerBound: boolean }> {
  let rarest: string | null = null;
  if (f.words.length) {
    let fewest = Number.POSITIVE_INFINITY;
    for (const word of f.words) {
      const n = await countTerms(db, f.eventId, word, SPARSE + 1);
      if (n < fewest) [fewest, rarest] = [n, word];
    }
    if (fewest > SPARSE) rarest = null;
  }

  const filtered = <O>(query: SelectQueryBuilder<Database, 'delegates', O>) => {
    let q = query.where('delegates.event_id', '=', f.eventId);
    if (f.unitIds) q = q.where('delegates.unit_id', 'in', f.unitIds.length ? f.unitIds : ['']);
    if (f.groupId) q = q.where('delegates.group_id', '=', f.groupId);
    if (f.unitId) q = q.where('delegates.unit_id', '=', f.unitId);
    if (f.status) q = q.where('delegates.status', '=', f.status);
    if (rarest) {
      const word = rarest;
      q = q.where('delegates.id', 'in', (eb) =>
        eb
          .selectFrom('delegate_terms')
          .select('delegate_terms.delegate_id')
          .where('delegate_terms.event_id', '=', f.eventId)
          .where((e) => termRange(e, word)),
      );
    }
    for (const word of f.words.filter((w) => w !== rarest)) {
      q = q.where((eb: Where) =>
        eb.exists(
          eb
            .selectFrom('delegate_terms')
            .select('delegate_terms.term')
            .whereRef('delegate_terms.delegate_id', '=', 'delegates.id')
            .where((e) => termRange(e, word)),
        ),
      );
    }
    return q;
  };

  const key = f.sort === 'protocol' ? 'delegates.protocol_key' : 'delegates.name_key';
  const rows = await filtered(withDetails(db.selectFrom('delegates')))
    .orderBy(key)
    .orderBy('delegates.id')
    .limit(f.limit)
    .offset(f.offset)
    .execute();

  const capped = f.words.length > 0 && !rarest;
  const counted = await db
    .selectFrom(() => {
      const base = filtered(db.selectFrom('delegates').select('delegates.id'));
      return (capped ? base.limit(COUNT_CAP + 1) : base).as('matches');
    })
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  const total = toCount(counted.n);
  if (capped && total > COUNT_CAP) return { rows, total: COUNT_CAP, totalIsLowerBound: true };
  return { rows, total, totalIsLowerBound: false };
}

/** Everything of an event (exports, duplicate checks), in protocol order. */
export function findAllDelegateRows(
  db: Executor,
  eventId: string,
  unitIds: string[] | null,
): Promise<DelegateRow[]> {
  let q = withDetails(db.selectFrom('delegates')).where('delegates.event_id', '=', eventId);
  if (unitIds) q = q.where('delegates.unit_id', 'in', unitIds.length ? unitIds : ['']);
  return q.orderBy('delegates.protocol_key').orderBy('delegates.id').execute();
}

/**
 * What duplicate checks compare: the folded name with its sending unit, and the phone. People replaced by a
 * substitute are history and do not count; those who declined do (registering them again is a mistake).
 */
export function findIdentityKeys(db: Executor, eventId: string) {
  return db
    .selectFrom('delegates')
    .select(['id', 'full_name', 'identity_key', 'phone', 'unit_id'])
    .where('event_id', '=', eventId)
    .where('status', '!=', 'replaced')
    .execute();
}

export async function insertDelegateRows(
  db: Executor,
  rows: DelegatesTable[],
  terms: { event_id: string; term: string; delegate_id: string }[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) {
    await db
      .insertInto('delegates')
      .values(rows.slice(i, i + 500))
      .execute();
  }
  for (let i = 0; i < terms.length; i += 2000) {
    await db
      .insertInto('delegate_terms')
      .values(terms.slice(i, i + 2000))
      .execute();
  }
}

export async function updateDelegateRow(
  db: Executor,
  id: string,
  patch: Partial<Omit<DelegatesTable, 'id' | 'event_id'>>,
): Promise<void> {
  await db.updateTable('delegates').set(patch).where('id', '=', id).execute();
}

export async function replaceDelegateTerms(
  db: Executor,
  eventId: string,
  id: string,
  terms: string[],
): Promise<void> {
  await db.deleteFrom('delegate_terms').where('delegate_id', '=', id).execute();
  if (terms.length) {
    await db
      .insertInto('delegate_terms')
      .values(terms.map((term) => ({ event_id: eventId, term, delegate_id: id })))
      .execute();
  }
}

export async function deleteDelegateRow(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('delegates').where('id', '=', id).execute();
}

const pad = (n: number, width: number) => String(Math.min(n, 10 ** width - 1)).padStart(width, '0');

/** Protocol order: the delegate's own rank, else the group's; then the group's place in the plan; then the name. */
export function protocolKey(
  own: number | null,
  group: { protocol_rank: number | null; position: number } | null | undefined,
  nameKey: string,
): string {
  return `${pad(own ?? group?.protocol_rank ?? 999, 3)}${pad(group?.position ?? 9999, 4)}${nameKey}`;
}

/** Recomputes protocol keys after a group's rank or place changed (one group, or all of the event's). */
export async function refreshProtocolKeys(
  db: Executor,
  eventId: string,
  groupId: string | null,
): Promise<void> {
  const groups = new Map(
    (
      await db
        .selectFrom('composition_groups')
        .select(['id', 'protocol_rank', 'position'])
        .where('event_id', '=', eventId)
        .execute()
    ).map((g) => [g.id, g]),
  );
  let q = db
    .selectFrom('delegates')
    .select(['id', 'group_id', 'protocol_rank', 'name_key', 'protocol_key'])
    .where('event_id', '=', eventId);
  if (groupId) q = q.where('group_id', '=', groupId);
  for (const d of await q.execute()) {
    const key = protocolKey(d.protocol_rank, d.group_id ? groups.get(d.group_id) : null, d.name_key);
    if (key !== d.protocol_key) await updateDelegateRow(db, d.id, { protocol_key: key });
  }
}
