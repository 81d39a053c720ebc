import { isoDate } from './patterns';

/**
 * Field reader for "when": the day(s) and clock time of a meeting in every form offices write them.
 * "14 giờ 00’ thứ Ba, ngày 28/7/2020", "07 giờ 30 phút, ngày 29/10/2025", "7h30 ngày 31 tháng 5 năm 2012 (thứ Năm)",
 * "từ 08 giờ, ngày 29 tháng 10 năm 2023", "sáng ngày 06/01/2021 (thứ Tư)", "từ ngày 24 đến ngày 25/6/2020",
 * "08-09/01/2018", "ngày 08 và 09/8/2022", "từ 7h30 ngày 06/12/2015 đến 17h00 ngày 07/12/2015"; a notice that moves a
 * meeting names the old day too, and the new one is the day after "chuyển sang", "lùi đến", "điều chỉnh sang" …
 */

export interface DateMention {
  /** ISO day; null for a day that does not exist (31/02). */
  start: string | null;
  /** The last day of a range written as one mention ("24 đến 25/6/2020"). */
  end: string | null;
  text: string;
  index: number;
}

export interface When {
  /** "2020-07-28" or "2020-07-28T14:00:00+07:00". */
  start: string | null;
  end: string | null;
  /** How sure the reading is: 1 when the text says it one way only. */
  confidence: number;
  /** Why the reading is less than sure, in the words the review shows. */
  doubts: string[];
  invalid: string[];
}

// Ranges first: they hold a day that the single-day forms would read on its own.
const RANGE_SAME_MONTH =
  /(?:từ\s+)?(?:ngày\s+)?(?<![\d/])(\d{1,2})\s*(?:[-–]|đến(?:\s+hết)?(?:\s+ngày)?|và(?:\s+ngày)?)\s*(\d{1,2})\s*\/\s*(\d{1,2})\s*\/\s*(\d{4})(?!\d)/giu;
const RANGE_LONG =
  /(?:từ\s+)?ngày\s+(\d{1,2})\s*(?:[-–]|đến(?:\s+hết)?(?:\s+ngày)?|và(?:\s+ngày)?)\s*(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})/giu;
/** "từ ngày 24/6 đến ngày 25/6/2020", "30/6 - 02/7/2020": the first day without its year. */
const RANGE_DM =
  /(?:từ\s+)?(?:ngày\s+)?(?<![\d/])(\d{1,2})\s*\/\s*(\d{1,2})\s*(?:[-–]|đến(?:\s+hết)?(?:\s+ngày)?)\s*(\d{1,2})\s*\/\s*(\d{1,2})\s*\/\s*(\d{4})(?!\d)/giu;
const SHORT = /(?<![\d/])(\d{1,2})\s*\/\s*(\d{1,2})\s*\/\s*(\d{4})(?!\d)/gu;
/** "15.3.2024", "15-3-2024": the same separator twice. */
const SHORT_ALT = /(?<![\d/.-])(\d{1,2})([.-])(\d{1,2})\2(\d{4})(?!\d)/gu;
const LONG = /ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})/giu;

/** Every day the text names, ranges as one mention, in order. */
export function findDateMentions(text: string): DateMention[] {
  const found: DateMention[] = [];
  const taken: [number, number][] = [];
  const free = (i: number, j: number) => !taken.some(([a, b]) => i < b && j > a);
  const add = (m: RegExpMatchArray, start: string | null, end: string | null) => {
    const i = m.index ?? 0;
    if (!free(i, i + m[0].length)) return;
    taken.push([i, i + m[0].length]);
    found.push({ start, end, text: m[0], index: i });
  };
  for (const m of text.matchAll(RANGE_SAME_MONTH)) {
    const [d1, d2, month, year] = [m[1]!, m[2]!, m[3]!, m[4]!];
    if (Number(d1) >= Number(d2)) continue;
    add(m, isoDate(d1, month, year), isoDate(d2, month, year));
  }
  for (const m of text.matchAll(RANGE_DM)) {
    const [d1, m1, d2, m2, year] = [m[1]!, m[2]!, m[3]!, m[4]!, m[5]!];
    const [first, last] = [isoDate(d1, m1, year), isoDate(d2, m2, year)];
    if (!first || !last || first >= last) continue;
    add(m, first, last);
  }
  for (const m of text.matchAll(RANGE_LONG)) {
    const [d1, d2, month, year] = [m[1]!, m[2]!, m[3]!, m[4]!];
    if (Number(d1) >= Number(d2)) continue;
    add(m, isoDate(d1, month, year), isoDate(d2, month, year));
  }
  for (const m of text.matchAll(SHORT)) add(m, isoDate(m[1]!, m[2]!, m[3]!), null);
  for (const m of text.matchAll(SHORT_ALT)) add(m, isoDate(m[1]!, m[3]!, m[4]!), null);
  for (const m of text.matchAll(LONG)) add(m, isoDate(m[1]!, m[2]!, m[3]!), null);
  return found.sort((a, b) => a.index - b.index);
}

