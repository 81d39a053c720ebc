import type { Gender } from '../../shared/delegates';
import type { DelegateStatus } from '../../shared/vocabulary';
import { FAMILY_NAMES, GIVEN_NAMES, MIDDLE_NAMES, seededRandom } from './sample-people';

/**
 * The demo conference's people, all sample data (marked so in the UI): the communes and producers its plan
 * invites, the seats each group draws from, and 268 plausible delegates filling the plan's composition.
 * Commune names are real Thanh Hóa communes of 2020; which of them sent people here is invented. The producers
 * named in DOMAIN.md are real; the others are invented and say so in their notes.
 */

export interface DemoCommune {
  key: string;
  district: string;
  name: string;
  /** Had OCOP products in 2018–2020 (in this sample). */
  ocop: boolean;
}

const OCOP_COMMUNES: [district: string, communes: string[]][] = [
  ['399', ['Hoằng Phụ', 'Hoằng Trường', 'Hoằng Thanh', 'Hoằng Đạo', 'Hoằng Châu']],
  ['401', ['Nga Liên', 'Nga Thủy', 'Nga Điền']],
  ['400', ['Hòa Lộc', 'Đa Lộc', 'Ngư Lộc', 'Minh Lộc']],
  ['391', ['Thạch Bình', 'Thạch Quảng', 'Thành Vinh']],
  ['403', ['Xuân Khang', 'Hải Long']],
  ['402', ['Xuân Hòa', 'Bình Lương']],
  ['397', ['Bình Sơn', 'Dân Lực']],
  ['392', ['Hà Long', 'Hà Lĩnh']],
  ['395', ['Xuân Giang', 'Xuân Lập']],
  ['393', ['Vĩnh Hòa', 'Vĩnh Thịnh']],
  ['406', ['Quảng Hải', 'Quảng Nham', 'Quảng Lưu']],
  ['405', ['Đông Ninh', 'Đông Hòa']],
  ['396', ['Xuân Dương', 'Luận Thành']],
  ['394', ['Định Hòa', 'Định Tăng']],
  ['398', ['Thiệu Giao', 'Thiệu Nguyên']],
  ['404', ['Tượng Văn']],
];

/** One commune each from the eleven district-level units without OCOP products in this sample. */
const OTHER_COMMUNES: [district: string, commune: string][] = [
  ['380', 'Đông Vinh'],
  ['381', 'Hà Lan'],
  ['382', 'Quảng Hùng'],
  ['384', 'Quang Chiểu'],
  ['385', 'Phú Nghiêm'],
  ['386', 'Lũng Cao'],
  ['387', 'Sơn Điện'],
  ['388', 'Giao An'],
  ['389', 'Minh Sơn'],
  ['390', 'Cẩm Tân'],
  ['407', 'Hải Nhân'],
];

export const DEMO_COMMUNES: DemoCommune[] = [
  ...OCOP_COMMUNES.flatMap(([district, names]) =>
    names.map((name) => ({ key: `commune-${district}-${name}`, district, name, ocop: true })),
  ),
  ...OTHER_COMMUNES.map(([district, name]) => ({
    key: `commune-${district}-${name}`,
    district,
    name,
    ocop: false,
  })),
];

export interface DemoProducer {
  key: string;
  district: string;
  name: string;
  real: boolean;
}

const REAL_PRODUCERS: [district: string, name: string][] = [
  ['396', 'Công ty TNHH ViBaBo'],
  ['393', 'Cơ sở sản xuất Lâm Thu'],
  ['391', 'HTX ong mật Hưởng Hoa'],
  ['403', 'HTX nông sản hữu cơ Trúc Phượng'],
  ['401', 'Công ty TNHH Ngân Khương'],
  ['402', 'HTX dịch vụ nông nghiệp Thành Công'],
  ['406', 'Hộ sản xuất Nguyễn Thị Lan Anh'],
  ['397', 'HTX nông lâm nghiệp Bình Sơn'],
  ['405', 'Công ty TNHH MTV DVNN CNC Thiên Trường 36'],
  ['392', 'HTX DVNN Hà Long'],
  ['392', 'Hộ SX Nguyễn Thị Thùy Linh'],
];

const SAMPLE_FORMS = ['HTX dịch vụ nông nghiệp', 'HTX sản xuất và tiêu thụ', 'Tổ hợp tác', 'Cơ sở sản xuất'];

/** 47 producers: the eleven real ones and invented ones, named after the sample's OCOP communes. */
export const DEMO_PRODUCERS: DemoProducer[] = [
  ...REAL_PRODUCERS.map(([district, name]) => ({ key: `producer-${name}`, district, name, real: true })),
  ...DEMO_COMMUNES.filter((c) => c.ocop)
    .slice(0, 36)
    .map((c, i) => ({
      key: `producer-sample-${c.name}`,
      district: c.district,
      name: `${SAMPLE_FORMS[i % SAMPLE_FORMS.length]} ${c.name}`,
      real: false,
    })),
];

