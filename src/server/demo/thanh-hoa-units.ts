import type { UnitKind } from '../../shared/units';

/**
 * The units catalogue shipped with hoinghi: the bodies the seed plan names and Thanh Hóa's 27
 * district-level units of 2020 with their GSO codes (DOMAIN.md). District-level units ended on
 * 30/6/2025 when Vietnam abolished that level; they are kept, closed, for the conferences that used them.
 */
export interface CatalogueUnit {
  key: string;
  parent?: string;
  kind: UnitKind;
  shortName: string;
  name: string;
  adminCode?: string;
  validFrom?: string;
  validTo?: string;
  notes?: string;
}

const DISTRICT_LEVEL_END = '2025-06-30';

const districts: [code: string, official: string, short: string, notes?: string][] = [
  ['380', 'Thành phố Thanh Hóa', 'TP Thanh Hóa'],
  ['381', 'Thị xã Bỉm Sơn', 'TX Bỉm Sơn'],
  ['382', 'Thành phố Sầm Sơn', 'TP Sầm Sơn'],
  ['384', 'Huyện Mường Lát', 'Mường Lát'],
  ['385', 'Huyện Quan Hóa', 'Quan Hóa'],
  ['386', 'Huyện Bá Thước', 'Bá Thước'],
  ['387', 'Huyện Quan Sơn', 'Quan Sơn'],
  ['388', 'Huyện Lang Chánh', 'Lang Chánh'],
  ['389', 'Huyện Ngọc Lặc', 'Ngọc Lặc'],
  ['390', 'Huyện Cẩm Thủy', 'Cẩm Thủy'],
  ['391', 'Huyện Thạch Thành', 'Thạch Thành'],
  ['392', 'Huyện Hà Trung', 'Hà Trung'],
  ['393', 'Huyện Vĩnh Lộc', 'Vĩnh Lộc'],
  ['394', 'Huyện Yên Định', 'Yên Định'],
  ['395', 'Huyện Thọ Xuân', 'Thọ Xuân'],
  ['396', 'Huyện Thường Xuân', 'Thường Xuân'],
  ['397', 'Huyện Triệu Sơn', 'Triệu Sơn'],
  ['398', 'Huyện Thiệu Hóa', 'Thiệu Hóa'],
  ['399', 'Huyện Hoằng Hóa', 'Hoằng Hóa'],
  ['400', 'Huyện Hậu Lộc', 'Hậu Lộc'],
  ['401', 'Huyện Nga Sơn', 'Nga Sơn'],
  ['402', 'Huyện Như Xuân', 'Như Xuân'],
  ['403', 'Huyện Như Thanh', 'Như Thanh'],
  ['404', 'Huyện Nông Cống', 'Nông Cống'],
  ['405', 'Huyện Đông Sơn', 'Đông Sơn', 'Sau này sáp nhập vào TP Thanh Hóa (ngày sáp nhập chưa xác nhận)'],
  ['406', 'Huyện Quảng Xương', 'Quảng Xương'],
  ['407', 'Thị xã Nghi Sơn', 'TX Nghi Sơn', 'Trước ngày 01/6/2020 là huyện Tĩnh Gia'],
];

