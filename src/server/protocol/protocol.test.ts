import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Delegate } from '../../shared/delegates';
import type { TitleRank } from '../../shared/protocol';
import { SYSTEM_ACTOR } from '../auth/actor';
import { createGroup, setSeats } from '../delegates/composition.service';
import { createDelegate } from '../delegates/delegates.service';
import { createTestContext, type TestContext } from '../test/harness';

let ctx: TestContext;
let admin = '';
let organizer = '';
let otherOrganizer = '';
let eventId = '';
let otherEventId = '';
const people: Record<string, string> = {};

const call = (cookie: string, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) =>
  ctx.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
const protocolList = async () =>
  (await call(organizer, 'GET', `/api/events/${eventId}/delegates?sort=protocol&pageSize=50`)).json()
    .items as Delegate[];

beforeAll(async () => {
  ctx = await createTestContext();
  const db = ctx.handle.db;
  await ctx.buildUser({ username: 'quantri', isAdmin: true });
  admin = await ctx.login('quantri');
  eventId = (await ctx.buildEvent({ name: 'Hội nghị tổng kết' })).id;
  otherEventId = (await ctx.buildEvent({ name: 'Hội nghị khác' })).id;
  const user = await ctx.buildUser({ username: 'btc-le-tan' });
  await ctx.addMember(eventId, user.id, 'organizer');
  organizer = await ctx.login('btc-le-tan');
  const other = await ctx.buildUser({ username: 'btc-khac' });
  await ctx.addMember(otherEventId, other.id, 'organizer');
  otherOrganizer = await ctx.login('btc-khac');
  const province = (await ctx.buildUnit({ kind: 'provincial_leadership', name: 'UBND tỉnh Thanh Hóa' })).id;
  const central = (
    await ctx.buildUnit({ kind: 'central_agency', name: 'Văn phòng Điều phối NTM Trung ương' })
  ).id;
  const group = await createGroup(db, SYSTEM_ACTOR, eventId, { title: 'Đại biểu' });
  await setSeats(db, SYSTEM_ACTOR, eventId, group, {
    seats: [
      { unitId: province, quota: 5 },
      { unitId: central, quota: 5 },
    ],
  });
  for (const [key, fullName, unitId, position] of [
    ['cv', 'Lê Văn Chuyên', central, 'Chuyên viên'],
    ['pcvp', 'Hà Thị Phó', central, 'Phó Chánh Văn phòng'],
    ['pct', 'Đỗ Văn Giang', province, 'PCT UBND tỉnh'],
    ['ct', 'Mai Xuân Tuấn', province, 'Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh'],
  ] as const) {
    people[key] = (
      await createDelegate(db, SYSTEM_ACTOR, { all: true }, eventId, {
        groupId: group,
        unitId,
        fullName,
        position,
      })
    ).id;
  }
});
afterAll(() => ctx.close());

