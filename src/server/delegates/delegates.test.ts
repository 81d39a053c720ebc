import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Composition, Delegate, DelegateImportPreview } from '../../shared/delegates';
import { XLSX_MEDIA_TYPE } from '../http/types';
import { createTestContext, type TestContext } from '../test/harness';
import { officeDelegateList } from './fixtures/office-list';

let ctx: TestContext;
let organizer = '';
let hoangHoa = '';
let hoangHoa2 = '';
let ngaSon = '';
let eventId = '';
const units = {} as Record<'hoangHoa' | 'hoangDao' | 'ngaSon' | 'ngaLien' | 'soNN', string>;
const groups = {} as Record<'province' | 'district' | 'commune' | 'press', string>;

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
const call = (cookie: string, method: Method, url: string, payload?: object) =>
  ctx.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
const upload = (cookie: string, url: string, buffer: Buffer, type = XLSX_MEDIA_TYPE) =>
  ctx.app.inject({ method: 'POST', url, headers: { cookie, 'content-type': type }, payload: buffer });

const base = () => `/api/events/${eventId}`;
const composition = async (cookie = organizer) =>
  (await call(cookie, 'GET', `${base()}/composition`)).json() as Composition;
const seatOf = (c: Composition, groupId: string, unitId: string) =>
  c.groups.find((g) => g.id === groupId)?.seats.find((s) => s.unitId === unitId);
const list = async (cookie: string, query = '') =>
  (await call(cookie, 'GET', `${base()}/delegates?pageSize=200${query}`)).json() as {
    items: Delegate[];
    total: number;
  };
const add = (cookie: string, body: object) => call(cookie, 'POST', `${base()}/delegates`, body);

beforeAll(async () => {
  ctx = await createTestContext();
  const unit = (name: string, kind: 'district' | 'commune' | 'department', parentId?: string) =>
    ctx.buildUnit({ name, shortName: name.replace(/^(Huyện|Xã) /, ''), kind, parentId: parentId ?? null });
  units.hoangHoa = (await unit('Huyện Hoằng Hóa', 'district')).id;
  units.hoangDao = (await unit('Xã Hoằng Đạo', 'commune', units.hoangHoa)).id;
  units.ngaSon = (await unit('Huyện Nga Sơn', 'district')).id;
  units.ngaLien = (await unit('Xã Nga Liên', 'commune', units.ngaSon)).id;
  units.soNN = (await unit('Sở Nông nghiệp và Phát triển nông thôn', 'department')).id;
  const event = await ctx.buildEvent({ expectedAttendees: 300, capacity: 20 });
  eventId = event.id;
  const members: [string, 'organizer' | 'unit_officer', string | null][] = [
    ['bantochuc', 'organizer', null],
    ['canbo-hoanghoa', 'unit_officer', units.hoangHoa],
    ['canbo-hoanghoa-2', 'unit_officer', units.hoangHoa],
    ['canbo-ngason', 'unit_officer', units.ngaSon],
  ];
  for (const [username, role, unitId] of members) {
    const user = await ctx.buildUser({ username });
    await ctx.addMember(eventId, user.id, role, unitId);
  }
  [organizer, hoangHoa, hoangHoa2, ngaSon] = (await Promise.all(members.map(([u]) => ctx.login(u)))) as [
    string,
    string,
    string,
    string,
  ];

  const group = async (title: string, extra: object = {}) =>
    (await call(organizer, 'POST', `${base()}/composition/groups`, { title, ...extra })).json().id as string;
  groups.province = await group('Lãnh đạo các Sở, ngành', { plannedCount: 12, protocolRank: 2 });
  groups.district = await group('Lãnh đạo huyện', {
    plannedCount: 6,
    perUnit: 3,
    unitCount: 2,
    protocolRank: 3,
  });
  groups.commune = await group('Đại diện các xã có sản phẩm OCOP', { plannedCount: 2, protocolRank: 4 });
  groups.press = await group('Cơ quan báo chí', { plannedCount: 2, protocolRank: 5 });
  const seats = (groupId: string, list: [string, number][]) =>
    call(organizer, 'PUT', `${base()}/composition/groups/${groupId}/seats`, {
      seats: list.map(([unitId, quota]) => ({ unitId, quota })),
    });
  expect((await seats(groups.province, [[units.soNN, 2]])).statusCode).toBe(200);
  await seats(groups.district, [
    [units.hoangHoa, 3],
    [units.ngaSon, 3],
  ]);
  await seats(groups.commune, [
    [units.hoangDao, 1],
    [units.ngaLien, 1],
  ]);
});
afterAll(() => ctx.close());

