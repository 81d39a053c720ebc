import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMonths, defaultValidUntil, starsForScore } from '../../shared/ocop';
import { createTestContext, type TestContext } from '../test/harness';

let ctx: TestContext;
let organizer = '';
let admin = '';
let viewer = '';
let district = '';
let otherDistrict = '';
let commune = '';
let producer = '';

const call = (
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  url: string,
  payload?: object,
  cookie = organizer,
) => ctx.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });

const base = () => ({
  name: 'Mắm tôm Hòa Hải',
  groupId: 'g1048-1',
  producerId: producer,
  stars: 3,
  evaluationYear: 2019,
  decisionNumber: '5445/QĐ-UBND',
  decisionDate: '2019-12-23',
});

async function workbook(rows: (string | number | null)[][], header: string[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('Danh sách');
  sheet.addRow(['DANH SÁCH SẢN PHẨM ĐẠT OCOP NĂM 2020']);
  sheet.addRow([]);
  sheet.addRow(header);
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const importFile = (buffer: Buffer, query: string, cookie = organizer) =>
  ctx.app.inject({
    method: 'POST',
    url: `/api/products/import?${query}`,
    headers: {
      cookie,
      'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    },
    payload: buffer,
  });

const count = async () => (await call('GET', '/api/products?pageSize=1')).json().total as number;

beforeAll(async () => {
  ctx = await createTestContext();
  const event = await ctx.buildEvent();
  const user = await ctx.buildUser({ username: 'btc-ocop' });
  await ctx.addMember(event.id, user.id, 'organizer');
  organizer = await ctx.login('btc-ocop');
  await ctx.buildUser({ username: 'quan-tri-ocop', isAdmin: true });
  admin = await ctx.login('quan-tri-ocop');
  const seer = await ctx.buildUser({ username: 'xem-ocop' });
  await ctx.addMember(event.id, seer.id, 'viewer');
  viewer = await ctx.login('xem-ocop');
  district = (
    await ctx.buildUnit({ kind: 'district', name: 'Huyện Hậu Lộc', shortName: 'Hậu Lộc', adminCode: '400' })
  ).id;
  otherDistrict = (
    await ctx.buildUnit({ kind: 'district', name: 'Huyện Nga Sơn', shortName: 'Nga Sơn', adminCode: '401' })
  ).id;
  commune = (
    await ctx.buildUnit({
      kind: 'commune',
      name: 'UBND xã Hòa Lộc',
      shortName: 'Xã Hòa Lộc',
      parentId: district,
    })
  ).id;
  producer = (
    await ctx.buildUnit({
      kind: 'producer',
      name: 'HTX chế biến hải sản Hòa Hải',
      shortName: 'HTX Hòa Hải',
      parentId: district,
    })
  ).id;
});
afterAll(() => ctx.close());

describe('star bands and validity', () => {
  it('maps scores to stars at the band edges', () => {
    expect([0, 29, 30, 49, 50, 69, 70, 89, 90, 100].map(starsForScore)).toEqual([
      1, 1, 2, 2, 3, 3, 4, 4, 5, 5,
    ]);
  });

  it('adds 36 months, clamping to the month end', () => {
    expect(defaultValidUntil('2019-12-23')).toBe('2022-12-23');
    expect(addMonths('2020-01-31', 1)).toBe('2020-02-29');
    expect(addMonths('2021-02-28', 36)).toBe('2024-02-28');
  });
});

describe('product register', () => {
  it('fills district, certifying level and validity from the producer and the decision', async () => {
    const response = await call('POST', '/api/products', { ...base(), communeId: commune, score: 65 });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({
      districtId: district,
      districtName: 'Huyện Hậu Lộc',
      communeName: 'UBND xã Hòa Lộc',
      stars: 3,
      certifyingLevel: 'province',
      validUntil: '2022-12-23',
      producerType: 'cooperative',
      potential: false,
    });
    const changed = await call('PATCH', `/api/products/${response.json().id}`, {
      decisionDate: '2020-06-30',
    });
    expect(changed.json().validUntil).toBe('2023-06-30');
    const kept = await call('PATCH', `/api/products/${response.json().id}`, { validUntil: '2023-12-31' });
    expect(kept.json().validUntil).toBe('2023-12-31');
  });

  it('refuses stars that disagree with the score, naming the band', async () => {
    const response = await call('POST', '/api/products', { ...base(), score: 75, stars: 3 });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.message).toBe('75 điểm thuộc hạng 4 sao (70–89 điểm), không phải 3 sao');
    expect(response.json().error.details[0].field).toBe('stars');
  });

  it('refuses stars outside 1–5 and certification below 3 stars', async () => {
    const six = await call('POST', '/api/products', { ...base(), stars: 6 });
    expect(six.statusCode).toBe(400);
    expect(six.json().error.message).toContain('Số sao từ 1 đến 5');
    const two = await call('POST', '/api/products', { ...base(), stars: 2 });
    expect(two.json().error.message).toContain('Chỉ sản phẩm từ 3 sao trở lên mới được chứng nhận');
    const potential = await call('POST', '/api/products', {
      ...base(),
      name: 'Nước mắm cốt',
      stars: null,
      score: 40,
      potential: true,
    });
    expect(potential.statusCode).toBe(201);
    expect(potential.json()).toMatchObject({ potential: true, stars: 2, certifyingLevel: null });
  });

  it('refuses a decision date in the future and a validity before the decision', async () => {
    const future = await call('POST', '/api/products', { ...base(), decisionDate: '2099-01-01' });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.details).toEqual([
      { field: 'decisionDate', message: 'Ngày quyết định không được sau ngày hôm nay' },
    ]);
    const before = await call('POST', '/api/products', { ...base(), validUntil: '2019-01-01' });
    expect(before.json().error.details[0]).toMatchObject({ field: 'validUntil' });
  });

  it('checks the group against the criteria in force on the decision date', async () => {
    const response = await call('POST', '/api/products', { ...base(), groupId: 'g148-4' });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.message).toContain('Hàng thủ công mỹ nghệ');
    expect(response.json().error.message).toContain('24/02/2023');
    const groups = (await call('GET', '/api/product-groups')).json();
    expect(groups).toHaveLength(12);
    expect(groups.filter((g: { validTo: string | null }) => g.validTo === null)).toHaveLength(6);
  });

  it('refuses a producer that is not a producer and a commune of another district', async () => {
    const notProducer = await call('POST', '/api/products', { ...base(), producerId: district });
    expect(notProducer.json().error.details[0].field).toBe('producerId');
    const wrongCommune = await call('POST', '/api/products', {
      ...base(),
      districtId: otherDistrict,
      communeId: commune,
    });
    expect(wrongCommune.json().error.details[0]).toEqual({
      field: 'communeId',
      message: 'Xã không thuộc huyện đã chọn',
    });
  });

  it('finds products accent-insensitively and by filters; viewers read, cannot write', async () => {
    const found = await call('GET', '/api/products?q=mam%20tom&stars=3', undefined, viewer);
    expect(found.statusCode).toBe(200);
    expect(found.json().items.map((p: { name: string }) => p.name)).toEqual(['Mắm tôm Hòa Hải']);
    expect((await call('GET', `/api/products?districtId=${otherDistrict}`)).json().total).toBe(0);
    const denied = await call('POST', '/api/products', base(), viewer);
    expect(denied.statusCode).toBe(403);
  });
});

