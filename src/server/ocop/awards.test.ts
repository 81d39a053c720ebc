import { PDFParse } from 'pdf-parse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Awards } from '../../shared/ocop';
import { SYSTEM_ACTOR } from '../auth/actor';
import { createGroup, setSeats } from '../delegates/composition.service';
import { createTestContext, type TestContext } from '../test/harness';
import { createProduct } from './products.service';

let ctx: TestContext;
let organizer = '';
let reception = '';
let eventId = '';
let leaderId = '';
const districts: Record<string, string> = {};
const producers: Record<string, string> = {};
const delegates: Record<string, string> = {};
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

async function pdfText(buffer: Buffer): Promise<{ text: string; pages: number }> {
  const parser = new PDFParse({ data: new Uint8Array(buffer) });
  const result = await parser.getText();
  await parser.destroy();
  return { text: result.text.normalize('NFC'), pages: result.pages.length };
}

beforeAll(async () => {
  ctx = await createTestContext();
  const db = ctx.handle.db;
  const event = await ctx.buildEvent({
    name: 'Hội nghị tổng kết OCOP',
    planIssuer: 'UBND tỉnh Thanh Hóa',
    planSignerAuthority: 'KT. Chủ tịch',
    planSignerTitle: 'Phó Chủ tịch',
    planSignerName: 'Lê Đức Giang',
  });
  eventId = event.id;
  const user = await ctx.buildUser({ username: 'btc-trao' });
  await ctx.addMember(eventId, user.id, 'organizer');
  organizer = await ctx.login('btc-trao');
  const desk = await ctx.buildUser({ username: 'le-tan-trao' });
  await ctx.addMember(eventId, desk.id, 'checkin');
  reception = await ctx.login('le-tan-trao');

  const hauLoc = (
    await ctx.buildUnit({ kind: 'district', name: 'Huyện Hậu Lộc', shortName: 'Hậu Lộc', adminCode: '400' })
  ).id;
  const ngaSon = (
    await ctx.buildUnit({ kind: 'district', name: 'Huyện Nga Sơn', shortName: 'Nga Sơn', adminCode: '401' })
  ).id;
  const province = (
    await ctx.buildUnit({ kind: 'provincial_leadership', name: 'UBND tỉnh', shortName: 'UBND tỉnh' })
  ).id;
  Object.assign(districts, { hauLoc, ngaSon });
  for (const [key, name, parent] of [
    ['hoaHai', 'HTX chế biến hải sản Hòa Hải', hauLoc],
    ['nganKhuong', 'Công ty TNHH Ngân Khương', ngaSon],
    ['chiNe', 'Cơ sở rượu Chi Nê', hauLoc],
  ] as const) {
    producers[key] = (await ctx.buildUnit({ kind: 'producer', name, shortName: name, parentId: parent })).id;
  }
  const groupId = await createGroup(db, SYSTEM_ACTOR, eventId, { title: 'Chủ thể OCOP' });
  const leaders = await createGroup(db, SYSTEM_ACTOR, eventId, { title: 'Lãnh đạo tỉnh' });
  await setSeats(db, SYSTEM_ACTOR, eventId, groupId, {
    seats: Object.values(producers).map((unitId) => ({ unitId, quota: 2 })),
  });
  await setSeats(db, SYSTEM_ACTOR, eventId, leaders, { seats: [{ unitId: province, quota: 1 }] });
  const add = async (fullName: string, unitId: string, group: string) => {
    const response = await call('POST', '/delegates', {
      groupId: group,
      unitId,
      fullName,
      position: 'Giám đốc',
    });
    return response.json().id as string;
  };
  delegates.hoaHai = await add('Phạm Thị Huệ', producers.hoaHai!, groupId);
  delegates.nganKhuong = await add('Mai Văn Khương', producers.nganKhuong!, groupId);
  delegates.chiNe = await add('Lê Văn Nê', producers.chiNe!, groupId);
  leaderId = await add('Lê Đức Giang', province, leaders);

  const decision = { decisionNumber: '5445/QĐ-UBND', decisionDate: '2019-12-23', evaluationYear: 2019 };
  for (const [key, name, producer, stars] of [
    ['mam', 'Mắm tôm Hòa Hải', 'hoaHai', 3],
    ['nuocMam', 'Nước mắm Hòa Hải', 'hoaHai', 4],
    ['tham', 'Thảm cói trải sàn', 'nganKhuong', 3],
    ['ruou', 'Rượu Chi Nê', 'chiNe', 3],
  ] as const) {
    const product = await createProduct(db, SYSTEM_ACTOR, {
      name,
      groupId: name.startsWith('Rượu') ? 'g1048-2' : name.startsWith('Thảm') ? 'g1048-5' : 'g1048-1',
      producerId: producers[producer]!,
      stars,
      certificateNumber: `0${Object.keys(products).length + 1}/GCN-OCOP`,
      ...decision,
    });
    products[key] = product.id;
  }
  await createProduct(db, SYSTEM_ACTOR, {
    name: 'Mắm tép tiềm năng',
    groupId: 'g1048-1',
    producerId: producers.hoaHai!,
    score: 45,
    potential: true,
  });
});
afterAll(() => ctx.close());

