import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Agreement, AgreementList } from '../../shared/agreements';
import { SYSTEM_ACTOR } from '../auth/actor';
import { createGroup, setSeats } from '../delegates/composition.service';
import { createProduct } from '../ocop/products.service';
import { createTestContext, type TestContext } from '../test/harness';
import { agreementTotals, signingCeremony } from './agreements.service';

let ctx: TestContext;
let organizer = '';
let viewer = '';
let eventId = '';
const units: Record<string, string> = {};
const people: Record<string, string> = {};
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

const upload = (id: string, bytes: Buffer, contentType: string) =>
  ctx.app.inject({
    method: 'PUT',
    url: `/api/events/${eventId}/agreements/${id}/scan`,
    headers: { cookie: organizer, 'content-type': contentType },
    payload: bytes,
  });

const checkIn = (delegateId: string) =>
  call('POST', '/checkins', {
    delegateId,
    clientId: `thu-${Math.random().toString(36).slice(2, 12)}`,
    scannedAt: new Date().toISOString(),
    deviceId: 'may-le-tan',
  });

/** A minimal, valid one-page PDF. */
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

function supplyContract(overrides: Record<string, unknown> = {}) {
  return {
    kind: 'supply_contract',
    title: 'Hợp đồng cung ứng mắm tôm Hòa Hải',
    valueVnd: 350_000_000,
    startsOn: '2020-12-01',
    endsOn: '2021-11-30',
    parties: [
      { unitId: units.hoaHai, role: 'seller', signatoryDelegateId: people.hue },
      { unitId: units.coopmart, role: 'buyer', signatoryDelegateId: people.coop },
    ],
    productIds: [products.mam],
    ...overrides,
  };
}

beforeAll(async () => {
  ctx = await createTestContext();
  const db = ctx.handle.db;
  eventId = (await ctx.buildEvent({ name: 'Hội nghị tổng kết OCOP', planIssuer: 'UBND tỉnh Thanh Hóa' })).id;
  const user = await ctx.buildUser({ username: 'btc-ky-ket' });
  await ctx.addMember(eventId, user.id, 'organizer');
  organizer = await ctx.login('btc-ky-ket');
  const watcher = await ctx.buildUser({ username: 'lanh-dao-ky-ket' });
  await ctx.addMember(eventId, watcher.id, 'viewer');
  viewer = await ctx.login('lanh-dao-ky-ket');

  const hauLoc = (await ctx.buildUnit({ kind: 'district', name: 'Huyện Hậu Lộc', adminCode: '400' })).id;
  const ngaSon = (await ctx.buildUnit({ kind: 'district', name: 'Huyện Nga Sơn', adminCode: '401' })).id;
  units.district = hauLoc;
  units.hoaHai = (
    await ctx.buildUnit({
      kind: 'producer',
      name: 'HTX chế biến hải sản Hòa Hải',
      shortName: 'HTX Hòa Hải',
      parentId: hauLoc,
    })
  ).id;
  units.nganKhuong = (
    await ctx.buildUnit({
      kind: 'producer',
      name: 'Công ty TNHH Ngân Khương',
      shortName: 'Ngân Khương',
      parentId: ngaSon,
    })
  ).id;
  units.coopmart = (
    await ctx.buildUnit({
      kind: 'retailer',
      name: 'Siêu thị Co.opmart Thanh Hóa (Saigon Co.op)',
      shortName: 'Co.opmart',
    })
  ).id;
  units.winmart = (
    await ctx.buildUnit({
      kind: 'retailer',
      name: 'Siêu thị WinMart Thanh Hóa (Vinmart)',
      shortName: 'WinMart',
    })
  ).id;
  units.distributor = (
    await ctx.buildUnit({
      kind: 'distributor',
      name: 'Công ty CP Phân phối Nông sản Việt',
      shortName: 'Nông sản Việt',
    })
  ).id;

  const group = await createGroup(db, SYSTEM_ACTOR, eventId, { title: 'Chủ thể và siêu thị' });
  await setSeats(db, SYSTEM_ACTOR, eventId, group, {
    seats: Object.entries(units)
      .filter(([k]) => k !== 'district')
      .map(([, unitId]) => ({ unitId, quota: 3 })),
  });
  const add = async (fullName: string, unitId: string, position: string) =>
    (await call('POST', '/delegates', { groupId: group, unitId, fullName, position })).json().id as string;
  people.hue = await add('Phạm Thị Huệ', units.hoaHai!, 'Giám đốc');
  people.khuong = await add('Mai Văn Khương', units.nganKhuong!, 'Giám đốc');
  people.coop = await add('Trần Thị Hoa', units.coopmart!, 'Giám đốc');
  people.win = await add('Nguyễn Văn Thắng', units.winmart!, 'Trưởng phòng mua hàng');
  people.dist = await add('Lê Thị Mai', units.distributor!, 'Giám đốc');

  for (const [key, name, producer] of [
    ['mam', 'Mắm tôm Hòa Hải', 'hoaHai'],
    ['nuocMam', 'Nước mắm Hòa Hải', 'hoaHai'],
    ['tham', 'Thảm cói trải sàn', 'nganKhuong'],
  ] as const) {
    products[key] = (
      await createProduct(db, SYSTEM_ACTOR, {
        name,
        groupId: key === 'tham' ? 'g1048-5' : 'g1048-1',
        producerId: units[producer]!,
        stars: 3,
        evaluationYear: 2019,
      })
    ).id;
  }
});
afterAll(() => ctx.close());

