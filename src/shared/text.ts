/**
 * Vietnamese text utilities shared by server and web.
 * Search folds accents so "thanh hoa" finds "Thanh Hóa" and "duc" finds "Đức".
 */

const COMBINING_MARKS = /[\u0300-\u036f]/g;

/** Lower-case, accent-free, single-spaced form used for search keys and comparisons. */
export function foldVietnamese(value: string): string {
  return value
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** NFC and collapsed whitespace: the form every stored name takes. */
export function cleanText(value: string): string {
  return value.normalize('NFC').replace(/\s+/g, ' ').trim();
}

const collator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });

/** Vietnamese letter order (a ă â b c d đ …), which plain code-point sorting gets wrong. */
export function compareVietnamese(a: string, b: string): number {
  return collator.compare(a, b);
}

/**
 * Official lists sort people by given name (tên), then middle names (tên đệm), then family name (họ).
 * "Nguyễn Văn An" sorts before "Lê Thị Bình"; "Đức" after "Dũng".
 */
export function compareVietnameseNames(a: string, b: string): number {
  const pa = cleanText(a).split(' ');
  const pb = cleanText(b).split(' ');
  const byGiven = compareVietnamese(pa[pa.length - 1] ?? '', pb[pb.length - 1] ?? '');
  if (byGiven !== 0) return byGiven;
  const byMiddle = compareVietnamese(pa.slice(1, -1).join(' '), pb.slice(1, -1).join(' '));
  if (byMiddle !== 0) return byMiddle;
  return compareVietnamese(pa[0] ?? '', pb[0] ?? '');
}
