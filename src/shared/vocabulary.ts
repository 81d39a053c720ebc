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
  'distributor',
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
  distributor: 'Doanh nghiệp phân phối',
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
  'substitute',
  'export',
  'erase',
] as const;

/** A delegate's way from the list to the hall; `replaced` is set only by a substitution. */
export const DELEGATE_STATUSES = [
  'draft',
  'invited',
  'confirmed',
  'declined',
  'checked_in',
  'absent',
  'replaced',
] as const;
export type DelegateStatus = (typeof DELEGATE_STATUSES)[number];

export const DELEGATE_STATUS_LABELS: Record<DelegateStatus, string> = {
  draft: 'Mới đăng ký',
  invited: 'Đã mời',
  confirmed: 'Xác nhận dự',
  declined: 'Từ chối',
  checked_in: 'Đã đến',
  absent: 'Vắng mặt',
  replaced: 'Đã cử người thay',
};

/** Statuses that hold a seat of the unit's quota. */
export const SEAT_HOLDING_STATUSES: DelegateStatus[] = [
  'draft',
  'invited',
  'confirmed',
  'checked_in',
  'absent',
];

const DELEGATE_MOVES: Record<DelegateStatus, DelegateStatus[]> = {
  draft: ['invited', 'confirmed', 'declined'],
  invited: ['draft', 'confirmed', 'declined', 'checked_in', 'absent'],
  confirmed: ['invited', 'declined', 'checked_in', 'absent'],
  declined: ['invited', 'confirmed'],
  checked_in: ['confirmed', 'absent'],
  absent: ['confirmed', 'checked_in'],
  replaced: [],
};

export function canMoveDelegateStatus(from: DelegateStatus, to: DelegateStatus): boolean {
  return DELEGATE_MOVES[from].includes(to);
}

/** What a unit officer may set for their own people: whether they come. Attendance is the organizers'. */
export const UNIT_OFFICER_STATUSES: DelegateStatus[] = ['draft', 'confirmed', 'declined'];

export const HONORIFICS = ['ong', 'ba', 'dong_chi'] as const;
export type Honorific = (typeof HONORIFICS)[number];
export const HONORIFIC_LABELS: Record<Honorific, string> = { ong: 'Ông', ba: 'Bà', dong_chi: 'Đồng chí' };

export const GENDERS = ['male', 'female'] as const;
export type Gender = (typeof GENDERS)[number];
export const GENDER_LABELS: Record<Gender, string> = { male: 'Nam', female: 'Nữ' };

/** Who sends a group its invitation: the host through the lead unit, or each district for its communes and producers. */
export const INVITERS = ['host', 'district'] as const;
export type Inviter = (typeof INVITERS)[number];
export const INVITER_LABELS: Record<Inviter, string> = {
  host: 'Cơ quan chủ trì mời (đơn vị chủ trì tham mưu)',
  district: 'UBND cấp huyện mời',
};
