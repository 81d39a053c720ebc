import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  Composition,
  Delegate,
  DelegateImportPreview,
  DelegateImportResult,
} from '../../shared/delegates';
import { XLSX_MEDIA_TYPE } from '../http/types';
import { createTestContext, type TestContext } from '../test/harness';
import { districtDelegateList, HOANG_HOA_ROWS } from './fixtures/office-list';

/** A district's real list, end to end: short group names, the footer, duplicates, and the units it adds. */

let ctx: TestContext;
let organizer = '';
let officer = '';
let eventId = '';
const units = {} as Record<'hoangHoa' | 'hoangDao' | 'hoangPhuong' | 'ngaSon' | 'ngaThach' | 'vpdp', string>;
const groups = {} as Record<'districts' | 'province' | 'communes' | 'elevenCommunes' | 'producers', string>;

type Method = 'GET' | 'POST' | 'PUT';
const call = (cookie: string, method: Method, url: string, payload?: object) =>
  ctx.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
const base = () => `/api/events/${eventId}`;
const preview = async (cookie: string, buffer: Buffer) => {
  const response = await ctx.app.inject({
    method: 'POST',
    url: `${base()}/delegates/import/preview`,
    headers: { cookie, 'content-type': XLSX_MEDIA_TYPE },
    payload: buffer,
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as DelegateImportPreview;
};

beforeAll(async () => {
  ctx = await createTestContext();
  const unit = async (
    name: string,
    shortName: string,
    kind: 'district' | 'commune' | 'producer' | 'department',
    parentId: string | null = null,
  ) => (await ctx.buildUnit({ name, shortName, kind, parentId })).id;
  units.hoangHoa = await unit('Huyện Hoằng Hóa', 'Hoằng Hóa', 'district');
  units.hoangDao = await unit('Xã Hoằng Đạo', 'Hoằng Đạo', 'commune', units.hoangHoa);
  units.hoangPhuong = await unit(
    'HTX Dịch vụ nông nghiệp Hoằng Phượng',
    'HTX Hoằng Phượng',
    'producer',
    units.hoangHoa,
  );
  units.ngaSon = await unit('Huyện Nga Sơn', 'Nga Sơn', 'district');
  units.ngaThach = await unit('Xã Nga Thạch', 'Nga Thạch', 'commune', units.ngaSon);
  units.vpdp = await unit('Văn phòng Điều phối xây dựng nông thôn mới tỉnh', 'VPĐP NTM tỉnh', 'department');
  eventId = (await ctx.buildEvent({ expectedAttendees: 300 })).id;
  const boss = await ctx.buildUser({ username: 'btc-district' });
  await ctx.addMember(eventId, boss.id, 'organizer');
  const clerk = await ctx.buildUser({ username: 'canbo-hh-district' });
  await ctx.addMember(eventId, clerk.id, 'unit_officer', units.hoangHoa);
  organizer = await ctx.login('btc-district');
  officer = await ctx.login('canbo-hh-district');

  const group = async (title: string, seats: [string, number][]) => {
    const id = (await call(organizer, 'POST', `${base()}/composition/groups`, { title })).json().id as string;
    const response = await call(organizer, 'PUT', `${base()}/composition/groups/${id}/seats`, {
      seats: seats.map(([unitId, quota]) => ({ unitId, quota })),
    });
    expect(response.statusCode, response.body).toBe(200);
    return id;
  };
  // The plan's own titles, as the composition holds them.
  groups.districts = await group(
    'Đại diện Lãnh đạo Huyện ủy, UBND; lãnh đạo Văn phòng Điều phối nông thôn mới thuộc 27 huyện, thị, thành phố',
    [
      [units.hoangHoa, 2],
      [units.ngaSon, 3],
    ],
  );
  groups.province = await group('Lãnh đạo và chuyên viên Văn phòng Điều phối nông thôn mới tỉnh', [
    [units.vpdp, 10],
  ]);
  groups.communes = await group('Đại diện các xã, phường, thị trấn có sản phẩm OCOP', [
    [units.hoangDao, 2],
    [units.ngaThach, 1],
  ]);
  groups.elevenCommunes = await group('11 xã đại diện thuộc 11 huyện chưa có sản phẩm OCOP', [
    [units.ngaThach, 1],
  ]);
  groups.producers = await group(
    'Đại diện các chủ thể có các sản phẩm OCOP, các gian hàng trưng bày, giới thiệu và bán các sản phẩm OCOP',
    [[units.hoangPhuong, 3]],
  );
});
afterAll(() => ctx.close());

describe('a district list as districts send it', () => {
  let file: Buffer;
  let first: DelegateImportPreview;

  it('reads seven people, never the footer, and matches groups by the names people use', async () => {
    file = await districtDelegateList(HOANG_HOA_ROWS);
    first = await preview(officer, file);
    expect(first.sheet).toBe('Danh sách');
    // The blank row after the third person is skipped; the signature block is not a person.
    expect(first.rows.map((r) => r.rowNumber)).toEqual([7, 8, 9, 11, 12, 13, 14]);
    expect(first.rows.map((r) => r.values.fullName)).not.toContain('Nguyễn Văn Bình');
    expect(first.totalRows).toBe(7);
    expect(first.resolved).toEqual([
      { row: 7, groupTitle: expect.stringContaining('Huyện ủy'), unitName: 'Huyện Hoằng Hóa' },
      { row: 8, groupTitle: expect.stringContaining('Huyện ủy'), unitName: 'Huyện Hoằng Hóa' },
      { row: 9, groupTitle: 'Đại diện các xã, phường, thị trấn có sản phẩm OCOP', unitName: 'Xã Hoằng Đạo' },
    ]);
    // The first problem of each row (the duplicate names its phone as well).
    const byRow = new Map([...first.errors].reverse().map((e) => [e.row, e]));
    expect(byRow.get(11)).toMatchObject({
      column: 'Đơn vị',
      newUnit: {
        name: 'UBND xã Hoằng Xuân',
        kind: 'commune',
        unitName: 'Xã Hoằng Xuân',
        parentName: 'Huyện Hoằng Hóa',
      },
    });
    // The duplicate is reported as one, although the district's two seats are also full by then.
    expect(byRow.get(12)).toMatchObject({
      column: 'Họ và tên',
      message: expect.stringContaining('Trùng họ tên'),
    });
    expect(first.errors.filter((e) => e.row === 12).map((e) => e.message)).toEqual([
      expect.stringContaining('Trùng họ tên và đơn vị'),
      'Số điện thoại trùng với dòng 7',
    ]);
    expect(byRow.get(13)).toMatchObject({
      newUnit: { kind: 'producer', unitName: 'Công ty TNHH Nông sản Hoằng Hóa' },
    });
    expect(byRow.get(14)).toMatchObject({ column: 'Số điện thoại' });
  });

  it('offers the choice when two groups fit a short name', async () => {
    // The organizer sees both commune groups; "Xã có sản phẩm OCOP" fits each as well.
    const p = await preview(organizer, file);
    const row9 = p.errors.find((e) => e.row === 9)!;
    expect(row9).toMatchObject({ column: 'Thành phần' });
    expect(row9.choices?.map((c) => c.id).sort()).toEqual([groups.communes, groups.elevenCommunes].sort());
    // The organizer is never offered to add units from a list: the catalogue is theirs.
    expect(p.errors.some((e) => e.newUnit)).toBe(false);
  });

  it('counts five good people, one duplicate and one broken row once the new commune and producer are accepted', async () => {
    const newUnits = first.errors.flatMap((e) =>
      e.newUnit ? [{ name: e.newUnit.name, kind: e.newUnit.kind }] : [],
    );
    expect(newUnits).toHaveLength(2);
    const dry = await call(officer, 'POST', `${base()}/delegates/import`, {
      rows: first.rows,
      newUnits,
      dryRun: true,
    });
    expect(dry.statusCode, dry.body).toBe(200);
    const checked = dry.json() as DelegateImportResult;
    expect(checked.validRows).toBe(5);
    expect([...new Set(checked.errors.map((e) => e.row))]).toEqual([12, 14]);
    expect(checked.createdUnits).toEqual([]);
    // A dry run writes nothing.
    const units = (await call(organizer, 'GET', '/api/units?q=hoang xuan')).json() as { items: unknown[] };
    expect(units.items).toHaveLength(0);
  });

  it('adds the commune and the producer under the district, each taking a free place, and imports the rest', async () => {
    const newUnits = first.errors.flatMap((e) =>
      e.newUnit ? [{ name: e.newUnit.name, kind: e.newUnit.kind }] : [],
    );
    // The officer removed the duplicate and the broken row in the preview.
    const rows = first.rows.filter((r) => r.rowNumber !== 12 && r.rowNumber !== 14);
    const done = await call(officer, 'POST', `${base()}/delegates/import`, { rows, newUnits });
    expect(done.statusCode, done.body).toBe(200);
    const result = done.json() as DelegateImportResult;
    expect(result).toMatchObject({ created: 5, errors: [] });
    expect(result.createdUnits.map((u) => [u.name, u.kind])).toEqual([
      ['Xã Hoằng Xuân', 'commune'],
      ['Công ty TNHH Nông sản Hoằng Hóa', 'producer'],
    ]);
    const hoangXuan = result.createdUnits[0]!.id;
    const unit = (await call(organizer, 'GET', `/api/units/${hoangXuan}`)).json();
    expect(unit).toMatchObject({ kind: 'commune', parentId: units.hoangHoa, shortName: 'Hoằng Xuân' });

    const list = (await call(organizer, 'GET', `${base()}/delegates?pageSize=50`)).json() as {
      items: Delegate[];
    };
    expect(list.items).toHaveLength(5);
    const thu = list.items.find((d) => d.fullName === 'Phạm Thị Thu')!;
    expect(thu).toMatchObject({ unitId: hoangXuan, groupId: groups.communes, phone: '0915777888' });
    expect(list.items.find((d) => d.fullName === 'Trịnh Thị Mai')!.phone).toBe('0913222333');
    expect(list.items.find((d) => d.fullName === 'Nguyễn Văn Nam')!.phone).toBe('0914555666');

    // The group's total stays as planned: Hoằng Đạo lent its free place to Hoằng Xuân.
    const composition = (await call(organizer, 'GET', `${base()}/composition`)).json() as Composition;
    const communes = composition.groups.find((g) => g.id === groups.communes)!;
    expect(communes.seats.map((s) => [s.unitName, s.quota, s.filled])).toEqual(
      expect.arrayContaining([
        ['Xã Hoằng Đạo', 1, 1],
        ['Xã Hoằng Xuân', 1, 1],
        ['Xã Nga Thạch', 1, 0],
      ]),
    );
    expect(communes.quota).toBe(3);
    const producers = composition.groups.find((g) => g.id === groups.producers)!;
    expect(producers.quota).toBe(3);
  });

  it('reports a full quota for a new unit when the district has no free place left', async () => {
    const response = await call(officer, 'POST', `${base()}/delegates/import`, {
      rows: [
        {
          rowNumber: 7,
          values: { fullName: 'Lê Thị Vân', organization: 'UBND xã Hoằng Lộc', group: 'Xã có sản phẩm OCOP' },
        },
      ],
      newUnits: [{ name: 'UBND xã Hoằng Lộc', kind: 'commune' }],
      dryRun: true,
    });
    expect(response.statusCode, response.body).toBe(200);
    expect((response.json() as DelegateImportResult).errors).toEqual([
      expect.objectContaining({ row: 7, message: expect.stringContaining('Vượt chỉ tiêu') }),
    ]);
  });

  it('refuses new units from an organizer', async () => {
    const response = await call(organizer, 'POST', `${base()}/delegates/import`, {
      rows: first.rows.slice(0, 1),
      newUnits: [{ name: 'UBND xã Hoằng Xuân', kind: 'commune' }],
      dryRun: true,
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().error.code).toBe('IMPORT_FAILED');
  });
});