describe('photos', () => {
  const png = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
    'base64',
  );
  const upload = (id: string, body: Buffer, type: string) =>
    ctx.app.inject({
      method: 'POST',
      url: `/api/products/${id}/photos`,
      headers: { cookie: organizer, 'content-type': type },
      payload: body,
    });

  it('takes a real image, refuses a renamed document and a file over 5 MB', async () => {
    const id = (await call('GET', '/api/products?q=hoa%20hai')).json().items[0].id;
    const ok = await upload(id, png, 'image/png');
    expect(ok.statusCode).toBe(201);
    expect(ok.json().photos).toEqual([
      { id: expect.any(String), mediaType: 'image/png', byteSize: png.length },
    ]);

    const fake = await upload(id, Buffer.from('%PDF-1.7 not an image'), 'image/jpeg');
    expect(fake.statusCode).toBe(400);
    expect(fake.json().error.message).toBe('Tệp gửi lên không phải ảnh JPEG, PNG hoặc WebP');

    const big = await upload(id, Buffer.concat([png, Buffer.alloc(5 * 1024 * 1024)]), 'image/png');
    expect(big.statusCode).toBe(413);
    expect(big.json().error.message).toBe('Ảnh quá lớn: mỗi ảnh sản phẩm tối đa 5 MB');
    expect((await call('GET', `/api/products/${id}`)).json().photos).toHaveLength(1);

    const photoId = ok.json().photos[0].id;
    const served = await ctx.app.inject({
      method: 'GET',
      url: `/api/public/products/${id}/photos/${photoId}`,
    });
    expect(served.statusCode).toBe(200);
    expect(served.headers['content-type']).toBe('image/png');
    expect(served.rawPayload.equals(png)).toBe(true);
  });
});