/** "7h30" → "07:30"; "14h" → "14:00". */
function clock(hour: string, minute: string | undefined): string | null {
  const h = Number(hour);
  const m = Number(minute || 0);
  return h < 24 && m < 60 ? `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}` : null;
}

// "14 giờ 00’", "07 giờ 30 phút", "7h30", "08h00", "14h", "8:15", "08 giờ". Never a number before letters ("2 gian").
const TIME = /(?<![\d/.])(\d{1,2})\s*(?:giờ|h|g|:)(?!\p{L})\s*(\d{2})?(?!\s*[/\d])\s*(?:phút|p|’|')?/giu;

export interface TimeMention {
  time: string;
  index: number;
  end: number;
}

/** Every clock time outside the given day mentions. */
export function findTimeMentions(text: string, dates: DateMention[] = []): TimeMention[] {
  const out: TimeMention[] = [];
  for (const m of text.matchAll(TIME)) {
    const i = m.index ?? 0;
    if (dates.some((d) => i >= d.index && i < d.index + d.text.length)) continue;
    const time = clock(m[1]!, m[2]);
    if (time) out.push({ time, index: i, end: i + m[0].length });
  }
  return out;
}

const MOVED =
  /(sang ngày|thông báo lại|chuyển sang|chuyển đến|chuyển tổ chức|lùi (?:sang|đến|lại)|dời (?:sang|đến|lại)|hoãn (?:sang|đến|lại)|điều chỉnh (?:sang|thành|lại)|thay đổi (?:sang|thành)|nay (?:là|tổ chức))/iu;
const START_WORDS = /(bắt đầu|khai mạc|lúc|vào|từ)\s*(?:từ|lúc|vào)?\s*$/iu;
const FAR = 48;

/** A reading of `text` (a "Thời gian" line, or a sentence that names the meeting's day). */
export function readWhen(text: string): When {
  const scope = text.length > 2000 ? text.slice(0, 2000) : text;
  const doubts: string[] = [];
  const mentions = findDateMentions(scope);
  const invalid = mentions.filter((m) => !m.start).map((m) => m.text);
  const valid = mentions.filter((m) => m.start);
  if (!valid.length) return { start: null, end: null, confidence: 0, doubts, invalid };

  // A notice that moves the meeting: the new day comes after the words that move it.
  const moved = MOVED.exec(scope);
  let from = 0;
  if (moved && valid.some((m) => m.index > moved.index)) {
    from = moved.index;
    doubts.push(`văn bản đổi lịch: đã chọn ngày sau "${moved[1]}"`);
  }
  const candidates = valid.filter((m) => m.index >= from);
  const primary = candidates[0]!;
  const times = findTimeMentions(scope, mentions).filter((t) => t.index >= from);

  // The start time is the closest before the day ("14 giờ 00 ngày …"), or after it when said so ("…, bắt đầu từ 7h30").
  // "từ 13 giờ 30 đến 17 giờ 00, ngày …" and "ngày …, từ 8h00 đến 11h30": a range of times on the one day.
  const linked = (a: TimeMention, b: TimeMention) =>
    /^\s*(?:,\s*)?(?:đến|tới|-|–|—)\s*$/iu.test(scope.slice(a.end, b.index));
  const near = times.filter((t) => t.end <= primary.index && primary.index - t.end <= FAR * 2);
  let before = near.filter((t) => primary.index - t.end <= FAR).at(-1);
  let sameDayEnd: TimeMention | undefined;
  const previous = before ? near[near.indexOf(before) - 1] : undefined;
  if (before && previous && linked(previous, before)) {
    sameDayEnd = before;
    before = previous;
  }
  const after = times.find(
    (t) =>
      t.index > primary.index &&
      START_WORDS.test(scope.slice(Math.max(primary.index, t.index - 30), t.index)),
  );
  const startTime =
    before ?? after ?? (times.length === 1 && times[0]!.index > primary.index ? times[0] : undefined);
  if (!before && after) {
    const following = times[times.indexOf(after) + 1];
    if (following && linked(after, following)) sameDayEnd = following;
  }

  // The end: a range's last day, or a later day after "đến", with the time just before it.
  let endDay = primary.end;
  let endTime: TimeMention | undefined;
  const next = candidates.find((m) => m.index > primary.index && m.start !== primary.start);
  if (!endDay && next && /đến|tới|-|–/.test(scope.slice(primary.index + primary.text.length, next.index))) {
    endDay = next.start;
    endTime = times.find((t) => t.index > primary.index + primary.text.length && t.end <= next.index);
  }
  if (!endDay && sameDayEnd) {
    endDay = primary.start;
    endTime = sameDayEnd;
  }
  if (!endDay && next && !moved) doubts.push('văn bản nêu nhiều ngày: đã chọn ngày đầu tiên');

  const at = (day: string, time: TimeMention | undefined) => (time ? `${day}T${time.time}:00+07:00` : day);
  return {
    start: at(primary.start!, startTime),
    end: endDay ? at(endDay, endTime) : null,
    confidence: doubts.length ? 0.6 : 1,
    doubts,
    invalid,
  };
}