describe('composition and quotas', () => {
  it('holds groups with their seats, inviter and rank, and warns where counts disagree', async () => {
    const c = await composition();
    expect(c.groups.map((g) => g.title)).toEqual([
      'Lãnh đạo các Sở, ngành',
      'Lãnh đạo huyện',
      'Đại diện các xã có sản phẩm OCOP',
      'Cơ quan báo chí',
    ]);
    expect(c.groups[1]).toMatchObject({ perUnit: 3, unitCount: 2, quota: 6, protocolRank: 3 });
    expect(c.totals).toMatchObject({ planned: 22, quota: 10, expected: 300, capacity: 20 });
    expect(c.warnings).toContainEqual(expect.stringContaining('khác số dự kiến của hội nghị (300)'));
    expect(c.warnings).toContainEqual(expect.stringContaining('vượt sức chứa hội trường (20 chỗ)'));
    expect(c.warnings).toContainEqual(
      expect.stringContaining(
        '"Lãnh đạo các Sở, ngành": tổng chỉ tiêu các đơn vị (2) khác số theo kế hoạch (12)',
      ),
    );
    await call(organizer, 'PATCH', `${base()}/composition/groups/${groups.district}`, { inviter: 'host' });
    expect((await composition()).groups[1]!.inviter).toBe('host');
  });

  it('shows a unit officer only their own seats: their district and its communes', async () => {
    const c = await composition(hoangHoa);
    expect(c.groups.map((g) => g.title)).toEqual(['Lãnh đạo huyện', 'Đại diện các xã có sản phẩm OCOP']);
    expect(c.groups.flatMap((g) => g.seats.map((s) => s.unitName))).toEqual([
      'Huyện Hoằng Hóa',
      'Xã Hoằng Đạo',
    ]);
    expect(c.units.map((u) => u.unitName).sort()).toEqual(['Huyện Hoằng Hóa', 'Xã Hoằng Đạo']);
    expect(c.warnings).toEqual([]);
  });
});

