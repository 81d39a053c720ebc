import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Booth, BoothList, PublicBoothMap } from '../../shared/booths';
import { SYSTEM_ACTOR } from '../auth/actor';
import { createProduct } from '../ocop/products.service';
import { createTestContext, type TestContext } from '../test/harness';
import { boothTotals } from './booths.service';

let ctx: TestContext;
let organizer = '';
let officer = '';
let eventId = '';
const units: Record<string, string> = {};
const products: Record<string, string> = {};

const call = (
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
  url: string,
  payload?: object,
  cookie = organizer,
) =>
  ctx.app.inject({
    method,
    url: `/api/events/${eventId}${url}`,
    headers: { cookie },
    ...(payload ? { payload } : {}),
  });

const PHONE = '0912345678';

beforeAll(async () => {
  ctx = await createTestContext();
  eventId = (await ctx.buildEvent({ name: 'Hội nghị tổng kết OCOP', venueName: 'Hội trường 25B' })).id;
  const user = await ctx.buildUser({ username: 'btc-gian-hang' });
  await ctx.addMember(eventId, user.id, 'organizer');
  organizer = await ctx.login('btc-gian-hang');
  units.hauLoc = (await ctx.buildUnit({ kind: 'district', name: 'Huyện Hậu Lộc', adminCode: '400' })).id;
  units.ngaSon = (await ctx.buildUnit({ kind: 'district', name: 'Huyện Nga Sơn', adminCode: '401' })).id;
  const district = await ctx.buildUser({ username: 'can-bo-hau-loc' });
  await ctx.addMember(eventId, district.id, 'unit_officer', units.hauLoc);
  officer = await ctx.login('can-bo-hau-loc');
  units.hoaHai = (
    await ctx.buildUnit({ kind: 'producer', name: 'HTX chế biến hải sản Hòa Hải', parentId: units.hauLoc })
  ).id;
  units.nganKhuong = (
    await ctx.buildUnit({ kind: 'producer', name: 'Công ty TNHH Ngân Khương', parentId: units.ngaSon })
  ).id;
  units.retailer = (await ctx.buildUnit({ kind: 'retailer', name: 'Siêu thị GO! Thanh Hóa (Big C)' })).id;
  for (const [key, name, producer, potential] of [
    ['mam', 'Mắm tôm Hòa Hải', 'hoaHai', false],
    ['tep', 'Mắm tép Hòa Hải', 'hoaHai', true],
    ['tham', 'Thảm cói trải sàn', 'nganKhuong', false],
  ] as const) {
    products[key] = (
      await createProduct(ctx.handle.db, SYSTEM_ACTOR, {
        name,
        groupId: 'g1048-1',
        producerId: units[producer]!,
        districtId: producer === 'hoaHai' ? units.hauLoc : units.ngaSon,
        ...(potential ? { potential: true, score: 45 } : { stars: 3, evaluationYear: 2019 }),
      })
    ).id;
  }
});
afterAll(() => ctx.close());

