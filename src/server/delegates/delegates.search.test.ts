import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../auth/actor';
import { demoPeople } from '../demo/demo-delegates';
import { createTestContext, type TestContext } from '../test/harness';
import { createGroup, setSeats } from './composition.service';
import { searchDelegateRows } from './delegates.repository';
import { foldedWords, prefixUpperBound, queryWords, termsOf } from './delegates.search';
import { insertSampleDelegates } from './delegates.service';

let ctx: TestContext;
let eventId = '';
const people: { fullName: string; position: string; phone: string; unit: string }[] = [];

beforeAll(async () => {
  ctx = await createTestContext();
  const db = ctx.handle.db;
  const units = [
    await ctx.buildUnit({ name: 'Huyện Hoằng Hóa', shortName: 'Hoằng Hóa' }),
    await ctx.buildUnit({ name: 'Huyện Nga Sơn', shortName: 'Nga Sơn' }),
    await ctx.buildUnit({ name: 'Hợp tác xã Đồng Tiến', shortName: 'HTX Đồng Tiến', kind: 'producer' }),
  ];
  eventId = (await ctx.buildEvent()).id;
  const groupId = await createGroup(db, SYSTEM_ACTOR, eventId, { title: 'Đại biểu' });
  await setSeats(db, SYSTEM_ACTOR, eventId, groupId, {
    seats: units.map((u) => ({ unitId: u.id, quota: 5000 })),
  });
  const person = demoPeople(7);
  const positions = ['Chủ tịch UBND xã', 'Phó Chủ tịch UBND huyện', 'Giám đốc', 'Chuyên viên'];
  const list = Array.from({ length: 3000 }, (_, i) => {
    const unit = units[i % 3]!;
    const p = person(positions[i % positions.length]!);
    people.push({ fullName: p.fullName, position: p.position, phone: p.phone, unit: unit.name });
    return {
      groupId,
      unitId: unit.id,
      organization: unit.name,
      honorific: null,
      fullName: p.fullName,
      position: p.position,
      phone: p.phone,
      email: null,
      gender: p.gender,
      protocolRank: null,
      notes: null,
      status: 'confirmed' as const,
    };
  });
  await insertSampleDelegates(db, eventId, list);
}, 60_000);
afterAll(() => ctx.close());

describe('word-prefix search', () => {
  it('computes the bound above every string with a prefix', () => {
    expect(prefixUpperBound('nguyen')).toBe('nguyeo');
    expect(prefixUpperBound('abz')).toBe('ac');
    expect(prefixUpperBound('a9')).toBe('aa');
    expect(prefixUpperBound('zz')).toBeNull();
    expect(queryWords('  Nguyễn   VĂN  nguyen ')).toEqual(['nguyen', 'van']);
    expect(foldedWords('Phó Chủ tịch UBND huyện Hoằng Hóa')).toEqual([
      'pho',
      'chu',
      'tich',
      'ubnd',
      'huyen',
      'hoang',
      'hoa',
    ]);
  });

  it('finds exactly what checking every delegate finds, in name order, whichever way it searches', async () => {
    const all = await ctx.handle.db
      .selectFrom('delegates')
      .innerJoin('units', 'units.id', 'delegates.unit_id')
      .select([
        'delegates.id',
        'full_name',
        'position',
        'phone',
        'organization',
        'name_key',
        'units.name as unit_name',
        'units.short_name as unit_short_name',
      ])
      .where('event_id', '=', eventId)
      .execute();
    const expectedFor = (q: string) => {
      const words = queryWords(q);
      return all
        .filter((d) => {
          const terms = termsOf({
            fullName: d.full_name,
            position: d.position,
            organization: d.organization,
            unitNames: [d.unit_name, d.unit_short_name],
            phone: d.phone,
          });
          return words.every((w) => terms.some((t) => t.startsWith(w)));
        })
        .sort((a, b) => (a.name_key < b.name_key ? -1 : a.name_key > b.name_key ? 1 : a.id < b.id ? -1 : 1))
        .map((d) => d.id);
    };
    const queries = [
      'nguyen',
      'thi',
      'le thi',
      'pho chu tich',
      'hoang hoa giam',
      'htx dong',
      'quynh',
      'tr',
      'n',
      '0900',
      'xyz',
      'nga son chuyen vien',
    ];
    const strategies = new Set<string>();
    for (const q of queries) {
      const expected = expectedFor(q);
      for (const [limit, offset] of [
        [20, 0],
        [20, 40],
        [200, 0],
      ] as const) {
        const result = await searchDelegateRows(ctx.handle.db, {
          eventId,
          unitIds: null,
          words: queryWords(q),
          sort: 'name',
          limit,
          offset,
        });
        const label = `"${q}" ${limit}@${offset}: ${expected.length} expected`;
        expect(
          result.rows.map((r) => r.id),
          label,
        ).toEqual(expected.slice(offset, offset + limit));
        if (result.totalIsLowerBound) {
          strategies.add('walk');
          expect(result.total, label).toBeLessThanOrEqual(expected.length);
          expect(result.total, label).toBe(offset + limit);
        } else {
          strategies.add(expected.length > 0 ? 'postings' : 'none');
          expect(result.total, label).toBe(expected.length);
        }
      }
    }
    // Both ways of searching were exercised.
    expect([...strategies].sort()).toEqual(['none', 'postings', 'walk']);
  });

  it('keeps a unit officer to their units', async () => {
    const hoangHoa = await ctx.handle.db
      .selectFrom('units')
      .select('id')
      .where('name', '=', 'Huyện Hoằng Hóa')
      .executeTakeFirstOrThrow();
    const result = await searchDelegateRows(ctx.handle.db, {
      eventId,
      unitIds: [hoangHoa.id],
      words: queryWords('nguyen'),
      sort: 'name',
      limit: 500,
      offset: 0,
    });
    expect(result.rows.length).toBeGreaterThan(0);
    expect(result.rows.every((r) => r.unit_id === hoangHoa.id)).toBe(true);
  });
});