describe('unit officers fill their own quota', () => {
  it('registers up to the quota and no further, and the fill rate follows', async () => {
    const person = (fullName: string, phone: string) => ({
      groupId: groups.district,
      fullName,
      position: 'Phó Chủ tịch UBND huyện',
      phone,
    });
    const first = await add(hoangHoa, person('Lê Văn Hùng', '0912 000 001'));
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ unitId: units.hoangHoa, status: 'draft', phone: '0912000001' });
    expect((await add(hoangHoa, person('Trần Thị Mai', '0912000002'))).statusCode).toBe(201);
    expect((await add(hoangHoa, person('Phạm Văn Tuấn', '0912000003'))).statusCode).toBe(201);
    const over = await add(hoangHoa, person('Ngô Văn Bốn', '0912000004'));
    expect(over.statusCode).toBe(409);
    expect(over.json().error.message).toBe(
      'Đã đủ chỉ tiêu: Huyện Hoằng Hóa có 3 chỗ trong nhóm "Lãnh đạo huyện" và đã đăng ký 3',
    );
    const c = await composition();
    expect(seatOf(c, groups.district, units.hoangHoa)).toMatchObject({ quota: 3, filled: 3 });
    expect(c.units.find((u) => u.unitId === units.hoangHoa)).toMatchObject({ quota: 3, filled: 3 });
    expect(c.units.find((u) => u.unitId === units.hoangDao)).toMatchObject({ quota: 1, filled: 0 });

    // The organizer raises the quota; lowering it below what is registered is refused.
    const seats = (quota: number) =>
      call(organizer, 'PUT', `${base()}/composition/groups/${groups.district}/seats`, {
        seats: [
          { unitId: units.hoangHoa, quota },
          { unitId: units.ngaSon, quota: 3 },
        ],
      });
    expect((await seats(2)).json().error.message).toContain('chỉ tiêu không thể thấp hơn 3');
    expect((await seats(4)).statusCode).toBe(200);
    expect((await add(hoangHoa, person('Ngô Văn Bốn', '0912000004'))).statusCode).toBe(201);
  });

  it('a declined delegate frees the seat; coming back takes it again within the quota', async () => {
    const { items } = await list(organizer, `&groupId=${groups.district}&unitId=${units.hoangHoa}`);
    const hung = items.find((d) => d.fullName === 'Lê Văn Hùng')!;
    const status = (cookie: string, id: string, s: string) =>
      call(cookie, 'POST', `${base()}/delegates/${id}/status`, { status: s });
    expect((await status(hoangHoa, hung.id, 'declined')).json().status).toBe('declined');
    expect(seatOf(await composition(), groups.district, units.hoangHoa)!.filled).toBe(3);
    const fifth = await add(hoangHoa, {
      groupId: groups.district,
      fullName: 'Đỗ Thị Năm',
      phone: '0912000005',
    });
    expect(fifth.statusCode).toBe(201);
    const back = await status(hoangHoa, hung.id, 'confirmed');
    expect(back.statusCode).toBe(409);
    expect(back.json().error.message).toContain('Đã đủ chỉ tiêu');
    // Invitations and attendance are the organizers'.
    const invited = await status(hoangHoa, fifth.json().id, 'invited');
    expect(invited.statusCode).toBe(403);
    expect((await status(organizer, fifth.json().id, 'checked_in')).json().error.code).toBe(
      'INVALID_STATUS_TRANSITION',
    );
  });

  it('two officers submitting at the same moment never exceed a quota', async () => {
    const seat = await call(organizer, 'PUT', `${base()}/composition/groups/${groups.commune}/seats`, {
      seats: [
        { unitId: units.hoangDao, quota: 3 },
        { unitId: units.ngaLien, quota: 1 },
      ],
    });
    expect(seat.statusCode).toBe(200);
    const attempts = Array.from({ length: 8 }, (_, i) =>
      add(i % 2 ? hoangHoa : hoangHoa2, {
        groupId: groups.commune,
        unitId: units.hoangDao,
        fullName: `Nguyễn Văn Đua ${'ABCDEFGH'[i]}`,
        phone: `090300000${i}`,
      }),
    );
    const imports = [hoangHoa, hoangHoa2].map((cookie, i) =>
      call(cookie, 'POST', `${base()}/delegates/import`, {
        groupId: groups.commune,
        unitId: units.hoangDao,
        rows: [
          { rowNumber: 7, values: { fullName: `Lê Thị Nhập ${'XY'[i]}` } },
          { rowNumber: 8, values: { fullName: `Lê Thị Nhập ${'ZW'[i]}` } },
        ],
      }),
    );
    const results = await Promise.all([...attempts, ...imports]);
    const created = results
      .filter((r) => r.statusCode < 300)
      .reduce((n, r) => n + (r.json().created ?? 1), 0);
    expect(created).toBe(3);
    for (const r of results.filter((r) => r.statusCode >= 300)) {
      expect([409, 422]).toContain(r.statusCode);
      expect(r.body).toMatch(/chỉ tiêu/);
    }
    const holders = (await list(organizer, `&groupId=${groups.commune}&unitId=${units.hoangDao}`)).items;
    expect(holders).toHaveLength(3);
    expect(seatOf(await composition(), groups.commune, units.hoangDao)).toMatchObject({
      quota: 3,
      filled: 3,
    });
  });
  it('an organizer lowering a quota while an officer adds never leaves a seat over quota', async () => {
    const groupId = (
      await call(organizer, 'POST', `${base()}/composition/groups`, { title: 'Đại biểu đua chỉ tiêu' })
    ).json().id as string;
    const setQuota = (quota: number) =>
      call(organizer, 'PUT', `${base()}/composition/groups/${groupId}/seats`, {
        seats: [{ unitId: units.hoangDao, quota }],
      });
    let filled = 0;
    for (let i = 0; i < 20; i++) {
      // One free seat; the organizer closes it while the officer takes it: exactly one of them wins.
      expect((await setQuota(filled + 1)).statusCode).toBe(200);
      const [lowered, added] = await Promise.all([
        setQuota(filled),
        add(hoangHoa, {
          groupId,
          unitId: units.hoangDao,
          fullName: `Trần Văn Đua ${'ABCDEFGHIKLMNOPQRSTU'[i]}`,
        }),
      ]);
      const seat = seatOf(await composition(), groupId, units.hoangDao)!;
      expect(seat.filled, `try ${i}`).toBeLessThanOrEqual(seat.quota);
      if (added.statusCode === 201) {
        expect(lowered.statusCode, `try ${i}`).toBe(409);
        filled++;
      } else {
        expect(added.statusCode, added.body).toBe(409);
        expect(lowered.statusCode, `try ${i}`).toBe(200);
      }
      expect(seat.filled).toBe(filled);
    }
    // Leave the event as the plan knows it: the racers removed, then their group.
    for (const d of (await list(organizer, `&groupId=${groupId}`)).items) {
      expect((await call(organizer, 'DELETE', `${base()}/delegates/${d.id}`)).statusCode).toBeLessThan(300);
    }
    expect(
      (await call(organizer, 'DELETE', `${base()}/composition/groups/${groupId}`)).statusCode,
    ).toBeLessThan(300);
  });
});

describe('unit scope', () => {
  it("an officer of Hoằng Hóa can neither see nor change Nga Sơn's delegates", async () => {
    const ngaSonDelegate = await add(ngaSon, {
      groupId: groups.district,
      fullName: 'Mai Xuân Nga',
      position: 'Chủ tịch UBND huyện',
    });
    expect(ngaSonDelegate.statusCode).toBe(201);
    const id = ngaSonDelegate.json().id as string;

    const seen = await list(hoangHoa, '&q=nga');
    expect(seen.items.map((d) => d.fullName)).not.toContain('Mai Xuân Nga');
    expect(
      (await list(hoangHoa)).items.every((d) => [units.hoangHoa, units.hoangDao].includes(d.unitId!)),
    ).toBe(true);
    for (const [method, url, payload] of [
      ['GET', `${base()}/delegates/${id}`],
      ['PATCH', `${base()}/delegates/${id}`, { position: 'Đã sửa' }],
      ['POST', `${base()}/delegates/${id}/status`, { status: 'declined' }],
      ['POST', `${base()}/delegates/${id}/substitute`, { fullName: 'Người Lạ' }],
      ['DELETE', `${base()}/delegates/${id}`],
    ] as [Method, string, object?][]) {
      const response = await call(hoangHoa, method, url, payload);
      expect(response.statusCode, `${method} ${url}`).toBe(403);
    }
    // Nor register someone under Nga Sơn, nor move their own person there.
    const intoNgaSon = await add(hoangHoa, {
      groupId: groups.district,
      unitId: units.ngaSon,
      fullName: 'Lê Văn Mượn',
    });
    expect(intoNgaSon.statusCode).toBe(403);
    const mine = (await list(hoangHoa, '&q=tuan')).items[0]!;
    const moved = await call(hoangHoa, 'PATCH', `${base()}/delegates/${mine.id}`, { unitId: units.ngaSon });
    expect(moved.statusCode).toBe(403);
    expect((await call(organizer, 'GET', `${base()}/delegates/${id}`)).json().position).toBe(
      'Chủ tịch UBND huyện',
    );
  });
});