describe('booths', () => {
  it('places booths on the floor, refuses a taken number, a taken cell and a booth given twice', async () => {
    const first = await call('POST', '/booths', {
      number: 1,
      kind: 'ocop',
      unitId: units.hoaHai,
      productIds: [products.mam],
      sizeText: '3 m x 3 m',
      personName: 'Phạm Thị Huệ',
      personPhone: '0912 345 678',
      setupAt: '6h00 ngày 27/11/2020',
      needsPower: true,
      tables: 2,
    });
    expect(first.statusCode, first.body).toBe(201);
    const booth: Booth = first.json();
    expect(booth).toMatchObject({ number: 1, x: 0, y: 0, personPhone: PHONE, districtName: 'Huyện Hậu Lộc' });
    expect(booth.warnings).toEqual([]);

    const second = await call('POST', '/booths', { number: 2, kind: 'potential' });
    expect(second.json()).toMatchObject({ x: 1, y: 0, unitId: null });
    expect(second.json().warnings).toEqual([
      'Chưa giao cho chủ thể hoặc huyện',
      'Chưa có người phụ trách (họ tên và điện thoại)',
    ]);
    expect((await call('POST', '/booths', { number: 2, kind: 'ocop' })).statusCode).toBe(409);
    const overlap = await call('POST', '/booths', { number: 3, kind: 'ocop', x: 0, y: 0 });
    expect(overlap.statusCode).toBe(409);
    expect(overlap.json().error.message).toContain('gian hàng số 1');

    // Booth 1 is Hòa Hải's: giving it to Ngân Khương is refused until it is freed.
    const twice = await call('PUT', `/booths/${booth.id}/assignment`, { unitId: units.nganKhuong });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.message).toContain('HTX chế biến hải sản Hòa Hải');
    const viaPatch = await call('PATCH', `/booths/${booth.id}`, { unitId: units.nganKhuong });
    expect(viaPatch.statusCode).toBe(409);
    const freed = await call('PUT', `/booths/${booth.id}/assignment`, { unitId: null });
    expect(freed.json()).toMatchObject({ unitId: null, productIds: [] });
    const again = await call('PUT', `/booths/${booth.id}/assignment`, {
      unitId: units.hoaHai,
      productIds: [products.mam],
    });
    expect(again.statusCode).toBe(200);
  });

  it('shows only register products of the booth’s producer or district', async () => {
    const { items } = (await call('GET', '/booths')).json() as BoothList;
    const two = items.find((b) => b.number === 2)!;
    const foreign = await call('PUT', `/booths/${two.id}/assignment`, {
      unitId: units.hoaHai,
      productIds: [products.tham],
    });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error.details[0].field).toBe('productIds.0');
    const retailer = await call('PUT', `/booths/${two.id}/assignment`, { unitId: units.retailer });
    expect(retailer.statusCode).toBe(400);
    const district = await call('PUT', `/booths/${two.id}/assignment`, {
      unitId: units.ngaSon,
      productIds: [products.tham],
    });
    expect(district.statusCode, district.body).toBe(200);
    expect(district.json().districtName).toBe('Huyện Nga Sơn');
  });

  it('warns of a producer with two booths and of a booth without a person in charge', async () => {
    const third = await call('POST', '/booths', {
      number: 3,
      kind: 'potential',
      unitId: units.hoaHai,
      productIds: [products.tep],
    });
    expect(third.statusCode, third.body).toBe(201);
    const list: BoothList = (await call('GET', '/booths')).json();
    expect(list.warnings.map((w) => w.message)).toEqual([
      'HTX chế biến hải sản Hòa Hải có 2 gian hàng: số 1, 3',
    ]);
    expect(list.items.find((b) => b.number === 3)!.warnings).toEqual([
      'Chưa có người phụ trách (họ tên và điện thoại)',
      'HTX chế biến hải sản Hòa Hải có 2 gian hàng (cả gian số 1)',
    ]);
    expect(await boothTotals(ctx.handle.db, eventId)).toEqual({
      booths: 3,
      assigned: 3,
      withoutPersonInCharge: 2,
      producersWithTwoBooths: 1,
    });
    // The contract's shape.
    expect(Object.keys(list.items[0]!)).toEqual(
      expect.arrayContaining(['id', 'number', 'unitId', 'kind', 'productIds']),
    );
    // A district officer sees their district's booths only.
    const mine: BoothList = (await call('GET', '/booths', undefined, officer)).json();
    expect(mine.items.map((b) => b.number)).toEqual([1, 3]);
  });

  it('prints the allocation list', async () => {
    const xlsx = await call('GET', '/booths.xlsx');
    expect(xlsx.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const cells = book.worksheets[0]!.getSheetValues().flat().map(String).join(' | ');
    expect(cells).toContain('Mắm tôm Hòa Hải');
    expect(cells).toContain('Phạm Thị Huệ – 0912 345 678');
    const docx = await call('GET', '/booths.docx');
    expect(docx.statusCode).toBe(200);
  });

  it('opens the floor to the public without a person, a phone or an email', async () => {
    const response = await ctx.app.inject({ method: 'GET', url: `/api/public/events/${eventId}/booths` });
    expect(response.statusCode).toBe(200);
    const map: PublicBoothMap = response.json();
    expect(map.event).toMatchObject({ name: 'Hội nghị tổng kết OCOP', venueName: 'Hội trường 25B' });
    expect(map.booths.map((b) => [b.number, b.exhibitor])).toEqual([
      [1, 'HTX chế biến hải sản Hòa Hải'],
      [2, 'Huyện Nga Sơn'],
      [3, 'HTX chế biến hải sản Hòa Hải'],
    ]);
    expect(map.booths[0]!.products.map((p) => p.name)).toEqual(['Mắm tôm Hòa Hải']);
    const body = response.body;
    for (const secret of [PHONE, '0912 345 678', '912345678', 'Phạm Thị Huệ', '@'])
      expect(body).not.toContain(secret);
    expect(body).not.toMatch(/phone|email|person/i);
    const current = await ctx.app.inject({ method: 'GET', url: '/api/public/booths' });
    expect(current.json()).toEqual(map);
    const missing = await ctx.app.inject({ method: 'GET', url: '/api/public/events/khong-co/booths' });
    expect(missing.statusCode).toBe(404);
  });
});
