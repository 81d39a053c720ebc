import { formatCalendarDate, formatDate, formatTime, formatVnd } from './format';
import {
  DELEGATE_STATUS_LABELS,
  EVENT_STATUS_LABELS,
  GENDER_LABELS,
  HONORIFIC_LABELS,
  UNIT_KIND_LABELS,
} from './vocabulary';

/**
 * The change log in words: what kind of record, what was done, who or what it was, and each field before → after,
 * with names in place of ids. Shared so the page and the XLSX export read the same. A kind, action or field this
 * file does not know (a feature added later) still reads as words, from the words of its key, never as the key.
 */

export interface AuditLike {
  entity: string;
  entityId: string | null;
  action: string;
  before: unknown;
  after: unknown;
}

export interface AuditChange {
  label: string;
  before: string;
  after: string;
}

export interface AuditDescription {
  kind: string;
  action: string;
  /** Who or what the entry is about: a person's or unit's name, a group's title. */
  subject: string;
  changes: AuditChange[];
}

export const AUDIT_ENTITY_LABELS: Record<string, string> = {
  event: 'Hội nghị',
  member: 'Phân quyền',
  unit: 'Đơn vị',
  user: 'Người dùng',
  session: 'Phiên đăng nhập',
  plan_contents: 'Nội dung kế hoạch',
  delegate: 'Đại biểu',
  composition_group: 'Nhóm thành phần',
  composition_seats: 'Chỉ tiêu đơn vị',
  reply_link: 'Liên kết trả lời',
  invitation: 'Giấy mời',
  invitation_template: 'Mẫu giấy mời',
  personal_data: 'Dữ liệu cá nhân',
  attendance: 'Điểm danh',
  award_batch: 'Đợt trao chứng nhận',
  award_plan: 'Kế hoạch trao chứng nhận',
  award_recipient: 'Chủ thể nhận chứng nhận',
  certificate_template: 'Mẫu giấy chứng nhận',
  hall: 'Hội trường',
  seating: 'Xếp chỗ ngồi',
  presidium: 'Đoàn chủ tịch',
  product: 'Sản phẩm OCOP',
  product_group: 'Nhóm sản phẩm',
  product_photo: 'Ảnh sản phẩm',
  title_rank: 'Thứ bậc chức danh',
  program: 'Chương trình hội nghị',
  program_item: 'Mục chương trình',
  agreement: 'Văn bản thỏa thuận',
  booth: 'Gian hàng',
  task: 'Nhiệm vụ',
  budget: 'Kinh phí',
  budget_item: 'Khoản kinh phí',
};

export const AUDIT_ACTION_LABELS: Record<string, string> = {
  create: 'Tạo mới',
  update: 'Sửa',
  delete: 'Xóa',
  import: 'Nhập từ tệp',
  status: 'Đổi trạng thái',
  login: 'Đăng nhập',
  logout: 'Đăng xuất',
  password: 'Đổi mật khẩu',
  password_reset: 'Đặt lại mật khẩu',
  substitute: 'Cử người thay',
  export: 'Xuất danh sách có dữ liệu cá nhân',
  erase: 'Xóa dữ liệu cá nhân',
  confirm: 'Xác nhận',
  decline: 'Từ chối',
  unlock: 'Mở khóa',
  assign: 'Phân công',
  move: 'Chuyển chỗ',
  approve: 'Phê duyệt',
  sign: 'Ký',
  issue: 'Phát hành',
  reorder: 'Sắp xếp lại',
};

/** Words keys are made of, for kinds, actions and fields no label names (features added later). */
const WORDS: Record<string, string> = {
  agreement: 'thỏa thuận',
  amount: 'số tiền',
  assignment: 'phân công',
  award: 'trao chứng nhận',
  batch: 'đợt',
  booth: 'gian hàng',
  budget: 'kinh phí',
  category: 'loại',
  checkin: 'điểm danh',
  cost: 'chi phí',
  count: 'số lượng',
  date: 'ngày',
  deadline: 'hạn',
  description: 'mô tả',
  due: 'hạn',
  end: 'kết thúc',
  expense: 'khoản chi',
  group: 'nhóm',
  hall: 'hội trường',
  item: 'mục',
  line: 'dòng',
  location: 'địa điểm',
  name: 'tên',
  note: 'ghi chú',
  notes: 'ghi chú',
  order: 'thứ tự',
  owner: 'người phụ trách',
  partner: 'đối tác',
  payment: 'thanh toán',
  photo: 'ảnh',
  plan: 'kế hoạch',
  position: 'vị trí',
  price: 'đơn giá',
  product: 'sản phẩm',
  program: 'chương trình',
  quantity: 'số lượng',
  recipient: 'người nhận',
  seat: 'chỗ ngồi',
  session: 'phiên',
  slot: 'khung giờ',
  source: 'nguồn',
  speaker: 'người phát biểu',
  sponsor: 'nhà tài trợ',
  start: 'bắt đầu',
  status: 'trạng thái',
  task: 'nhiệm vụ',
  template: 'mẫu',
  time: 'thời gian',
  title: 'tên',
  total: 'tổng',
  type: 'loại',
  unit: 'đơn vị',
  vendor: 'nhà cung cấp',
};

