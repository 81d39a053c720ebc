/**
 * The domain's fixed vocabularies and their Vietnamese labels, free of zod so any page can import them
 * without downloading the schema library.
 */

export const EVENT_ROLES = ['organizer', 'unit_officer', 'checkin', 'viewer'] as const;
export type EventRole = (typeof EVENT_ROLES)[number];

export const EVENT_STATUSES = ['draft', 'preparing', 'live', 'closed'] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];

export const EVENT_STATUS_LABELS: Record<EventStatus, string> = {
  draft: 'Dự thảo',
  preparing: 'Đang chuẩn bị',
  live: 'Đang diễn ra',
  closed: 'Đã kết thúc',
};

/** Status moves one step at a time, forward or back (a closed event can be reopened). */
export function canMoveStatus(from: EventStatus, to: EventStatus): boolean {
  return Math.abs(EVENT_STATUSES.indexOf(from) - EVENT_STATUSES.indexOf(to)) === 1;
}

export const UNIT_KINDS = [
  'central_agency',
  'provincial_leadership',
  'department',
  'district',
  'commune',
  'producer',
  'retailer',
  'media',
  'other',
] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

/** Vietnamese labels, also the values the XLSX import accepts in the "Loại" column. */
export const UNIT_KIND_LABELS: Record<UnitKind, string> = {
  central_agency: 'Cơ quan Trung ương',
  provincial_leadership: 'Lãnh đạo tỉnh',
  department: 'Sở, ban, ngành',
  district: 'Đơn vị cấp huyện',
  commune: 'Xã, phường, thị trấn',
  producer: 'Chủ thể OCOP',
  retailer: 'Siêu thị, cửa hàng',
  media: 'Cơ quan báo chí',
  other: 'Khác',
};

export const AUDIT_ACTIONS = [
  'create',
  'update',
  'delete',
  'import',
  'status',
  'login',
  'logout',
  'password',
] as const;
