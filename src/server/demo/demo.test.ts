import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../auth/actor';
import { findEventsForActor, findMembers, getEventById } from '../events/events.service';
import { createTestContext, type TestContext } from '../test/harness';
import { findUnits } from '../units/units.service';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_PLAN_TEXT, ensureAdmin, seedDemo } from './demo.service';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

describe('first start', () => {
  it('creates one administrator, with ADMIN_PASSWORD when given, and only on an empty database', async () => {
    const admin = await ensureAdmin(ctx.handle.db, 'mat-khau-quan-tri');
    expect(admin).toEqual({ username: 'admin', password: 'mat-khau-quan-tri' });
    expect(await ensureAdmin(ctx.handle.db, undefined)).toBeNull();
    await expect(ctx.login('admin', 'mat-khau-quan-tri')).resolves.toContain('hoinghi_session');
  });

  it('loads the seed plan’s conference, the catalogue and the demo accounts, once', async () => {
    expect(DEMO_PLAN_TEXT).toContain('Hội trường 25B');
    expect(await seedDemo(ctx.handle.db)).toBe(true);
    expect(await seedDemo(ctx.handle.db)).toBe(false);

    const [summary] = await findEventsForActor(ctx.handle.db, SYSTEM_ACTOR);
    const event = await getEventById(ctx.handle.db, summary!.id);
    expect(event).toMatchObject({
      isDemo: true,
      status: 'preparing',
      hostName: 'UBND tỉnh Thanh Hóa',
      leadName: 'Văn phòng Điều phối xây dựng nông thôn mới tỉnh',
      venueName: 'Hội trường 25B',
      venueAddress: 'Thành phố Thanh Hóa',
      expectedAttendees: 300,
      timeText: '1/2 ngày, dự kiến cuối tháng 11 năm 2020',
      planSignerName: 'Nguyễn Đức Quyền',
      startsAt: '2020-11-27T01:00:00.000Z',
      endsAt: '2020-11-27T04:30:00.000Z',
    });
    expect(event.partners).toHaveLength(11);
    expect(event.partners.map((p) => p.name)).toContain('Sở Văn hóa, Thể thao và Du lịch');
    expect(event.notes).toContain('được chọn cho bản demo');

    const districts = await findUnits(ctx.handle.db, { kind: 'district', page: 1, pageSize: 100 });
    expect(districts.total).toBe(27);
    expect(districts.items[0]).toMatchObject({
      adminCode: '380',
      name: 'Thành phố Thanh Hóa',
      validTo: '2025-06-30',
    });
    expect(districts.items.map((d) => d.adminCode)).toContain('407');
    const media = await findUnits(ctx.handle.db, { kind: 'media', page: 1, pageSize: 10 });
    expect(media.items.map((u) => u.name)).toEqual([
      'Báo Thanh Hóa',
      'Đài Phát thanh và Truyền hình Thanh Hóa',
    ]);

    const members = await findMembers(ctx.handle.db, event.id);
    expect(members.map((m) => m.username).sort()).toEqual(DEMO_ACCOUNTS.map((a) => a.username).sort());
    expect(members.find((m) => m.username === 'hoanghoa')).toMatchObject({
      role: 'unit_officer',
      unitName: 'Huyện Hoằng Hóa',
    });
    await expect(ctx.login('bantochuc', DEMO_PASSWORD)).resolves.toContain('hoinghi_session');
  });
});