describe('substitution', () => {
  it('sends someone in place of a confirmed delegate and keeps the history', async () => {
    const { items } = await list(organizer, '&q=tran thi mai');
    const mai = items[0]!;
    await call(organizer, 'POST', `${base()}/delegates/${mai.id}/status`, { status: 'confirmed' });
    const response = await call(hoangHoa, 'POST', `${base()}/delegates/${mai.id}/substitute`, {
      fullName: 'Hoàng Văn Thay',
      position: 'Trưởng phòng Nông nghiệp và PTNT huyện',
      phone: '+84 915 111 222',
    });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({
      fullName: 'Hoàng Văn Thay',
      status: 'confirmed',
      groupId: groups.district,
      unitId: units.hoangHoa,
      phone: '0915111222',
      substituteFor: { id: mai.id, fullName: 'Trần Thị Mai' },
    });
    const old = (await call(organizer, 'GET', `${base()}/delegates/${mai.id}`)).json();
    expect(old).toMatchObject({ status: 'replaced', replacedBy: { fullName: 'Hoàng Văn Thay' } });
    expect(seatOf(await composition(), groups.district, units.hoangHoa)!.filled).toBe(4);
    const again = await call(hoangHoa, 'POST', `${base()}/delegates/${mai.id}/substitute`, {
      fullName: 'Lê Ba',
    });
    expect(again.json().error.code).toBe('INVALID_STATUS_TRANSITION');
  });

  it('refuses a second registration of one person (name and unit, or phone), not a person edited as they are', async () => {
    const { items } = await list(organizer, '&q=pham van tuan');
    const tuan = items[0]!;
    // Unchanged, a person is not their own duplicate.
    const same = await call(organizer, 'PATCH', `${base()}/delegates/${tuan.id}`, {
      position: 'Chủ tịch UBND huyện',
    });
    expect(same.statusCode).toBe(200);
    // Another person's phone (Hoàng Văn Thay's), and another person's name in the same unit.
    const phone = await call(organizer, 'PATCH', `${base()}/delegates/${tuan.id}`, { phone: '0915 111 222' });
    expect(phone.statusCode).toBe(409);
    expect(phone.json().error).toMatchObject({
      message: 'Số điện thoại này đã có ở đại biểu "Hoàng Văn Thay"',
      details: [{ field: 'phone' }],
    });
    const name = await call(organizer, 'PATCH', `${base()}/delegates/${tuan.id}`, {
      fullName: 'Lê Văn  Hùng',
    });
    expect(name.statusCode).toBe(409);
    expect(name.json().error.details).toEqual([expect.objectContaining({ field: 'fullName' })]);
    // Trần Thị Mai was replaced: her name and phone are history, free to take.
    const taken = await call(organizer, 'PATCH', `${base()}/delegates/${tuan.id}`, { phone: '0912000002' });
    expect(taken.statusCode).toBe(200);
  });
});

