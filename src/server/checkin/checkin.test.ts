import { createHash } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckinResult, RoomSummary } from '../../shared/checkin';
import { SYSTEM_ACTOR } from '../auth/actor';
import { createGroup, setSeats } from '../delegates/composition.service';
import { createDelegate } from '../delegates/delegates.service';
import { issueReplyLink } from '../replies/replies.service';
import { createTestContext, type TestContext } from '../test/harness';
import { roomEvents } from '../test/sse';

let ctx: TestContext;
let desk = '';
let viewer = '';
let eventId = '';
let otherEventId = '';
let groupId = '';
let unitId = '';
let seq = 0;

const post = (url: string, payload: object, cookie = desk) =>
  ctx.app.inject({ method: 'POST', url: `/api/events/${eventId}${url}`, headers: { cookie }, payload });
const scan = (fields: object, at = new Date().toISOString(), deviceId = 'may-1') =>
  post('/checkins', { clientId: `scan-${++seq}-${Math.random()}`, scannedAt: at, deviceId, ...fields });

async function person(fullName: string, event = eventId, group = groupId) {
  return (
    await createDelegate(ctx.handle.db, SYSTEM_ACTOR, { all: true }, event, {
      groupId: group,
      unitId,
      fullName,
    })
  ).id;
}
const tokenOf = async (delegateId: string, event = eventId) =>
  (await issueReplyLink(ctx.handle.db, ctx.secretKey, SYSTEM_ACTOR, { all: true }, event, delegateId)).token;
const count = async (table: 'checkins' | 'attendance', where: { outcome?: string } = {}) => {
  let q = ctx.handle.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('event_id', '=', eventId);
  if (where.outcome) q = q.where('outcome' as never, '=', where.outcome as never);
  return Number((await q.executeTakeFirstOrThrow()).n);
};

beforeAll(async () => {
  ctx = await createTestContext();
  unitId = (await ctx.buildUnit({ name: 'Huyện Hoằng Hóa', adminCode: '399' })).id;
  eventId = (await ctx.buildEvent()).id;
  otherEventId = (await ctx.buildEvent()).id;
  const staff = await ctx.buildUser({ username: 'le-tan' });
  await ctx.addMember(eventId, staff.id, 'checkin');
  desk = await ctx.login('le-tan');
  const watcher = await ctx.buildUser({ username: 'lanh-dao' });
  await ctx.addMember(eventId, watcher.id, 'viewer');
  viewer = await ctx.login('lanh-dao');
  groupId = await createGroup(ctx.handle.db, SYSTEM_ACTOR, eventId, { title: 'Lãnh đạo huyện' });
  await setSeats(ctx.handle.db, SYSTEM_ACTOR, eventId, groupId, { seats: [{ unitId, quota: 500 }] });
});
afterAll(() => ctx.close());