describe('XLSX import', () => {
  const header = [
    'STT',
    'Tên sản phẩm',
    'Chủ thể',
    'Địa chỉ',
    'Số sao',
    'Điểm',
    'Nhóm sản phẩm',
    'Số QĐ',
    'Ngày QĐ',
  ];

  it('previews, then refuses the whole file when one row is wrong', async () => {
    const file = await workbook(
      [
        [
          1,
          'Chả tôm Hòa Lộc',
          'HTX chế biến hải sản Hòa Hải',
          'Xã Hòa Lộc, huyện Hậu Lộc',
          3,
          62,
          'Thực phẩm',
          '4612/QĐ-UBND',
          '06/11/2020',
        ],
        [
          2,
          'Rượu nếp Hòa Lộc',
          'HTX chế biến hải sản Hòa Hải',
          '',
          '4 sao',
          68,
          'Đồ uống',
          '4612/QĐ-UBND',
          '06/11/2020',
        ],
        [
          3,
          'Cói mỹ nghệ',
          'HTX chế biến hải sản Hòa Hải',
          '',
          7,
          null,
          'Lưu niệm – nội thất – trang trí',
          '',
          '',
        ],
      ],
      header,
    );
    const before = await count();
    const preview = await importFile(file, 'dryRun=true');
    expect(preview.statusCode).toBe(200);
    expect(preview.json()).toMatchObject({ dryRun: true, total: 3, created: 1, skipped: 2 });
    expect(preview.json().errors).toEqual([
      { row: 5, column: 'Số sao', message: '68 điểm thuộc hạng 3 sao (50–69 điểm), không phải 4 sao' },
      { row: 6, column: 'Số sao', message: 'Số sao phải từ 1 đến 5 (ô ghi "7")' },
    ]);
    const refused = await importFile(file, 'mode=all_or_nothing');
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.code).toBe('IMPORT_FAILED');
    expect(refused.json().error.details[0].message).toBe(
      'Dòng 5, cột Số sao: 68 điểm thuộc hạng 3 sao (50–69 điểm), không phải 4 sao',
    );
    expect(await count()).toBe(before);

    const partial = await importFile(file, 'mode=valid_rows_only');
    expect(partial.statusCode).toBe(200);
    expect(partial.json()).toMatchObject({ created: 1, skipped: 2 });
    expect(await count()).toBe(before + 1);
    const created = (await call('GET', '/api/products?q=cha%20tom%20hoa%20loc')).json().items[0];
    expect(created).toMatchObject({ districtName: 'Huyện Hậu Lộc', validUntil: '2023-11-06', score: 62 });
  });

  it('offers to create an unknown producer, and creates it only when an admin asks', async () => {
    const file = await workbook(
      [
        [
          1,
          'Thảm cói Nga Liên',
          'Công ty TNHH Cói Nga Liên',
          'Xã Nga Liên, huyện Nga Sơn',
          3,
          null,
          'Lưu niệm – nội thất – trang trí',
          '',
          '',
        ],
      ],
      header,
    );
    const before = await count();
    const preview = await importFile(file, 'dryRun=true');
    expect(preview.json().newProducers).toEqual([{ name: 'Công ty TNHH Cói Nga Liên', rows: [4] }]);
    expect(preview.json().errors[0].message).toContain('chọn "Tạo chủ thể mới"');
    expect((await importFile(file, '')).statusCode).toBe(422);
    expect(await count()).toBe(before);
    const producers = async () =>
      (await call('GET', '/api/units?kind=producer&q=coi%20nga%20lien')).json().items as {
        name: string;
        parentName: string;
        producerType: string;
      }[];
    expect(await producers()).toHaveLength(0);

    // The catalogue is shared by every event: an organizer previews new producers but does not add them.
    expect((await importFile(file, 'dryRun=true&createProducers=true')).json().newProducers).toHaveLength(1);
    const refused = await importFile(file, 'createProducers=true');
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('FORBIDDEN');
    expect(await producers()).toHaveLength(0);
    expect(await count()).toBe(before);

    const done = await importFile(file, 'createProducers=true', admin);
    expect(done.statusCode).toBe(200);
    expect(await producers()).toEqual([
      expect.objectContaining({
        name: 'Công ty TNHH Cói Nga Liên',
        parentName: 'Huyện Nga Sơn',
        producerType: 'enterprise',
      }),
    ]);
    const product = (await call('GET', '/api/products?q=tham%20coi%20nga%20lien')).json().items[0];
    expect(product).toMatchObject({
      districtName: 'Huyện Nga Sơn',
      groupName: 'Lưu niệm – nội thất – trang trí',
    });
  });

  it('updates a product already registered (same name and producer), and exports what it imports', async () => {
    const file = await workbook(
      [[1, 'Chả tôm Hòa Lộc', 'HTX Hòa Hải', '', 3, 66, 'Thực phẩm', '4612/QĐ-UBND', '06/11/2020']],
      header,
    );
    const result = (await importFile(file, '')).json();
    expect(result).toMatchObject({ created: 0, updated: 1 });
    const exported = await call('GET', '/api/products/export.xlsx?q=cha%20tom');
    expect(exported.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(exported.rawPayload as never);
    const values = wb.worksheets[0]!.getRow(5).values as unknown[];
    expect(values).toEqual(
      expect.arrayContaining(['Chả tôm Hòa Lộc', 'HTX chế biến hải sản Hòa Hải', 3, 66, 'Thực phẩm']),
    );
    const back = await importFile(exported.rawPayload, 'dryRun=true');
    expect(back.json()).toMatchObject({ errors: [], updated: 1, created: 0 });
  });
});