describe('search and sort', () => {
  beforeAll(async () => {
    for (const [fullName, position, phone] of [
      ['Nguyễn Văn An', 'Giám đốc Sở', '0988000001'],
      ['Lê Thị Bình', 'Phó Giám đốc Sở', '0988000002'],
    ]) {
      await add(organizer, { groupId: groups.province, unitId: units.soNN, fullName, position, phone });
    }
    for (const [fullName, protocolRank] of [
      ['Trần Đức', null],
      ['Phạm Dũng', 1],
    ] as const) {
      await add(organizer, { groupId: groups.press, organization: 'Báo Thanh Hóa', fullName, protocolRank });
    }
  });

  it('orders by given name, middle name, family name, in Vietnamese letter order', async () => {
    const names = (await list(organizer)).items.map((d) => d.fullName);
    expect(names.indexOf('Nguyễn Văn An')).toBeLessThan(names.indexOf('Lê Thị Bình'));
    expect(names.indexOf('Phạm Dũng')).toBeLessThan(names.indexOf('Trần Đức'));
    expect(names.indexOf('Lê Thị Bình')).toBeLessThan(names.indexOf('Phạm Dũng'));
  });

  it("orders by protocol: the rank from the post (or the organizer's), then the group, then the name", async () => {
    const items = (await list(organizer, '&sort=protocol')).items;
    const names = items.map((d) => d.fullName);
    expect(names[0]).toBe('Phạm Dũng');
    expect(names.slice(1, 3)).toEqual(['Nguyễn Văn An', 'Lê Thị Bình']);
    expect(names.indexOf('Trần Đức')).toBe(names.length - 1);
    const ranks = items.map((d) => d.protocolRank);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    const an = items.find((d) => d.fullName === 'Nguyễn Văn An')!;
    expect(an).toMatchObject({ protocolRank: 120, rankOverride: null });
    expect(an.rankReason).toBe('Giám đốc Sở, Trưởng ban và tương đương — bậc 120, sở, ngành');
    expect(items[0]!.rankReason).toMatch(/^Ban tổ chức xếp bậc 1/);
    // The organizer's override moves a person; clearing it gives the post's rank back.
    const duc = items.find((d) => d.fullName === 'Trần Đức')!;
    await call(organizer, 'PATCH', `${base()}/delegates/${duc.id}`, { protocolRank: 2 });
    expect((await list(organizer, '&sort=protocol')).items.map((d) => d.fullName).slice(0, 2)).toEqual([
      'Phạm Dũng',
      'Trần Đức',
    ]);
    await call(organizer, 'PATCH', `${base()}/delegates/${duc.id}`, { protocolRank: null });
    const after = (await list(organizer, '&sort=protocol')).items;
    expect(after.at(-1)).toMatchObject({ fullName: 'Trần Đức', protocolRank: 500, rankOverride: null });
  });

  it('finds by name, unit, position and phone, ignoring accents and case', async () => {
    const find = async (q: string) =>
      (await list(organizer, `&q=${encodeURIComponent(q)}`)).items.map((d) => d.fullName).sort();
    expect(await find('nguyen van an')).toEqual(['Nguyễn Văn An']);
    expect(await find('BINH')).toEqual(['Lê Thị Bình']);
    expect(await find('đức')).toEqual(['Trần Đức']);
    expect(await find('giam doc so')).toEqual(['Lê Thị Bình', 'Nguyễn Văn An']);
    expect(await find('nong nghiep binh')).toEqual(['Lê Thị Bình']);
    expect(await find('0988000002')).toEqual(['Lê Thị Bình']);
    expect(await find('988 000 001')).toEqual([]);
    expect(await find('0988')).toEqual(['Lê Thị Bình', 'Nguyễn Văn An']);
    expect(await find('bao thanh hoa')).toEqual(['Phạm Dũng', 'Trần Đức']);
    expect(await find('hoang hoa')).toContain('Hoàng Văn Thay');
    expect(await find('xyz')).toEqual([]);
  });
});

