import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Task, TaskDetail, TaskList } from '../../shared/tasks';
import { createTestContext, type TestContext } from '../test/harness';
import { addDays } from './tasks.service';

let ctx: TestContext;
let eventId = '';
let hoangHoa = '';
let ngaSon = '';
let organizer = '';
let officer = '';
let leader = '';
let officerId = '';

const call = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, cookie: string, payload?: object) =>
  ctx.app.inject({ method, url: `/api/events/${eventId}${url}`, headers: { cookie }, payload });
const createTask = async (payload: object) => {
  const response = await call('POST', '/tasks', organizer, payload);
  expect(response.statusCode).toBe(201);
  return response.json() as Task;
};
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1, 0xff, 0xd9]);
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');

beforeAll(async () => {
  ctx = await createTestContext();
  hoangHoa = (await ctx.buildUnit({ name: 'Huyện Hoằng Hóa' })).id;
  ngaSon = (await ctx.buildUnit({ name: 'Huyện Nga Sơn' })).id;
  eventId = (
    await ctx.buildEvent({ startsAt: '2020-11-27T01:00:00.000Z', endsAt: '2020-11-27T04:30:00.000Z' })
  ).id;
  const org = await ctx.buildUser({ username: 'ban-to-chuc' });
  await ctx.addMember(eventId, org.id, 'organizer');
  const off = await ctx.buildUser({ username: 'can-bo-hoang-hoa', fullName: 'Cán bộ Hoằng Hóa' });
  officerId = off.id;
  await ctx.addMember(eventId, off.id, 'unit_officer', hoangHoa);
  const lead = await ctx.buildUser({ username: 'lanh-dao-tinh' });
  await ctx.addMember(eventId, lead.id, 'viewer');
  organizer = await ctx.login('ban-to-chuc');
  officer = await ctx.login('can-bo-hoang-hoa');
  leader = await ctx.login('lanh-dao-tinh');
});
afterAll(() => ctx.close());