describe('checking in', () => {
  it('checks in by QR (the reply link or its token), once per client id, and answers a retry the same way', async () => {
    const id = await person('Nguyễn Thị Hằng');
    const token = await tokenOf(id);
    const body = {
      token: `https://hoinghi.example/r/${token}`,
      clientId: 'may-1-000001',
      scannedAt: '2020-11-27T00:31:05.120Z',
      deviceId: 'may-1',
    };
    const first = await post('/checkins', body);
    expect(first.statusCode).toBe(200);
    const result: CheckinResult = first.json();
    expect(result).toMatchObject({
      status: 'checked_in',
      checkedInAt: '2020-11-27T00:31:05.120Z',
      delegate: { id, fullName: 'Nguyễn Thị Hằng', groupTitle: 'Lãnh đạo huyện', status: 'checked_in' },
    });
    // The offline list: searchable by name (not by the group's long title), the QR only as its SHA-256.
    const snapshot = (
      await ctx.app.inject({
        method: 'GET',
        url: `/api/events/${eventId}/checkin-snapshot`,
        headers: { cookie: desk },
      })
    ).json();
    const entry = snapshot.delegates.find((d: { id: string }) => d.id === id);
    expect(entry).toMatchObject({ searchKey: 'nguyen thi hang', checkedInAt: '2020-11-27T00:31:05.120Z' });
    expect(entry.tokenHash).toBe(createHash('sha256').update(token).digest('hex'));
    expect(JSON.stringify(snapshot)).not.toContain(token);
    const retry = await post('/checkins', body);
    expect(retry.json()).toEqual(result);
    expect(await count('checkins')).toBe(1);

    const again = await scan({ token }, '2020-11-27T00:40:00.000Z', 'may-2');
    expect(again.json()).toMatchObject({
      status: 'already_checked_in',
      checkedInAt: '2020-11-27T00:31:05.120Z',
    });
    expect(await count('checkins', { outcome: 'duplicate' })).toBe(1);
    expect(await count('attendance')).toBe(1);
    const duplicates = (
      await ctx.app.inject({
        method: 'GET',
        url: `/api/events/${eventId}/checkins/duplicates`,
        headers: { cookie: desk },
      })
    ).json();
    expect(duplicates).toEqual([
      expect.objectContaining({ fullName: 'Nguyễn Thị Hằng', deviceId: 'may-2', firstDeviceId: 'may-1' }),
    ]);
  });

  it('refuses an unknown token, another event’s token and another event’s delegate, with 404', async () => {
    const unknown = await scan({ token: 'khong-co-ma-nay' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('UNKNOWN_TOKEN');
    const otherGroup = await createGroup(ctx.handle.db, SYSTEM_ACTOR, otherEventId, { title: 'Khác' });
    await setSeats(ctx.handle.db, SYSTEM_ACTOR, otherEventId, otherGroup, { seats: [{ unitId, quota: 5 }] });
    const stranger = await person('Trần Văn Khác', otherEventId, otherGroup);
    const foreignToken = await scan({ token: await tokenOf(stranger, otherEventId) });
    expect(foreignToken.statusCode).toBe(404);
    expect(foreignToken.json().error.code).toBe('UNKNOWN_TOKEN');
    const foreignDelegate = await scan({ delegateId: stranger });
    expect(foreignDelegate.statusCode).toBe(404);
    expect(foreignDelegate.json().error.code).toBe('NOT_FOUND');
    const both = await scan({ delegateId: stranger, token: 'x' });
    expect(both.statusCode).toBe(400);
  });

  it('two offline devices scan the same 50 people, then sync in either order: each counted once, 50 duplicates', async () => {
    for (const order of [
      ['early', 'late'],
      ['late', 'early'],
    ] as const) {
      const ids: string[] = [];
      for (let i = 0; i < 50; i++)
        ids.push(await person(`Lê Văn ${order[0]} ${String.fromCharCode(65 + (i % 26))}${i}`));
      const beforeAttendance = await count('attendance');
      const beforeDuplicates = await count('checkins', { outcome: 'duplicate' });
      const queue = (device: string, base: number) =>
        ids.map((delegateId, i) => ({
          delegateId,
          clientId: `${device}-${order[0]}-${i}`,
          scannedAt: new Date(base + i * 1000).toISOString(),
          deviceId: device,
        }));
      const queues = {
        early: queue('may-A', Date.UTC(2020, 10, 27, 0, 30)),
        late: queue('may-B', Date.UTC(2020, 10, 27, 0, 35)),
      };
      for (const which of order) {
        const response = await post('/checkins/batch', { checkins: queues[which] });
        expect(response.statusCode).toBe(200);
        expect(response.json().results.every((r: { error: unknown }) => r.error === null)).toBe(true);
      }
      // A retried upload of either queue changes nothing.
      await post('/checkins/batch', { checkins: queues.late });
      expect(await count('attendance')).toBe(beforeAttendance + 50);
      expect(await count('checkins', { outcome: 'duplicate' })).toBe(beforeDuplicates + 50);
      const kept = await ctx.handle.db
        .selectFrom('attendance as a')
        .innerJoin('checkins as c', 'c.id', 'a.checkin_id')
        .select(['a.checked_in_at', 'c.device_id'])
        .where('a.delegate_id', 'in', ids)
        .execute();
      expect(kept).toHaveLength(50);
      expect(new Set(kept.map((k) => k.device_id))).toEqual(new Set(['may-A']));
      expect(kept.every((k) => k.checked_in_at < new Date(Date.UTC(2020, 10, 27, 0, 35)).toISOString())).toBe(
        true,
      );
    }
  });

  it('a batch answers each scan on its own: an unknown QR does not hold back the rest', async () => {
    const id = await person('Phạm Văn Lô');
    const response = await post('/checkins/batch', {
      checkins: [
        { token: 'ma-la', clientId: 'lo-000001', scannedAt: new Date().toISOString(), deviceId: 'may-3' },
        { delegateId: id, clientId: 'lo-000002', scannedAt: new Date().toISOString(), deviceId: 'may-3' },
      ],
    });
    const [bad, good] = response.json().results;
    expect(bad).toMatchObject({ clientId: 'lo-000001', result: null, error: { code: 'UNKNOWN_TOKEN' } });
    expect(good).toMatchObject({ clientId: 'lo-000002', result: { status: 'checked_in' }, error: null });
  });

  it('scans arriving together (several desks at once) are each stored or refused on their own, answered once stored', async () => {
    const people = await Promise.all(Array.from({ length: 40 }, (_, i) => person(`Đỗ Văn Cùng ${i}`)));
    const before = { scans: await count('checkins'), present: await count('attendance') };
    const at = new Date().toISOString();
    // 40 people, each scanned twice by two desks under different client ids; 6 unknown QR codes; 4 client ids
    // that another person already used (a desk whose counter was reset): all sent at the same moment.
    const answers = await Promise.all([
      ...people.map((id, i) =>
        post('/checkins', { delegateId: id, clientId: `cung-a-${i}`, scannedAt: at, deviceId: 'a' }),
      ),
      ...people.map((id, i) =>
        post('/checkins', { delegateId: id, clientId: `cung-b-${i}`, scannedAt: at, deviceId: 'b' }),
      ),
      ...Array.from({ length: 6 }, (_, i) =>
        post('/checkins', { token: `khong-co-${i}`, clientId: `cung-x-${i}`, scannedAt: at, deviceId: 'c' }),
      ),
      ...Array.from({ length: 4 }, (_, i) =>
        post('/checkins', {
          delegateId: people[i + 10]!,
          clientId: `cung-a-${i}`,
          scannedAt: at,
          deviceId: 'c',
        }),
      ),
    ]);
    const codes = answers.map((a) => a.statusCode);
    expect(codes.slice(0, 80).every((c) => c === 200)).toBe(true);
    expect(codes.slice(80, 86)).toEqual([404, 404, 404, 404, 404, 404]);
    expect(codes.slice(86).every((c) => c === 409)).toBe(true);
    const statuses = answers.slice(0, 80).map((a) => a.json().status);
    expect(statuses.filter((s) => s === 'checked_in')).toHaveLength(40);
    expect(statuses.filter((s) => s === 'already_checked_in')).toHaveLength(40);
    // Every acknowledged scan is stored, the refused ones are not, and each person counts once.
    expect(await count('checkins')).toBe(before.scans + 80);
    expect(await count('attendance')).toBe(before.present + 40);
  });
});

describe('at the desk', () => {
  it('hands documents after check-in, registers a walk-in with a reason, accepts a substitute', async () => {
    const id = await person('Đỗ Thị Mai');
    const early = await post(`/checkins/${id}/documents`, {});
    expect(early.statusCode).toBe(409);
    await scan({ delegateId: id });
    const handed = await post(`/checkins/${id}/documents`, {});
    expect(handed.json().documentsAt).toMatch(/^\d{4}-/);

    const walkIn = await post('/checkins/walk-in', {
      fullName: 'Lê Văn Báo',
      organization: 'Báo Thanh Hóa',
      reason: 'Phóng viên đưa tin',
      clientId: 'walk-000001',
      scannedAt: new Date().toISOString(),
      deviceId: 'may-1',
    });
    expect(walkIn.json()).toMatchObject({
      status: 'checked_in',
      delegate: { fullName: 'Lê Văn Báo', groupTitle: null },
    });

    const absent = await person('Hoàng Văn Vắng');
    const absentToken = await tokenOf(absent);
    const stand = await post('/checkins/substitute', {
      delegateId: absent,
      fullName: 'Hoàng Thị Thay',
      position: 'Phó Chủ tịch UBND huyện',
      clientId: 'sub-000001',
      scannedAt: new Date().toISOString(),
      deviceId: 'may-1',
    });
    expect(stand.statusCode).toBe(200);
    expect(stand.json()).toMatchObject({
      status: 'checked_in',
      delegate: { fullName: 'Hoàng Thị Thay', groupTitle: 'Lãnh đạo huyện' },
    });
    const replaced = await scan({ token: absentToken });
    expect(replaced.statusCode).toBe(409);
    const byId = await scan({ delegateId: absent });
    expect(byId.statusCode).toBe(409);
    expect(byId.json().error.message).toContain('Hoàng Thị Thay');
  });

  it('the room summary counts arrivals per group; walk-ins apart; viewers watch, cannot scan', async () => {
    const room: RoomSummary = (
      await ctx.app.inject({ method: 'GET', url: `/api/events/${eventId}/room`, headers: { cookie: viewer } })
    ).json();
    const attended = await count('attendance');
    expect(room.arrived).toBe(attended);
    expect(room.walkIns).toBe(1);
    const group = room.groups.find((g) => g.title === 'Lãnh đạo huyện')!;
    expect(group.arrived).toBe(attended - 1);
    expect(room.expected).toBe(group.expected);
    expect((await scan({ delegateId: 'x' }, undefined, 'may-9')).statusCode).toBe(404);
    const denied = await ctx.app.inject({
      method: 'POST',
      url: `/api/events/${eventId}/checkins`,
      headers: { cookie: viewer },
      payload: {
        delegateId: 'x',
        clientId: 'viewer-0001',
        scannedAt: new Date().toISOString(),
        deviceId: 'x',
      },
    });
    expect(denied.statusCode).toBe(403);
  });

  it('streams the room over Server-Sent Events and updates within a second of a check-in', async () => {
    await ctx.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = ctx.app.server.address() as AddressInfo;
    const controller = new AbortController();
    const response = await fetch(`http://127.0.0.1:${port}/api/events/${eventId}/room/live`, {
      headers: { cookie: viewer, accept: 'text/event-stream' },
      signal: controller.signal,
    });
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const nextRoom = roomEvents(response);
    const first = await nextRoom();
    const id = await person('Vũ Văn Trực');
    const started = Date.now();
    await scan({ delegateId: id });
    const second = await nextRoom();
    expect(second.arrived).toBe(first.arrived + 1);
    expect(Date.now() - started).toBeLessThan(1000);
    controller.abort();
  });
});
