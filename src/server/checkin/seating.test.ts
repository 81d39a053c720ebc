import { PDFParse } from 'pdf-parse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Seating } from '../../shared/seating';
import { SYSTEM_ACTOR } from '../auth/actor';
import { createGroup, setSeats, updateGroup } from '../delegates/composition.service';
import { createDelegate } from '../delegates/delegates.service';
import { createTestContext, type TestContext } from '../test/harness';

let ctx: TestContext;
let organizer = '';
let desk = '';
let eventId = '';
let communeId = '';
let communesGroup = '';
let leadersGroup = '';
let provinceId = '';
const people: Record<string, string> = {};

const call = (method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, payload?: object, cookie = organizer) =>
  ctx.app.inject({
    method,
    url: `/api/events/${eventId}${url}`,
    headers: { cookie },
    ...(payload ? { payload } : {}),
  });

async function pdfText(buffer: Buffer) {
  const parser = new PDFParse({ data: new Uint8Array(buffer) });
  const result = await parser.getText();
  await parser.destroy();
  return { text: result.text.normalize('NFC'), pages: result.pages.length };
}

beforeAll(async () => {
  ctx = await createTestContext();
  const db = ctx.handle.db;
  eventId = (await ctx.buildEvent({ name: 'Hội nghị tổng kết OCOP', venueName: 'Hội trường 25B' })).id;
  const user = await ctx.buildUser({ username: 'btc-cho-ngoi' });
  await ctx.addMember(eventId, user.id, 'organizer');
  organizer = await ctx.login('btc-cho-ngoi');
  const staff = await ctx.buildUser({ username: 'le-tan-the' });
  await ctx.addMember(eventId, staff.id, 'checkin');
  desk = await ctx.login('le-tan-the');
  const province = (await ctx.buildUnit({ kind: 'provincial_leadership', name: 'UBND tỉnh Thanh Hóa' })).id;
  const commune = (await ctx.buildUnit({ kind: 'commune', name: 'UBND xã Nga Liên' })).id;
  communeId = commune;
  const communes = await createGroup(db, SYSTEM_ACTOR, eventId, { title: 'Đại diện các xã' });
  communesGroup = communes;
  const leaders = await createGroup(db, SYSTEM_ACTOR, eventId, { title: 'Lãnh đạo tỉnh' });
  leadersGroup = leaders;
  provinceId = province;
  await updateGroup(db, SYSTEM_ACTOR, eventId, leaders, { protocolRank: 1 });
  await updateGroup(db, SYSTEM_ACTOR, eventId, communes, { protocolRank: 2 });
  await setSeats(db, SYSTEM_ACTOR, eventId, leaders, { seats: [{ unitId: province, quota: 5 }] });
  await setSeats(db, SYSTEM_ACTOR, eventId, communes, { seats: [{ unitId: commune, quota: 5 }] });
  for (const [key, fullName, group, unitId, position] of [
    ['xa1', 'Mai Văn Liên', communes, commune, 'Chủ tịch UBND xã'],
    ['chuTich', 'Đỗ Minh Tuấn', leaders, province, 'Chủ tịch UBND tỉnh'],
    ['xa2', 'Trịnh Thị Nga', communes, commune, 'Phó Chủ tịch UBND xã'],
    ['phoChuTich', 'Lê Đức Giang', leaders, province, 'Phó Chủ tịch UBND tỉnh'],
  ] as const) {
    const d = await createDelegate(db, SYSTEM_ACTOR, { all: true }, eventId, {
      groupId: group,
      unitId,
      fullName,
      position,
    });
    people[key] = d.id;
  }
});
afterAll(() => ctx.close());