export const THANH_HOA_UNITS: CatalogueUnit[] = [
  {
    key: 'bo-nn',
    kind: 'central_agency',
    shortName: 'Bộ NN&PTNT',
    name: 'Bộ Nông nghiệp và Phát triển nông thôn',
  },
  {
    key: 'vpdp-tw',
    parent: 'bo-nn',
    kind: 'central_agency',
    shortName: 'VPĐP NTM Trung ương',
    name: 'Văn phòng Điều phối nông thôn mới Trung ương',
  },
  { key: 'tinh-uy', kind: 'provincial_leadership', shortName: 'Tỉnh ủy', name: 'Tỉnh ủy Thanh Hóa' },
  {
    key: 'hdnd',
    kind: 'provincial_leadership',
    shortName: 'HĐND tỉnh',
    name: 'Hội đồng nhân dân tỉnh Thanh Hóa',
  },
  {
    key: 'ubnd',
    kind: 'provincial_leadership',
    shortName: 'UBND tỉnh',
    name: 'UBND tỉnh Thanh Hóa',
    adminCode: '38',
  },
  {
    key: 'vp-tu',
    parent: 'tinh-uy',
    kind: 'department',
    shortName: 'Văn phòng Tỉnh ủy',
    name: 'Văn phòng Tỉnh ủy Thanh Hóa',
  },
  {
    key: 'vp-hdnd',
    parent: 'hdnd',
    kind: 'department',
    shortName: 'Văn phòng HĐND tỉnh',
    name: 'Văn phòng HĐND tỉnh Thanh Hóa',
  },
  {
    key: 'vp-ubnd',
    parent: 'ubnd',
    kind: 'department',
    shortName: 'Văn phòng UBND tỉnh',
    name: 'Văn phòng UBND tỉnh Thanh Hóa',
  },
  {
    key: 'vpdp',
    parent: 'ubnd',
    kind: 'department',
    shortName: 'VPĐP NTM tỉnh',
    name: 'Văn phòng Điều phối xây dựng nông thôn mới tỉnh',
  },
  { key: 'so-tc', parent: 'ubnd', kind: 'department', shortName: 'Sở Tài chính', name: 'Sở Tài chính' },
  {
    key: 'so-tnmt',
    parent: 'ubnd',
    kind: 'department',
    shortName: 'Sở TN&MT',
    name: 'Sở Tài nguyên và Môi trường',
  },
  {
    key: 'so-vhttdl',
    parent: 'ubnd',
    kind: 'department',
    shortName: 'Sở VHTTDL',
    name: 'Sở Văn hóa, Thể thao và Du lịch',
  },
  { key: 'so-ct', parent: 'ubnd', kind: 'department', shortName: 'Sở Công Thương', name: 'Sở Công Thương' },
  { key: 'so-yt', parent: 'ubnd', kind: 'department', shortName: 'Sở Y tế', name: 'Sở Y tế' },
  {
    key: 'so-khcn',
    parent: 'ubnd',
    kind: 'department',
    shortName: 'Sở KH&CN',
    name: 'Sở Khoa học và Công nghệ',
  },
  {
    key: 'so-nn',
    parent: 'ubnd',
    kind: 'department',
    shortName: 'Sở NN&PTNT',
    name: 'Sở Nông nghiệp và Phát triển nông thôn',
  },
  {
    key: 'so-tttt',
    parent: 'ubnd',
    kind: 'department',
    shortName: 'Sở TT&TT',
    name: 'Sở Thông tin và Truyền thông',
  },
  {
    key: 'hd-ocop',
    parent: 'ubnd',
    kind: 'other',
    shortName: 'Hội đồng OCOP tỉnh',
    name: 'Hội đồng đánh giá, xếp hạng sản phẩm OCOP tỉnh Thanh Hóa',
  },
  {
    key: 'dai-ptth',
    kind: 'media',
    shortName: 'Đài PT&TH tỉnh',
    name: 'Đài Phát thanh và Truyền hình Thanh Hóa',
  },
  { key: 'bao-th', kind: 'media', shortName: 'Báo Thanh Hóa', name: 'Báo Thanh Hóa' },
  // The chains the plan names (Coopmart, Big C, Vinmart), under their current names with the plan's in brackets.
  ...(
    [
      ['Co.opmart', 'Co.opmart Thanh Hóa', 'Siêu thị Co.opmart Thanh Hóa (Saigon Co.op)'],
      ['Big C', 'GO! Thanh Hóa (Big C)', 'Siêu thị GO! Thanh Hóa (Big C, Central Retail)'],
      ['VinMart', 'WinMart Thanh Hóa (Vinmart)', 'Siêu thị WinMart Thanh Hóa (Vinmart, WinCommerce)'],
    ] as const
  ).map(
    ([brand, shortName, name]): CatalogueUnit => ({
      key: `retail-${brand}`,
      kind: 'retailer',
      shortName,
      name,
      notes: 'Kế hoạch nêu tên chuỗi siêu thị; tên chi nhánh cần xác nhận',
    }),
  ),
  ...districts.map(
    ([code, name, shortName, notes]): CatalogueUnit => ({
      key: `district-${code}`,
      parent: 'ubnd',
      kind: 'district',
      shortName,
      name,
      adminCode: code,
      validTo: DISTRICT_LEVEL_END,
      ...(notes ? { notes } : {}),
    }),
  ),
];
