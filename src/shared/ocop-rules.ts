/**
 * OCOP rules that need no schema library, so the showcase page and the forms can import them cheaply:
 * star bands, default certifying level, validity, vocabularies and their labels.
 */

export const PRODUCER_TYPES = ['enterprise', 'cooperative', 'cooperative_group', 'household'] as const;
export type ProducerType = (typeof PRODUCER_TYPES)[number];

export const PRODUCER_TYPE_LABELS: Record<ProducerType, string> = {
  enterprise: 'Doanh nghiệp',
  cooperative: 'Hợp tác xã',
  cooperative_group: 'Tổ hợp tác',
  household: 'Hộ sản xuất kinh doanh',
};

/** A first guess from the producer's name ("Công ty…", "HTX…", "Tổ hợp tác…", "Hộ…", "Cơ sở…"); editable. */
export function guessProducerType(name: string): ProducerType | null {
  const n = name.normalize('NFC').toLowerCase();
  if (/^(công ty|cty|doanh nghiệp|dntn)/.test(n)) return 'enterprise';
  if (/^(hợp tác xã|htx)/.test(n)) return 'cooperative';
  if (/^(tổ hợp tác|tht)/.test(n)) return 'cooperative_group';
  if (/^(hộ|cơ sở|cs )/.test(n)) return 'household';
  return null;
}

export const CERTIFYING_LEVELS = ['district', 'province', 'central'] as const;
export type CertifyingLevel = (typeof CERTIFYING_LEVELS)[number];

export const CERTIFYING_LEVEL_LABELS: Record<CertifyingLevel, string> = {
  district: 'Cấp huyện',
  province: 'Cấp tỉnh',
  central: 'Cấp Trung ương',
};

/** Score bands (QĐ 1048/QĐ-TTg and QĐ 148/QĐ-TTg alike): the lowest score of each star. */
export const STAR_BANDS: { stars: number; min: number; max: number }[] = [
  { stars: 5, min: 90, max: 100 },
  { stars: 4, min: 70, max: 89 },
  { stars: 3, min: 50, max: 69 },
  { stars: 2, min: 30, max: 49 },
  { stars: 1, min: 0, max: 29 },
];

export function starsForScore(score: number): number {
  return STAR_BANDS.find((b) => score >= b.min)?.stars ?? 1;
}

/** Only products of 3 stars and up are certified; below that a product is at most "potential". */
export const MIN_CERTIFIED_STARS = 3;

/** The day QĐ 148/QĐ-TTg took effect: from then on 3★ is certified by the district, 4★ by the province. */
export const CRITERIA_148_FROM = '2023-02-24';

export function defaultCertifyingLevel(stars: number, decisionDate: string | null): CertifyingLevel {
  if (stars >= 5) return 'central';
  if (decisionDate && decisionDate >= CRITERIA_148_FROM && stars === 3) return 'district';
  return 'province';
}

/** A certificate is valid 36 months from its decision date. */
export const VALIDITY_MONTHS = 36;

/** The calendar date `months` after `isoDate` (31/01 + 1 month → 28 or 29/02). */
export function addMonths(isoDate: string, months: number): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return target.toISOString().slice(0, 10);
}

export function defaultValidUntil(decisionDate: string): string {
  return addMonths(decisionDate, VALIDITY_MONTHS);
}

/** "★★★☆☆" for lists and the showcase. */
export function starText(stars: number | null): string {
  if (!stars) return '';
  return '★'.repeat(stars) + '☆'.repeat(5 - stars);
}

export const AWARD_ORDERS = ['district', 'stars'] as const;
export type AwardOrder = (typeof AWARD_ORDERS)[number];

export const AWARD_ORDER_LABELS: Record<AwardOrder, string> = {
  district: 'Theo huyện, thị xã, thành phố',
  stars: 'Theo số sao (cao trước)',
};
