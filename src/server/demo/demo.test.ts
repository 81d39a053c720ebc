import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CompositionGroupInput } from '../../shared/plan-contents';
import { seatsByPrecedence } from '../../shared/seating';
import { agreementTotals, findAgreements, signingCeremony } from '../agreements/agreements.service';
import { SYSTEM_ACTOR } from '../auth/actor';
import { findBooths } from '../booths/booths.service';
import { getSeating } from '../checkin/seating.service';
import { getComposition } from '../delegates/composition.service';
import { findDelegates } from '../delegates/delegates.service';
import { findEventsForActor, findMembers, getEventById } from '../events/events.service';
import { getAwards } from '../ocop/awards.service';
import { findProducts } from '../ocop/products.service';
import { getPlanContents } from '../plans/plan-contents.service';
import { getPresidium } from '../protocol/protocol.service';
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

    // Built by parsing the shipped plan: its contents come with the event.
    const contents = await getPlanContents(ctx.handle.db, event.id);
    const leaves = (nodes: CompositionGroupInput[]): CompositionGroupInput[] =>
      nodes.flatMap((n) => (n.children.length ? leaves(n.children) : [n]));
    expect(leaves(contents.composition).reduce((sum, n) => sum + (n.count ?? 0), 0)).toBe(268);
    expect(contents.composition[2]!.children[0]).toMatchObject({ count: 81, perUnit: 3, unitCount: 27 });
    expect(contents.program).toHaveLength(9);
    expect(contents.program[5]!.children).toHaveLength(5);
    expect(contents.sideActivities).toEqual([expect.objectContaining({ count: 10, countUnit: 'gian hàng' })]);
    expect(contents.tasks).toHaveLength(7);
    expect(contents.tasks[2]).toMatchObject({ unit: 'Sở Tài chính', unitId: expect.any(String) });
    expect(contents.legalBases.flatMap((b) => b.citations.map((c) => c.number))).toEqual([
      '490/QĐ-TTg',
      '5363/QĐ-UBND',
      '134/KH-UBND',
      '77/KH-UBND',
    ]);
    expect(contents.recipients).toHaveLength(7);
    const byName = new Map(event.partners.map((p) => [p.name, p.unitId]));
    expect(byName.get('Sở Nông nghiệp và PTNT')).toEqual(expect.any(String));
    expect(byName.get('Đài Phát thanh và Truyền hình tỉnh')).toEqual(expect.any(String));
    expect(byName.get('UBND huyện, thị xã, thành phố')).toBeNull();

    const members = await findMembers(ctx.handle.db, event.id);
    expect(members.map((m) => m.username).sort()).toEqual(DEMO_ACCOUNTS.map((a) => a.username).sort());
    expect(members.find((m) => m.username === 'hoanghoa')).toMatchObject({
      role: 'unit_officer',
      unitName: 'Huyện Hoằng Hóa',
    });
    await expect(ctx.login('bantochuc', DEMO_PASSWORD)).resolves.toContain('hoinghi_session');
    // The published password works on this machine only, for every demo account, and is never forced to change.
    for (const account of DEMO_ACCOUNTS) {
      const remote = await ctx.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        remoteAddress: '192.168.1.50',
        payload: { username: account.username, password: DEMO_PASSWORD },
      });
      expect(remote.json().error.code).toBe('DEMO_PASSWORD_REMOTE');
    }
    const me = await ctx.app.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: { cookie: await ctx.login('letan', DEMO_PASSWORD) },
    });
    expect(me.json().mustChangePassword).toBe(false);
  });

  it('fills the composition with 268 sample delegates in the units the plan invites', async () => {
    const [event] = await findEventsForActor(ctx.handle.db, SYSTEM_ACTOR);
    const composition = await getComposition(ctx.handle.db, { all: true }, event!.id);
    expect(composition.totals).toMatchObject({ planned: 268, quota: 268, expected: 300 });
    const districtLeaders = composition.groups.find((g) => g.title.startsWith('Đại diện Lãnh đạo Huyện ủy'))!;
    expect(districtLeaders).toMatchObject({ quota: 81, inviter: 'host' });
    expect(districtLeaders.seats).toHaveLength(27);
    const communes = composition.groups.find((g) => g.title.startsWith('Đại diện các xã'))!;
    expect(communes).toMatchObject({ quota: 39, inviter: 'district' });
    expect(new Set(communes.seats.map((s) => s.parentUnitName)).size).toBe(16);
    expect(composition.groups.find((g) => g.title.startsWith('11 xã'))!.seats).toHaveLength(11);
    expect(composition.warnings).toEqual([
      'Tổng số đại biểu theo thành phần (268) khác số dự kiến của hội nghị (300).',
    ]);

    const all = await findDelegates(ctx.handle.db, { all: true }, event!.id, {
      page: 1,
      pageSize: 200,
      sort: 'protocol',
    });
    expect(all.total).toBe(268);
    expect(all.items.every((d) => d.isSample)).toBe(true);
    // Protocol order by post: the Chairman of the People's Committee first, central guests by their own rank.
    expect(all.items[0]).toMatchObject({ position: 'Chủ tịch UBND tỉnh', protocolRank: 40 });
    expect(all.items.every((d) => d.protocolRank !== null && d.rankReason.length > 0)).toBe(true);
    expect(all.items.filter((d) => d.rankReason.startsWith('Chưa nhận ra')).map((d) => d.position)).toEqual(
      [],
    );
    // Two of Hoằng Hóa's leaders declined: two seats are open for the district's officer.
    const hoangHoa = composition.units.find((u) => u.unitName === 'Huyện Hoằng Hóa')!;
    expect(hoangHoa).toMatchObject({ quota: 3, filled: 1 });
    const names = new Set(all.items.map((d) => d.fullName));
    expect(names.size).toBe(all.items.length);
  });

  it('holds the period’s 69 certified products (30 real), the ceremony laid out, and everyone seated in hall 25B', async () => {
    const [event] = await findEventsForActor(ctx.handle.db, SYSTEM_ACTOR);
    const certified = await findProducts(ctx.handle.db, { page: 1, pageSize: 200, potential: false });
    expect(certified.total).toBe(69);
    expect(certified.items.filter((p) => !p.isSample)).toHaveLength(30);
    expect(certified.items.filter((p) => p.evaluationYear === 2019)).toHaveLength(13);
    expect(certified.items.every((p) => p.stars === 3 || p.stars === 4)).toBe(true);
    const awards = await getAwards(ctx.handle.db, event!.id);
    expect(awards.totals.products).toBe(69);
    expect(awards.batches.every((b) => b.recipients.length <= 10)).toBe(true);
    const seating = await getSeating(ctx.handle.db, event!.id);
    expect(seating.layout).toMatchObject({ name: 'Hội trường 25B', rows: 10, reservedRows: 2 });
    expect(seating.unseated).toBe(0);
    // The chair (the People's Committee's Chairman) at the centre of row A, the presidium at their right and left;
    // then everyone of the two reserved rows by rank, alternating outwards; no staff there.
    const seatOf = (label: string) => seating.seats.find((s) => s.seat === label)!;
    const presidium = (await getPresidium(ctx.handle.db, event!.id)).items;
    expect(presidium.map((p) => p.role)).toEqual(['chair', 'member', 'member']);
    expect(seatOf('A16')).toMatchObject({
      delegateId: presidium[0]!.delegateId,
      position: 'Chủ tịch UBND tỉnh',
    });
    expect(seatOf('A17')).toMatchObject({
      delegateId: presidium[1]!.delegateId,
      position: 'Phó Bí thư Tỉnh ủy',
    });
    expect(seatOf('A15')).toMatchObject({ delegateId: presidium[2]!.delegateId, protocolRank: 130 });
    const front = seatsByPrecedence(seating.layout)
      .filter((s) => s.reserved)
      .map((s) => seatOf(s.label));
    expect(front).toHaveLength(62);
    expect(front.slice(3).map((s) => [s.seat, s.position])).toEqual(
      [...front.slice(3)].sort((a, b) => a.protocolRank - b.protocolRank).map((s) => [s.seat, s.position]),
    );
    expect(front.slice(3, 7).map((s) => `${s.seat} ${s.position}`)).toEqual([
      'A18 Ủy viên Ban Thường vụ Tỉnh ủy',
      'A14 Phó Chủ tịch HĐND tỉnh',
      'A19 Phó Chủ tịch UBND tỉnh',
      'A13 Phó Chánh Văn phòng',
    ]);
    expect(front.every((s) => s.protocolRank <= 300)).toBe(true);
    expect(front.some((s) => /Chuyên viên|Tổ giúp việc|Nhân viên|Phóng viên/.test(s.position ?? ''))).toBe(
      false,
    );
  });
  it('holds sample agreements with the three chains of the plan, laid out in rounds, and 10 booths', async () => {
    const [event] = await findEventsForActor(ctx.handle.db, SYSTEM_ACTOR);
    const { items } = await findAgreements(ctx.handle.db, event!.id);
    expect(items.length).toBeGreaterThanOrEqual(3);
    expect(items.every((a) => a.isSample && a.title.includes('mẫu'))).toBe(true);
    const buyers = (await agreementTotals(ctx.handle.db, event!.id)).buyers.join(' | ');
    for (const chain of ['Co.opmart', 'Big C', 'Vinmart']) expect(buyers).toContain(chain);
    // Every product covered is the seller's own, from the register.
    for (const a of items) {
      const seller = a.parties.find((p) => p.role === 'seller')!;
      expect(a.products.length).toBeGreaterThan(0);
      expect(a.products.every((p) => p.producerId === seller.unitId)).toBe(true);
      expect(a.parties.every((p) => p.signatory || p.standIn)).toBe(true);
    }
    const rounds = await signingCeremony(ctx.handle.db, event!.id);
    expect(rounds.map((r) => r.pairs.length)).toEqual([3, 2]);

    const booths = await findBooths(ctx.handle.db, event!.id);
    expect(booths.items).toHaveLength(10);
    expect(booths.totals).toMatchObject({ booths: 10, assigned: 10, producersWithTwoBooths: 0 });
    expect(booths.items.every((b) => b.productIds.length > 0)).toBe(true);
    expect(booths.items.filter((b) => b.kind === 'potential')).toHaveLength(1);
    expect(booths.items.filter((b) => b.unitKind === 'district').map((b) => b.unitName)).toEqual([
      'Huyện Hoằng Hóa',
      'Huyện Thọ Xuân',
    ]);
  });
});
