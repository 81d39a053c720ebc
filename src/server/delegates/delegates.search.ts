import { foldVietnamese } from '../../shared/text';

/**
 * Search by word beginnings: every query word must begin some word of the delegate's name, position,
 * organization, sending unit or phone, accents and case aside ("ng van a" finds "Nguyễn Văn An"; "0912" finds
 * 0912 345 678). Terms are [a-z0-9] only, so a prefix is an index range on both engines.
 */

const WORD = /[a-z0-9]+/g;

export function foldedWords(text: string | null | undefined): string[] {
  return text ? (foldVietnamese(text).match(WORD) ?? []) : [];
}

export function termsOf(d: {
  fullName: string;
  position?: string | null;
  organization?: string | null;
  unitNames?: (string | null | undefined)[];
  phone?: string | null;
}): string[] {
  const terms = new Set<string>();
  for (const text of [d.fullName, d.position, d.organization, ...(d.unitNames ?? [])]) {
    for (const w of foldedWords(text)) terms.add(w.slice(0, 40));
  }
  if (d.phone) terms.add(d.phone);
  return [...terms];
}

/** Query words, longest first (they narrow most); at most six. */
export function queryWords(q: string | undefined): string[] {
  const words = [...new Set(foldedWords(q))];
  return words.sort((a, b) => b.length - a.length).slice(0, 6);
}

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

/**
 * The smallest string above every string starting with `prefix` ([a-z0-9] order), or null when there is none
 * ("zz"). Computed rather than appending a high character, so no collation has to agree on that character.
 */
export function prefixUpperBound(prefix: string): string | null {
  let p = prefix;
  while (p.endsWith('z')) p = p.slice(0, -1);
  if (!p) return null;
  const last = ALPHABET.indexOf(p[p.length - 1]!);
  return p.slice(0, -1) + ALPHABET[last + 1];
}
