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
  const communes = await createGroup(db, SYSTEM_ACTOR, eventId, { title: 'Đại diện các xã' });
  const leaders = await createGroup(db, SYSTEM_ACTOR, eventId, { title: 'Lãnh đạo tỉnh' });
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
  it('starts from a 300-seat default hall, and seats leaders in the front row centre, then the communes', async () => {
    const hall = (await call('GET', '/hall')).json();
    expect(
      hall.blocks.reduce((s: number, b: { seatsPerRow: number }) => s + b.seatsPerRow, 0) * hall.rows,
    ).toBe(300);
    expect(hall.name).toBe('Hội trường 25B');
    const seating: Seating = (await call('POST', '/seating/auto', { reset: true })).json();
    const seatOf = (key: string) => seating.seats.find((s) => s.delegateId === people[key])!.seat;
    // 30 seats a row: the centre pair is 15–16, then outwards.
    expect([seatOf('chuTich'), seatOf('phoChuTich')].sort()).toEqual(['A15', 'A16']);
    expect([seatOf('xa1'), seatOf('xa2')].sort()).toEqual(['A14', 'A17']);
    expect(seating.unseated).toBe(0);
  });

  it('moves a delegate to a free seat, refuses a taken or missing one, and keeps seats when re-run', async () => {
    const taken = await call('PATCH', `/seating/${people.xa1}`, { seat: 'A16' });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.message).toMatch(/^Ghế A16 đã xếp cho (Đỗ Minh Tuấn|Lê Đức Giang)$/);
    expect((await call('PATCH', `/seating/${people.xa1}`, { seat: 'Z99' })).statusCode).toBe(400);
    const moved: Seating = (await call('PATCH', `/seating/${people.xa1}`, { seat: 'C05' })).json();
    expect(moved.seats.find((s) => s.delegateId === people.xa1)!.seat).toBe('C05');
    const again: Seating = (await call('POST', '/seating/auto', { reset: false })).json();
    expect(again.seats.find((s) => s.delegateId === people.xa1)!.seat).toBe('C05');
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
    expect(seating.seats.map((s) => s.seat).sort()).toEqual(['A04', 'A05', 'A06', 'A07']);
  });
});

describe('documents', () => {
  it('prints placards for the reserved row with names and positions, on both faces', async () => {
    const response = await call('GET', '/placards.pdf');
    expect(response.statusCode).toBe(200);
    const { text, pages } = await pdfText(response.rawPayload);
    expect(pages).toBe(4);
    for (const name of ['Đỗ Minh Tuấn', 'Lê Đức Giang', 'Mai Văn Liên', 'Trịnh Thị Nga']) {
      expect(text.split(name).length - 1).toBe(2);
    }
    expect(text).toContain('Chủ tịch UBND tỉnh');
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
    expect(text).toMatch(/Ghế A0[4-7]/);
    const tokens = await ctx.handle.db
      .selectFrom('reply_tokens')
      .select('delegate_id')
      .where('event_id', '=', eventId)
      .execute();
    expect(new Set(tokens.map((t) => t.delegate_id))).toEqual(new Set(Object.values(people)));
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
    expect(text).toContain('M. Văn Liên');
    expect((await call('GET', '/seating.pdf', undefined, desk)).statusCode).toBe(403);
  });
});
