import type { Kysely } from 'kysely';

// Frozen. Protocol order: the ladder of titles (data with validity dates, editable by an admin), each delegate's
// derived rank and its reason, and the event's chair and presidium.

type Level = 'central' | 'province' | 'department' | 'district' | 'commune' | 'enterprise' | 'media' | null;
// [rank, level, titles, bodies, label]. Lower ranks come first. A common provincial order (DOMAIN.md): Party posts
// before State posts of the same level; a district mirrors the province one level down, a commune two; central
// guests by their own post, before hosts of equal rank.
const UBND = ['ủy ban nhân dân', 'UBND'];
const HDND = ['hội đồng nhân dân', 'HĐND'];
const MTTQ = ['mặt trận tổ quốc', 'MTTQ'];
const LADDER: [number, Level, string[], string[], string][] = [
  [10, 'central', ['Bộ trưởng', 'Trưởng ban'], [], 'Bộ trưởng, Trưởng ban Trung ương'],
  [10, 'province', ['Bí thư'], ['Tỉnh ủy'], 'Bí thư Tỉnh ủy'],
  [20, 'central', ['Thứ trưởng', 'Phó Trưởng ban'], [], 'Thứ trưởng, Phó Trưởng ban Trung ương'],
  [
    20,
    'province',
    ['Phó Bí thư Thường trực', 'Phó Bí thư thường trực'],
    ['Tỉnh ủy'],
    'Phó Bí thư Thường trực Tỉnh ủy',
  ],
  [30, 'province', ['Chủ tịch'], HDND, 'Chủ tịch HĐND tỉnh'],
  [40, 'province', ['Chủ tịch'], UBND, 'Chủ tịch UBND tỉnh'],
  [50, 'province', ['Phó Bí thư'], ['Tỉnh ủy'], 'Phó Bí thư Tỉnh ủy'],
  [60, 'province', ['Chủ tịch'], MTTQ, 'Chủ tịch Ủy ban MTTQ tỉnh'],
  [70, 'province', ['Ủy viên Ban Thường vụ', 'Ủy viên Thường vụ'], [], 'Ủy viên Ban Thường vụ Tỉnh ủy'],
  [80, 'province', ['Phó Chủ tịch'], HDND, 'Phó Chủ tịch HĐND tỉnh'],
  [90, 'province', ['Phó Chủ tịch'], UBND, 'Phó Chủ tịch UBND tỉnh'],
  [100, null, ['Tỉnh ủy viên', 'Ủy viên Ban Chấp hành Đảng bộ tỉnh'], [], 'Tỉnh ủy viên'],
  [
    110,
    'central',
    ['Vụ trưởng', 'Cục trưởng', 'Chánh Văn phòng', 'Giám đốc', 'Tổng Biên tập', 'Chủ nhiệm'],
    [],
    'Vụ trưởng, Cục trưởng, Chánh Văn phòng (Trung ương)',
  ],
  [
    120,
    'department',
    ['Giám đốc', 'Trưởng ban', 'Chủ tịch', 'Tổng Biên tập', 'Chủ nhiệm', 'Viện trưởng', 'Chánh Thanh tra'],
    [],
    'Giám đốc Sở, Trưởng ban và tương đương',
  ],
  [
    130,
    'central',
    ['Phó Vụ trưởng', 'Phó Cục trưởng', 'Phó Chánh Văn phòng', 'Phó Giám đốc', 'Phó Tổng Biên tập'],
    [],
    'Phó Vụ trưởng, Phó Cục trưởng, Phó Chánh Văn phòng (Trung ương)',
  ],
  [
    140,
    'department',
    [
      'Phó Giám đốc',
      'Phó Trưởng ban',
      'Phó Chủ tịch',
      'Phó Tổng Biên tập',
      'Phó Chủ nhiệm',
      'Phó Viện trưởng',
    ],
    [],
    'Phó Giám đốc Sở, Phó Trưởng ban và tương đương',
  ],
  [150, 'department', ['Chánh Văn phòng'], [], 'Chánh Văn phòng cấp tỉnh'],
  [160, 'department', ['Phó Chánh Văn phòng'], [], 'Phó Chánh Văn phòng cấp tỉnh'],
  [170, 'district', ['Bí thư'], ['Huyện ủy', 'Thị ủy', 'Thành ủy'], 'Bí thư Huyện ủy'],
  [
    180,
    'district',
    ['Phó Bí thư Thường trực', 'Phó Bí thư thường trực'],
    ['Huyện ủy', 'Thị ủy', 'Thành ủy'],
    'Phó Bí thư Thường trực Huyện ủy',
  ],
  [190, 'district', ['Chủ tịch'], HDND, 'Chủ tịch HĐND huyện'],
  [200, 'district', ['Chủ tịch'], UBND, 'Chủ tịch UBND huyện'],
  [210, 'district', ['Phó Bí thư'], ['Huyện ủy', 'Thị ủy', 'Thành ủy'], 'Phó Bí thư Huyện ủy'],
  [220, 'district', ['Chủ tịch'], MTTQ, 'Chủ tịch Ủy ban MTTQ huyện'],
  [230, 'district', ['Ủy viên Ban Thường vụ', 'Ủy viên Thường vụ'], [], 'Ủy viên Ban Thường vụ Huyện ủy'],
  [240, 'district', ['Phó Chủ tịch'], HDND, 'Phó Chủ tịch HĐND huyện'],
  [250, 'district', ['Phó Chủ tịch'], UBND, 'Phó Chủ tịch UBND huyện'],
  [260, null, ['Huyện ủy viên', 'Thị ủy viên', 'Thành ủy viên'], [], 'Huyện ủy viên'],
  [
    270,
    'department',
    ['Trưởng phòng', 'Chi cục trưởng', 'Trưởng ngành hàng'],
    [],
    'Trưởng phòng, Chi cục trưởng cấp tỉnh',
  ],
  [270, 'central', ['Trưởng phòng'], [], 'Trưởng phòng (Trung ương)'],
  [280, 'department', ['Phó Trưởng phòng', 'Phó Chi cục trưởng'], [], 'Phó Trưởng phòng cấp tỉnh'],
  [280, 'central', ['Phó Trưởng phòng'], [], 'Phó Trưởng phòng (Trung ương)'],
  [
    290,
    'district',
    ['Chánh Văn phòng', 'Trưởng phòng', 'Giám đốc', 'Trưởng ban'],
    [],
    'Chánh Văn phòng, Trưởng phòng cấp huyện',
  ],
  [
    300,
    'district',
    ['Phó Chánh Văn phòng', 'Phó Trưởng phòng', 'Phó Giám đốc', 'Phó Trưởng ban'],
    [],
    'Phó Chánh Văn phòng, Phó Trưởng phòng cấp huyện',
  ],
  [310, 'commune', ['Bí thư'], ['Đảng ủy', 'Chi bộ'], 'Bí thư Đảng ủy xã'],
  [320, 'commune', ['Chủ tịch'], HDND, 'Chủ tịch HĐND xã'],
  [330, 'commune', ['Chủ tịch'], UBND, 'Chủ tịch UBND xã'],
  [335, 'commune', ['Chủ tịch'], [], 'Chủ tịch UBND xã'],
  [340, 'commune', ['Phó Bí thư'], ['Đảng ủy', 'Chi bộ'], 'Phó Bí thư Đảng ủy xã'],
  [345, 'commune', ['Chủ tịch'], MTTQ, 'Chủ tịch Ủy ban MTTQ xã'],
  [350, 'commune', ['Phó Chủ tịch'], HDND, 'Phó Chủ tịch HĐND xã'],
  [360, 'commune', ['Phó Chủ tịch'], UBND, 'Phó Chủ tịch UBND xã'],
  [365, 'commune', ['Phó Chủ tịch'], [], 'Phó Chủ tịch UBND xã'],
  [370, 'commune', ['Công chức', 'Cán bộ'], [], 'Công chức xã'],
  [380, null, ['Thành viên Hội đồng', 'Ủy viên Hội đồng'], [], 'Thành viên Hội đồng'],
  [400, null, ['Chuyên viên', 'Chuyên viên chính', 'Cán bộ', 'Kế toán'], [], 'Chuyên viên'],
  [410, null, ['Thành viên Tổ giúp việc', 'Tổ giúp việc', 'Thư ký'], [], 'Thành viên Tổ giúp việc'],
  [420, null, ['Nhân viên', 'Kỹ thuật viên', 'Lái xe'], [], 'Nhân viên'],
  [425, 'media', ['Giám đốc', 'Tổng Biên tập', 'Trưởng ban'], [], 'Lãnh đạo cơ quan báo chí'],
  [428, 'media', ['Phó Giám đốc', 'Phó Tổng Biên tập', 'Phó Trưởng ban'], [], 'Phó lãnh đạo cơ quan báo chí'],
  [430, 'media', ['Phóng viên', 'Biên tập viên', 'Quay phim'], [], 'Phóng viên, biên tập viên'],
  [
    450,
    'enterprise',
    [
      'Chủ tịch Hội đồng quản trị',
      'Tổng Giám đốc',
      'Giám đốc',
      'Chủ nhiệm',
      'Chủ cơ sở',
      'Chủ hộ',
      'Chủ doanh nghiệp',
    ],
    [],
    'Giám đốc, Chủ nhiệm HTX, chủ cơ sở',
  ],
  [
    460,
    'enterprise',
    ['Phó Giám đốc', 'Phó Tổng Giám đốc', 'Phó Chủ nhiệm', 'Trưởng phòng'],
    [],
    'Phó Giám đốc doanh nghiệp, HTX',
  ],
  [470, 'enterprise', ['Nhân viên', 'Đại diện', 'Thành viên'], [], 'Nhân viên, đại diện doanh nghiệp'],
];

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against an untyped schema on purpose
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('title_ranks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('rank', 'integer', (c) => c.notNull())
    .addColumn('level', 'text')
    // JSON arrays of strings: the spellings of the title and the bodies that must stand beside it.
    .addColumn('titles', 'text', (c) => c.notNull())
    .addColumn('bodies', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('valid_from', 'text')
    .addColumn('valid_to', 'text')
    .execute();
  await db
    .insertInto('title_ranks')
    .values(
      LADDER.map(([rank, level, titles, bodies, label], i) => ({
        id: `t${String(i + 1).padStart(3, '0')}`,
        rank,
        level,
        titles: JSON.stringify(titles),
        bodies: JSON.stringify(bodies),
        label,
        valid_from: null,
        valid_to: null,
      })),
    )
    .execute();

  await db.schema.alterTable('delegates').addColumn('derived_rank', 'integer').execute();
  await db.schema.alterTable('delegates').addColumn('rank_reason', 'text').execute();

  await db.schema
    .alterTable('seat_assignments')
    .addColumn('pinned', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  await db.schema
    .createTable('presidium')
    .addColumn('event_id', 'text', (c) => c.notNull().references('events.id').onDelete('cascade'))
    .addColumn('delegate_id', 'text', (c) => c.notNull().references('delegates.id').onDelete('cascade'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('presidium_pk', ['event_id', 'delegate_id'])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('presidium').execute();
  await db.schema.alterTable('seat_assignments').dropColumn('pinned').execute();
  await db.schema.alterTable('delegates').dropColumn('rank_reason').execute();
  await db.schema.alterTable('delegates').dropColumn('derived_rank').execute();
  await db.schema.dropTable('title_ranks').execute();
}
