import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../test/harness';

let ctx: TestContext;
let organizer: string;
let organizerId: string;
beforeAll(async () => {
  ctx = await createTestContext();
  const user = await ctx.buildUser({ username: 'bantochuc', fullName: 'Lê Văn Tổ Chức' });
  organizerId = user.id;
  // Organizing one event is what lets an office create the next.
  const first = await ctx.buildEvent();
  await ctx.addMember(first.id, user.id, 'organizer');
  organizer = await ctx.login('bantochuc');
});
afterAll(() => ctx.close());

const api = (
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
  url: string,
  payload?: object,
  cookie = organizer,
) => ctx.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });

const base = {
  name: 'Hội nghị tổng kết Chương trình OCOP giai đoạn 2018 - 2020',
  startsAt: '2020-11-27T08:00:00+07:00',
  endsAt: '2020-11-27T11:30:00+07:00',
};

describe('events', () => {
  it('creates an event with host, lead and partners (units or plain names); the creator organizes it', async () => {
    const host = await ctx.buildUnit({ kind: 'provincial_leadership', name: 'UBND tỉnh Thanh Hóa' });
    const lead = await ctx.buildUnit({
      kind: 'department',
      name: 'Văn phòng Điều phối xây dựng nông thôn mới tỉnh',
    });
    const culture = await ctx.buildUnit({ kind: 'department', name: 'Sở Văn hóa, Thể thao và Du lịch' });
    const response = await api('POST', '/api/events', {
      ...base,
      planNumber: '/KH-UBND',
      planIssuer: 'UBND tỉnh Thanh Hóa',
      planSignerAuthority: 'KT. CHỦ TỊCH',
      planSignerTitle: 'PHÓ CHỦ TỊCH',
      planSignerName: 'Nguyễn Đức Quyền',
      hostUnitId: host.id,
      leadUnitId: lead.id,
      partners: [
        { unitId: culture.id, name: 'Sở Văn hóa, Thể thao và Du lịch' },
        { name: 'UBND huyện, thị xã, thành phố' },
      ],
      venueName: 'Hội trường 25B',
      venueAddress: 'Thành phố Thanh Hóa',
      expectedAttendees: 300,
      timeText: '1/2 ngày, dự kiến cuối tháng 11 năm 2020',
    });
    expect(response.statusCode).toBe(201);
    const event = response.json();
    expect(event).toMatchObject({
      status: 'draft',
      startsAt: '2020-11-27T01:00:00.000Z',
      endsAt: '2020-11-27T04:30:00.000Z',
      hostName: 'UBND tỉnh Thanh Hóa',
      leadName: 'Văn phòng Điều phối xây dựng nông thôn mới tỉnh',
      partners: [
        { unitId: culture.id, name: 'Sở Văn hóa, Thể thao và Du lịch' },
        { unitId: null, name: 'UBND huyện, thị xã, thành phố' },
      ],
      expectedAttendees: 300,
      planSignerName: 'Nguyễn Đức Quyền',
    });
    const members = (await api('GET', `/api/events/${event.id}/members`)).json();
    expect(members).toEqual([expect.objectContaining({ userId: organizerId, role: 'organizer' })]);
    const list = (await api('GET', '/api/events')).json();
    expect(list.find((e: { id: string }) => e.id === event.id)).toMatchObject({
      myRole: 'organizer',
      venueName: 'Hội trường 25B',
    });
  });

  it('refuses units that are not in the catalogue and an end before the start, naming the fields', async () => {
    const unknown = await api('POST', '/api/events', {
      ...base,
      partners: [{ unitId: 'khong-co', name: 'Sở Ma' }],
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.details).toEqual([
      { field: 'partners.0.unitId', message: 'Không tìm thấy đơn vị' },
    ]);

    const backwards = await api('POST', '/api/events', { ...base, endsAt: '2020-11-27T07:00:00+07:00' });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().error.details[0]).toMatchObject({ field: 'endsAt' });

    const event = (await api('POST', '/api/events', base)).json();
    const patchBackwards = await api('PATCH', `/api/events/${event.id}`, {
      endsAt: '2020-11-26T10:00:00+07:00',
    });
    expect(patchBackwards.statusCode).toBe(400);
  });

  it('edits an event and keeps before/after in the audit log, filterable', async () => {
    const event = (await api('POST', '/api/events', base)).json();
    const edited = await api('PATCH', `/api/events/${event.id}`, {
      venueName: 'Hội trường 25B',
      capacity: 320,
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ venueName: 'Hội trường 25B', capacity: 320, name: base.name });

    const audit = (await api('GET', `/api/events/${event.id}/audit?action=update`)).json();
    expect(audit.total).toBe(1);
    expect(audit.items[0]).toMatchObject({ entity: 'event', action: 'update', actorName: 'Lê Văn Tổ Chức' });
    expect(audit.items[0].before.venueName).toBeNull();
    expect(audit.items[0].after.venueName).toBe('Hội trường 25B');

    const all = (await api('GET', `/api/events/${event.id}/audit`)).json();
    expect(all.items.map((e: { action: string }) => e.action)).toEqual(['update', 'create']);
    const today = new Date().toISOString().slice(0, 10);
    expect(
      (await api('GET', `/api/events/${event.id}/audit?from=2000-01-01&to=2000-01-02`)).json().total,
    ).toBe(0);
    expect(
      (await api('GET', `/api/events/${event.id}/audit?from=${today}`)).json().total,
    ).toBeGreaterThanOrEqual(1);
  });

  it('moves status one step at a time and explains a refused move', async () => {
    const event = (await api('POST', '/api/events', base)).json();
    const skip = await api('POST', `/api/events/${event.id}/status`, { status: 'live' });
    expect(skip.statusCode).toBe(409);
    expect(skip.json().error).toMatchObject({
      code: 'INVALID_STATUS_TRANSITION',
      message: 'Không thể chuyển hội nghị từ "Dự thảo" sang "Đang diễn ra"',
    });
    for (const status of ['preparing', 'live', 'closed', 'live']) {
      const moved = await api('POST', `/api/events/${event.id}/status`, { status });
      expect(moved.json().status).toBe(status);
    }
  });

  it('gives roles; a unit officer needs a unit; the last organizer cannot be removed', async () => {
    const event = (await api('POST', '/api/events', base)).json();
    const district = await ctx.buildUnit({ name: 'Huyện Hoằng Hóa' });
    const officer = await ctx.buildUser({ username: 'canbohuyen' });

    const noUnit = await api('PUT', `/api/events/${event.id}/members/${officer.id}`, {
      role: 'unit_officer',
    });
    expect(noUnit.statusCode).toBe(400);
    expect(noUnit.json().error.details[0].field).toBe('unitId');

    const added = await api('PUT', `/api/events/${event.id}/members/${officer.id}`, {
      role: 'unit_officer',
      unitId: district.id,
    });
    expect(added.json()).toContainEqual(
      expect.objectContaining({ userId: officer.id, role: 'unit_officer', unitName: 'Huyện Hoằng Hóa' }),
    );

    const last = await api('DELETE', `/api/events/${event.id}/members/${organizerId}`);
    expect(last.statusCode).toBe(409);
    const demote = await api('PUT', `/api/events/${event.id}/members/${organizerId}`, { role: 'viewer' });
    expect(demote.statusCode).toBe(409);

    expect((await api('DELETE', `/api/events/${event.id}/members/${officer.id}`)).statusCode).toBe(200);
    const officerCookie = await ctx.login('canbohuyen');
    expect((await api('GET', `/api/events/${event.id}`, undefined, officerCookie)).statusCode).toBe(403);
  });
});
