import type { Citation } from '../../../shared/plan';
import { foldVietnamese } from '../../../shared/text';

const PEOPLE = '(?:người|đại biểu|đồng chí|đ/c|khách|sinh viên|học viên|học sinh|cán bộ|thành viên|cử tri)';

export interface Count {
  count: number | null;
  perUnit: number | null;
  unitCount: number | null;
  /** Where the count phrase starts in the text, to cut it out of the title. */
  index: number;
  /** "27 x 03 = 80": the written total disagrees with the product. */
  mismatch: boolean;
}

/**
 * Reads a delegate count as plans write it: "(05 người)", "(27 x 03 người = 81 người)", "(03 đại biểu/tỉnh)",
 * "khoảng 300 đại biểu". Returns null when the text gives no count; never guesses one.
 */
export function readCount(text: string): Count | null {
  const product = new RegExp(
    `\\(?\\s*(\\d{1,4})\\s*[x×*]\\s*(\\d{1,4})\\s*${PEOPLE}?\\s*=\\s*(\\d{1,5})\\s*${PEOPLE}?\\s*\\)?`,
    'iu',
  ).exec(text);
  if (product) {
    const [unitCount, perUnit, total] = [Number(product[1]), Number(product[2]), Number(product[3])];
    return {
      count: total,
      perUnit,
      unitCount,
      index: product.index,
      mismatch: unitCount * perUnit !== total,
    };
  }
  const perUnit = new RegExp(
    `\\(?\\s*(\\d{1,4})\\s*${PEOPLE}\\s*/\\s*(\\p{L}[\\p{L} ]{0,20}?)\\s*\\)`,
    'iu',
  ).exec(text);
  // "mỗi tỉnh mời 3 đại biểu", "mỗi khoa cử 05 sinh viên": so many per unit, the number of units unknown.
  const each = perUnit
    ? null
    : new RegExp(
        `mỗi\\s+\\p{L}+(?:\\s\\p{L}+){0,3}?\\s+(?:mời|cử|chọn|có|gồm)?\\s*(\\d{1,3})\\s*${PEOPLE}`,
        'iu',
      ).exec(text);
  if (each)
    return { count: null, perUnit: Number(each[1]), unitCount: null, index: text.length, mismatch: false };
  if (perUnit)
    return {
      count: null,
      perUnit: Number(perUnit[1]),
      unitCount: null,
      index: perUnit.index,
      mismatch: false,
    };
  const plain = new RegExp(
    `\\(\\s*(?:khoảng|dự kiến|tối đa)?\\s*(\\d{1,3}(?:\\.\\d{3})+|\\d{1,5})\\s*${PEOPLE}\\s*\\)`,
    'iu',
  ).exec(text);
  if (plain)
    return {
      count: Number(plain[1]!.replace(/\./g, '')),
      perUnit: null,
      unitCount: null,
      index: plain.index,
      mismatch: false,
    };
  const trailing = new RegExp(`(\\d{1,5})\\s*${PEOPLE}\\s*[.;,]?\\s*$`, 'iu').exec(text);
  if (trailing)
    return {
      count: Number(trailing[1]),
      perUnit: null,
      unitCount: null,
      index: trailing.index,
      mismatch: false,
    };
  return null;
}

/** "Dự kiến khoảng 300 đại biểu" → 300. */
export function readExpectedAttendees(text: string): number | null {
  const m =
    /(?:khoảng|dự kiến|tổng số|tổng cộng|gồm)?\s*(\d{1,3}(?:\.\d{3})+|\d{2,5})\s*(?:đại biểu|người|khách)/iu.exec(
      text,
    );
  return m ? Number(m[1]!.replace(/\./g, '')) : null;
}

/** The title without its count and trailing punctuation. */
export function titleWithout(text: string, count: Count | null): string {
  const cut = count ? text.slice(0, count.index) : text;
  // The lookbehind lets a trailing run match only from its first character: without it every character of a long
  // run in the middle of the text starts a match that scans to the run's end (quadratic).
  return cut.replace(/(?<![\s:;,.(–-])[\s:;,.(–-]+$/u, '').trim();
}

/** "07/5/2018" → "2018-05-07"; null for an impossible date (31/02) so the caller can warn. */
export function isoDate(day: string, month: string, year: string): string | null {
  const iso = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(iso) ? iso : null;
}

const DATE_PATTERN = /(\d{1,2})\s*\/\s*(\d{1,2})\s*\/\s*(\d{4})/g;
const LONG_DATE = /ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})/giu;

