/** Display formats Vietnamese officials expect: dd/mm/yyyy, 8h00, 1.234.567 đ. Times in Asia/Ho_Chi_Minh. */

export const EVENT_TIME_ZONE = 'Asia/Ho_Chi_Minh';

const dateFormat = new Intl.DateTimeFormat('vi-VN', {
  timeZone: EVENT_TIME_ZONE,
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
});

const timeParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: EVENT_TIME_ZONE,
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** "27/11/2020" for an instant, in Vietnam's time zone. */
export function formatDate(iso: string): string {
  return dateFormat.format(new Date(iso));
}

/** "8h00", "14h30": the way Vietnamese programs write times. */
export function formatTime(iso: string): string {
  const parts = timeParts.formatToParts(new Date(iso));
  const hour = Number(parts.find((p) => p.type === 'hour')?.value ?? '0');
  const minute = parts.find((p) => p.type === 'minute')?.value ?? '00';
  return `${hour}h${minute}`;
}

/** "8h00 - 11h30, ngày 27/11/2020", or across days "… 27/11/2020 - … 28/11/2020". */
export function formatTimeRange(startIso: string, endIso: string): string {
  const sameDay = formatDate(startIso) === formatDate(endIso);
  if (sameDay) return `${formatTime(startIso)} - ${formatTime(endIso)}, ${formatDate(startIso)}`;
  return `${formatTime(startIso)} ${formatDate(startIso)} - ${formatTime(endIso)} ${formatDate(endIso)}`;
}

const vnd = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 });

/** 1234567 → "1.234.567 đ". */
export function formatVnd(amount: number): string {
  return `${vnd.format(amount)} đ`;
}

/** "2020-11-27" (a calendar date, no time zone) → "27/11/2020". */
export function formatCalendarDate(isoDate: string): string {
  const [y, m, d] = isoDate.split('-');
  return `${d}/${m}/${y}`;
}

/** "27/11/2020" or "27/11/2020" with single digits → "2020-11-27"; null when it is not a real date. */
export function parseCalendarDate(text: string): string | null {
  const match = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$/.exec(text);
  if (!match) return null;
  const [, d, m, y] = match;
  const iso = `${y}-${m!.padStart(2, '0')}-${d!.padStart(2, '0')}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(iso) ? iso : null;
}

/** A Vietnam wall-clock date and time ("2020-11-27", "08:00") as a UTC instant; Vietnam keeps +07:00 all year. */
export function vietnamLocalToInstant(isoDate: string, time: string): string {
  return new Date(`${isoDate}T${time}:00+07:00`).toISOString();
}

/** The calendar day (YYYY-MM-DD) an instant falls on in Vietnam. */
export function vietnamDay(iso: string): string {
  return new Date(Date.parse(iso) + 7 * 3_600_000).toISOString().slice(0, 10);
}

/**
 * Working days (Monday to Friday) left between now and the day of an event, in Vietnam time, not counting today
 * or the event day. A meeting invitation goes out at least 3 working days before (QĐ 45/2018/QĐ-TTg).
 */
export function workingDaysBefore(nowIso: string, eventIso: string): number {
  const day = (iso: string) => new Date(`${vietnamDay(iso)}T00:00:00Z`);
  const from = day(nowIso);
  const to = day(eventIso);
  let count = 0;
  for (const d = new Date(from.getTime() + 86_400_000); d < to; d.setUTCDate(d.getUTCDate() + 1)) {
    const weekday = d.getUTCDay();
    if (weekday !== 0 && weekday !== 6) count++;
  }
  return count;
}

/** The warning an organizer sees when invitations would go out later than 3 working days before. */
export function lateInvitationWarning(nowIso: string, eventIso: string): string | null {
  if (Date.parse(eventIso) < Date.parse(nowIso)) return null;
  const days = workingDaysBefore(nowIso, eventIso);
  return days < 3
    ? `Chỉ còn ${days} ngày làm việc trước hội nghị: giấy mời cần gửi trước ít nhất 3 ngày làm việc (Quyết định 45/2018/QĐ-TTg).`
    : null;
}
