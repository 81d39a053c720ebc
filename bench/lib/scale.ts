import { FAMILY_NAMES, GIVEN_NAMES, MIDDLE_NAMES, seededRandom } from '../../src/server/demo/sample-people';
import { foldVietnamese } from '../../src/shared/text';

export { seededRandom };

import type { CreateUnitInput } from '../../src/shared/units';
import type { UnitKind } from '../../src/shared/vocabulary';

/**
 * Deterministic data at scale. S is the demo conference as `npm start` loads it. L is 20 events, 2,000 units and
 * 100,000 delegates in one conference (OCOP products join L when that feature lands). The same seed always gives the same data.
 */
export const SCALE = {
  L: { events: 20, units: 2_000, delegates: 100_000 },
} as const;

const SYLLABLES = [
  'Hoằng',
  'Thiệu',
  'Quảng',
  'Đông',
  'Nga',
  'Hà',
  'Vĩnh',
  'Yên',
  'Thọ',
  'Triệu',
  'Nông',
  'Như',
  'Cẩm',
  'Ngọc',
  'Lộc',
  'Sơn',
  'Thành',
  'Xuân',
  'Phú',
  'Hòa',
  'Tân',
  'Minh',
  'Đức',
  'Trung',
  'Thanh',
  'Hưng',
  'Lợi',
  'Định',
  'Khê',
  'Giang',
];
const PRODUCER_FORMS = [
  'HTX dịch vụ nông nghiệp',
  'Công ty TNHH',
  'Hộ sản xuất',
  'Tổ hợp tác',
  'Cơ sở sản xuất',
];
const KINDS: [UnitKind, number][] = [
  ['commune', 0.7],
  ['producer', 0.22],
  ['retailer', 0.03],
  ['media', 0.02],
  ['department', 0.03],
];

function pickKind(roll: number): UnitKind {
  let cumulative = 0;
  for (const [kind, share] of KINDS) {
    cumulative += share;
    if (roll < cumulative) return kind;
  }
  return 'other';
}

export interface ScaleEvent {
  name: string;
  startsAt: string;
  endsAt: string;
  venueName: string;
  expectedAttendees: number;
}

export function generateUnits(count: number, seed = 2020): CreateUnitInput[] {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const units: CreateUnitInput[] = [];
  for (let i = 0; i < count; i++) {
    const kind = pickKind(random());
    const place = `${pick(SYLLABLES)} ${pick(SYLLABLES)}`;
    const name =
      kind === 'commune'
        ? `Xã ${place} ${i}`
        : kind === 'producer'
          ? `${pick(PRODUCER_FORMS)} ${place} ${i}`
          : `${kind === 'media' ? 'Báo' : kind === 'retailer' ? 'Siêu thị' : 'Ban'} ${place} ${i}`;
    units.push({
      kind,
      name,
      shortName: name.slice(0, 60),
      adminCode: kind === 'commune' ? String(50_000 + i) : null,
      validFrom: null,
      validTo: null,
    } as CreateUnitInput);
  }
  return units;
}

export function generateEvents(count: number, seed = 2020): ScaleEvent[] {
  const random = seededRandom(seed + 1);
  return Array.from({ length: count }, (_, i) => {
    const day = 1 + Math.floor(random() * 27);
    const month = 1 + (i % 12);
    const date = `2021-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    return {
      name: `Hội nghị mẫu số ${i + 1} về Chương trình OCOP`,
      startsAt: new Date(`${date}T08:00:00+07:00`).toISOString(),
      endsAt: new Date(`${date}T11:30:00+07:00`).toISOString(),
      venueName: `Hội trường ${1 + Math.floor(random() * 30)}`,
      expectedAttendees: 100 + Math.floor(random() * 400),
    };
  });
}

const POSITIONS = [
  'Chủ tịch UBND xã',
  'Phó Chủ tịch UBND huyện',
  'Giám đốc',
  'Chuyên viên',
  'Trưởng phòng',
  'Phó Giám đốc Sở',
  'Cán bộ nông nghiệp xã',
  'Phóng viên',
];

export interface ScaleDelegate {
  fullName: string;
  position: string;
  phone: string;
  /** Index into the units the delegate is sent by. */
  unit: number;
}

/**
 * People with Vietnamese names (a name repeats across units, as in life, but not within one, accents aside:
 * an import would rightly call that a duplicate), positions, distinct phones, spread over units.
 */
export function generateDelegates(count: number, unitCount: number, seed = 2020): ScaleDelegate[] {
  const random = seededRandom(seed + 2);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const used = new Set<string>();
  return Array.from({ length: count }, (_, i) => {
    const unit = Math.floor(random() * unitCount);
    let fullName: string;
    do {
      const gender = random() < 0.35 ? 'female' : 'male';
      fullName = `${pick(FAMILY_NAMES)} ${pick(MIDDLE_NAMES[gender])} ${pick(GIVEN_NAMES[gender])}`;
    } while (used.has(`${unit}|${foldVietnamese(fullName)}`));
    used.add(`${unit}|${foldVietnamese(fullName)}`);
    return {
      fullName,
      position: pick(POSITIONS),
      phone: `09${String(10_000_000 + i).padStart(8, '0')}`,
      unit,
    };
  });
}
