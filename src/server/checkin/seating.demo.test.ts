import { PDFParse } from 'pdf-parse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Presidium } from '../../shared/protocol';
import type { Seating } from '../../shared/seating';
import { DEMO_PASSWORD, seedDemo } from '../demo/demo.service';
import { createTestContext, type TestContext } from '../test/harness';
import { seatedPeople } from './seating.service';

/** The demo conference as a protocol clerk checks it: the two reserved rows seat by seat, then the printed chart. */

let ctx: TestContext;
let organizer = '';
let eventId = '';
const call = (method: 'GET' | 'POST', url: string, payload?: object) =>
  ctx.app.inject({
    method,
    url: `/api/events/${eventId}${url}`,
    headers: { cookie: organizer },
    ...(payload ? { payload } : {}),
  });

async function pdfText(buffer: Buffer) {
  const parser = new PDFParse({ data: new Uint8Array(buffer) });
  const result = await parser.getText();
  await parser.destroy();
  return { text: result.text.normalize('NFC'), pages: result.pages.map((p) => p.text.normalize('NFC')) };
}

beforeAll(async () => {
  ctx = await createTestContext();
  await seedDemo(ctx.handle.db);
  eventId = (await ctx.handle.db.selectFrom('events').select('id').executeTakeFirstOrThrow()).id;
  organizer = await ctx.login('bantochuc', DEMO_PASSWORD);
});
afterAll(() => ctx.close());

/**
 * Row A: the chair (Chủ tịch UBND tỉnh) at the centre A16, number 2 (Phó Bí thư Tỉnh ủy) at the chair's right hand
 * A17, the central guest of the presidium at the left A15; then by rank alternating outwards: the Standing
 * Committee, the Council, the Committee's deputy, the central office, the departments' deputy directors, the
 * provincial offices, and the district party deputies at the ends. Row B: district party deputies from the centre,
 * then the district People's Committees' deputy chairs at the ends. No staff in either row.
 */
