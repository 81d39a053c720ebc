import Holidays from 'date-holidays';
import { formatCalendarDate, vietnamDay } from '../../shared/format';

/**
 * Working days of a state office in Vietnam: Monday to Friday, less public holidays and the Tết break. The
 * holidays come from `date-holidays` (country VN), which knows the fixed days — 1/1, Giao thừa and mùng 1 Tết,
 * Giỗ Tổ Hùng Vương (10/3 âm lịch), 30/4, 1/5, 2/9 — but not the rest of the Tết break, the second day of 2/9
 * (Bộ luật Lao động 2019, from 2021) or the days off given in lieu (nghỉ bù) and swapped by the Government's
 * yearly notice. Those weekdays are listed below, by year, as announced; a year not listed counts the library's
 * days only.
 */
const DAYS_OFF_NOT_IN_LIBRARY: Record<number, string[]> = {
  // Tết Kỷ Hợi 02/2–10/2; Giỗ Tổ (Sun 14/4) → Mon 15/4; 29/4 swapped with Sat 04/5.
  2019: ['2019-02-06', '2019-02-07', '2019-02-08', '2019-04-15', '2019-04-29'],
  // Tết Canh Tý 23/1–29/1.
  2020: ['2020-01-23', '2020-01-27', '2020-01-28', '2020-01-29'],
  // Tết Tân Sửu 10/2–16/2; 1/5 (Sat) → Mon 3/5; Quốc khánh 2/9–3/9.
  2021: ['2021-02-10', '2021-02-15', '2021-02-16', '2021-05-03', '2021-09-03'],
  // Tết Nhâm Dần 29/1–6/2; Giỗ Tổ (Sun 10/4) → 11/4; 30/4–1/5 (weekend) → 2/5, 3/5; 1/1 (Sat) → 3/1; 1/9.
  2022: [
    '2022-01-03',
    '2022-01-31',
    '2022-02-02',
    '2022-02-03',
    '2022-02-04',
    '2022-04-11',
    '2022-05-02',
    '2022-05-03',
    '2022-09-01',
  ],
  // Tết Quý Mão 20/1–26/1; 1/1 (Sun) → 2/1; Giỗ Tổ (Sat 29/4) and 30/4 → 2/5, 3/5; 2/9 (Sat) → 1/9, 4/9.
  2023: [
    '2023-01-02',
    '2023-01-20',
    '2023-01-23',
    '2023-01-24',
    '2023-01-25',
    '2023-01-26',
    '2023-05-02',
    '2023-05-03',
    '2023-09-01',
    '2023-09-04',
  ],
  // Tết Giáp Thìn 8/2–14/2; 29/4 swapped with Sat 4/5; Quốc khánh 31/8–3/9.
  2024: ['2024-02-08', '2024-02-12', '2024-02-13', '2024-02-14', '2024-04-29', '2024-09-03'],
  // Tết Ất Tỵ 25/1–2/2; 2/5 swapped with Sat 26/4; Quốc khánh 30/8–2/9.
  2025: ['2025-01-27', '2025-01-30', '2025-01-31', '2025-05-02', '2025-09-01'],
  // Tết Bính Ngọ 14/2–22/2; Giỗ Tổ (Sun 26/4) → 27/4.
  2026: ['2026-02-16', '2026-02-18', '2026-02-19', '2026-02-20', '2026-04-27'],
};

const vietnam = new Holidays('VN');
const publicHolidays = new Map<number, Set<string>>();

function holidaysOf(year: number): Set<string> {
  let days = publicHolidays.get(year);
  if (!days) {
    days = new Set([
      ...vietnam
        .getHolidays(year)
        .filter((h) => h.type === 'public')
        .map((h) => h.date.slice(0, 10)),
      ...(DAYS_OFF_NOT_IN_LIBRARY[year] ?? []),
    ]);
    publicHolidays.set(year, days);
  }
  return days;
}

/** Whether a calendar day (YYYY-MM-DD) is a day off for a state office: a weekend, a holiday or the Tết break. */
export function isDayOff(day: string): boolean {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return weekday === 0 || weekday === 6 || holidaysOf(Number(day.slice(0, 4))).has(day);
}

const nextDay = (day: string) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** Working days strictly between two calendar days: not the day a letter goes out, nor the day of the meeting. */
export function workingDaysBetween(fromDay: string, toDay: string): number {
  let count = 0;
  for (let d = nextDay(fromDay); d < toDay; d = nextDay(d)) if (!isDayOff(d)) count++;
  return count;
}

/** Today's date in Vietnam (YYYY-MM-DD): between 0h and 7h there it is already tomorrow in UTC terms. */
export const vietnamToday = (now: Date): string => vietnamDay(now.toISOString());

/** The day letters go out: the issue date when it is later than today, else today (Vietnam time). */
export const sendingDay = (now: Date, issuedOn: string | null): string => {
  const today = vietnamToday(now);
  return issuedOn && issuedOn > today ? issuedOn : today;
};

export interface LetterTiming {
  /** Today in Vietnam. */
  today: string;
  /** The day the letters go out, counted from. */
  sendOn: string;
  /** The meeting's day in Vietnam. */
  eventDay: string;
  /** Working days between the two, not counting either. */
  workingDays: number;
  /** Set when a letter sent that day reaches the invitees fewer than 3 working days before the meeting. */
  warning: string | null;
}

/**
 * QĐ 45/2018/QĐ-TTg: a meeting invitation reaches the invitees at least 3 working days before the meeting. Counted
 * in Vietnam's calendar, without weekends, public holidays and the Tết break; no warning once the meeting is over.
 */
export function letterTiming(now: Date, issuedOn: string | null, eventStartsAt: string): LetterTiming {
  const today = vietnamToday(now);
  const sendOn = sendingDay(now, issuedOn);
  const eventDay = vietnamDay(eventStartsAt);
  const workingDays = workingDaysBetween(sendOn, eventDay);
  const late = eventDay >= today && workingDays < 3;
  return {
    today,
    sendOn,
    eventDay,
    workingDays,
    warning: late
      ? `Giấy mời gửi ngày ${formatCalendarDate(sendOn)} chỉ còn ${workingDays} ngày làm việc trước ngày họp ${formatCalendarDate(eventDay)} (không tính thứ Bảy, Chủ nhật, ngày lễ, Tết): giấy mời phải đến trước ít nhất 03 ngày làm việc (Quyết định 45/2018/QĐ-TTg).`
      : null,
  };
}