describe('award ceremony', () => {
  it('lays out batches of producers by stars, each producer’s delegate coming up', async () => {
    const response = await call('POST', '/awards/plan', {
      batchSize: 2,
      order: 'stars',
      fromYear: 2018,
      toYear: 2020,
      presenterDelegateIds: [leaderId],
    });
    expect(response.statusCode).toBe(200);
    const awards: Awards = response.json();
    expect(awards.batches.map((b) => b.recipients.map((r) => r.producerName))).toEqual([
      ['HTX chế biến hải sản Hòa Hải', 'Cơ sở rượu Chi Nê'],
      ['Công ty TNHH Ngân Khương'],
    ]);
    expect(awards.batches[0]!.presenter?.fullName).toBe('Lê Đức Giang');
    expect(awards.batches[1]!.presenter).toBeNull();
    expect(awards.batches[0]!.recipients[0]!.products.map((p) => p.name)).toEqual([
      'Mắm tôm Hòa Hải',
      'Nước mắm Hòa Hải',
    ]);
    expect(awards.totals).toEqual({ recipients: 3, products: 4, present: 0, absent: 3, handedOver: 0 });
  });

  it('takes "present" from check-in, names a stand-in for the absent, records the hand-over', async () => {
    for (const status of ['invited', 'checked_in']) {
      const moved = await call('POST', `/delegates/${delegates.hoaHai}/status`, { status });
      expect(moved.statusCode).toBe(200);
    }
    let awards: Awards = (await call('GET', '/awards', undefined, reception)).json();
    const [hoaHai, chiNe] = awards.batches[0]!.recipients;
    expect(hoaHai).toMatchObject({
      present: true,
      delegate: { fullName: 'Phạm Thị Huệ', status: 'checked_in' },
    });
    expect(chiNe).toMatchObject({ present: false, delegate: { fullName: 'Lê Văn Nê' } });
    expect(awards.totals).toMatchObject({ present: 1, absent: 2 });

    awards = (
      await call('PATCH', `/awards/recipients/${chiNe!.id}`, { standInName: 'Trịnh Văn Hòa' })
    ).json();
    expect(awards.batches[0]!.recipients[1]!.standInName).toBe('Trịnh Văn Hòa');
    awards = (await call('PATCH', `/awards/recipients/${hoaHai!.id}`, { handedOver: true })).json();
    expect(awards.totals.handedOver).toBe(1);
    expect(awards.batches[0]!.recipients[0]!.handedOverAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);

    // Reception follows the ceremony but does not change it.
    const denied = await call('PATCH', `/awards/recipients/${chiNe!.id}`, { handedOver: true }, reception);
    expect(denied.statusCode).toBe(403);
    const again = await call('POST', '/awards/plan', { batchSize: 5, order: 'district' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toBe('Đã có chứng nhận được trao; không lập lại danh sách được nữa');
  });

  it('moves a recipient to another batch and refuses a presenter from outside the event', async () => {
    const awards: Awards = (await call('GET', '/awards')).json();
    const chiNe = awards.batches[0]!.recipients[1]!;
    const moved: Awards = (
      await call('PATCH', `/awards/recipients/${chiNe.id}`, { batchId: awards.batches[1]!.id })
    ).json();
    expect(moved.batches[1]!.recipients.map((r) => r.producerName)).toEqual([
      'Công ty TNHH Ngân Khương',
      'Cơ sở rượu Chi Nê',
    ]);
    const stranger = await call('PATCH', `/awards/batches/${awards.batches[1]!.id}`, {
      presenterDelegateId: 'nobody',
    });
    expect(stranger.statusCode).toBe(400);
    expect(stranger.json().error.details[0].field).toBe('presenterDelegateId');
  });

  it("a district's officer follows their own producers only, and sees no one of another unit", async () => {
    const before: Awards = (await call('GET', '/awards')).json();
    const second = before.batches[1]!;
    await call('PATCH', `/awards/batches/${second.id}`, { presenterDelegateId: leaderId });
    const asOfficer = async (username: string, unitId: string): Promise<Awards> => {
      const user = await ctx.buildUser({ username });
      await ctx.addMember(eventId, user.id, 'unit_officer', unitId);
      return (await call('GET', '/awards', undefined, await ctx.login(username))).json();
    };

    const ngaSon = await asOfficer('can-bo-nga-son', districts.ngaSon!);
    expect(ngaSon.batches.map((b) => b.id)).toEqual([second.id]);
    expect(ngaSon.batches[0]!.recipients.map((r) => r.delegate?.fullName)).toEqual(['Mai Văn Khương']);
    // The province's presenter is not Nga Sơn's to see.
    expect(ngaSon.batches[0]!.presenter).toBeNull();
    expect(ngaSon.totals).toEqual({ recipients: 1, products: 1, present: 0, absent: 1, handedOver: 0 });

    const hauLoc = await asOfficer('can-bo-hau-loc', districts.hauLoc!);
    expect(hauLoc.batches.flatMap((b) => b.recipients.map((r) => r.producerName))).toEqual([
      'HTX chế biến hải sản Hòa Hải',
      'Cơ sở rượu Chi Nê',
    ]);
    expect(hauLoc.totals).toMatchObject({ recipients: 2, products: 3, handedOver: 1 });
    expect(JSON.stringify(hauLoc)).not.toContain('Lê Đức Giang');
  });
});

describe('certificates', () => {
  it('prints the event’s award list in ceremony order, with names, decision and validity', async () => {
    const response = await call('GET', '/certificates.pdf');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    const { text, pages } = await pdfText(response.rawPayload);
    expect(pages).toBe(4);
    for (const expected of [
      'GIẤY CHỨNG NHẬN',
      'SẢN PHẨM OCOP',
      'ỦY BAN NHÂN DÂN',
      'TỈNH THANH HÓA',
      'Mắm tôm Hòa Hải',
      'Nước mắm Hòa Hải',
      'Thảm cói trải sàn',
      'HTX chế biến hải sản Hòa Hải',
      'Theo Quyết định số 5445/QĐ-UBND ngày 23/12/2019',
      'có giá trị đến ngày 23/12/2022',
      'Địa chỉ: huyện Hậu Lộc, tỉnh Thanh Hóa',
      'Thanh Hóa, ngày 23 tháng 12 năm 2019',
    ]) {
      expect(text).toContain(expected);
    }
    // A 2019 decision is not signed by the 2020 plan's signer: the name is left for the clerk until known.
    expect(text).not.toContain('Lê Đức Giang');
    expect(text).toContain('……………………');
    expect(text.indexOf('Mắm tôm Hòa Hải')).toBeLessThan(text.indexOf('Thảm cói trải sàn'));
    expect(text).not.toContain('Mắm tép tiềm năng');
  });

  it('takes the organizer’s wording and signer, reprints one, and refuses a potential product', async () => {
    const template = (await call('GET', '/certificate-template')).json();
    expect(template).toMatchObject({ issuer: 'UBND tỉnh Thanh Hóa', signerName: 'Lê Đức Giang' });
    expect(template.decisions).toEqual([]);
    const saved = await call('PUT', '/certificate-template', {
      ...template,
      issueDate: '2020-11-27',
      decisions: [
        {
          number: '5445/QĐ-UBND',
          signerAuthority: 'TM. Ủy ban nhân dân',
          signerTitle: 'Chủ tịch',
          signerName: 'Đỗ Minh Tuấn',
        },
      ],
    });
    expect(saved.statusCode).toBe(200);
    const one = await call('GET', `/certificates/${products.ruou}`);
    const { text, pages } = await pdfText(one.rawPayload);
    expect(pages).toBe(1);
    expect(text).toContain('Rượu Chi Nê');
    expect(text).toContain('Đỗ Minh Tuấn');
    expect(text).toContain('TM. ỦY BAN NHÂN DÂN');
    // Dated as its decision, not as the printing day the template names.
    expect(text).toContain('ngày 23 tháng 12 năm 2019');
    expect(text).not.toContain('ngày 27 tháng 11 năm 2020');
    expect(text).toContain('Đạt hạng: 3 sao');

    const byDecision = await call(
      'GET',
      `/certificates.pdf?decisionNumber=${encodeURIComponent('5445/QĐ-UBND')}`,
    );
    expect((await pdfText(byDecision.rawPayload)).pages).toBe(4);
    const none = await call('GET', '/certificates.pdf?decisionNumber=999');
    expect(none.statusCode).toBe(400);

    const potentialId = (
      await ctx.app.inject({
        method: 'GET',
        url: '/api/products?potential=true',
        headers: { cookie: organizer },
      })
    ).json().items[0].id;
    const refused = await call('GET', `/certificates/${potentialId}`);
    expect(refused.statusCode).toBe(400);
    expect((await call('GET', '/certificates.pdf', undefined, reception)).statusCode).toBe(403);
  });
});

describe('certificates follow their decision', () => {
  it('signs a decision of the event’s year with the template signer, and asks before printing no number', async () => {
    const db = ctx.handle.db;
    const fresh = await createProduct(db, SYSTEM_ACTOR, {
      name: 'Chiếu cói dệt tay thủ công',
      groupId: 'g1048-5',
      producerId: producers.nganKhuong!,
      stars: 3,
      evaluationYear: 2020,
      decisionNumber: '4612/QĐ-UBND',
      decisionDate: '2020-11-06',
    });
    const refused = await call('GET', `/certificates/${fresh.id}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({
      code: 'CERTIFICATE_NUMBER_MISSING',
      details: [{ field: fresh.id, message: 'Chiếu cói dệt tay thủ công' }],
    });
    expect(refused.json().error.message).toContain('1/1 giấy chứng nhận chưa có số');
    const byDecision = await call(
      'GET',
      `/certificates.pdf?decisionNumber=${encodeURIComponent('4612/QĐ-UBND')}`,
    );
    expect(byDecision.statusCode).toBe(409);

    const printed = await call('GET', `/certificates/${fresh.id}?allowBlankNumber=true`);
    expect(printed.statusCode).toBe(200);
    const { text } = await pdfText(printed.rawPayload);
    expect(text).toContain('Số: ………');
    expect(text).toContain('Theo Quyết định số 4612/QĐ-UBND ngày 06/11/2020');
    expect(text).toContain('Thanh Hóa, ngày 06 tháng 11 năm 2020');
    expect(text).toContain('Địa chỉ: huyện Nga Sơn, tỉnh Thanh Hóa');
    // The template's own signer (the event's year) signs this one; the 2019 decision keeps its own.
    const template = (await call('GET', '/certificate-template')).json();
    expect(text).toContain(template.signerName);
    expect(text).not.toContain('Đỗ Minh Tuấn');
    expect((await call('GET', `/certificates/${fresh.id}?allowBlankNumber=maybe`)).statusCode).toBe(400);
  });
});

describe('public showcase', () => {
  it('lists and shows products without sign-in, and leaks no personal data', async () => {
    const list = await ctx.app.inject({ method: 'GET', url: '/api/public/products?q=mam&stars=3' });
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((p: { name: string }) => p.name)).toEqual(['Mắm tôm Hòa Hải']);
    const one = await ctx.app.inject({ method: 'GET', url: `/api/public/products/${products.mam}` });
    expect(one.statusCode).toBe(200);
    expect(Object.keys(one.json()).sort()).toEqual(
      [
        'communeName',
        'description',
        'districtName',
        'evaluationYear',
        'groupName',
        'id',
        'isSample',
        'name',
        'photoIds',
        'potential',
        'producerName',
        'producerType',
        'stars',
        'subGroup',
        'validUntil',
        'whereToBuy',
      ].sort(),
    );
    const all = (await ctx.app.inject({ method: 'GET', url: '/api/public/products?pageSize=60' })).body;
    for (const secret of [
      'Phạm Thị Huệ',
      'Lê Văn Nê',
      'Trịnh Văn Hòa',
      'Giám đốc',
      'phone',
      'email',
      'producerAddress',
      'certificateNumber',
    ]) {
      expect(all).not.toContain(secret);
    }
    const filters = (await ctx.app.inject({ method: 'GET', url: '/api/public/product-filters' })).json();
    expect(filters.districts.map((d: { name: string }) => d.name)).toEqual([
      'Huyện Hậu Lộc',
      'Huyện Nga Sơn',
    ]);
    // Nothing else opens without signing in.
    for (const url of ['/api/products', `/api/events/${eventId}/awards`, '/api/ocop/statistics']) {
      expect((await ctx.app.inject({ method: 'GET', url })).statusCode).toBe(401);
    }
  });
});