describe('protocol order through the API', () => {
  it('lists people by the rank of their post, each with the rank and its reason', async () => {
    const items = await protocolList();
    expect(items.map((d) => [d.fullName, d.protocolRank])).toEqual([
      ['Mai Xuân Tuấn', 40],
      ['Đỗ Văn Giang', 90],
      ['Hà Thị Phó', 130],
      ['Lê Văn Chuyên', 400],
    ]);
    expect(items[0]!.rankReason).toBe('Chủ tịch UBND tỉnh — bậc 40, cấp tỉnh');
  });

  it('lets only an admin edit the ladder, and an edit re-ranks the people it names', async () => {
    const titles = (await call(organizer, 'GET', '/api/protocol/titles')).json().items as TitleRank[];
    const specialist = titles.find((t) => t.label === 'Chuyên viên')!;
    const body = { ...specialist, id: undefined, rank: 95 };
    delete body.id;
    expect((await call(organizer, 'PUT', `/api/protocol/titles/${specialist.id}`, body)).statusCode).toBe(
      403,
    );
    const saved = await call(admin, 'PUT', `/api/protocol/titles/${specialist.id}`, body);
    expect(saved.statusCode).toBe(200);
    expect((await protocolList()).map((d) => d.fullName)).toEqual([
      'Mai Xuân Tuấn',
      'Đỗ Văn Giang',
      'Lê Văn Chuyên',
      'Hà Thị Phó',
    ]);
    await call(admin, 'PUT', `/api/protocol/titles/${specialist.id}`, { ...body, rank: 400 });
    expect((await protocolList()).at(-1)!.fullName).toBe('Lê Văn Chuyên');
  });

  it('shows an admin who a ladder edit would re-rank before saving it, and nothing changes until then', async () => {
    const titles = (await call(admin, 'GET', '/api/protocol/titles')).json().items as TitleRank[];
    const specialist = titles.find((t) => t.label === 'Chuyên viên')!;
    const { id, ...rule } = specialist;
    const edit = { id, rule: { ...rule, rank: 95 } };
    expect((await call(organizer, 'POST', '/api/protocol/titles/preview', edit)).statusCode).toBe(403);
    const preview = await call(admin, 'POST', '/api/protocol/titles/preview', edit);
    expect(preview.statusCode).toBe(200);
    const mine = preview.json().items.filter((i: { eventId: string }) => i.eventId === eventId);
    expect(mine).toEqual([
      expect.objectContaining({
        fullName: 'Lê Văn Chuyên',
        eventName: 'Hội nghị tổng kết',
        before: { rank: 400, reason: 'Chuyên viên — bậc 400, cấp Trung ương' },
        after: { rank: 95, reason: 'Chuyên viên — bậc 95, cấp Trung ương' },
      }),
    ]);
    expect(preview.json().total).toBeGreaterThanOrEqual(1);
    // Deleting the rule: the specialist falls back to the central level's default.
    const removal = (await call(admin, 'POST', '/api/protocol/titles/preview', { id, rule: null })).json();
    expect(
      removal.items.find((i: { fullName: string }) => i.fullName === 'Lê Văn Chuyên').after.reason,
    ).toMatch(/^Chưa nhận ra chức vụ "Chuyên viên"/);
    expect((await protocolList()).at(-1)).toMatchObject({ fullName: 'Lê Văn Chuyên', protocolRank: 400 });
    const missing = await call(admin, 'POST', '/api/protocol/titles/preview', { id: 'khong-co', rule: null });
    expect(missing.statusCode).toBe(404);
  });

  it('sets the chair and presidium from the event’s own people only', async () => {
    const foreign = (
      await createDelegate(ctx.handle.db, SYSTEM_ACTOR, { all: true }, otherEventId, {
        fullName: 'Người Khác',
      })
    ).id;
    const refused = await call(organizer, 'PUT', `/api/events/${eventId}/presidium`, {
      items: [{ delegateId: foreign, role: 'chair' }],
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details[0]).toMatchObject({ field: 'items.0.delegateId' });
    expect(
      (
        await call(otherOrganizer, 'PUT', `/api/events/${eventId}/presidium`, {
          items: [{ delegateId: people.pct, role: 'chair' }],
        })
      ).statusCode,
    ).toBe(403);
    const set = await call(organizer, 'PUT', `/api/events/${eventId}/presidium`, {
      items: [
        { delegateId: people.ct, role: 'member' },
        { delegateId: people.pct, role: 'chair' },
      ],
    });
    expect(
      set.json().items.map((i: { fullName: string; role: string }) => `${i.role} ${i.fullName}`),
    ).toEqual(['chair Đỗ Văn Giang', 'member Mai Xuân Tuấn']);
    await call(organizer, 'POST', `/api/events/${eventId}/seating/auto`, { reset: true });
    const seating = (await call(organizer, 'GET', `/api/events/${eventId}/seating`)).json();
    const seatOf = (id: string) =>
      seating.seats.find((s: { delegateId: string }) => s.delegateId === id).seat;
    expect([seatOf(people.pct!), seatOf(people.ct!), seatOf(people.pcvp!)]).toEqual(['A16', 'A17', 'A15']);
    // Staff never in the two reserved rows.
    expect(seatOf(people.cv!)).toBe('C16');
  });
});