const FRONT_ROWS = [
  'A01 Hoàng Đình Long | Phó Bí thư Thị ủy | Thị xã Bỉm Sơn',
  'A02 Lò Hữu Khánh | Phó Bí thư Huyện ủy | Huyện Nông Cống',
  'A03 Nguyễn Minh Hải | Phó Bí thư Huyện ủy | Huyện Quan Sơn',
  'A04 Hà Quang Bình | Phó Bí thư Thành ủy | Thành phố Thanh Hóa',
  'A05 Phan Thanh Anh | Phó Bí thư Huyện ủy | Huyện Quan Hóa',
  'A06 Nguyễn Thanh Loan | Phó Chánh Văn phòng | Văn phòng Điều phối xây dựng nông thôn mới tỉnh',
  'A07 Phan Trọng Hiếu | Phó Chánh Văn phòng | Văn phòng Điều phối xây dựng nông thôn mới tỉnh',
  'A08 Hoàng Minh Trang | Phó Chánh Văn phòng | Văn phòng Tỉnh ủy Thanh Hóa',
  'A09 Lò Đức Dũng | Phó Chánh Văn phòng | Văn phòng UBND tỉnh Thanh Hóa',
  'A10 Lương Đức Trung | Phó Giám đốc | Sở Y tế',
  'A11 Lê Quang Hùng | Phó Giám đốc | Sở Văn hóa, Thể thao và Du lịch',
  'A12 Hoàng Ngọc Đức | Phó Giám đốc | Sở Tài nguyên và Môi trường',
  'A13 Lê Thị Thu Loan | Phó Chánh Văn phòng | Văn phòng Điều phối nông thôn mới Trung ương',
  'A14 Cao Đình Tuấn | Phó Chủ tịch HĐND tỉnh | Hội đồng nhân dân tỉnh Thanh Hóa',
  'A15 Hà Thị Loan | Phó Chánh Văn phòng | Văn phòng Điều phối nông thôn mới Trung ương',
  'A16 Đinh Đức Thịnh | Chủ tịch UBND tỉnh | UBND tỉnh Thanh Hóa',
  'A17 Trịnh Văn Vinh | Phó Bí thư Tỉnh ủy | Tỉnh ủy Thanh Hóa',
  'A18 Bùi Trọng Dũng | Ủy viên Ban Thường vụ Tỉnh ủy | Tỉnh ủy Thanh Hóa',
  'A19 Hoàng Văn An | Phó Chủ tịch UBND tỉnh | UBND tỉnh Thanh Hóa',
  'A20 Lương Văn Long | Phó Chánh Văn phòng | Văn phòng Điều phối nông thôn mới Trung ương',
  'A21 Trịnh Thu Hạnh | Phó Giám đốc | Sở Nông nghiệp và Phát triển nông thôn',
  'A22 Bùi Xuân Sơn | Phó Giám đốc | Sở Khoa học và Công nghệ',
  'A23 Bùi Ngọc Vân | Phó Giám đốc | Sở Công Thương',
  'A24 Lại Thị Thu Mai | Phó Chánh Văn phòng | Văn phòng HĐND tỉnh Thanh Hóa',
  'A25 Hoàng Hồng Chi | Phó Chánh Văn phòng | Văn phòng Điều phối xây dựng nông thôn mới tỉnh',
  'A26 Hà Ngọc Hùng | Phó Chánh Văn phòng | Văn phòng Điều phối xây dựng nông thôn mới tỉnh',
  'A27 Trần Thị Quỳnh | Phó Chánh Văn phòng | Văn phòng Điều phối xây dựng nông thôn mới tỉnh',
  'A28 Trịnh Minh Bình | Phó Bí thư Huyện ủy | Huyện Như Xuân',
  'A29 Lê Minh Cường | Phó Bí thư Huyện ủy | Huyện Triệu Sơn',
  'A30 Hoàng Thị Hạnh | Phó Bí thư Huyện ủy | Huyện Thiệu Hóa',
  'A31 Phan Ngọc Linh | Phó Bí thư Huyện ủy | Huyện Yên Định',
  'B01 Phan Hồng Mai | Phó Chủ tịch UBND | Huyện Lang Chánh',
  'B02 Ngô Văn Khánh | Phó Chủ tịch UBND | Huyện Quảng Xương',
  'B03 Đinh Đức Hùng | Phó Chủ tịch UBND | Thị xã Nghi Sơn',
  'B04 Vũ Văn Hải | Phó Chủ tịch UBND | Huyện Đông Sơn',
  'B05 Đinh Thu Dung | Phó Chủ tịch UBND | Thành phố Sầm Sơn',
  'B06 Lương Đình Dũng | Phó Chủ tịch UBND | Huyện Quan Sơn',
  'B07 Lương Xuân Bình | Phó Chủ tịch UBND | Huyện Thường Xuân',
  'B08 Lương Thị Thu Yến | Phó Bí thư Huyện ủy | Huyện Lang Chánh',
  'B09 Lò Quang Vinh | Phó Bí thư Huyện ủy | Huyện Thường Xuân',
  'B10 Lại Thanh Vân | Phó Bí thư Huyện ủy | Huyện Hậu Lộc',
  'B11 Trần Văn Trung | Phó Bí thư Huyện ủy | Huyện Quảng Xương',
  'B12 Ngô Đức Trung | Phó Bí thư Huyện ủy | Huyện Đông Sơn',
  'B13 Cao Văn Thắng | Phó Bí thư Huyện ủy | Huyện Hà Trung',
  'B14 Phan Xuân Quân | Phó Bí thư Huyện ủy | Huyện Cẩm Thủy',
  'B15 Phạm Thị Nhung | Phó Bí thư Huyện ủy | Huyện Thạch Thành',
  'B16 Đinh Minh Mạnh | Phó Bí thư Huyện ủy | Huyện Hoằng Hóa',
  'B17 Mai Quang Mạnh | Phó Bí thư Thành ủy | Thành phố Sầm Sơn',
  'B18 Hoàng Thị Thu Nhung | Phó Bí thư Huyện ủy | Huyện Thọ Xuân',
  'B19 Lại Văn Sơn | Phó Bí thư Huyện ủy | Huyện Vĩnh Lộc',
  'B20 Lò Xuân Thịnh | Phó Bí thư Huyện ủy | Huyện Như Thanh',
  'B21 Lại Ngọc Trung | Phó Bí thư Huyện ủy | Huyện Mường Lát',
  'B22 Vũ Văn Trung | Phó Bí thư Huyện ủy | Huyện Nga Sơn',
  'B23 Ngô Văn Việt | Phó Bí thư Huyện ủy | Huyện Bá Thước',
  'B24 Mai Quang Vinh | Phó Bí thư Thị ủy | Thị xã Nghi Sơn',
  'B25 Mai Đình An | Phó Chủ tịch UBND | Huyện Nga Sơn',
  'B26 Đinh Quang Cường | Phó Chủ tịch UBND | Huyện Thạch Thành',
  'B27 Phạm Minh Dũng | Phó Chủ tịch UBND | Huyện Hà Trung',
  'B28 Bùi Ngọc Hải | Phó Chủ tịch UBND | Huyện Như Xuân',
  'B29 Hà Đình Hiếu | Phó Chủ tịch UBND | Huyện Mường Lát',
  'B30 Lò Minh Hương | Phó Chủ tịch UBND | Huyện Bá Thước',
  'B31 Bùi Văn Long | Phó Chủ tịch UBND | Huyện Ngọc Lặc',
];

