import { type ExpressionBuilder, PostgresAdapter, type SelectQueryBuilder, sql } from 'kysely';
import type { Executor } from '../db/database';
import type { Database, DelegatesTable } from '../db/schema';
import { toCount } from '../util';
import { prefixUpperBound } from './delegates.search';

export type DelegateRow = DelegatesTable & {
  group_title: string | null;
  unit_name: string | null;
  substitute_for_name: string | null;
  replaced_by_name: string | null;
};

function withDetails<O>(query: SelectQueryBuilder<Database, 'delegates', O>) {
  return query
    .leftJoin('composition_groups as g', 'g.id', 'delegates.group_id')
    .leftJoin('units as u', 'u.id', 'delegates.unit_id')
    .leftJoin('delegates as sf', 'sf.id', 'delegates.substitute_for_id')
    .leftJoin('delegates as rb', 'rb.id', 'delegates.replaced_by_id')
    .selectAll('delegates')
    .select([
      'g.title as group_title',
      'u.name as unit_name',
      'sf.full_name as substitute_for_name',
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

// biome-ignore lint/suspicious/noExplicitAny: the same range on delegate_terms under any alias
function termRange(eb: ExpressionBuilder<any, any>, word: string, column = 'delegate_terms.term') {
  const upper = prefixUpperBound(word);
  const from = eb(column, '>=', word);
  return upper ? eb.and([from, eb(column, '<', upper)]) : from;
}

/** How far a search walks the event in list order before it looks the words up instead. */
const WINDOW = 2500;
/** The first walk, to tell dense matches from sparse ones cheaply. */
const SAMPLE = 300;
/** A word this rare goes straight to its postings. */
const FEW = 500;

/**
 * `id IN (…)` for a list of ids: one array parameter on PostgreSQL (thousands of separate parameters cost it more
 * to parse and plan than to run), plain parameters on SQLite.
 */
function idIn(db: Executor, ids: string[]) {
  return db.getExecutor().adapter instanceof PostgresAdapter
    ? sql<boolean>`${sql.ref('delegates.id')} = any(${ids}::text[])`
    : sql<boolean>`${sql.ref('delegates.id')} in (${sql.join(ids)})`;
}

/**
 * One page of delegates in name or protocol order, without reading the whole event whatever is typed:
 *
 * - no words: the event in index order, counted exactly;
 * - a rare word (fewer than 500 terms begin with it): the words' postings are intersected in the terms index,
 *   and only those delegates are read, sorted and counted exactly;
 * - only common words ("nguyen", "pho chu tich"): rows are checked word by word in list order until the page is
 *   full, within a window of 2,500 rows; the total is then a lower bound ("more than 50"). When the window holds
 *   less than a page, the postings are intersected as above.
 */
export async function searchDelegateRows(
  db: Executor,
  f: DelegateFilter,
): Promise<{ rows: DelegateRow[]; total: number; totalIsLowerBound: boolean }> {
  const key = f.sort === 'protocol' ? 'delegates.protocol_key' : 'delegates.name_key';
  const scoped = <O>(query: SelectQueryBuilder<Database, 'delegates', O>) => {
    let q = query;
    if (f.unitIds) q = q.where('delegates.unit_id', 'in', f.unitIds.length ? f.unitIds : ['']);
    if (f.groupId) q = q.where('delegates.group_id', '=', f.groupId);
    if (f.unitId) q = q.where('delegates.unit_id', '=', f.unitId);
    if (f.status) q = q.where('delegates.status', '=', f.status);
    return q;
  };
  const matching = <O>(query: SelectQueryBuilder<Database, 'delegates', O>, words: string[]) => {
    let q = query;
    for (const word of words) {
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
  const page = (ids: string[]) =>
    ids.length
      ? withDetails(db.selectFrom('delegates'))
          .where('delegates.id', 'in', ids)
          .orderBy(key)
          .orderBy('delegates.id')
          .execute()
      : Promise.resolve([]);

  if (!f.words.length) {
    const inEvent = scoped(db.selectFrom('delegates').where('delegates.event_id', '=', f.eventId));
    const [rows, counted] = await Promise.all([
      withDetails(scoped(db.selectFrom('delegates').where('delegates.event_id', '=', f.eventId)))
        .orderBy(key)
        .orderBy('delegates.id')
        .limit(f.limit)
        .offset(f.offset)
        .execute(),
      inEvent.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { rows, total: toCount(counted.n), totalIsLowerBound: false };
  }

  // A rare word (fewer postings than the window holds) means few matches: look them up directly.
  const rare = await Promise.all(f.words.map((word) => hasFewPostings(db, f.eventId, word)));
  if (rare.some(Boolean)) return byPostings(db, f, key, scoped, page);

  // Common words: walk the list in order, checking each row's words, until the page is full (within a window).
  // A short walk first tells how dense the matches are; where a full window could not fill the page, the
  // postings are read instead.
  const wanted = f.offset + f.limit;
  const walk = (rows: number) =>
    matching(
      db.selectFrom(
        scoped(db.selectFrom('delegates').where('delegates.event_id', '=', f.eventId))
          .select(['delegates.id', `${key} as sort_key` as never])
          .orderBy(key)
          .limit(rows)
          .as('delegates'),
      ) as unknown as SelectQueryBuilder<Database, 'delegates', object>,
      f.words,
    )
      .select(['delegates.id'])
      .orderBy(sql.ref('sort_key'))
      .orderBy('delegates.id')
      .limit(wanted)
      .execute();
  let found = await walk(SAMPLE);
  if (found.length < wanted && found.length * (WINDOW / SAMPLE) >= wanted) found = await walk(WINDOW);
  if (found.length === wanted) {
    // Counting every match would read the whole event; the page says "more than" instead.
    const rows = await page(found.slice(f.offset).map((r) => r.id));
    return { rows, total: wanted, totalIsLowerBound: true };
  }

  return byPostings(db, f, key, scoped, page);
}

/** Whether fewer than FEW terms begin with `word` (an index range, counted up to that). */
async function hasFewPostings(db: Executor, eventId: string, word: string): Promise<boolean> {
  const row = await db
    .selectFrom((qb) =>
      qb
        .selectFrom('delegate_terms')
        .select('delegate_id')
        .where('event_id', '=', eventId)
        .where((eb) => termRange(eb, word))
        .limit(FEW)
        .as('hits'),
    )
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return toCount(row.n) < FEW;
}

type Scoped = <O>(
  query: SelectQueryBuilder<Database, 'delegates', O>,
) => SelectQueryBuilder<Database, 'delegates', O>;

/**
 * Few matches: each word's postings (index ranges, nothing else read) intersected; the survivors' sort keys
 * read by id, sorted, counted exactly, and one page of them read in full.
 */
async function byPostings(
  db: Executor,
  f: DelegateFilter,
  key: 'delegates.name_key' | 'delegates.protocol_key',
  scoped: Scoped,
  page: (ids: string[]) => Promise<DelegateRow[]>,
): Promise<{ rows: DelegateRow[]; total: number; totalIsLowerBound: boolean }> {
  const postings = (word: string) =>
    db
      .selectFrom('delegate_terms')
      .select('delegate_terms.delegate_id')
      .where('delegate_terms.event_id', '=', f.eventId)
      .where((e) => termRange(e, word));
  const [first, ...rest] = f.words;
  const survivors = rest.reduce((q, word) => q.intersect(postings(word)), postings(first!));
  // The survivors come first, on their own: with their ids spelled out, both planners go straight to them.
  const ids = (await survivors.execute()).map((r) => r.delegate_id);
  if (!ids.length) return { rows: [], total: 0, totalIsLowerBound: false };
  if (ids.length <= 200) {
    // A handful: read them in full at once.
    const all = await scoped(withDetails(db.selectFrom('delegates')).where(idIn(db, ids)))
      .orderBy(key)
      .orderBy('delegates.id')
      .execute();
    return { rows: all.slice(f.offset, f.offset + f.limit), total: all.length, totalIsLowerBound: false };
  }
  const matched: { id: string }[] = [];
  for (let i = 0; i < ids.length; i += 5000) {
    matched.push(
      ...(await scoped(
        db
          .selectFrom('delegates')
          .select(['delegates.id', `${key} as sort_key` as never])
          .where(idIn(db, ids.slice(i, i + 5000))),
      ).execute()),
    );
  }
  const sorted = (matched as unknown as { id: string; sort_key: string }[]).sort((a, b) =>
    a.sort_key < b.sort_key ? -1 : a.sort_key > b.sort_key ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0,
  );
  const pageIds = sorted.slice(f.offset, f.offset + f.limit).map((r) => r.id);
  return { rows: await page(pageIds), total: sorted.length, totalIsLowerBound: false };
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

/** The people one candidate could duplicate (same identity key, or same phone), through the two indexes. */
export function findDuplicateCandidates(
  db: Executor,
  eventId: string,
  identityKey: string,
  phone: string | null,
  exceptId?: string,
) {
  let q = db
    .selectFrom('delegates')
    .select(['id', 'full_name', 'identity_key', 'phone', 'unit_id'])
    .where('event_id', '=', eventId)
    .where('status', '!=', 'replaced')
    .where((eb) =>
      phone
        ? eb.or([eb('identity_key', '=', identityKey), eb('phone', '=', phone)])
        : eb('identity_key', '=', identityKey),
    );
  if (exceptId) q = q.where('id', '!=', exceptId);
  return q.orderBy('id').execute();
}

const INTEGER_COLUMNS = new Set<string>(['protocol_rank', 'derived_rank', 'is_sample']);

/**
 * Many rows in few statements. PostgreSQL takes each column as one array (`unnest`), which it parses and plans
 * far faster than thousands of VALUES tuples; SQLite takes plain multi-row inserts.
 */
async function insertMany<T extends 'delegates' | 'delegate_terms'>(
  db: Executor,
  table: T,
  rows: Database[T][],
  chunk: number,
): Promise<void> {
  if (!rows.length) return;
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  const columns = Object.keys(rows[0]!) as (keyof Database[T] & string)[];
  for (let i = 0; i < rows.length; i += chunk) {
    const slice = rows.slice(i, i + chunk);
    if (postgres) {
      const arrays = columns.map(
        (c) => sql`${slice.map((r) => r[c])}::${sql.raw(INTEGER_COLUMNS.has(c) ? 'integer[]' : 'text[]')}`,
      );
      await sql`insert into ${sql.table(table)} (${sql.join(columns.map((c) => sql.ref(c)))}) select * from unnest(${sql.join(arrays)})`.execute(
        db,
      );
    } else {
      await db
        .insertInto(table)
        .values(slice as never)
        .execute();
    }
  }
}

export async function insertDelegateRows(
  db: Executor,
  rows: DelegatesTable[],
  terms: { event_id: string; term: string; delegate_id: string }[],
): Promise<void> {
  await insertMany(db, 'delegates', rows, 500);
  await insertMany(db, 'delegate_terms', terms, 2000);
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

/**
 * Protocol order: the person's rank (the organizer's override, else derived from the post), then the group's
 * rank and place in the plan, then the name.
 */
export function protocolKey(
  rank: number | null,
  group: { protocol_rank: number | null; position: number } | null | undefined,
  nameKey: string,
): string {
  return `${pad(rank ?? 999, 3)}${pad(group?.protocol_rank ?? 999, 3)}${pad(group?.position ?? 9999, 4)}${nameKey}`;
}

export async function refreshProtocolKeys(
  db: Executor,
  eventId: string,
  groupId: string | null,
  ranker?: { rank(position: string | null, unitId: string | null): { rank: number; reason: string } },
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
    .select([
      'id',
      'group_id',
      'unit_id',
      'position',
      'protocol_rank',
      'derived_rank',
      'rank_reason',
      'name_key',
      'protocol_key',
    ])
    .where('event_id', '=', eventId);
  if (groupId) q = q.where('group_id', '=', groupId);
  for (const d of await q.execute()) {
    const derived = ranker
      ? ranker.rank(d.position, d.unit_id)
      : { rank: d.derived_rank, reason: d.rank_reason };
    const key = protocolKey(
      d.protocol_rank ?? derived.rank,
      d.group_id ? groups.get(d.group_id) : null,
      d.name_key,
    );
    if (key !== d.protocol_key || derived.rank !== d.derived_rank || derived.reason !== d.rank_reason) {
      await updateDelegateRow(db, d.id, {
        protocol_key: key,
        derived_rank: derived.rank,
        rank_reason: derived.reason,
      });
    }
  }
}

export async function findDelegateIdsOfEvent(
  db: Executor,
  eventId: string,
  ids: string[],
): Promise<string[]> {
  if (!ids.length) return [];
  const rows = await db
    .selectFrom('delegates')
    .select('id')
    .where('event_id', '=', eventId)
    .where('id', 'in', ids)
    .execute();
  return rows.map((r) => r.id);
}

/** Every search term of an event's delegates: erasing personal data leaves nothing to find a person by. */
export async function deleteEventDelegateTerms(db: Executor, eventId: string): Promise<void> {
  await db.deleteFrom('delegate_terms').where('event_id', '=', eventId).execute();
}

/** How many delegates a list of the event reaches (exports record it), optionally only in some statuses. */
export async function countDelegateRows(
  db: Executor,
  eventId: string,
  unitIds: string[] | null,
  statuses: string[] | null,
): Promise<number> {
  let q = db
    .selectFrom('delegates')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('event_id', '=', eventId);
  if (unitIds) q = q.where('unit_id', 'in', unitIds.length ? unitIds : ['']);
  if (statuses) q = q.where('status', 'in', statuses);
  return toCount((await q.executeTakeFirstOrThrow()).n);
}

/** The events holding delegates (only those with people not ranked yet, for the start-up catch-up). */
export async function findEventIdsWithDelegates(
  db: Executor,
  f: { unrankedOnly: boolean },
): Promise<string[]> {
  let q = db.selectFrom('delegates').select('event_id').distinct();
  if (f.unrankedOnly) q = q.where('derived_rank', 'is', null);
  return (await q.execute()).map((r) => r.event_id);
}

export async function findDelegateUnitIds(db: Executor, eventId: string): Promise<(string | null)[]> {
  const rows = await db
    .selectFrom('delegates')
    .select('unit_id')
    .distinct()
    .where('event_id', '=', eventId)
    .execute();
  return rows.map((r) => r.unit_id);
}