describe('seating', () => {
  it('starts from a 310-seat default hall; the highest-ranked leader takes the front row centre, staff and communes sit behind the reserved rows', async () => {
    const hall = (await call('GET', '/hall')).json();
    expect(
      hall.blocks.reduce((s: number, b: { seatsPerRow: number }) => s + b.seatsPerRow, 0) * hall.rows,
    ).toBe(310);
    expect(hall).toMatchObject({
      name: 'Hội trường 25B',
      reservedRows: 2,
      leaderRankMax: 300,
      secondSide: 'right',
    });
    const seating: Seating = (await call('POST', '/seating/auto', { reset: true })).json();
    const seatOf = (key: string) => seating.seats.find((s) => s.delegateId === people[key])!.seat;
    // 31 seats a row: A16 is the centre, number 2 at its right hand (A17).
    expect(seatOf('chuTich')).toBe('A16');
    expect(seatOf('phoChuTich')).toBe('A17');
    // A commune's chair (rank 330) is not among the leaders of the reserved rows A–B.
    expect(seatOf('xa1')).toBe('C16');
    expect(seatOf('xa2')).toBe('C17');
    expect(seating.unseated).toBe(0);
  });

  it('seats the chair at the centre whatever their rank, and number 2 on the side the hall sets', async () => {
    const chair = await call('PUT', '/presidium', {
      items: [{ delegateId: people.phoChuTich, role: 'chair' }],
    });
    expect(chair.statusCode).toBe(200);
    let seating: Seating = (await call('POST', '/seating/auto', { reset: true })).json();
    let seatOf = (key: string) => seating.seats.find((s) => s.delegateId === people[key])!.seat;
    expect([seatOf('phoChuTich'), seatOf('chuTich')]).toEqual(['A16', 'A17']);
    const hall = (await call('GET', '/hall')).json();
    expect((await call('PUT', '/hall', { ...hall, secondSide: 'left' })).statusCode).toBe(200);
    seating = (await call('POST', '/seating/auto', { reset: true })).json();
    seatOf = (key: string) => seating.seats.find((s) => s.delegateId === people[key])!.seat;
    expect([seatOf('phoChuTich'), seatOf('chuTich')]).toEqual(['A16', 'A15']);
    await call('PUT', '/hall', { ...hall, secondSide: 'right' });
    await call('PUT', '/presidium', { items: [] });
    await call('POST', '/seating/auto', { reset: true });
  });

  it('moves a delegate to a free seat, refuses a taken or missing one, and a re-run never moves a pinned seat', async () => {
    const taken = await call('PATCH', `/seating/${people.xa1}`, { seat: 'A16' });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.message).toBe('Ghế A16 đã xếp cho Đỗ Minh Tuấn');
    expect((await call('PATCH', `/seating/${people.xa1}`, { seat: 'Z99' })).statusCode).toBe(400);
    const moved: Seating = (await call('PATCH', `/seating/${people.xa1}`, { seat: 'C05' })).json();
    expect(moved.seats.find((s) => s.delegateId === people.xa1)).toMatchObject({ seat: 'C05', pinned: true });
    const again: Seating = (await call('POST', '/seating/auto', { reset: true })).json();
    expect(again.seats.find((s) => s.delegateId === people.xa1)!.seat).toBe('C05');
    expect(again.seats.find((s) => s.delegateId === people.chuTich)!.seat).toBe('A16');
  });

  it('a smaller hall takes away seats that no longer exist', async () => {
    const saved = await call('PUT', '/hall', {
      name: 'Phòng họp số 2',
      blocks: [{ label: 'Giữa', seatsPerRow: 10 }],
      rows: 2,
      reservedRows: 1,
      note: null,
    });
    expect(saved.json().unseated).toBe(4);
    const seating: Seating = (await call('POST', '/seating/auto', { reset: false })).json();
    expect(seating.seats.map((s) => s.seat).sort()).toEqual(['A05', 'A06', 'B05', 'B06']);
  });
});