describe('XLSX and CSV import', () => {
  const preview = async (cookie: string, buffer: Buffer, query = '', type = XLSX_MEDIA_TYPE) => {
    const response = await upload(cookie, `${base()}/delegates/import/preview${query}`, buffer, type);
    return response;
  };
  const commit = (cookie: string, body: object) => call(cookie, 'POST', `${base()}/delegates/import`, body);

  it('reads a list in the shape offices send it and commits it all at once', async () => {
    const file = await officeDelegateList(
      [
        ['Nguyễn Thị Hoa', 'Chủ tịch UBND xã', 'UBND xã Nga Liên', 912345678, 'hoa@ngason.gov.vn'],
        ['Vũ Văn Khánh', 'Phó Chủ tịch UBND huyện', 'UBND huyện Nga Sơn', '+84 913 222 333'],
        ['Mai Thị Lan', 'Chánh Văn phòng điều phối NTM huyện', 'UBND huyện Nga Sơn', 84914555666],
      ],
      { extraSheetFirst: true },
    );
    const response = await preview(ngaSon, file);
    expect(response.statusCode, response.body).toBe(200);
    const p = response.json() as DelegateImportPreview;
    expect(p).toMatchObject({ format: 'xlsx', sheets: ['Hướng dẫn', 'DS dai bieu'], sheet: 'DS dai bieu' });
    expect(p.columns).toEqual({
      fullName: 'Họ và tên',
      position: 'Chức vụ',
      organization: 'Đơn vị',
      phone: 'Số điện thoại',
      email: 'Email',
    });
    expect(p.rows.map((r) => r.rowNumber)).toEqual([7, 8, 10]);
    expect(p.rows[0]!.values).toMatchObject({ fullName: 'Nguyễn Thị Hoa', phone: '912345678' });
    // No group column and none chosen: the officer is told to choose.
    expect(p.errors[0]).toMatchObject({ row: 7, column: 'Thành phần' });

    const withGroup = (
      await preview(ngaSon, file, `?groupId=${groups.district}`)
    ).json() as DelegateImportPreview;
    // Nga Liên has no seat among the district leaders; the other two go to Nga Sơn's seats (1 of 3 taken).
    expect(withGroup.errors).toEqual([
      expect.objectContaining({
        row: 7,
        column: 'Đơn vị',
        message: expect.stringContaining('không có chỉ tiêu'),
      }),
    ]);
    expect(withGroup.resolved).toEqual([
      { row: 8, groupTitle: 'Lãnh đạo huyện', unitName: 'Huyện Nga Sơn' },
      { row: 10, groupTitle: 'Lãnh đạo huyện', unitName: 'Huyện Nga Sơn' },
    ]);

    // The row is corrected in the preview (the communes' group named) and everything is committed.
    const rows = withGroup.rows.map((r) =>
      r.rowNumber === 7 ? { ...r, values: { ...r.values, group: 'Đại diện các xã có sản phẩm OCOP' } } : r,
    );
    const done = await commit(ngaSon, { rows, groupId: groups.district });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ created: 3, errors: [] });
    const hoa = (await list(organizer, '&q=nguyen thi hoa')).items[0]!;
    expect(hoa).toMatchObject({
      unitId: units.ngaLien,
      groupId: groups.commune,
      phone: '0912345678',
      email: 'hoa@ngason.gov.vn',
      organization: 'UBND xã Nga Liên',
    });
    expect((await list(organizer, '&q=mai thi lan')).items[0]!.phone).toBe('0914555666');
  });

  it('names every problem by row and column, and writes nothing', async () => {
    const before = (await list(organizer)).total;
    const file = await officeDelegateList([
      ['', 'Phó Chủ tịch UBND huyện', 'UBND huyện Hoằng Hóa', 912000111],
      ['Lê Văn 2', 'Cán bộ', 'UBND huyện Hoằng Hóa', null],
      ['Lê Thị Vui 😀', 'Cán bộ', 'UBND huyện Hoằng Hóa', null],
      ['Ngô Văn Số', 'Cán bộ', 'UBND huyện Hoằng Hóa', '09l2345678'],
      ['Trịnh Văn Lạ', 'Cán bộ', 'Công ty Không Có', null],
      ['Lê Văn Hùng', 'Phó Chủ tịch', 'UBND huyện Hoằng Hóa', null],
      ['Hoàng Văn Mới', 'Cán bộ', 'UBND huyện Hoằng Hóa', 912000001],
      ['Đinh Văn Đôi', 'Cán bộ', 'UBND huyện Hoằng Hóa', 977000001],
      ['Đinh Văn Đôi', 'Cán bộ', 'UBND huyện Hoằng Hóa', 977000002],
      ['Lý Thị Thêm', 'Cán bộ', 'UBND huyện Hoằng Hóa', 977000001],
    ]);
    const p = (await preview(organizer, file, `?groupId=${groups.district}`)).json() as DelegateImportPreview;
    const at = (row: number) => p.errors.filter((e) => e.row === row).map((e) => `${e.column}: ${e.message}`);
    expect(at(7)).toEqual(['Họ và tên: Thiếu họ tên']);
    expect(at(8)).toEqual(['Họ và tên: Họ tên không được chứa chữ số']);
    expect(at(10)).toEqual([expect.stringMatching(/^Họ và tên: Họ tên chỉ gồm chữ cái/)]);
    expect(at(11)).toEqual([expect.stringMatching(/^Số điện thoại: .*có chữ cái/)]);
    expect(at(12)).toEqual([expect.stringMatching(/^Đơn vị: Không tìm thấy đơn vị "Công ty Không Có"/)]);
    // Lê Văn Hùng declined earlier and Hoằng Hóa's four seats are full: the real cause, the duplicate, is named.
    expect(at(13)).toEqual(['Họ và tên: Trùng họ tên và đơn vị: "Lê Văn Hùng" đã có trong danh sách']);
    expect(at(14)).toEqual(['Số điện thoại: Số điện thoại đã có ở đại biểu "Lê Văn Hùng"']);
    expect(at(15)).toEqual([expect.stringMatching(/^Họ và tên: Vượt chỉ tiêu: Huyện Hoằng Hóa có 4 chỗ/)]);
    expect(p.validRows).toBe(0);

    // With room in the seat, the duplicates show: of a delegate already listed and of another row.
    await call(organizer, 'PUT', `${base()}/composition/groups/${groups.district}/seats`, {
      seats: [
        { unitId: units.hoangHoa, quota: 20 },
        { unitId: units.ngaSon, quota: 3 },
      ],
    });
    const again = (
      await preview(organizer, file, `?groupId=${groups.district}`)
    ).json() as DelegateImportPreview;
    const at2 = (row: number) =>
      again.errors.filter((e) => e.row === row).map((e) => `${e.column}: ${e.message}`);
    expect(at2(13)).toEqual(['Họ và tên: Trùng họ tên và đơn vị: "Lê Văn Hùng" đã có trong danh sách']);
    expect(at2(14)).toEqual(['Số điện thoại: Số điện thoại đã có ở đại biểu "Lê Văn Hùng"']);
    expect(at2(15)).toEqual([]);
    expect(at2(16)).toEqual(['Họ và tên: Trùng họ tên và đơn vị: trùng với dòng 15']);
    expect(at2(17)).toEqual(['Số điện thoại: Số điện thoại trùng với dòng 15']);

    const refused = await commit(organizer, { rows: again.rows, groupId: groups.district });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.message).toMatch(/^Danh sách có \d+ lỗi ở \d+ dòng; chưa nhập dòng nào/);
    expect(refused.json().error.details).toContainEqual(
      expect.objectContaining({ message: 'Dòng 7, cột Họ và tên: Thiếu họ tên' }),
    );
    expect((await list(organizer)).total).toBe(before);

    const validOnly = await commit(organizer, {
      rows: again.rows,
      groupId: groups.district,
      mode: 'valid_rows_only',
    });
    expect(validOnly.json()).toMatchObject({ created: 1, validRows: 1 });
    expect((await list(organizer)).total).toBe(before + 1);
    expect((await list(organizer, '&q=dinh van doi')).items.map((d) => d.phone)).toEqual(['0977000001']);
  });

  it('refuses files it cannot read with a clear message, writing nothing', async () => {
    const before = (await list(organizer)).total;
    const big = await ctx.app.inject({
      method: 'POST',
      url: `${base()}/delegates/import/preview`,
      headers: { cookie: organizer, 'content-type': XLSX_MEDIA_TYPE },
      payload: Buffer.alloc(30 * 1024 * 1024, 1),
    });
    expect(big.statusCode).toBe(413);
    expect(big.json().error.message).toContain('tối đa 10 MB');

    const pdf = await preview(
      organizer,
      Buffer.from('%PDF-1.4\n\u0000\u0001\u0002'),
      '',
      'application/octet-stream',
    );
    expect(pdf.statusCode).toBe(415);
    expect(pdf.json().error.message).toContain('không phải bảng tính Excel (.xlsx) hay CSV');

    const empty = new ExcelJS.Workbook();
    empty.addWorksheet('Trống');
    const emptyResponse = await preview(organizer, Buffer.from(await empty.xlsx.writeBuffer()));
    expect(emptyResponse.json().error.message).toBe('Trang tính "Trống" không có dữ liệu');

    const formulas = new ExcelJS.Workbook();
    formulas.addWorksheet('DS').addRows([
      ['Họ và tên', 'Chức vụ', 'Số điện thoại'],
      [{ formula: 'CONCAT("Lê ","Văn")', result: 'Lê Văn' }, 'Cán bộ', '0912999888'],
    ]);
    const formulaPreview = (
      await preview(organizer, Buffer.from(await formulas.xlsx.writeBuffer()), `?groupId=${groups.press}`)
    ).json() as DelegateImportPreview;
    expect(formulaPreview.errors).toEqual([
      expect.objectContaining({
        row: 2,
        column: 'Họ và tên',
        message: expect.stringContaining('Ô chứa công thức'),
      }),
    ]);

    const huge = new ExcelJS.Workbook();
    const sheet = huge.addWorksheet('DS');
    sheet.addRow(['Họ và tên', 'Chức vụ']);
    for (let i = 0; i < 50_000; i++)
      sheet.addRow([`Người Thứ ${String.fromCharCode(65 + (i % 26))}`, 'Cán bộ']);
    const hugeResponse = await preview(organizer, Buffer.from(await huge.xlsx.writeBuffer()));
    expect(hugeResponse.statusCode).toBe(422);
    expect(hugeResponse.json().error.message).toBe(
      'Trang tính có hơn 20.000 dòng dữ liệu; hãy chia thành nhiều tệp',
    );
    expect((await list(organizer)).total).toBe(before);
  });

  it('names control characters and a bad email by row, and an officer cannot import into another unit', async () => {
    const csv = Buffer.from(
      'Họ tên,Chức vụ,Email\nLê Văn\u0007Chuông,Cán bộ,\nLê Văn Mail,Cán bộ,le.van@\n',
      'utf8',
    );
    const p = (
      await preview(organizer, csv, `?groupId=${groups.press}`, 'text/csv')
    ).json() as DelegateImportPreview;
    expect(p.errors).toEqual([
      expect.objectContaining({ row: 2, column: 'Họ và tên', message: 'Có ký tự điều khiển không hợp lệ' }),
      expect.objectContaining({ row: 3, column: 'Email', message: 'Email không hợp lệ' }),
    ]);
    const intoNgaSon = await commit(hoangHoa, {
      rows: [{ rowNumber: 2, values: { fullName: 'Lê Văn Mượn' } }],
      groupId: groups.district,
      unitId: units.ngaSon,
    });
    expect(intoNgaSon.statusCode).toBe(403);
  });

  it('reads CSV the way Excel saves it (semicolons, BOM, Windows-1258 or UTF-8)', async () => {
    const csv = Buffer.from('\ufeffSTT;Họ tên;Chức vụ;SĐT\n1;Phan Văn Báo;Phóng viên;0904111222\n', 'utf8');
    const p = (
      await preview(organizer, csv, `?groupId=${groups.press}`, 'text/csv')
    ).json() as DelegateImportPreview;
    expect(p).toMatchObject({ format: 'csv', validRows: 1, errors: [] });
    expect(p.rows[0]!.values).toEqual({
      fullName: 'Phan Văn Báo',
      position: 'Phóng viên',
      phone: '0904111222',
    });
    // Saved by Excel on Vietnamese Windows as "CSV (Comma delimited)": Windows-1258, tones as combining marks.
    const tonesApart = (text: string) =>
      [...text.normalize('NFC')]
        .map((ch) => {
          const marks = ch.normalize('NFD');
          const tone = marks.match(/[\u0300\u0301\u0303\u0309\u0323]/)?.[0] ?? '';
          return marks.replace(tone, '').normalize('NFC') + tone;
        })
        .join('');
    const legacy = iconv.encode(tonesApart('Họ tên;Chức vụ\nTrần Thị Hằng;Biên tập viên\n'), 'windows1258');
    expect(legacy.includes(Buffer.from('?'))).toBe(false);
    const old = (
      await preview(organizer, legacy, `?groupId=${groups.press}`, 'text/csv')
    ).json() as DelegateImportPreview;
    expect(old.rows[0]!.values).toEqual({ fullName: 'Trần Thị Hằng', position: 'Biên tập viên' });
  });
});