describe('agreements', () => {
  it('follows draft → ready → signed → followed up, with the scan checked by its bytes', async () => {
    const created = await call('POST', '/agreements', supplyContract());
    expect(created.statusCode, created.body).toBe(201);
    const agreement: Agreement = created.json();
    expect(agreement.status).toBe('draft');
    expect(agreement.valueVnd).toBe(350_000_000);
    expect(agreement.parties.map((p) => [p.name, p.role])).toEqual([
      ['HTX chế biến hải sản Hòa Hải', 'seller'],
      ['Siêu thị Co.opmart Thanh Hóa (Saigon Co.op)', 'buyer'],
    ]);
    expect(agreement.productIds).toEqual([products.mam]);

    // Signing skips a step: refused.
    const early = await call('POST', `/agreements/${agreement.id}/status`, { status: 'signed' });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('INVALID_STATUS_TRANSITION');

    const ready = await call('POST', `/agreements/${agreement.id}/status`, { status: 'ready' });
    expect(ready.json().status).toBe('ready');
    const signed = await call('POST', `/agreements/${agreement.id}/status`, { status: 'signed' });
    expect(signed.json().status).toBe('signed');
    expect(signed.json().signedAt).toBeTruthy();
    expect(signed.json().warnings).toContain('Chưa có bản scan đã ký');

    // Once signed, the content is frozen; follow-up notes still go in.
    const edit = await call('PATCH', `/agreements/${agreement.id}`, { valueVnd: 1 });
    expect(edit.statusCode).toBe(409);
    const notes = await call('PATCH', `/agreements/${agreement.id}`, {
      followUpNotes: 'Đã giao lô đầu 12/2020',
    });
    expect(notes.json().followUpNotes).toBe('Đã giao lô đầu 12/2020');

    // A PNG sent as a PDF is refused by its bytes; a real PDF is kept in the database.
    const renamed = await upload(agreement.id, PNG, 'application/pdf');
    expect(renamed.statusCode).toBe(400);
    expect(renamed.json().error.details[0].field).toBe('scan');
    const asJpeg = await upload(agreement.id, PNG, 'image/jpeg');
    expect(asJpeg.statusCode).toBe(400);
    const tooBig = await upload(
      agreement.id,
      Buffer.concat([PDF, Buffer.alloc(11 * 1024 * 1024)]),
      'application/pdf',
    );
    expect(tooBig.statusCode).toBe(413);
    const scanned = await upload(agreement.id, PDF, 'application/pdf');
    expect(scanned.statusCode, scanned.body).toBe(200);
    expect(scanned.json().scan).toMatchObject({ mediaType: 'application/pdf', byteSize: PDF.length });
    expect(scanned.json().warnings).not.toContain('Chưa có bản scan đã ký');
    const back = await call('GET', `/agreements/${agreement.id}/scan`);
    expect(back.headers['content-type']).toContain('application/pdf');
    expect(back.rawPayload.equals(PDF)).toBe(true);

    const followed = await call('POST', `/agreements/${agreement.id}/status`, { status: 'followed_up' });
    expect(followed.json().status).toBe('followed_up');
    const gone = await call('DELETE', `/agreements/${agreement.id}`);
    expect(gone.statusCode).toBe(409);

    const audit = await ctx.handle.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity', '=', 'agreement')
      .where('entity_id', '=', agreement.id)
      .execute();
    expect(audit.map((a) => a.action).sort()).toEqual(
      ['create', 'status', 'status', 'status', 'update'].sort(),
    );
  });

  it('refuses a value that is not whole đồng, a party that is not a unit, a product of another producer', async () => {
    for (const valueVnd of [1500.5, -1, '350000000', 1e18]) {
      const r = await call('POST', '/agreements', supplyContract({ valueVnd }));
      expect(r.statusCode, String(valueVnd)).toBe(400);
      expect(r.json().error.code).toBe('VALIDATION_FAILED');
      expect(r.json().error.details[0].field).toBe('valueVnd');
    }
    const ghost = await call(
      'POST',
      '/agreements',
      supplyContract({ parties: [{ unitId: 'khong-co-don-vi', role: 'seller' }] }),
    );
    expect(ghost.statusCode).toBe(400);
    expect(ghost.json().error.details[0].field).toBe('parties.0.unitId');
    // A district is a unit but cannot sell; a producer cannot buy.
    const district = await call(
      'POST',
      '/agreements',
      supplyContract({ parties: [{ unitId: units.district, role: 'seller' }], productIds: [] }),
    );
    expect(district.statusCode).toBe(400);
    const producerBuys = await call(
      'POST',
      '/agreements',
      supplyContract({
        parties: [
          { unitId: units.hoaHai, role: 'seller' },
          { unitId: units.nganKhuong, role: 'buyer' },
        ],
      }),
    );
    expect(producerBuys.statusCode).toBe(400);
    expect(producerBuys.json().error.details[0].field).toBe('parties.1.unitId');
    const foreign = await call(
      'POST',
      '/agreements',
      supplyContract({ productIds: [products.mam, products.tham] }),
    );
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error.details[0]).toMatchObject({ field: 'productIds.1' });
    expect(foreign.json().error.message).toContain('Thảm cói trải sàn');
    // A signatory of another unit.
    const wrongSigner = await call(
      'POST',
      '/agreements',
      supplyContract({
        parties: [
          { unitId: units.hoaHai, role: 'seller', signatoryDelegateId: people.khuong },
          { unitId: units.coopmart, role: 'buyer' },
        ],
      }),
    );
    expect(wrongSigner.statusCode).toBe(400);
    expect(wrongSigner.json().error.details[0].field).toBe('parties.0.signatoryDelegateId');
    // Ready asks for someone to sign on each side.
    const unsigned = await call(
      'POST',
      '/agreements',
      supplyContract({
        parties: [
          { unitId: units.hoaHai, role: 'seller' },
          { unitId: units.winmart, role: 'buyer' },
        ],
      }),
    );
    expect(unsigned.statusCode).toBe(201);
    expect(unsigned.json().warnings).toEqual(['HTX Hòa Hải: chưa có người ký', 'WinMart: chưa có người ký']);
    const notReady = await call('POST', `/agreements/${unsigned.json().id}/status`, { status: 'ready' });
    expect(notReady.statusCode).toBe(400);
    expect((await call('DELETE', `/agreements/${unsigned.json().id}`)).statusCode).toBe(200);
  });

  it('orders the ceremony in rounds, flags absent signatories once check-in begins and names stand-ins', async () => {
    const make = async (
      title: string,
      valueVnd: number,
      seller: string,
      sellerPerson: string,
      buyer: string,
      buyerPerson: string,
      productIds: string[],
    ) => {
      const r = await call('POST', '/agreements', {
        kind: 'mou',
        title,
        valueVnd,
        parties: [
          { unitId: units[seller], role: 'seller', signatoryDelegateId: people[sellerPerson] },
          { unitId: units[buyer], role: 'buyer', signatoryDelegateId: people[buyerPerson] },
        ],
        productIds,
      });
      expect(r.statusCode, r.body).toBe(201);
      const id = r.json().id as string;
      await call('POST', `/agreements/${id}/status`, { status: 'ready' });
      return id;
    };
    const small = await make('Ghi nhớ nước mắm', 100_000_000, 'hoaHai', 'hue', 'winmart', 'win', [
      products.nuocMam!,
    ]);
    const big = await make('Ghi nhớ thảm cói', 900_000_000, 'nganKhuong', 'khuong', 'winmart', 'win', [
      products.tham!,
    ]);
    const dist = await make('Ghi nhớ phân phối', 500_000_000, 'hoaHai', 'hue', 'distributor', 'dist', [
      products.mam!,
    ]);
    const draft = (await call('POST', '/agreements', supplyContract({ title: 'Dự thảo còn bàn' }))).json().id;

    const planned = await call('POST', '/agreements/ceremony', { pairsPerRound: 2 });
    expect(planned.statusCode, planned.body).toBe(200);
    const list: AgreementList = planned.json();
    expect(list.items.find((a) => a.id === draft)?.round).toBeNull();

    let rounds = await signingCeremony(ctx.handle.db, eventId);
    // Grouped by buyer (Vietnamese order), biggest first within a buyer; the followed-up contract from the first test
    // (Co.opmart) stays on the stage.
    const flat = rounds.flatMap((r) => r.pairs.map((p) => [r.round, p.order, p.title]));
    expect(flat).toEqual([
      [1, 1, 'Ghi nhớ phân phối'],
      [1, 2, 'Hợp đồng cung ứng mắm tôm Hòa Hải'],
      [2, 3, 'Ghi nhớ thảm cói'],
      [2, 4, 'Ghi nhớ nước mắm'],
    ]);
    expect(rounds[0]!.pairs[0]!.parties.map((p) => p.role)).toEqual(['seller', 'buyer']);
    // Before check-in begins, nobody's presence is known.
    expect(rounds[0]!.pairs[0]!.parties[0]!.signatory).toMatchObject({ name: 'Phạm Thị Huệ', present: null });

    // Check-in begins: Huệ and Khương come, the WinMart buyer does not.
    expect((await checkIn(people.hue!)).statusCode).toBeLessThan(300);
    expect((await checkIn(people.khuong!)).statusCode).toBeLessThan(300);
    rounds = await signingCeremony(ctx.handle.db, eventId);
    const thamPair = rounds[1]!.pairs[0]!;
    expect(thamPair.agreementId).toBe(big);
    expect(thamPair.parties.map((p) => [p.unitName, p.signatory?.present])).toEqual([
      ['Công ty TNHH Ngân Khương', true],
      ['Siêu thị WinMart Thanh Hóa (Vinmart)', false],
    ]);
    const absent = (await call('GET', '/agreements')).json().items.find((a: Agreement) => a.id === big);
    expect(absent.warnings).toEqual(['WinMart: người ký vắng mặt, chưa có người ký thay']);

    // A stand-in is named for the absent buyer.
    const standIn = await call('PUT', `/agreements/${big}/parties/${units.winmart}/stand-in`, {
      name: 'Đỗ Văn Bình',
      position: 'Phó Giám đốc',
    });
    expect(standIn.statusCode, standIn.body).toBe(200);
    expect(standIn.json().warnings).toEqual([]);
    rounds = await signingCeremony(ctx.handle.db, eventId);
    expect(rounds[1]!.pairs[0]!.parties[1]!.signatory).toEqual({
      delegateId: people.win,
      name: 'Nguyễn Văn Thắng',
      position: 'Trưởng phòng mua hàng',
      present: false,
      standIn: { name: 'Đỗ Văn Bình', position: 'Phó Giám đốc' },
    });

    // Moving a pair by hand.
    const moved = await call('PATCH', `/agreements/${small}`, { round: 3, order: 1 });
    expect(moved.json()).toMatchObject({ round: 3, order: 1 });
    rounds = await signingCeremony(ctx.handle.db, eventId);
    expect(rounds.map((r) => r.round)).toEqual([1, 2, 3]);
    expect(rounds[2]!.pairs.map((p) => p.agreementId)).toEqual([small]);
    expect(dist).toBeTruthy();

    // The signing list as the office prints it: rounds, names, the stand-in.
    const docx = await call('GET', '/agreements/signing-list.docx');
    expect(docx.statusCode).toBe(200);
    const zip = await JSZip.loadAsync(docx.rawPayload);
    const xml = (await zip.file('word/document.xml')!.async('string')).normalize('NFC');
    const text = xml.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
    for (const expected of [
      'DANH SÁCH KÝ KẾT',
      'Đợt 1',
      'Đợt 3',
      'Ghi nhớ thảm cói',
      'Mai Văn Khương',
      'Vắng mặt; ký thay: Đỗ Văn Bình, Phó Giám đốc',
      '900.000.000 đ',
    ])
      expect(text).toContain(expected);
    expect(text).not.toContain('Dự thảo còn bàn');

    const totals = await agreementTotals(ctx.handle.db, eventId);
    expect(totals).toEqual({
      count: 5,
      ready: 3,
      signed: 1,
      valueVnd: 350_000_000 * 2 + 100_000_000 + 900_000_000 + 500_000_000,
      signedValueVnd: 350_000_000,
      products: 3,
      producers: 2,
      buyers: [
        'Công ty CP Phân phối Nông sản Việt',
        'Siêu thị Co.opmart Thanh Hóa (Saigon Co.op)',
        'Siêu thị WinMart Thanh Hóa (Vinmart)',
      ],
    });
  });

  it('answers the contract shape and keeps the list from a viewer’s edits', async () => {
    const list = await call('GET', '/agreements', undefined, viewer);
    expect(list.statusCode).toBe(200);
    const item = list.json().items[0];
    expect(Object.keys(item)).toEqual(
      expect.arrayContaining(['id', 'kind', 'title', 'parties', 'valueVnd', 'status', 'round', 'order']),
    );
    expect(Object.keys(item.parties[0])).toEqual(expect.arrayContaining(['unitId', 'name', 'role']));
    const refused = await call('POST', '/agreements', supplyContract(), viewer);
    expect(refused.statusCode).toBe(403);
  });
});
