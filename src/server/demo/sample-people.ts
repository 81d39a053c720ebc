import type { Gender } from '../../shared/delegates';

/** Plausible Vietnamese names for sample data (the demo list, the benchmark's L data), and the seeded generator. */

export const FAMILY_NAMES = [
  'Nguyễn',
  'Lê',
  'Trần',
  'Phạm',
  'Hoàng',
  'Vũ',
  'Đỗ',
  'Bùi',
  'Mai',
  'Trịnh',
  'Đinh',
  'Lương',
  'Hà',
  'Ngô',
  'Cao',
  'Lò',
  'Phan',
  'Lại',
];
export const MIDDLE_NAMES: Record<Gender, string[]> = {
  male: ['Văn', 'Đình', 'Xuân', 'Hữu', 'Minh', 'Đức', 'Ngọc', 'Quang', 'Trọng', 'Văn'],
  female: ['Thị', 'Thị', 'Thu', 'Ngọc', 'Thanh', 'Minh', 'Thị Thu', 'Hồng'],
};
export const GIVEN_NAMES: Record<Gender, string[]> = {
  male: [
    'An',
    'Bình',
    'Cường',
    'Dũng',
    'Đức',
    'Giang',
    'Hải',
    'Hùng',
    'Khánh',
    'Long',
    'Mạnh',
    'Nam',
    'Phong',
    'Quân',
    'Sơn',
    'Thắng',
    'Tuấn',
    'Việt',
    'Vinh',
    'Lâm',
    'Thịnh',
    'Toàn',
    'Hiếu',
    'Trung',
  ],
  female: [
    'Anh',
    'Chi',
    'Dung',
    'Hà',
    'Hạnh',
    'Hoa',
    'Hương',
    'Lan',
    'Linh',
    'Mai',
    'Nga',
    'Nhung',
    'Oanh',
    'Phương',
    'Quỳnh',
    'Thảo',
    'Thủy',
    'Trang',
    'Vân',
    'Yến',
    'Huyền',
    'Loan',
  ],
};

/** mulberry32: a tiny seeded PRNG, so the same seed gives the same sample every time. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