describe('programme statistics', () => {
  it('counts certified products by year, stars, group, district and producer type', async () => {
    const all = (await call('GET', '/api/ocop/statistics', undefined, viewer)).json();
    const certified = (await call('GET', '/api/products?potential=false&pageSize=1')).json().total;
    expect(all.products).toBe(certified);
    // The imported mat has no year: counted in the whole register, not in 2018–2020.
    expect(all.byYear).toContainEqual({ key: '0', label: 'Chưa ghi năm', count: 1 });
    const stats = (
      await call('GET', '/api/ocop/statistics?fromYear=2018&toYear=2020', undefined, viewer)
    ).json();
    expect(stats.products).toBe(certified - 1);
    expect(stats.potential).toBe(1);
    expect(stats.byStars.reduce((s: number, r: { count: number }) => s + r.count, 0)).toBe(certified - 1);
    expect(stats.byDistrict.find((d: { label: string }) => d.label === 'Huyện Hậu Lộc')).toMatchObject({
      communes: 1,
    });
    expect(stats.districtsWith).toEqual(['Huyện Hậu Lộc']);
    expect(stats.districtsWithout).toEqual(['Huyện Nga Sơn']);
    expect(stats.communesWith).toEqual(['Xã Hòa Lộc (Huyện Hậu Lộc)']);
    const docx = await call('GET', '/api/ocop/statistics.docx?fromYear=2018&toYear=2020');
    expect(docx.statusCode).toBe(200);
    const { default: mammoth } = await import('mammoth');
    const text = (await mammoth.extractRawText({ buffer: docx.rawPayload })).value;
    expect(text).toContain('SỐ LIỆU CHƯƠNG TRÌNH MỖI XÃ MỘT SẢN PHẨM (OCOP)');
    expect(text).toContain('Giai đoạn 2018 - 2020');
    expect(text).toContain('Huyện Hậu Lộc');
    const xlsx = await call('GET', '/api/ocop/statistics.xlsx');
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
  });
});