describe('exports', () => {
  it('writes the list as XLSX by group in protocol order, leaving out people replaced', async () => {
    const response = await call(organizer, 'GET', `${base()}/delegates/export.xlsx`);
    expect(response.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const cells = Array.from(sheet.getSheetValues(), (row) =>
      Array.isArray(row)
        ? Array.from(row.slice(1), (v) => (v === undefined || v === null ? '' : String(v)))
        : [],
    );
    expect(cells[2]![0]).toBe('DANH SÁCH ĐẠI BIỂU');
    const flat = cells.map((r) => r.join(' | '));
    const groupRow = flat.findIndex((r) => r.startsWith('Lãnh đạo các Sở, ngành'));
    expect(flat[groupRow + 1]).toMatch(/^1 \| Ông \| Nguyễn Văn An|^1 \| .*Nguyễn Văn An/);
    // Only her substitute's note names her: "Đi thay Trần Thị Mai".
    expect(flat.some((r) => r.includes('Trần Thị Mai') && !r.includes('Đi thay Trần Thị Mai'))).toBe(false);
    expect(flat.some((r) => r.includes('Hoàng Văn Thay') && r.includes('Đi thay Trần Thị Mai'))).toBe(true);
    expect(flat.some((r) => r.includes('Hoàng Văn Thay') && r.includes('0915 111 222'))).toBe(true);
  });

  it('writes the list as an ND 30 document', async () => {
    const response = await call(organizer, 'GET', `${base()}/delegates/export.docx`);
    expect(response.statusCode).toBe(200);
    const { value } = await mammoth.extractRawText({ buffer: response.rawPayload });
    expect(value).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(value).toContain('DANH SÁCH ĐẠI BIỂU');
    expect(value).toContain('Đại diện các xã có sản phẩm OCOP');
    expect(value).toContain('Nguyễn Thị Hoa');
    expect(value).not.toContain('Lê Văn Hùng');
  });

  it('gives a unit officer a template with their unit on it', async () => {
    const response = await call(hoangHoa, 'GET', `${base()}/delegates/template.xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets[0]!.getCell('A1').value).toBe('HUYỆN HOẰNG HÓA');
  });
});

describe('the plan and the composition', () => {
  it('updates counts from a new plan, keeps delegates in their groups, and refuses to drop a group in use', async () => {
    const apply = (composition: object[]) =>
      call(organizer, 'PUT', `${base()}/plan-contents`, { composition });
    const keep = [
      { title: 'Lãnh đạo các Sở, ngành', count: 14 },
      { title: 'Lãnh đạo huyện', count: 6, perUnit: 3, unitCount: 2 },
      { title: 'Đại diện các xã có sản phẩm OCOP', count: 4 },
      { title: 'Cơ quan báo chí', count: 2 },
    ];
    expect((await apply([...keep, { title: 'Khách mời doanh nghiệp', count: 5 }])).statusCode).toBe(200);
    const c = await composition();
    expect(c.groups.find((g) => g.id === groups.province)?.plannedCount).toBe(14);
    expect(c.groups.at(-1)?.title).toBe('Khách mời doanh nghiệp');
    expect(seatOf(c, groups.district, units.hoangHoa)?.quota).toBe(20);
    const dropped = await apply(keep.slice(1));
    expect(dropped.statusCode).toBe(409);
    expect(dropped.json().error.message).toContain('"Lãnh đạo các Sở, ngành"');
  });
});