const FIELD_LABELS: Record<string, string> = {
  fullName: 'Họ tên',
  name: 'Tên',
  shortName: 'Tên ngắn',
  title: 'Tên',
  username: 'Tên đăng nhập',
  role: 'Vai trò',
  unitId: 'Đơn vị',
  parentId: 'Cấp trên',
  groupId: 'Nhóm thành phần',
  delegateId: 'Đại biểu',
  userId: 'Người dùng',
  eventId: 'Hội nghị',
  productId: 'Sản phẩm',
  producerId: 'Chủ thể',
  districtId: 'Huyện',
  status: 'Trạng thái',
  position: 'Chức vụ',
  organization: 'Cơ quan',
  phone: 'Điện thoại',
  email: 'Email',
  gender: 'Giới tính',
  honorific: 'Danh xưng',
  notes: 'Ghi chú',
  quota: 'Chỉ tiêu',
  seats: 'Chỉ tiêu các đơn vị',
  plannedCount: 'Số theo kế hoạch',
  perUnit: 'Số người mỗi đơn vị',
  unitCount: 'Số đơn vị',
  protocolRank: 'Thứ bậc',
  inviter: 'Cơ quan mời',
  kind: 'Loại',
  startsAt: 'Bắt đầu',
  endsAt: 'Kết thúc',
  venueName: 'Địa điểm',
  venueAddress: 'Địa chỉ',
  capacity: 'Sức chứa',
  expectedAttendees: 'Số dự kiến',
  isActive: 'Đang hoạt động',
  isAdmin: 'Quản trị hệ thống',
  mustChangePassword: 'Phải đổi mật khẩu',
  rows: 'Số dòng trong tệp',
  created: 'Đã thêm',
  skipped: 'Dòng bỏ qua',
  list: 'Danh sách',
  people: 'Số người',
  seat: 'Chỗ ngồi',
  adminCode: 'Mã hành chính',
  validFrom: 'Hiệu lực từ',
  validTo: 'Hiệu lực đến',
  address: 'Địa chỉ',
  reason: 'Lý do',
  stars: 'Số sao',
  amount: 'Số tiền',
  sample: 'Dữ liệu mẫu',
};

const ROLE_LABELS: Record<string, string> = {
  organizer: 'Ban tổ chức',
  unit_officer: 'Cán bộ đơn vị',
  checkin: 'Lễ tân',
  viewer: 'Xem',
};

// Keys never worth a line: bookkeeping, or derived for search and sorting.
const HIDDEN = new Set([
  'id',
  'createdAt',
  'updatedAt',
  'created_at',
  'updated_at',
  'searchKey',
  'search_key',
  'name_key',
  'protocol_key',
  'identity_key',
  'passwordHash',
  'password_hash',
]);

const ID_LIKE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export const isIdLike = (value: unknown): boolean => typeof value === 'string' && ID_LIKE.test(value);

