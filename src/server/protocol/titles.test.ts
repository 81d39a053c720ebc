import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileLadder, deriveRank, type Ladder } from '../../shared/protocol';
import type { UnitKind } from '../../shared/units';
import type { DbHandle } from '../db/database';
import { createTestDb } from '../test/harness';
import { findTitleRanks } from './protocol.service';

// The ladder as the migration stores it, read back from the database: what is tested is what the app uses.
let handle: DbHandle;
let ladder: Ladder;
beforeAll(async () => {
  handle = await createTestDb();
  ladder = compileLadder(await findTitleRanks(handle.db), '2020-11-27');
});
afterAll(() => handle.close());

const rank = (position: string, kind: UnitKind | null = null) => deriveRank(ladder, position, kind).rank;

// Position as written, the unit it comes from, and the expected rank (lower comes first).
const CASES: [string, UnitKind | null, number][] = [
  // Province: Party before State, the common order
  ['Bí thư Tỉnh ủy', 'provincial_leadership', 10],
  ['Phó Bí thư Thường trực Tỉnh ủy', 'provincial_leadership', 20],
  ['Phó Bí thư Tỉnh ủy, Chủ tịch HĐND tỉnh', 'provincial_leadership', 30],
  ['Chủ tịch Hội đồng nhân dân tỉnh', 'provincial_leadership', 30],
  ['Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh', 'provincial_leadership', 40],
  ['Chủ tịch UBND tỉnh', 'provincial_leadership', 40],
  ['CT UBND tỉnh', 'provincial_leadership', 40],
  ['Chủ tịch Ủy ban nhân dân tỉnh Thanh Hóa', 'provincial_leadership', 40],
  ['Phó Bí thư Tỉnh ủy', 'provincial_leadership', 50],
  ['PBT Tỉnh ủy', 'provincial_leadership', 50],
  ['Chủ tịch Ủy ban MTTQ Việt Nam tỉnh', 'provincial_leadership', 60],
  ['Ủy viên Ban Thường vụ Tỉnh ủy', 'provincial_leadership', 70],
  ['UV BTV Tỉnh ủy, Trưởng ban Tuyên giáo Tỉnh ủy', 'provincial_leadership', 70],
  ['Phó Chủ tịch HĐND tỉnh', 'provincial_leadership', 80],
  ['Ủy viên BTV Tỉnh ủy, Phó Chủ tịch Thường trực UBND tỉnh', 'provincial_leadership', 70],
  ['Phó Chủ tịch UBND tỉnh', 'provincial_leadership', 90],
  ['PCT UBND tỉnh', 'provincial_leadership', 90],
  ['Phó Chủ tịch Ủy ban nhân dân tỉnh', null, 90],
  ['Phó Chủ tich UBND tỉnh', 'provincial_leadership', 90], // a tone missing
  ['Tỉnh ủy viên, Giám đốc Sở Nông nghiệp và PTNT', 'department', 100],
  // Departments and equivalents
  ['Giám đốc Sở Tài chính', 'department', 120],
  ['GĐ Sở Công Thương', 'department', 120],
  ['Giám Đốc Sở Y tế', 'department', 120],
  ['Trưởng ban Dân tộc tỉnh', 'department', 120],
  ['Chủ tịch Hội Nông dân tỉnh', 'department', 120],
  ['Phó Giám đốc Sở Khoa học và Công nghệ', 'department', 140],
  ['PGĐ Sở Văn hóa, Thể thao và Du lịch', 'department', 140],
  ['Phó Giám đốc', 'department', 140],
  ['Chánh Văn phòng UBND tỉnh', 'provincial_leadership', 150],
  ['Chánh Văn phòng Điều phối nông thôn mới tỉnh', 'department', 150],
  ['Phó Chánh Văn phòng', 'department', 160],
  ['Phó Chánh Văn phòng Tỉnh ủy', 'provincial_leadership', 160],
  ['Trưởng phòng Kinh tế hợp tác', 'department', 270],
  ['Chi cục trưởng Chi cục Phát triển nông thôn', 'department', 270],
  ['Phó Trưởng phòng', 'department', 280],
  ['Chuyên viên', 'department', 400],
  ['Chuyên viên chính Văn phòng UBND tỉnh', 'provincial_leadership', 400],
  ['CV Văn phòng Điều phối NTM tỉnh', 'department', 400],
  ['Thành viên Tổ giúp việc', 'department', 410],
  ['Thành viên Hội đồng đánh giá, xếp hạng sản phẩm OCOP tỉnh', 'department', 380],
  // Central guests, by their own post
  ['Thứ trưởng Bộ Nông nghiệp và Phát triển nông thôn', 'central_agency', 20],
  ['Chánh Văn phòng Điều phối nông thôn mới Trung ương', 'central_agency', 110],
  ['Vụ trưởng Vụ Kế hoạch', 'central_agency', 110],
  ['Phó Chánh Văn phòng', 'central_agency', 130],
  ['Phó Cục trưởng Cục Kinh tế hợp tác và PTNT', 'central_agency', 130],
  ['Chuyên viên', 'central_agency', 400],
  // District, one level down
  ['Bí thư Huyện ủy', 'district', 170],
  ['Tỉnh ủy viên, Bí thư Huyện ủy Hoằng Hóa', 'district', 100],
  ['Phó Bí thư Thường trực Huyện ủy', 'district', 180],
  ['Chủ tịch HĐND huyện', 'district', 190],
  ['Phó Bí thư Huyện ủy, Chủ tịch UBND huyện', 'district', 200],
  ['Chủ tịch UBND thị xã Nghi Sơn', 'district', 200],
  ['Phó Bí thư Huyện ủy', 'district', 210],
  ['Ủy viên BTV Huyện ủy, Phó Chủ tịch UBND huyện', 'district', 230],
  ['Phó Chủ tịch UBND', 'district', 250],
  ['PCT UBND huyện', 'district', 250],
  ['Chánh Văn phòng Điều phối NTM', 'district', 290],
  ['Trưởng phòng Nông nghiệp và PTNT huyện', 'district', 290],
  ['Phó Trưởng phòng Nông nghiệp', 'district', 300],
  ['Chuyên viên phòng Nông nghiệp huyện', 'district', 400],
  // Commune, two levels down
  ['Bí thư Đảng ủy xã', 'commune', 310],
  ['Chủ tịch UBND xã', 'commune', 330],
  ['Chủ tịch UBND xã Hoằng Đạo', 'commune', 330],
  ['Phó Chủ tịch UBND xã', 'commune', 360],
  ['Công chức Địa chính - Nông nghiệp xã', 'commune', 370],
  // Businesses, cooperatives, households, press
  ['Giám đốc', 'producer', 450],
  ['Giám đốc HTX dịch vụ nông nghiệp Thành Công', 'producer', 450],
  ['Chủ nhiệm Hợp tác xã', 'producer', 450],
  ['Chủ hộ sản xuất', 'producer', 450],
  ['Phó Giám đốc', 'retailer', 460],
  ['Nhân viên kinh doanh', 'retailer', 470],
  ['Tổng Biên tập Báo Thanh Hóa', 'media', 425],
  ['Phóng viên', 'media', 430],
  ['Quay phim', 'media', 430],
];