describe('duties per unit', () => {
  it('shows a unit officer their unit’s duties only, and refuses them another unit’s', async () => {
    const own = await createTask({
      unitId: hoangHoa,
      title: 'Mời đại diện các xã có sản phẩm OCOP',
      dueOffsetDays: -10,
    });
    const other = await createTask({
      unitId: ngaSon,
      title: 'Chuẩn bị gian hàng cói Nga Sơn',
      dueOffsetDays: -3,
    });

    const mine = (await call('GET', '/tasks', officer)).json() as TaskList;
    expect(mine.items.map((t) => t.id)).toEqual([own.id]);
    expect(mine.canManage).toBe(false);
    const all = (await call('GET', '/tasks', leader)).json() as TaskList;
    expect(all.items.map((t) => t.id).sort()).toEqual([own.id, other.id].sort());

    const refused = await call('PATCH', `/tasks/${other.id}`, officer, { status: 'done' });
    expect(refused.statusCode).toBe(403);
    expect((await call('POST', `/tasks/${other.id}/comments`, officer, { body: 'Xong' })).statusCode).toBe(
      403,
    );
    expect((await call('GET', `/tasks/${other.id}`, officer)).statusCode).toBe(404);
    const row = await ctx.handle.db
      .selectFrom('tasks')
      .select('status')
      .where('id', '=', other.id)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('todo');

    // Their own: progress and the person in charge, but not the title or the date (the organizers').
    const done = await call('PATCH', `/tasks/${own.id}`, officer, { status: 'done', ownerUserId: officerId });
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({
      status: 'done',
      ownerName: 'Cán bộ Hoằng Hóa',
      doneAt: expect.any(String),
    });
    expect((await call('PATCH', `/tasks/${own.id}`, officer, { title: 'Khác' })).statusCode).toBe(403);
    expect((await call('PATCH', `/tasks/${own.id}`, officer, { dueOffsetDays: 0 })).statusCode).toBe(403);
    expect((await call('POST', '/tasks', officer, { unitId: hoangHoa, title: 'Mới' })).statusCode).toBe(403);
    // The leader reads and does not write.
    expect((await call('PATCH', `/tasks/${own.id}`, leader, { status: 'todo' })).statusCode).toBe(403);

    const audit = await ctx.handle.db
      .selectFrom('audit_log')
      .select(['action', 'actor_name'])
      .where('entity', '=', 'task')
      .where('entity_id', '=', own.id)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['create', 'status']));
  });

  it('keeps the owner within the duty’s unit or the organizers', async () => {
    const task = await createTask({ unitId: ngaSon, title: 'Phân luồng giao thông' });
    const response = await call('PATCH', `/tasks/${task.id}`, organizer, { ownerUserId: officerId });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details[0].field).toBe('ownerUserId');
  });

  it('moves a relative due date (D-14) with the event, and leaves a fixed date where it is', async () => {
    const relative = await createTask({ unitId: hoangHoa, title: 'Bố trí kinh phí', dueOffsetDays: -14 });
    const fixed = await createTask({ unitId: hoangHoa, title: 'Gửi báo cáo', dueOn: '2020-11-20' });
    expect(relative.dueOn).toBe('2020-11-13');
    expect(relative.dueOffsetDays).toBe(-14);

    const moved = await call('PATCH', '', organizer, {
      startsAt: '2020-12-04T01:00:00.000Z',
      endsAt: '2020-12-04T04:30:00.000Z',
    });
    expect(moved.statusCode).toBe(200);
    const list = (await call('GET', '/tasks', organizer)).json() as TaskList;
    expect(list.eventDay).toBe('2020-12-04');
    expect(list.items.find((t) => t.id === relative.id)!.dueOn).toBe('2020-11-20');
    expect(list.items.find((t) => t.id === fixed.id)!.dueOn).toBe('2020-11-20');
    expect(addDays('2020-03-01', -1)).toBe('2020-02-29');

    // Switching to a fixed date drops the offset; both at once is refused.
    const switched = await call('PATCH', `/tasks/${relative.id}`, organizer, { dueOn: '2020-11-25' });
    expect(switched.json()).toMatchObject({ dueOn: '2020-11-25', dueOffsetDays: null });
    expect(
      (await call('PATCH', `/tasks/${relative.id}`, organizer, { dueOn: '2020-11-25', dueOffsetDays: -3 }))
        .statusCode,
    ).toBe(400);
  });

  it('marks what is overdue and what was done late', async () => {
    const task = await createTask({ unitId: hoangHoa, title: 'Việc đã quá hạn', dueOn: '2020-01-01' });
    expect(task).toMatchObject({ isOverdue: true, isLate: false });
    const done = (await call('PATCH', `/tasks/${task.id}`, organizer, { status: 'done' })).json() as Task;
    expect(done).toMatchObject({ isOverdue: false, isLate: true });
    const reopened = (
      await call('PATCH', `/tasks/${task.id}`, organizer, { status: 'in_progress' })
    ).json() as Task;
    expect(reopened).toMatchObject({ doneAt: null, isOverdue: true });
  });

  it('keeps comments and PDF/JPEG files checked by their bytes', async () => {
    const task = await createTask({ unitId: hoangHoa, title: 'Clip giới thiệu sản phẩm' });
    const comment = await call('POST', `/tasks/${task.id}/comments`, officer, {
      body: 'Đã gửi bản dựng lần 1',
    });
    expect(comment.statusCode).toBe(201);
    const upload = (body: Buffer, type: string, name = 'bien-ban') =>
      ctx.app.inject({
        method: 'POST',
        url: `/api/events/${eventId}/tasks/${task.id}/attachments?name=${name}`,
        headers: { cookie: officer, 'content-type': type },
        payload: body,
      });
    const pdf = await upload(PDF, 'application/pdf');
    expect(pdf.statusCode).toBe(201);
    expect(pdf.json()).toMatchObject({ fileName: 'bien-ban.pdf', mediaType: 'application/pdf' });
    // A JPEG sent as a PDF is stored as what it is.
    expect((await upload(JPEG, 'application/pdf', 'anh.jpg')).json()).toMatchObject({
      mediaType: 'image/jpeg',
    });
    // A PNG in PDF clothing, JSON instead of a file, and a file above 5 MB are refused.
    expect((await upload(PNG, 'application/pdf')).statusCode).toBe(400);
    expect((await call('POST', `/tasks/${task.id}/attachments`, officer, { file: 'x' })).statusCode).toBe(
      415,
    );
    const big = Buffer.concat([PDF, Buffer.alloc(5 * 1024 * 1024)]);
    expect((await upload(big, 'application/pdf')).statusCode).toBe(413);

    const detail = (await call('GET', `/tasks/${task.id}`, officer)).json() as TaskDetail;
    expect(detail.comments.map((c) => c.body)).toEqual(['Đã gửi bản dựng lần 1']);
    expect(detail.attachments).toHaveLength(2);
    const file = await call('GET', `/tasks/${task.id}/attachments/${detail.attachments[0]!.id}`, leader);
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.equals(PDF)).toBe(true);
    expect(
      (await call('DELETE', `/tasks/${task.id}/attachments/${detail.attachments[0]!.id}`, officer))
        .statusCode,
    ).toBe(200);
    expect(((await call('GET', `/tasks/${task.id}`, officer)).json() as TaskDetail).attachments).toHaveLength(
      1,
    );
  });
});