export interface FoundDate {
  iso: string | null;
  text: string;
  index: number;
}

/** Every date in the text, both "27/11/2020" and "ngày 27 tháng 11 năm 2020". */
export function findDates(text: string): FoundDate[] {
  const found: FoundDate[] = [];
  for (const pattern of [DATE_PATTERN, LONG_DATE]) {
    for (const m of text.matchAll(pattern))
      found.push({ iso: isoDate(m[1]!, m[2]!, m[3]!), text: m[0], index: m.index ?? 0 });
  }
  return found.sort((a, b) => a.index - b.index);
}

/** "7h30" → "07:30"; "14h" → "14:00"; "8:15" → "08:15". */
function clock(hour: string, minute: string | undefined): string | null {
  const h = Number(hour);
  const m = Number(minute || 0);
  return h < 24 && m < 60 ? `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}` : null;
}

const TIME = /(\d{1,2})\s*(?:h|giờ|g|:)\s*(\d{2})?(?!\s*\/)/giu;

/** Every clock time in the text, in order. */
export function findTimes(text: string): { time: string; index: number }[] {
  const out: { time: string; index: number }[] = [];
  for (const m of text.matchAll(TIME)) {
    const time = clock(m[1]!, m[2]);
    if (time) out.push({ time, index: m.index ?? 0 });
  }
  return out;
}

/**
 * A time or time range at the start of a program line: "7h30", "8h00 - 8h15", "14-15h30", "(8h00-8h15)".
 * Returns the times and the rest of the line.
 */