function splitKey(key: string): string[] {
  return key
    .replace(/([a-z])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .split(/[_\s.-]+/)
    .filter(Boolean);
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "booth_assignment" → "Phân công gian hàng" when every word is known; else a plain fallback. */
function fromWords(key: string, fallback: string): string {
  const parts = splitKey(key).filter((w) => w !== 'id');
  if (!parts.length || !parts.every((w) => WORDS[w])) return fallback;
  // Vietnamese puts the head noun first: "booth assignment" reads "phân công gian hàng".
  return capitalize(
    parts
      .map((w) => WORDS[w]!)
      .reverse()
      .join(' '),
  );
}

export function auditEntityLabel(entity: string): string {
  return AUDIT_ENTITY_LABELS[entity] ?? fromWords(entity, 'Dữ liệu khác');
}

export function auditActionLabel(action: string): string {
  return AUDIT_ACTION_LABELS[action] ?? fromWords(action, 'Thay đổi');
}

export function auditFieldLabel(key: string): string {
  return FIELD_LABELS[key] ?? fromWords(key, 'Thông tin khác');
}

/** A value in words: names for ids, dd/mm/yyyy for dates, Có/Không, labels for the known vocabularies. */
export function auditValue(key: string, value: unknown, names: Record<string, string>): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? 'Có' : 'Không';
  if (typeof value === 'number') {
    if (key === 'isActive' || key === 'isAdmin' || key === 'mustChangePassword')
      return value ? 'Có' : 'Không';
    if (/amount|price|cost|budget|total/i.test(key)) return formatVnd(value);
    return value.toLocaleString('vi-VN');
  }
  if (typeof value === 'string') {
    if (isIdLike(value)) return names[value] ?? '(đã xóa)';
    if (key === 'role') return ROLE_LABELS[value] ?? value;
    if (key === 'status')
      return (
        (DELEGATE_STATUS_LABELS as Record<string, string>)[value] ??
        (EVENT_STATUS_LABELS as Record<string, string>)[value] ??
        value
      );
    if (key === 'kind') return (UNIT_KIND_LABELS as Record<string, string>)[value] ?? value;
    if (key === 'gender') return (GENDER_LABELS as Record<string, string>)[value] ?? value;
    if (key === 'honorific') return (HONORIFIC_LABELS as Record<string, string>)[value] ?? value;
    if (ISO_INSTANT.test(value)) return `${formatTime(value)} ${formatDate(value)}`;
    if (ISO_DATE.test(value)) return formatCalendarDate(value);
    return value.length > 80 ? `${value.slice(0, 77)}…` : value;
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return '—';
    const parts = value.map((v) => auditValue(key, v, names));
    if (parts.length <= 4 && parts.every((p) => p.length < 40 && p !== '…')) return parts.join(', ');
    return `${value.length.toLocaleString('vi-VN')} mục`;
  }
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    // A seat ({unitId, quota}), a created person ({fullName, …}): its name and its number read best.
    const name = ['fullName', 'name', 'title', 'unitId', 'username'].find((k) => record[k] !== undefined);
    const amount = ['quota', 'count', 'people', 'amount'].find((k) => typeof record[k] === 'number');
    if (name) {
      const label = auditValue(name, record[name], names);
      return amount ? `${label}: ${auditValue(amount, record[amount], names)}` : label;
    }
    return '…';
  }
  return '—';
}

const asRecord = (v: unknown): Record<string, unknown> | null =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;

function subjectOf(entry: AuditLike, names: Record<string, string>): string {
  if (entry.entityId && names[entry.entityId]) return names[entry.entityId]!;
  for (const snapshot of [asRecord(entry.after), asRecord(entry.before)]) {
    if (!snapshot) continue;
    for (const key of ['fullName', 'name', 'title', 'username', 'list']) {
      const v = snapshot[key];
      if (typeof v === 'string' && v && !isIdLike(v)) return v;
    }
  }
  return '';
}

/** One entry in words. Fields that did not change are left out of an edit; a creation lists what it set. */
export function describeAudit(entry: AuditLike, names: Record<string, string>): AuditDescription {
  const before = asRecord(entry.before);
  const after = asRecord(entry.after);
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])].filter(
    (k) => !HIDDEN.has(k),
  );
  const changes: AuditChange[] = [];
  for (const key of keys) {
    const b = before?.[key];
    const a = after?.[key];
    if (before && after && JSON.stringify(a) === JSON.stringify(b)) continue;
    const beforeText = before ? auditValue(key, b, names) : '';
    const afterText = after ? auditValue(key, a, names) : '';
    if ((beforeText === '—' || !beforeText) && (afterText === '—' || !afterText)) continue;
    changes.push({ label: auditFieldLabel(key), before: beforeText, after: afterText });
  }
  // Lists as a whole (a group's seats before and after): shown as their items.
  if (!before && !after && (Array.isArray(entry.before) || Array.isArray(entry.after))) {
    changes.push({
      label: auditFieldLabel('seats'),
      before: entry.before ? auditValue('seats', entry.before, names) : '',
      after: entry.after ? auditValue('seats', entry.after, names) : '',
    });
  }
  return {
    kind: auditEntityLabel(entry.entity),
    action: auditActionLabel(entry.action),
    subject: subjectOf(entry, names),
    changes,
  };
}

/** The change list as one line: "Vai trò: Lễ tân → Ban tổ chức; Đơn vị: — → Huyện Hoằng Hóa". */
export function auditChangesText(changes: AuditChange[]): string {
  return changes
    .map((c) =>
      c.before && c.after ? `${c.label}: ${c.before} → ${c.after}` : `${c.label}: ${c.after || c.before}`,
    )
    .join('; ');
}

/** Every id a set of entries mentions, for the server to resolve to names. */
export function auditIds(entries: AuditLike[]): string[] {
  const found = new Set<string>();
  const walk = (v: unknown, depth: number) => {
    if (depth > 4) return;
    if (typeof v === 'string' && isIdLike(v)) found.add(v);
    else if (Array.isArray(v)) for (const x of v.slice(0, 200)) walk(x, depth + 1);
    else if (v && typeof v === 'object') for (const x of Object.values(v)) walk(x, depth + 1);
  };
  for (const e of entries) {
    if (e.entityId) found.add(e.entityId);
    walk(e.before, 0);
    walk(e.after, 0);
  }
  return [...found];
}
