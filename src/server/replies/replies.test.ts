import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Composition } from '../../shared/delegates';
import type { ReplyLink, ReplyView } from '../../shared/replies';
import { SYSTEM_ACTOR } from '../auth/actor';
import { createGroup, setSeats } from '../delegates/composition.service';
import { changeEventStatus } from '../events/events.service';
import { createTestContext, type TestContext } from '../test/harness';

let ctx: TestContext;
let organizer = '';
let officer = '';
let eventId = '';
let otherEventId = '';
let groupId = '';
let unitId = '';

type Method = 'GET' | 'POST' | 'DELETE';
const call = (cookie: string | null, method: Method, url: string, payload?: object) =>
  ctx.app.inject({ method, url, headers: cookie ? { cookie } : {}, ...(payload ? { payload } : {}) });

async function delegate(fullName: string, event = eventId) {
  const response = await call(organizer, 'POST', `/api/events/${event}/delegates`, {
    groupId: event === eventId ? groupId : null,
    unitId,
    fullName,
    position: 'Chủ tịch UBND xã',
    phone: `0912${Math.floor(100000 + Math.random() * 899999)}`,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().id as string;
}
const link = async (id: string, event = eventId) =>
  (await call(organizer, 'POST', `/api/events/${event}/delegates/${id}/reply-link`)).json() as ReplyLink;
const view = (token: string) => call(null, 'GET', `/api/replies/${token}`);
const answer = (token: string, body: object) => call(null, 'POST', `/api/replies/${token}`, body);

beforeAll(async () => {
  ctx = await createTestContext();
  unitId = (await ctx.buildUnit({ name: 'Xã Hoằng Đạo', kind: 'commune' })).id;
  const event = await ctx.buildEvent({ venueName: 'Hội trường 25B' });
  const other = await ctx.buildEvent();
  [eventId, otherEventId] = [event.id, other.id];
  const users = [await ctx.buildUser({ username: 'btc' }), await ctx.buildUser({ username: 'canbo' })];
  for (const id of [eventId, otherEventId]) await ctx.addMember(id, users[0]!.id, 'organizer');
  await ctx.addMember(eventId, users[1]!.id, 'unit_officer', unitId);
  [organizer, officer] = [await ctx.login('btc'), await ctx.login('canbo')];
  groupId = await createGroup(ctx.handle.db, SYSTEM_ACTOR, eventId, { title: 'Đại diện các xã' });
  await setSeats(ctx.handle.db, SYSTEM_ACTOR, eventId, groupId, { seats: [{ unitId, quota: 50 }] });
});
afterAll(() => ctx.close());

describe('reply links', () => {
  it('are 256 random bits, found by their hash, and change when reissued', async () => {
    const id = await delegate('Lê Văn Một');
    const first = await link(id);
    expect(first.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(first.path).toBe(`/r/${first.token}`);
    const stored = await ctx.handle.db.selectFrom('reply_tokens').selectAll().execute();
    const hash = createHash('sha256').update(first.token).digest('hex');
    expect(stored.find((r) => r.token_hash === hash)).toMatchObject({ delegate_id: id, revoked_at: null });
    const second = await link(id);
    expect(second.token).not.toBe(first.token);
  });

  it("show the delegate their invitation, the venue and the program, and nobody else's details", async () => {
    const id = await delegate('Nguyễn Thị Hai');
    const { token } = await link(id);
    const response = await view(token);
    expect(response.statusCode).toBe(200);
    const body = response.json() as ReplyView;
    expect(body.delegate).toMatchObject({
      fullName: 'Nguyễn Thị Hai',
      groupTitle: 'Đại diện các xã',
      status: 'draft',
    });
    expect(body.event.venueName).toBe('Hội trường 25B');
    expect(response.body).not.toMatch(/0912\d{6}/);
    expect(response.body).not.toContain(id);
  });

  it('take a confirmation and a refusal, and the organizer counts change', async () => {
    const id = await delegate('Trần Văn Ba');
    const { token } = await link(id);
    const confirmed = async () =>
      ((await call(organizer, 'GET', `/api/events/${eventId}/composition`)).json() as Composition).totals
        .confirmed;
    const before = await confirmed();
    expect((await answer(token, { action: 'confirm' })).json().delegate.status).toBe('confirmed');
    expect(await confirmed()).toBe(before + 1);
    expect((await answer(token, { action: 'decline' })).json().delegate.status).toBe('declined');
    expect(await confirmed()).toBe(before);
    const audit = (await call(organizer, 'GET', `/api/events/${eventId}/audit?entity=delegate`)).json();
    expect(audit.items[0].actorName).toBe('Đại biểu (qua liên kết trả lời)');
  });

  it('take a substitute from the unit, and refuse one without a name', async () => {
    const id = await delegate('Phạm Văn Bốn');
    const { token } = await link(id);
    const empty = await answer(token, { action: 'substitute', substitute: { fullName: '   ' } });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.details[0]).toMatchObject({ message: 'Không được để trống' });
    const named = await answer(token, {
      action: 'substitute',
      substitute: { fullName: 'Hoàng Thị Năm', position: 'Phó Chủ tịch UBND xã', phone: '0915 222 333' },
    });
    expect(named.statusCode).toBe(200);
    expect(named.json()).toMatchObject({
      delegate: { status: 'replaced' },
      substitute: { fullName: 'Hoàng Thị Năm', position: 'Phó Chủ tịch UBND xã' },
    });
    const again = await answer(token, { action: 'confirm' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toContain('đã cử người dự thay');
  });

  it('answer unknown, malformed, revoked and replaced links alike, revealing nothing', async () => {
    const id = await delegate('Đỗ Văn Sáu');
    const { token } = await link(id);
    const guessed = `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;
    const reissued = (await link(id)).token;
    const revokedOld = await view(token);
    await call(organizer, 'DELETE', `/api/events/${eventId}/delegates/${id}/reply-link`);
    const responses = await Promise.all([view(guessed), view('khong-phai-ma'), revokedOld, view(reissued)]);
    const bodies = new Set(responses.map((r) => `${r.statusCode} ${r.body}`));
    expect(bodies.size).toBe(1);
    expect(responses[0]!.statusCode).toBe(404);
    expect(responses[0]!.json().error.message).toContain('Liên kết này không còn hiệu lực');
    expect((await answer(guessed, { action: 'confirm' })).statusCode).toBe(404);
  });

  it("belong to their own event: another event's delegates and organizers are not reachable through them", async () => {
    const mine = await delegate('Vũ Thị Bảy');
    const theirs = await delegate('Bùi Văn Tám', otherEventId);
    const { token } = await link(theirs, otherEventId);
    const response = await view(token);
    expect(response.json().delegate.fullName).toBe('Bùi Văn Tám');
    // An officer of the first event cannot make or revoke links for the other event's people, nor for mine
    // through the wrong event.
    expect(
      (await call(officer, 'POST', `/api/events/${otherEventId}/delegates/${theirs}/reply-link`)).statusCode,
    ).toBe(403);
    expect(
      (await call(organizer, 'POST', `/api/events/${otherEventId}/delegates/${mine}/reply-link`)).statusCode,
    ).toBe(404);
  });

  it('count the answers per group and unit, and list those to phone with their numbers', async () => {
    const waiting = await delegate('Mai Văn Chờ');
    await link(waiting);
    await call(organizer, 'POST', `/api/events/${eventId}/delegates/${waiting}/status`, {
      status: 'invited',
    });
    const summary = (await call(organizer, 'GET', `/api/events/${eventId}/replies/summary`)).json();
    const group = summary.groups.find((g: { title: string }) => g.title === 'Đại diện các xã');
    expect(group).toMatchObject({ awaiting: 1 });
    expect(
      summary.totals.confirmed +
        summary.totals.declined +
        summary.totals.awaiting +
        summary.totals.notInvited,
    ).toBe(group.confirmed + group.declined + group.awaiting + group.notInvited);
    expect(summary.units[0]).toMatchObject({ name: 'Xã Hoằng Đạo', awaiting: 1 });
    // The officer sees the same for their commune.
    expect(
      (await call(officer, 'GET', `/api/events/${eventId}/replies/summary`)).json().totals.awaiting,
    ).toBe(1);

    const xlsx = await call(organizer, 'GET', `/api/events/${eventId}/replies/call-list.xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const rows = workbook.worksheets[0]!.getSheetValues().flatMap((r) =>
      Array.isArray(r) ? [r.slice(1).join(' | ')] : [],
    );
    expect(rows[0]).toContain('CHƯA TRẢ LỜI');
    expect(rows.filter((r) => r.includes('Mai Văn Chờ'))).toHaveLength(1);
    expect(rows.find((r) => r.includes('Mai Văn Chờ'))).toMatch(/0912 \d{3} \d{3}/);
    expect(rows.some((r) => r.includes('Trần Văn Ba'))).toBe(false);
  });

  it('stop taking answers when the event is closed, with a clear message', async () => {
    const id = await delegate('Cao Văn Chín');
    const { token } = await link(id);
    for (const status of ['preparing', 'live', 'closed'] as const)
      await changeEventStatus(ctx.handle.db, SYSTEM_ACTOR, eventId, status);
    expect((await view(token)).json().event.closed).toBe(true);
    const late = await answer(token, { action: 'confirm' });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.message).toBe('Hội nghị đã kết thúc nên không nhận trả lời nữa. Xin cảm ơn.');
  });
});
