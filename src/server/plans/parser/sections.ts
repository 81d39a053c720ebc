import { foldVietnamese } from '../../../shared/text';
import type { OutlineNode } from './outline';

/**
 * Stage 3: a section is classified by the words of its heading ("7. Thành phần tham dự:", "III. CHƯƠNG TRÌNH",
 * "1. Thời gian, địa điểm:"), folded so tone placement and case do not matter. A heading that names several fields
 * ("Thời gian, địa điểm") is a container: its sub-items carry the fields.
 */
export type SectionKind =
  | 'name'
  | 'host'
  | 'lead'
  | 'chair'
  | 'partners'
  | 'time'
  | 'venue'
  | 'composition'
  | 'program'
  | 'side'
  | 'funding'
  | 'tasks'
  | 'purpose'
  | 'addressees'
  | 'container';

const KINDS: [RegExp, SectionKind][] = [
  [/^(thoi gian|dia diem)\s*(,|va|-)\s*(dia diem|thoi gian)\b/, 'container'],
  [/^ten (hoi nghi|hoi thao|su kien|cuoc hop|chuong trinh)/, 'name'],
  [/^co quan (chu dao|chi dao)/, 'host'],
  [/^(don vi|co quan) (chu tri|to chuc)/, 'lead'],
  [/^(chu tri|nguoi chu tri|chu toa)\b/, 'chair'],
  [/^(don vi|co quan) phoi hop/, 'partners'],
  [/^thoi gian\b/, 'time'],
  [/^dia diem\b/, 'venue'],
  [/^thanh phan\b/, 'composition'],
  [/^(ve )?(noi dung,? )?(chuong trinh|lich trinh)\b(?! moi xa| ocop| muc tieu| cong tac)/, 'program'],
  [/^(cac )?hoat dong ben le/, 'side'],
  [/^kinh phi\b/, 'funding'],
  [/^(to chuc thuc hien|phan cong nhiem vu|phan cong thuc hien)\b/, 'tasks'],
  [/^muc dich\b/, 'purpose'],
  [/^kinh (gui|moi)\b/, 'addressees'],
];

/** The heading's words before its colon, folded: "Thành phần tham dự: …" → "thanh phan tham du". */
export function labelOf(node: OutlineNode): string {
  const colon = node.heading.indexOf(':');
  const head = colon >= 0 && colon < 60 ? node.heading.slice(0, colon) : node.heading.slice(0, 120);
  return foldVietnamese(head);
}

export function classify(node: OutlineNode): SectionKind | null {
  const label = labelOf(node);
  return KINDS.find(([pattern]) => pattern.test(label))?.[1] ?? null;
}