describe('documents', () => {
  it('prints placards only for the leaders of the reserved row, with name, title and unit on both faces', async () => {
    const response = await call('GET', '/placards.pdf');
    expect(response.statusCode).toBe(200);
    const { text, pages } = await pdfText(response.rawPayload);
    expect(pages).toBe(2);
    for (const name of ['Đỗ Minh Tuấn', 'Lê Đức Giang']) expect(text.split(name).length - 1).toBe(2);
    // The highest-ranked leader's placard comes first.
    expect(text.indexOf('Đỗ Minh Tuấn')).toBeLessThan(text.indexOf('Lê Đức Giang'));
    for (const name of ['Mai Văn Liên', 'Trịnh Thị Nga']) expect(text).not.toContain(name);
    expect(text).toContain('Chủ tịch UBND tỉnh');
    expect(text.split('UBND tỉnh Thanh Hóa').length - 1).toBe(4);
  });

  it('prints a placard for a presidium member wherever they sit', async () => {
    await call('PUT', '/presidium', { items: [{ delegateId: people.xa1, role: 'member' }] });
    const { text, pages } = await pdfText((await call('GET', '/placards.pdf')).rawPayload);
    await call('PUT', '/presidium', { items: [] });
    expect(pages).toBe(3);
    expect(text.split('Mai Văn Liên').length - 1).toBe(2);
    expect(text).toContain('Chủ tịch UBND xã');
    expect(text).toContain('UBND xã Nga Liên');
    expect(text).not.toContain('Trịnh Thị Nga');
  });

  it('prints badges with names, units, groups and seats, and a QR code for each (one reprint too)', async () => {
    const response = await call('POST', '/badges.pdf', undefined, desk);
    expect(response.statusCode).toBe(200);
    const { text, pages } = await pdfText(response.rawPayload);
    expect(pages).toBe(1);
    for (const expected of [
      'ĐẠI BIỂU',
      'Đỗ Minh Tuấn',
      'Phó Chủ tịch UBND xã',
      'Lãnh đạo tỉnh',
      'Đại diện các xã',
      'Hội nghị tổng kết OCOP',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).toMatch(/Ghế [AB]0[56]/);
    // Each badge carries its own check-in code, never the reply link.
    const codes = await ctx.handle.db
      .selectFrom('badge_tokens')
      .select('delegate_id')
      .where('event_id', '=', eventId)
      .execute();
    expect(new Set(codes.map((t) => t.delegate_id))).toEqual(new Set(Object.values(people)));
    expect(
      await ctx.handle.db
        .selectFrom('reply_tokens')
        .select('delegate_id')
        .where('event_id', '=', eventId)
        .execute(),
    ).toEqual([]);
    // Once everyone has a QR code, a GET reprints without writing.
    const one = await call('GET', `/badges.pdf?delegateId=${people.xa2}`, undefined, desk);
    expect(one.statusCode).toBe(200);
    const single = await pdfText(one.rawPayload);
    expect(single.text).toContain('Trịnh Thị Nga');
    expect(single.text).not.toContain('Đỗ Minh Tuấn');
  });

  it('prints the seating chart on A3 with the stage and the people in their seats', async () => {
    const response = await call('GET', '/seating.pdf');
    expect(response.statusCode).toBe(200);
    const { text } = await pdfText(response.rawPayload);
    expect(text).toContain('SÂN KHẤU');
    expect(text).toContain('SƠ ĐỒ CHỖ NGỒI — PHÒNG HỌP SỐ 2');
    // Full names with their titles and units, never "M. Văn Liên".
    for (const expected of ['Mai Văn Liên', 'Chủ tịch UBND xã', 'UBND xã Nga Liên', 'Đỗ Minh Tuấn'])
      expect(text).toContain(expected);
    expect(text).toContain('Nhóm 2: Lãnh đạo tỉnh');
    expect((await call('GET', '/seating.pdf', undefined, desk)).statusCode).toBe(403);
  });
});

describe('unit scope', () => {
  it("a commune's officer reads their commune's seats and waiting people only, never the province's", async () => {
    const officer = await ctx.buildUser({ username: 'can-bo-xa-nga-lien' });
    await ctx.addMember(eventId, officer.id, 'unit_officer', communeId);
    const cookie = await ctx.login('can-bo-xa-nga-lien');
    for (const [groupId, unitId, fullName] of [
      [communesGroup, communeId, 'Phạm Thị Chờ'],
      [leadersGroup, provinceId, 'Hoàng Văn Đợi'],
    ] as const) {
      await createDelegate(ctx.handle.db, SYSTEM_ACTOR, { all: true }, eventId, {
        groupId,
        unitId,
        fullName,
      });
    }
    const all: Seating = (await call('GET', '/seating')).json();
    expect(all.seats.map((s) => s.delegateId)).toContain(people.chuTich);
    expect(all.unseated).toBe(2);

    const mine: Seating = (await call('GET', '/seating', undefined, cookie)).json();
    expect(mine.layout).toEqual(all.layout);
    expect(mine.seats.map((s) => s.delegateId).sort()).toEqual([people.xa1, people.xa2].sort());
    expect(mine.unseated).toBe(1);
  });
});
