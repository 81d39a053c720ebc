import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditPage } from '../../shared/audit';
import { auditChangesText, describeAudit } from '../../shared/audit-text';
import type { Member } from '../../shared/events';
import { createTestContext, type TestContext } from '../test/harness';

/** The change log in words, its filters and export; and the organizer's password reset it records. */

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

let ctx: TestContext;
let eventId = '';
let otherEventId = '';
let organizer = '';
const people = {} as Record<'boss' | 'desk' | 'officer' | 'shared' | 'admin', string>;
let hoangHoa = '';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH';
const call = (cookie: string, method: Method, url: string, payload?: object) =>
  ctx.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
const log = async (query = '') => {
  const response = await call(organizer, 'GET', `/api/events/${eventId}/audit?pageSize=100${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as AuditPage;
};
const reset = (cookie: string, userId: string, event = eventId) =>
  call(cookie, 'POST', `/api/events/${event}/members/${userId}/password-reset`);

beforeAll(async () => {
  ctx = await createTestContext();
  hoangHoa = (await ctx.buildUnit({ name: 'Huyện Hoằng Hóa', shortName: 'Hoằng Hóa', kind: 'district' })).id;
  eventId = (await ctx.buildEvent({ name: 'Hội nghị tổng kết OCOP' })).id;
  otherEventId = (await ctx.buildEvent({ name: 'Hội nghị khác' })).id;
  people.boss = (await ctx.buildUser({ username: 'btc-nhatky', fullName: 'Lê Thị Ban' })).id;
  people.desk = (await ctx.buildUser({ username: 'letan', fullName: 'Trần Văn Lễ' })).id;
  people.officer = (await ctx.buildUser({ username: 'canbo-nhatky', fullName: 'Phạm Văn Cán' })).id;
  people.shared = (await ctx.buildUser({ username: 'hai-hoi-nghi', fullName: 'Đỗ Thị Hai' })).id;
  people.admin = (
    await ctx.buildUser({ username: 'quantri-nhatky', fullName: 'Quản Trị', isAdmin: true })
  ).id;
  await ctx.addMember(eventId, people.boss, 'organizer');
  await ctx.addMember(otherEventId, people.shared, 'viewer');
  organizer = await ctx.login('btc-nhatky');

  // Writes through the API, so each leaves its audit row the way the app writes them.
  const member = (userId: string, body: object) =>
    call(organizer, 'PUT', `/api/events/${eventId}/members/${userId}`, body);
  expect((await member(people.desk, { role: 'checkin' })).statusCode).toBe(200);
  expect((await member(people.officer, { role: 'unit_officer', unitId: hoangHoa })).statusCode).toBe(200);
  expect((await member(people.shared, { role: 'viewer' })).statusCode).toBe(200);
  expect((await member(people.admin, { role: 'viewer' })).statusCode).toBe(200);
  expect((await member(people.desk, { role: 'organizer' })).statusCode).toBe(200);
  const group = await call(organizer, 'POST', `/api/events/${eventId}/composition/groups`, {
    title: 'Lãnh đạo huyện',
  });
  expect(group.statusCode, group.body).toBe(201);
  await call(organizer, 'PUT', `/api/events/${eventId}/composition/groups/${group.json().id}/seats`, {
    seats: [{ unitId: hoangHoa, quota: 3 }],
  });
  const delegate = await call(organizer, 'POST', `/api/events/${eventId}/delegates`, {
    fullName: 'Nguyễn Văn An',
    groupId: group.json().id,
    unitId: hoangHoa,
    position: 'Phó Chủ tịch UBND huyện',
  });
  expect(delegate.statusCode, delegate.body).toBe(201);
  await call(organizer, 'PATCH', `/api/events/${eventId}/delegates/${delegate.json().id}`, {
    position: 'Chủ tịch UBND huyện',
  });
});
afterAll(() => ctx.close());

describe('the change log in words', () => {
  it('names people, units and groups, shows before → after, and never an id', async () => {
    const page = await log();
    expect(page.total).toBeGreaterThanOrEqual(8);
    const lines = page.items.map((e) => {
      const d = describeAudit(e, page.names);
      return `${page.names[e.actorId ?? ''] ?? e.actorName} | ${d.kind} | ${d.action} | ${d.subject} | ${auditChangesText(d.changes)}`;
    });
    for (const line of lines) expect(line, line).not.toMatch(UUID);
    expect(lines).toContainEqual(
      'Lê Thị Ban | Phân quyền | Tạo mới | Phạm Văn Cán | Tên đăng nhập: canbo-nhatky; Vai trò: Cán bộ đơn vị; Đơn vị: Huyện Hoằng Hóa',
    );
    expect(lines).toContainEqual(
      'Lê Thị Ban | Phân quyền | Sửa | Trần Văn Lễ | Vai trò: Lễ tân → Ban tổ chức',
    );
    expect(lines).toContainEqual(
      expect.stringMatching(
        /^Lê Thị Ban \| Đại biểu \| Sửa \| Nguyễn Văn An \| .*Chức vụ: Phó Chủ tịch UBND huyện → Chủ tịch UBND huyện/,
      ),
    );
    expect(lines).toContainEqual(
      expect.stringMatching(
        /^Lê Thị Ban \| Chỉ tiêu đơn vị \| Sửa \| Lãnh đạo huyện \| .*Huyện Hoằng Hóa: 3/,
      ),
    );
  });

  it('reads kinds it does not know yet as words, not keys', () => {
    const names = { 'a1b2c3d4-0000-4000-8000-000000000001': 'Gian hàng số 12' };
    expect(
      describeAudit(
        {
          entity: 'booth_assignment',
          entityId: 'a1b2c3d4-0000-4000-8000-000000000001',
          action: 'reassign_later',
          before: { boothId: 'a1b2c3d4-0000-4000-8000-000000000001', zzzUnknownFlag: 1 },
          after: { boothId: null, zzzUnknownFlag: 2 },
        },
        names,
      ),
    ).toEqual({
      kind: 'Phân công gian hàng',
      action: 'Thay đổi',
      subject: 'Gian hàng số 12',
      changes: [
        { label: 'Gian hàng', before: 'Gian hàng số 12', after: '—' },
        { label: 'Thông tin khác', before: '1', after: '2' },
      ],
    });
    expect(
      describeAudit({ entity: 'award_plan', entityId: null, action: 'update', before: null, after: null }, {})
        .kind,
    ).toBe('Kế hoạch trao chứng nhận');
  });

  it('filters by person, kind and date, and offers the people and kinds it holds', async () => {
    const page = await log();
    expect(page.actors).toContainEqual({ id: people.boss, name: 'Lê Thị Ban' });
    expect(page.entities).toContainEqual({ value: 'member', label: 'Phân quyền' });
    const members = await log('&entity=member');
    // Five roles given through the API, and the organizer's own given by the test's set-up.
    expect(members.total).toBe(6);
    expect(members.items.every((e) => e.entity === 'member')).toBe(true);
    const byBoss = await log(`&actorId=${people.boss}`);
    expect(byBoss.total).toBeGreaterThanOrEqual(8);
    expect(byBoss.items.every((e) => e.actorId === people.boss)).toBe(true);
    expect((await log(`&actorId=${people.officer}`)).total).toBe(0);
    expect((await log('&to=2000-01-01')).total).toBe(0);
  });

  it('exports the same words as XLSX', async () => {
    const response = await call(organizer, 'GET', `/api/events/${eventId}/audit/export.xlsx?entity=member`);
    expect(response.statusCode, response.body).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Nhật ký')!;
    const text: string[] = [];
    sheet.eachRow((row) => {
      text.push((row.values as unknown[]).filter((v) => v !== undefined && v !== null).join(' | '));
    });
    const all = text.join('\n');
    expect(all).toContain('Hội nghị tổng kết OCOP');
    expect(all).toContain('Vai trò: Lễ tân → Ban tổ chức');
    expect(all).not.toMatch(UUID);
    const officer = await ctx.login('canbo-nhatky');
    expect((await call(officer, 'GET', `/api/events/${eventId}/audit/export.xlsx`)).statusCode).toBe(403);
  });
});

describe('an organizer resets a password', () => {
  it('gives a temporary password that must be changed, ends the sessions and writes the log', async () => {
    const before = await ctx.login('canbo-nhatky');
    const response = await reset(organizer, people.officer);
    expect(response.statusCode, response.body).toBe(200);
    const { temporaryPassword } = response.json() as { temporaryPassword: string };
    expect(temporaryPassword).toMatch(/^[A-Za-z2-9]{12}$/);
    // The old session is over; the old password no longer opens; the new one opens only the password change.
    expect((await call(before, 'GET', '/api/auth/me')).statusCode).toBe(401);
    await expect(ctx.login('canbo-nhatky')).rejects.toThrow();
    const cookie = await ctx.login('canbo-nhatky', temporaryPassword);
    expect((await call(cookie, 'GET', '/api/events')).json().error.code).toBe('PASSWORD_CHANGE_REQUIRED');

    const entry = (await log('&action=password_reset')).items[0]!;
    expect(entry).toMatchObject({ entity: 'user', entityId: people.officer, actorId: people.boss });
    const page = await log('&action=password_reset');
    expect(describeAudit(entry, page.names)).toMatchObject({
      action: 'Đặt lại mật khẩu',
      subject: 'Phạm Văn Cán',
    });
    expect(JSON.stringify(entry)).not.toContain(temporaryPassword);
  });

  it('refuses an administrator, someone of another event, oneself, and anyone not an organizer', async () => {
    expect((await reset(organizer, people.admin)).statusCode).toBe(403);
    expect((await reset(organizer, people.shared)).statusCode).toBe(403);
    expect((await reset(organizer, people.boss)).statusCode).toBe(403);
    const stranger = (await ctx.buildUser({ username: 'nguoi-ngoai' })).id;
    expect((await reset(organizer, stranger)).statusCode).toBe(404);
    expect((await reset(organizer, people.officer, otherEventId)).statusCode).toBe(403);
    const desk = await ctx.login('letan');
    await call(organizer, 'PUT', `/api/events/${eventId}/members/${people.desk}`, { role: 'checkin' });
    const deskAgain = await ctx.login('letan');
    expect(desk).toBeTruthy();
    expect((await reset(deskAgain, people.officer)).statusCode).toBe(403);
  });

  it('shows when each person last signed in', async () => {
    const members = (await call(organizer, 'GET', `/api/events/${eventId}/members`)).json() as Member[];
    const byName = new Map(members.map((m) => [m.username, m]));
    expect(byName.get('btc-nhatky')!.lastLoginAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(byName.get('hai-hoi-nghi')!.lastLoginAt).toBeNull();
    const admin = await ctx.login('quantri-nhatky');
    const users = (await call(admin, 'GET', '/api/users')).json() as {
      username: string;
      lastLoginAt: string | null;
    }[];
    expect(users.find((u) => u.username === 'quantri-nhatky')!.lastLoginAt).not.toBeNull();
  });
});