export function leadingTimeRange(text: string): { start: string | null; end: string | null; rest: string } {
  const m =
    /^\(?\s*(?:từ\s+)?(\d{1,2})\s*(?:(?:h|giờ|g|:)\s*(\d{2})?\s*(?:phút|’|')?)?\s*(?:[-–—]|đến)\s*(\d{1,2})\s*(?:h|giờ|g|:)\s*(\d{2})?\s*(?:phút|’|')?\s*\)?\s*[:.,-]?\s*/iu.exec(
      text,
    ) ??
    /^\(?\s*(?:từ\s+)?(\d{1,2})\s*(?:h|giờ|g|:)\s*(\d{2})?\s*(?:phút|’|')?\s*\)?\s*[:.,-]?\s*/iu.exec(text);
  if (!m) return { start: null, end: null, rest: text };
  const start = clock(m[1]!, m[2]);
  const end = m[3] ? clock(m[3], m[4]) : null;
  if (!start) return { start: null, end: null, rest: text };
  return { start, end, rest: text.slice(m[0].length).trim() };
}

const DOC_TYPES = [
  'Quyết định',
  'Kế hoạch',
  'Công văn',
  'Thông báo',
  'Nghị định',
  'Thông tư',
  'Nghị quyết',
  'Chỉ thị',
  'Luật',
  'Văn bản',
  'Tờ trình',
  'Báo cáo',
  'Giấy mời',
  'Hướng dẫn',
  'Đề án',
];
const CITATION = new RegExp(
  `(${DOC_TYPES.join('|')})\\s+(?:số\\s+)?(\\d[\\p{L}\\d.&-]*\\/[\\p{L}\\d/.&-]+)(?:\\s+ngày\\s+(\\d{1,2})\\s*\\/\\s*(\\d{1,2})\\s*\\/\\s*(\\d{4}))?(?:\\s+của\\s+(.+?))?(?=\\s+(?:về|phê duyệt|ban hành|quy định|hướng dẫn|giao|v/v)(?=\\s|$)|[;,.]|$)`,
  'giu',
);

// The number is read up to its first "/" with a class that excludes it: "\\d+[…\\d/…]*\\/" could split a long run of
// digits in as many ways as it has digits before failing (quadratic on "Luật 1111…").

/** Documents a sentence cites: "Quyết định số 490/QĐ-TTg ngày 07/5/2018 của Thủ tướng Chính phủ …". */
export function findCitations(text: string): Citation[] {
  const citations: Citation[] = [];
  for (const m of text.matchAll(CITATION)) {
    citations.push({
      type: m[1]!,
      number: m[2]!.replace(/[.,;]+$/, ''),
      date: m[3] ? isoDate(m[3], m[4]!, m[5]!) : null,
      issuer: m[6]?.trim() || null,
    });
  }
  return citations;
}

/** Words that begin an agency's name; a comma-separated piece that begins otherwise belongs to the previous name. */
const AGENCY_STARTS = [
  'sở',
  'ban',
  'văn phòng',
  'ubnd',
  'ủy ban',
  'uỷ ban',
  'hđnd',
  'hội đồng',
  'tỉnh ủy',
  'tỉnh uỷ',
  'huyện ủy',
  'đài',
  'báo',
  'bộ',
  'cục',
  'chi cục',
  'tổng cục',
  'hội',
  'trung tâm',
  'công an',
  'bộ chỉ huy',
  'liên minh',
  'mặt trận',
  'đoàn',
  'trường',
  'viện',
  'bệnh viện',
  'công ty',
  'htx',
  'hợp tác xã',
  'ngân hàng',
  'kho bạc',
  'cơ quan',
  'các',
  'đại diện',
  'thường trực',
  'lãnh đạo',
  'vpđp',
  'vp',
].map(foldVietnamese);

function startsAgency(piece: string): boolean {
  const folded = foldVietnamese(piece);
  return AGENCY_STARTS.some((word) => folded === word || folded.startsWith(`${word} `));
}

/**
 * Splits a list of agencies as plans write it: ";" always separates; "," separates only when the next piece
 * begins like an agency name, so "Sở Văn hóa, Thể thao và Du lịch" and "UBND huyện, thị xã, thành phố" stay whole.
 * A piece equal to a known unit name (the catalogue) is kept whole too.
 */
export function splitAgencies(text: string, knownNames: string[] = []): string[] {
  const known = [...new Set(knownNames.map(foldVietnamese))];
  const longest = Math.max(0, ...known.map((k) => k.length));
  // Folded once, and only when the piece would otherwise start a name of its own: folding the ever longer joined
  // text for every piece (and every known name) made a long list of short pieces quadratic.
  const isKnownPrefix = (joined: string) => {
    const folded = foldVietnamese(joined);
    return folded.length <= longest && known.some((k) => k.startsWith(folded));
  };
  const names: string[] = [];
  for (const segment of text.split(/\s*;\s*/)) {
    const pieces = segment.split(/\s*,\s*/).filter(Boolean);
    const merged: string[] = [];
    for (const piece of pieces) {
      const last = merged[merged.length - 1];
      const joined = last ? `${last}, ${piece}` : piece;
      if (last !== undefined && (!startsAgency(piece) || isKnownPrefix(joined)))
        merged[merged.length - 1] = joined;
      else merged.push(piece);
    }
    names.push(...merged);
  }
  return names
    .map((n) =>
      n
        .replace(/^(và|cùng)\s+/iu, '')
        .replace(/(?<![.;:])[.;:]+$/, '')
        .trim(),
    )
    .filter(Boolean);
}

/** Abbreviations that stay upper case in names. */
const ABBREVIATIONS = new Set([
  'UBND',
  'HĐND',
  'PTNT',
  'NN&PTNT',
  'NTM',
  'OCOP',
  'MTTQ',
  'TW',
  'KH&CN',
  'TN&MT',
  'VHTTDL',
  'TT&TT',
  'TP',
  'TX',
  'HTX',
  'VPĐP',
]);
const AGENCY_TYPES =
  /^(sở|văn phòng|chi cục|tổng cục|cục|ban|trung tâm|phòng|viện|trường|đài|báo|bộ|hội đồng|ủy ban|uỷ ban|công ty|hợp tác xã)\s+(\p{L})/u;

/**
 * Upper-case header lines in the case names are written in: "SỞ NÔNG NGHIỆP VÀ PTNT TỈNH THANH HÓA" →
 * "Sở Nông nghiệp và PTNT tỉnh Thanh Hóa": the agency type and the first word of its name capitalised,
 * place names in title case, abbreviations kept.
 */
export function headerCase(text: string): string {
  const upper = (c: string) => c.toLocaleUpperCase('vi');
  const words = text.split(/\s+/).map((w) => (ABBREVIATIONS.has(w) ? w : w.toLocaleLowerCase('vi')));
  let name = words.join(' ');
  const place = /(^|\s)(tỉnh|thành phố|huyện|thị xã|quận|xã|phường|thị trấn)\s+(.+)$/u.exec(name);
  if (place) {
    const titled = place[3]!.replace(/(^|\s)(\p{Ll})/gu, (_, sp: string, ch: string) => sp + upper(ch));
    name = `${name.slice(0, place.index)}${place[1]}${place[2]} ${titled}`;
  }
  name = name.replace(AGENCY_TYPES, (_, type: string, ch: string) => `${type} ${upper(ch)}`);
  return name.replace(/^\p{Ll}/u, upper);
}