/** Where each group of the plan draws its people from: catalogue keys and quotas, by the group's title. */
export function demoSeats(title: string): [key: string, quota: number][] | null {
  const t = title.toLowerCase();
  if (t.startsWith('lãnh đạo và chuyên viên văn phòng điều phối nông thôn mới trung ương'))
    return [['vpdp-tw', 5]];
  if (t.startsWith('thường trực tỉnh ủy'))
    return [
      ['tinh-uy', 2],
      ['hdnd', 1],
      ['ubnd', 2],
    ];
  if (t.startsWith('văn phòng: tỉnh ủy'))
    return [
      ['vp-tu', 2],
      ['vp-hdnd', 2],
      ['vp-ubnd', 2],
    ];
  if (t.startsWith('thành viên hội đồng')) return [['hd-ocop', 24]];
  if (t.startsWith('lãnh đạo và chuyên viên văn phòng điều phối nông thôn mới tỉnh')) return [['vpdp', 10]];
  if (t.startsWith('lãnh đạo các sở'))
    return ['so-tnmt', 'so-vhttdl', 'so-ct', 'so-yt', 'so-khcn', 'so-nn'].map((k) => [k, 2]);
  if (t.startsWith('đài phát thanh'))
    return [
      ['dai-ptth', 5],
      ['bao-th', 5],
    ];
  if (t.startsWith('đại diện lãnh đạo huyện ủy')) return null; // every district-level unit, 3 each: see seedDemo
  if (t.startsWith('đại diện các xã')) return DEMO_COMMUNES.filter((c) => c.ocop).map((c) => [c.key, 1]);
  if (t.startsWith('11 xã')) return DEMO_COMMUNES.filter((c) => !c.ocop).map((c) => [c.key, 1]);
  if (t.startsWith('đại diện các chủ thể'))
    return [
      ...DEMO_PRODUCERS.map((p): [string, number] => [p.key, 1]),
      ['retail-Co.opmart', 6],
      ['retail-Big C', 6],
      ['retail-VinMart', 6],
    ];
  return null;
}

export interface DemoPerson {
  fullName: string;
  gender: Gender;
  position: string;
  phone: string;
  status: DelegateStatus;
}

/** Positions by the seat's unit, in the order a unit usually sends them. */
export function positionsFor(kind: string, unitName: string): string[] {
  if (unitName.startsWith('Tỉnh ủy')) return ['Phó Bí thư Tỉnh ủy', 'Ủy viên Ban Thường vụ Tỉnh ủy'];
  if (unitName.startsWith('Hội đồng nhân dân')) return ['Phó Chủ tịch HĐND tỉnh'];
  if (unitName.startsWith('UBND tỉnh')) return ['Chủ tịch UBND tỉnh', 'Phó Chủ tịch UBND tỉnh'];
  if (unitName.startsWith('Hội đồng đánh giá')) return ['Thành viên Hội đồng', 'Thành viên Tổ giúp việc'];
  if (unitName.startsWith('Văn phòng Điều phối')) return ['Phó Chánh Văn phòng', 'Chuyên viên'];
  switch (kind) {
    case 'district': {
      // A city has a Thành ủy, a town a Thị ủy, a district a Huyện ủy.
      const party = unitName.startsWith('Thành phố')
        ? 'Thành ủy'
        : unitName.startsWith('Thị xã')
          ? 'Thị ủy'
          : 'Huyện ủy';
      return [`Phó Bí thư ${party}`, 'Phó Chủ tịch UBND', 'Chánh Văn phòng Điều phối NTM'];
    }
    case 'commune':
      return ['Chủ tịch UBND xã'];
    case 'producer':
      return ['Giám đốc'];
    case 'retailer':
      return [
        'Giám đốc',
        'Trưởng phòng mua hàng',
        'Nhân viên kinh doanh',
        'Phó Giám đốc',
        'Trưởng ngành hàng',
        'Nhân viên',
      ];
    case 'media':
      return ['Phóng viên', 'Quay phim', 'Biên tập viên', 'Phóng viên', 'Kỹ thuật viên'];
    case 'department':
      return unitName.startsWith('Văn phòng')
        ? ['Phó Chánh Văn phòng', 'Chuyên viên']
        : ['Phó Giám đốc', 'Trưởng phòng'];
    default:
      return ['Lãnh đạo', 'Chuyên viên'];
  }
}

/** Makes people deterministically; every 25th declines (two of Hoằng Hóa's three leaders among them). */
export function demoPeople(seed: number) {
  const next = seededRandom(seed);
  const pick = <T>(list: T[]) => list[Math.floor(next() * list.length)]!;
  const used = new Set<string>();
  let count = 0;
  return (position: string, options: { declined?: boolean } = {}): DemoPerson => {
    let fullName = '';
    let gender: Gender = 'male';
    do {
      gender = next() < 0.35 ? 'female' : 'male';
      fullName = `${pick(FAMILY_NAMES)} ${pick(MIDDLE_NAMES[gender])} ${pick(GIVEN_NAMES[gender])}`;
    } while (used.has(fullName));
    used.add(fullName);
    count++;
    const roll = next();
    const status: DelegateStatus = options.declined
      ? 'declined'
      : count % 25 === 0
        ? 'declined'
        : roll < 0.55
          ? 'confirmed'
          : roll < 0.9
            ? 'invited'
            : 'draft';
    return { fullName, gender, position, phone: `0900${String(100000 + count).slice(-6)}`, status };
  };
}
