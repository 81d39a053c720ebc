import { PDFParse } from 'pdf-parse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../auth/actor';
import { createGroup, setSeats } from '../delegates/composition.service';
import { createTestContext, type TestContext } from '../test/harness';

// Who is asked to send people (issue 14, item 5): the seed's composition in small, the letters the province
// issues to units, read back as text.
let ctx: TestContext;
let organizer = '';
let eventId = '';

beforeAll(async () => {
  ctx = await createTestContext();
  const db = ctx.handle.db;
  const unit = (name: string, kind: string, parentId: string | null = null) =>
    ctx.buildUnit({ name, shortName: name, kind: kind as never, parentId }).then((u) => u.id);
  const province = await unit('UBND tỉnh Thanh Hóa', 'provincial_leadership');
  const party = await unit('Tỉnh ủy Thanh Hóa', 'provincial_leadership');
  const central = await unit('Văn phòng Điều phối nông thôn mới Trung ương', 'central_agency');
  const office = await unit('Văn phòng Điều phối nông thôn mới tỉnh', 'department');
  const agriculture = await unit('Sở Nông nghiệp và Phát triển nông thôn', 'department');
  const district = await unit('Huyện Hoằng Hóa', 'district');
  const communeA = await unit('Xã Hoằng Đạo', 'commune', district);
  const communeB = await unit('Xã Hoằng Xuân', 'commune', district);
  const producer = await unit('HTX Nông nghiệp Hoằng Đạo', 'producer', district);
  eventId = (
    await ctx.buildEvent({
      name: 'Hội nghị tổng kết OCOP',
      planIssuer: 'UBND tỉnh Thanh Hóa',
      leadUnitId: office,
    })
  ).id;
  const user = await ctx.buildUser({ username: 'btc-don-vi' });
  await ctx.addMember(eventId, user.id, 'organizer');
  organizer = await ctx.login('btc-don-vi');
  const group = async (title: string, seats: [string, number][], inviter: 'host' | 'district' = 'host') => {
    const id = await createGroup(db, SYSTEM_ACTOR, eventId, { title, inviter });
    await setSeats(db, SYSTEM_ACTOR, eventId, id, {
      seats: seats.map(([unitId, quota]) => ({ unitId, quota })),
    });
  };
  await group('Thường trực Tỉnh ủy, HĐND, UBND tỉnh', [
    [party, 1],
    [province, 2],
  ]);
  await group('Văn phòng Điều phối nông thôn mới Trung ương', [[central, 5]]);
  await group('Lãnh đạo và chuyên viên Văn phòng Điều phối nông thôn mới tỉnh', [[office, 10]]);
  await group('Lãnh đạo các Sở, ngành', [[agriculture, 2]]);
  await group('Lãnh đạo huyện', [[district, 3]]);
  await group(
    'Đại diện các xã có sản phẩm OCOP',
    [
      [communeA, 1],
      [communeB, 1],
    ],
    'district',
  );
  await group('Đại diện các chủ thể OCOP', [[producer, 2]], 'district');
});
afterAll(() => ctx.close());

async function unitLetters(): Promise<string> {
  const pdf = await ctx.app.inject({
    method: 'POST',
    url: `/api/events/${eventId}/unit-invitations.pdf`,
    headers: { cookie: organizer },
  });
  expect(pdf.statusCode).toBe(200);
  const parser = new PDFParse({ data: new Uint8Array(pdf.rawPayload) });
  const text = (await parser.getText()).text.normalize('NFC').replace(/\s+/g, ' ');
  await parser.destroy();
  return text;
}

describe('letters asking units to send delegates', () => {
  it('go only to bodies the issuer may ask, and relay the communes and producers through their district', async () => {
    const text = await unitLetters();
    const recipients = [...text.matchAll(/Kính gửi: (.+?)(?= Để tổ chức)/g)].map((m) => m[1]);
    // Never the issuer itself (the province's People's Committee, its coordination office that drafts the
    // letter), never the Party committee or a central office (invited in person), never a commune or a business.
    expect(recipients).toEqual(['Sở Nông nghiệp và Phát triển nông thôn', 'UBND huyện Hoằng Hóa']);
    expect(text).toContain('đề nghị Sở Nông nghiệp và Phát triển nông thôn cử 02 đại biểu tới dự, cụ thể:');
    expect(text).toContain(
      'đề nghị UBND huyện Hoằng Hóa: Cử 03 đại biểu tới dự: - 03 đại biểu: Lãnh đạo huyện;',
    );
    expect(text).toContain(
      'Mời 04 đại biểu các xã, chủ thể trên địa bàn tới dự (UBND huyện Hoằng Hóa mời trực tiếp): ' +
        '- 02 đại biểu: Đại diện các xã có sản phẩm OCOP (Xã Hoằng Đạo, Xã Hoằng Xuân); ' +
        '- 02 đại biểu: Đại diện các chủ thể OCOP (HTX Nông nghiệp Hoằng Đạo).',
    );
    const register = (
      await ctx.app.inject({ url: `/api/events/${eventId}/invitations`, headers: { cookie: organizer } })
    ).json() as { recipient: string }[];
    expect(register.map((r) => r.recipient)).toEqual(recipients);
  });
});
