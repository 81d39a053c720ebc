/**
 * Vietnamese text utilities shared by server and web.
 * Search folds accents so "thanh hoa" finds "Thanh Hóa" and "duc" finds "Đức".
 */

const COMBINING_MARKS = /[\u0300-\u036f]/g;

/** The letters without their accents, case kept: "Nguyễn Đức" → "Nguyen Duc" (file names, search keys). */
export function withoutMarks(value: string): string {
  return value.normalize('NFD').replace(COMBINING_MARKS, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
}

/** Lower-case, accent-free, single-spaced form used for search keys and comparisons. */
export function foldVietnamese(value: string): string {
  return withoutMarks(value).toLowerCase().replace(/\s+/g, ' ').trim();
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

// Vietnamese letter order, with f j w z (foreign and minority names) where the Latin alphabet puts them.
const LETTERS = 'a ă â b c d đ e ê f g h i j k l m n o ô ơ p q r s t u ư v w x y z'.split(' ');
const LETTER_CODE = new Map(LETTERS.map((l, i) => [l, String(11 + i)]));
const DIGIT_CODE = new Map([...'0123456789'].map((d, i) => [d, String(i).padStart(2, '0')]));
// Combining marks that make a letter of their own (ă â ê ô ơ ư) and the five tones, in dictionary order.
const LETTER_MARKS: Record<string, string> = { '\u0306': '\u0306', '\u0302': '\u0302', '\u031b': '\u031b' };
const TONES: Record<string, string> = {
  '\u0300': '1',
  '\u0309': '2',
  '\u0303': '3',
  '\u0301': '4',
  '\u0323': '5',
};

function wordKey(word: string): { letters: string; tones: string } {
  let letters = '';
  let tones = '';
  const chars = [...word.normalize('NFD').toLowerCase()];
  for (let i = 0; i < chars.length; i++) {
    let letter = chars[i]!;
    let tone = '0';
    while (i + 1 < chars.length && /\p{M}/u.test(chars[i + 1]!)) {
      const mark = chars[++i]!;
      if (LETTER_MARKS[mark]) letter = (letter + mark).normalize('NFC');
      else if (TONES[mark]) tone = TONES[mark];
    }
    const code = LETTER_CODE.get(letter) ?? DIGIT_CODE.get(letter);
    if (!code) continue;
    letters += code;
    tones += tone;
  }
  return { letters, tones };
}

/**
 * A key whose plain (byte or any collation's) order is the official order of people's names: given name
 * (tên), then middle names (tên đệm), then family name (họ), letters in Vietnamese order, tones last.
 * Only digits, so SQLite's BINARY and PostgreSQL's collations sort it alike; stored beside each delegate.
 */
export function vietnameseNameKey(fullName: string): string {
  const words = cleanText(fullName).split(' ').filter(Boolean);
  const given = words.length ? [words[words.length - 1]!] : [];
  const middle = words.slice(1, -1);
  const family = words.length > 1 ? [words[0]!] : [];
  const fields = [given, middle, family].map((field) => field.map(wordKey));
  const primary = fields.map((field) => field.map((w) => w.letters).join('01')).join('00');
  const tones = fields.flatMap((field) => field.map((w) => w.tones)).join('');
  return `${primary}00${tones}`;
}

/** A key whose byte order is Vietnamese dictionary order of a name as written (products, places): word by word. */
export function vietnameseSortKey(text: string): string {
  const words = cleanText(text).split(' ').filter(Boolean).map(wordKey);
  return `${words.map((w) => w.letters).join('01')}00${words.map((w) => w.tones).join('')}`;
}

/**
 * Official lists sort people by given name (tên), then middle names (tên đệm), then family name (họ).
 * "Nguyễn Văn An" sorts before "Lê Thị Bình"; "Đức" after "Dũng".
 */
export function compareVietnameseNames(a: string, b: string): number {
  const ka = vietnameseNameKey(a);
  const kb = vietnameseNameKey(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}
