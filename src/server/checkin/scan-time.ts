import { formatDate, formatTime, formatTimeRange } from '../../shared/format';
import { type AppError, conflict, invalidField } from '../errors';

/** A phone's clock may run a little ahead of the server's; more than this is a wrong clock. */
export const SCAN_FUTURE_TOLERANCE_MS = 5 * 60_000;
/** Scans are believed from the day before the event starts to the day after it ends (early arrivals, offline sync). */
export const SCAN_EVENT_MARGIN_MS = 24 * 3600_000;

/**
 * Why a device's scan time cannot be believed, or null. The earliest scan counts, so a phone whose clock says
 * 1970 would otherwise take precedence over every honest scan, and one saying 2999 would never count at all.
 * Believed: not later than the server's clock (plus a small tolerance), and either within the event's window or
 * within the last day by the server's clock (a conference held on other dates than planned, the demo).
 */
export function scanTimeProblem(
  scannedAt: string,
  event: { starts_at: string; ends_at: string },
  now = Date.now(),
): AppError | null {
  const at = Date.parse(scannedAt);
  const shown = `${formatTime(scannedAt)} ngày ${formatDate(scannedAt)}`;
  const advice = 'đồng hồ của máy quét có thể bị sai. Hãy chỉnh lại ngày giờ trên máy rồi quét lại.';
  if (at > now + SCAN_FUTURE_TOLERANCE_MS) {
    return invalidField('scannedAt', `Giờ quét (${shown}) muộn hơn giờ hiện tại của máy chủ: ${advice}`);
  }
  const inWindow =
    at >= Date.parse(event.starts_at) - SCAN_EVENT_MARGIN_MS &&
    at <= Date.parse(event.ends_at) + SCAN_EVENT_MARGIN_MS;
  if (inWindow || at >= now - SCAN_EVENT_MARGIN_MS) return null;
  return invalidField(
    'scannedAt',
    `Giờ quét (${shown}) nằm ngoài thời gian hội nghị (${formatTimeRange(event.starts_at, event.ends_at)}): ${advice}`,
  );
}

/** The same client id sent for someone else: a device bug or a copied queue, never a retry to answer as before. */
export function clientIdTaken(firstPersonName: string): AppError {
  const message = `Mã lượt quét (clientId) này đã được dùng để điểm danh một đại biểu khác (${firstPersonName}); lượt quét này không được ghi. Hãy quét lại.`;
  return conflict(message, [{ field: 'clientId', message }]);
}