describe('the demo hall', () => {
  it('seats the two reserved rows seat by seat in protocol order, and a re-run keeps them', async () => {
    const seated = async () =>
      (await seatedPeople(ctx.handle.db, eventId))
        .filter((p) => /^[AB]/.test(p.seat))
        .map((p) => `${p.seat} ${p.full_name} | ${p.position} | ${p.unit_name}`);
    expect(await seated()).toEqual(FRONT_ROWS);
    const rerun = await call('POST', '/seating/auto', { reset: true });
    expect(rerun.statusCode).toBe(200);
    expect((rerun.json() as Seating).seats.length).toBeGreaterThan(250);
    expect(await seated()).toEqual(FRONT_ROWS);
    const presidium = (await call('GET', '/presidium')).json() as Presidium;
    expect(presidium.items.map((p) => `${p.role} ${p.fullName}`)).toEqual([
      'chair Đinh Đức Thịnh',
      'member Trịnh Văn Vinh',
      'member Hà Thị Loan',
    ]);
  });

  it('prints the chart on A3 with full names, titles and units, the chair and presidium marked, and a legend', async () => {
    const response = await call('GET', '/seating.pdf');
    expect(response.statusCode).toBe(200);
    const { text, pages } = await pdfText(response.rawPayload);
    // The overview and one page per block (8 + 15 + 8 seats a row).
    expect(pages).toHaveLength(4);
    expect(pages[0]).toContain('CHÚ GIẢI');
    expect(pages[0]).toContain(
      'Nhóm 1: Lãnh đạo và chuyên viên Văn phòng Điều phối nông thôn mới Trung ương',
    );
    expect(pages[0]).toContain('Đã xếp 256/310 ghế');
    const middle = pages[2]!.replace(/\s+/g, ' ');
    expect(middle).toContain('Khối giữa: ghế 09–23, hàng A–J');
    // Row A's full names (never "Đ. Đức Thịnh") with their titles and units.
    for (const line of FRONT_ROWS.filter((r) => /^A(09|1\d|2[0-3]) /.test(r))) {
      const name = line.slice(4, line.indexOf(' |'));
      expect(middle).toContain(name);
    }
    for (const expected of [
      'Chủ tịch UBND tỉnh',
      'Phó Bí thư Tỉnh ủy',
      'Ủy viên Ban Thường vụ Tỉnh ủy',
      'Phó Chủ tịch HĐND tỉnh',
      'Phó Chánh Văn phòng',
      'VPĐP NTM Trung ương',
      'Sở TN&MT',
      'CHỦ TRÌ',
      'ĐOÀN CHỦ TỊCH',
    ])
      expect(middle).toContain(expected);
    for (const name of ['Hoàng Đình Long', 'Lò Hữu Khánh', 'Phan Ngọc Linh']) expect(text).toContain(name);
    expect(text).not.toMatch(/\b[A-ZĐ]\. [A-ZĐ]/u);
  });

  it('prints placards for the presidium and the reserved rows only, the chair first, each with title and unit', async () => {
    const response = await call('GET', '/placards.pdf');
    expect(response.statusCode).toBe(200);
    const { pages } = await pdfText(response.rawPayload);
    expect(pages).toHaveLength(62);
    expect(pages[0]).toContain('Đinh Đức Thịnh');
    expect(pages[0]).toContain('Chủ tịch UBND tỉnh');
    const deputy = pages.find((p) => p.includes('Lương Đức Trung'))!;
    expect(deputy).toContain('Phó Giám đốc');
    expect(deputy).toContain('Sở Y tế');
    expect(pages.some((p) => /Chuyên viên|Tổ giúp việc/.test(p))).toBe(false);
  });
});