describe('rank from the position and the unit', () => {
  it.each(CASES)('%s (%s) → %i', (position, kind, expected) => {
    expect(rank(position, kind), deriveRank(ladder, position, kind).reason).toBe(expected);
  });

  it('holds at least sixty real title strings', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(60);
  });

  it("orders the demo's first provincial group as protocol does", () => {
    const written = [
      'Phó Chủ tịch UBND tỉnh',
      'Ủy viên Ban Thường vụ Tỉnh ủy',
      'Chủ tịch UBND tỉnh',
      'Phó Chủ tịch HĐND tỉnh',
      'Phó Bí thư Tỉnh ủy',
    ];
    const ordered = [...written].sort(
      (a, b) => rank(a, 'provincial_leadership') - rank(b, 'provincial_leadership'),
    );
    expect(ordered).toEqual([
      'Chủ tịch UBND tỉnh',
      'Phó Bí thư Tỉnh ủy',
      'Ủy viên Ban Thường vụ Tỉnh ủy',
      'Phó Chủ tịch HĐND tỉnh',
      'Phó Chủ tịch UBND tỉnh',
    ]);
  });

  it('explains each rank, and says when a title is not recognised', () => {
    expect(deriveRank(ladder, 'Chủ tịch UBND tỉnh', 'provincial_leadership').reason).toBe(
      'Chủ tịch UBND tỉnh — bậc 40, cấp tỉnh',
    );
    expect(deriveRank(ladder, 'Người dẫn đoàn', 'district').reason).toBe(
      'Chưa nhận ra chức vụ "Người dẫn đoàn" — bậc 405, mặc định cấp huyện',
    );
    expect(deriveRank(ladder, null, null).rank).toBe(500);
  });

  it('uses only the titles in force on the event day', () => {
    const rules = [
      {
        id: 'old',
        rank: 5,
        level: null,
        titles: ['Trưởng đoàn'],
        bodies: [],
        label: 'Trưởng đoàn',
        validFrom: null,
        validTo: '2019-12-31',
      },
    ];
    expect(deriveRank(compileLadder(rules, '2019-06-01'), 'Trưởng đoàn', null).rank).toBe(5);
    expect(deriveRank(compileLadder(rules, '2020-11-27'), 'Trưởng đoàn', null).rank).toBe(500);
  });
});
